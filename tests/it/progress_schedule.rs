//! The spaced schedule: a step that went wrong comes back after 1, 3, 7, 21 and 60 days.

use crate::support::records::{day, one};
use kohtaa::practice::StepResult::{Broken, Missed, NotInPlay, Shown};
use kohtaa::practice::record::{RunRecord, RunStatus};
use kohtaa::practice::schedule::{INTERVALS, StepSchedule, schedule};

fn listen(records: &[RunRecord], now: i64) -> StepSchedule {
    schedule(records, day(now))
        .into_iter()
        .find(|s| s.step == "listen")
        .expect("listen is on the schedule")
}

fn due_day(records: &[RunRecord], now: i64) -> Option<i64> {
    listen(records, now)
        .due
        .map(|d| (d - day(0).date()).whole_days())
}

#[test]
fn a_missed_step_is_due_the_next_day_and_not_before() {
    let runs = vec![one(0, "listen", Missed)];
    assert_eq!(due_day(&runs, 0), Some(1));
    assert!(!listen(&runs, 0).is_due(day(0).date()));
    assert!(listen(&runs, 1).is_due(day(1).date()));
    assert_eq!(listen(&runs, 3).days_overdue(day(3).date()), Some(2));
}

#[test]
fn success_on_each_due_day_stretches_the_interval_1_3_7_21_60() {
    let mut runs = vec![one(0, "listen", Broken)];
    let mut today = 0;
    let mut seen = vec![(today, due_day(&runs, today).unwrap() - today)];
    for _ in 1..INTERVALS.len() {
        today = due_day(&runs, today).unwrap();
        runs.push(one(today, "listen", Shown));
        seen.push((today, due_day(&runs, today).unwrap() - today));
    }
    // Came back on days 1, 4, 11 and 32; each time shown, the next interval grew.
    assert_eq!(
        seen,
        vec![(0, 1), (1, 3), (4, 7), (11, 21), (32, 60)],
        "(day practised, days until due again)"
    );
    // Shown again after the 60-day interval: learned, off the schedule.
    runs.push(one(92, "listen", Shown));
    let s = listen(&runs, 92);
    assert_eq!(s.due, None);
    assert_eq!(s.level, None);
    assert_eq!(s.shown, 5);
}

#[test]
fn failure_resets_the_interval_to_one_day() {
    let runs = vec![
        one(0, "listen", Missed),
        one(1, "listen", Shown),
        one(4, "listen", Shown),
        // Interval is now 7 days; broken on day 11 starts over.
        one(11, "listen", Broken),
    ];
    let s = listen(&runs, 11);
    assert_eq!(s.interval_days(), Some(1));
    assert_eq!(due_day(&runs, 11), Some(12));
    assert_eq!((s.broken, s.missed, s.shown), (1, 1, 2));
}

#[test]
fn showing_a_step_before_it_is_due_does_not_stretch_it() {
    let runs = vec![one(0, "listen", Missed), one(0, "listen", Shown)];
    assert_eq!(due_day(&runs, 0), Some(1));
    assert_eq!(listen(&runs, 0).interval_days(), Some(1));
}

#[test]
fn a_step_that_never_went_wrong_is_not_scheduled() {
    let runs = vec![one(0, "listen", Shown), one(2, "listen", Shown)];
    assert_eq!(listen(&runs, 5).due, None);
    assert!(!listen(&runs, 5).is_due(day(5).date()));
}

#[test]
fn not_in_play_changes_nothing() {
    let runs = vec![one(0, "listen", Missed), one(1, "listen", NotInPlay)];
    assert_eq!(due_day(&runs, 1), Some(1));
    assert_eq!(listen(&runs, 1).interval_days(), Some(1));
}

#[test]
fn an_abandoned_run_does_not_count_what_it_never_reached() {
    let mut left = one(0, "listen", Missed);
    left.status = RunStatus::Abandoned;
    assert!(schedule(&[left.clone()], day(3)).is_empty());
    // But what it did break counts.
    let mut broke = one(0, "listen", Broken);
    broke.status = RunStatus::Abandoned;
    assert_eq!(due_day(&[broke], 0), Some(1));
}

#[test]
fn the_order_of_records_does_not_matter() {
    let runs = vec![
        one(4, "listen", Shown),
        one(0, "listen", Missed),
        one(1, "listen", Shown),
    ];
    assert_eq!(due_day(&runs, 4), Some(11));
}
