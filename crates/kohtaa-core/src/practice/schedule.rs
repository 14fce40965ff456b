//! A spaced schedule per model step: skills fade without spaced practice (pedagogy.md).
//!
//! A step missed or broken in a run comes back a day later. Each time it is then shown on or
//! after its due day, the next interval grows: 1, 3, 7, 21, 60 days; shown after the 60-day
//! interval, it leaves the schedule. Missed or broken again, it starts over at 1 day.
//! Showing a step before it is due changes nothing: it was not yet time to test the memory.
//!
//! Days are calendar days in the offset of "now", so "tomorrow" means tomorrow, not 24 hours.

use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::measure::StepResult;
use crate::practice::record::{RunRecord, RunStatus};

/// The intervals, in days, between practice of a step that once went wrong.
pub const INTERVALS: [i64; 5] = [1, 3, 7, 21, 60];

/// Where one step stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepSchedule {
    pub step: String,
    pub thread: bool,
    /// Runs that showed, broke and missed the step (abandoned runs count only what happened).
    pub shown: u32,
    pub broken: u32,
    pub missed: u32,
    /// The last result that counted, and the day of it.
    pub last_result: StepResult,
    pub last_day: Date,
    /// The current place in [`INTERVALS`]; `None` when the step has never gone wrong or has
    /// been shown after its last interval.
    pub level: Option<usize>,
    /// The day the step is due again; `None` when it is not on the schedule.
    pub due: Option<Date>,
}

impl StepSchedule {
    /// The current interval in days, when the step is on the schedule.
    pub fn interval_days(&self) -> Option<i64> {
        self.level.map(|l| INTERVALS[l])
    }

    /// Times it went wrong.
    pub fn failures(&self) -> u32 {
        self.broken + self.missed
    }

    pub fn is_due(&self, today: Date) -> bool {
        self.due.is_some_and(|d| d <= today)
    }

    /// Days past the due day (0 on the day itself); `None` when not due.
    pub fn days_overdue(&self, today: Date) -> Option<i64> {
        self.due
            .filter(|d| *d <= today)
            .map(|d| (today - d).whole_days())
    }
}

/// What a run says about a step, for the schedule: abandoned runs did not reach every step,
/// so a step they merely did not show is not counted against the learner.
fn counted(record: &RunRecord, result: StepResult) -> Option<StepResult> {
    let result = result.held_against(record.status == RunStatus::Abandoned);
    result.is_scored().then_some(result)
}

/// The day of a moment, in the given offset.
pub fn day_of(moment: OffsetDateTime, offset: UtcOffset) -> Date {
    moment.to_offset(offset).date()
}

/// The schedule of every step seen in `records`, in the order first seen (the model's order),
/// as it stands at `now`.
pub fn schedule(records: &[RunRecord], now: OffsetDateTime) -> Vec<StepSchedule> {
    let offset = now.offset();
    let mut runs: Vec<&RunRecord> = records.iter().collect();
    runs.sort_by_key(|r| r.ended);
    let mut out: Vec<StepSchedule> = Vec::new();
    for record in runs {
        let day = day_of(record.ended, offset);
        for outcome in &record.measurement.steps {
            let Some(result) = counted(record, outcome.result) else {
                continue;
            };
            let at = match out.iter().position(|s| s.step == outcome.step) {
                Some(at) => at,
                None => {
                    out.push(StepSchedule {
                        step: outcome.step.clone(),
                        thread: outcome.thread,
                        shown: 0,
                        broken: 0,
                        missed: 0,
                        last_result: result,
                        last_day: day,
                        level: None,
                        due: None,
                    });
                    out.len() - 1
                }
            };
            let s = &mut out[at];
            s.last_result = result;
            s.last_day = day;
            match result {
                StepResult::Shown => {
                    s.shown += 1;
                    if let (Some(level), Some(due)) = (s.level, s.due)
                        && day >= due
                    {
                        if level + 1 < INTERVALS.len() {
                            s.level = Some(level + 1);
                            s.due = Some(day + Duration::days(INTERVALS[level + 1]));
                        } else {
                            s.level = None;
                            s.due = None;
                        }
                    }
                }
                StepResult::Broken | StepResult::Missed => {
                    if result == StepResult::Broken {
                        s.broken += 1;
                    } else {
                        s.missed += 1;
                    }
                    s.level = Some(0);
                    s.due = Some(day + Duration::days(INTERVALS[0]));
                }
                StepResult::NotReached | StepResult::NotInPlay => unreachable!("not counted"),
            }
        }
    }
    out
}
