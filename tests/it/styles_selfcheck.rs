//! The informal self-check on the bundled statements: answer patterns at each corner, on each
//! border between neighbours, leaning either way across it, and at the centre.

use kohtaa::content::styles::{Axis, LearnerStyle, Pole, Statement};
use kohtaa::practice::selfcheck::{Tendency, result, scores};

use crate::support::bundled;

fn statements(lang: &str) -> Vec<Statement> {
    bundled()
        .styles_for(lang)
        .unwrap()
        .self_check
        .statements
        .clone()
}

/// Answers placing the learner at `pace` (-2 reflective .. 2 fast) and `focus` (-2 task ..
/// 2 people) on every statement.
fn pattern(statements: &[Statement], pace: i32, focus: i32) -> Vec<Option<u8>> {
    statements
        .iter()
        .map(|s| {
            let target = match s.agree.axis() {
                Axis::Pace => pace,
                Axis::Focus => focus,
            };
            Some((3 + target * s.agree.sign()) as u8)
        })
        .collect()
}

/// Moves the first statement pointing to `pole` one point towards agreeing with it.
fn nudge(statements: &[Statement], answers: &mut [Option<u8>], pole: Pole) {
    let i = statements.iter().position(|s| s.agree == pole).unwrap();
    answers[i] = answers[i].map(|a| a + 1);
}

fn clear(code: &str) -> Tendency {
    Tendency::Clear(LearnerStyle::parse(code).unwrap())
}

#[test]
fn corners_give_the_four_styles() {
    for lang in ["en", "fi"] {
        let st = statements(lang);
        assert_eq!(result(&st, &pattern(&st, 2, -2)), clear("D"));
        assert_eq!(result(&st, &pattern(&st, 2, 2)), clear("i"));
        assert_eq!(result(&st, &pattern(&st, -2, 2)), clear("S"));
        assert_eq!(result(&st, &pattern(&st, -2, -2)), clear("C"));
        // Milder answers in the same direction give the same style.
        assert_eq!(result(&st, &pattern(&st, 1, -1)), clear("D"));
        assert_eq!(result(&st, &pattern(&st, -1, 1)), clear("S"));
    }
}

#[test]
fn on_a_border_the_circles_pair_is_named() {
    for lang in ["en", "fi"] {
        let st = statements(lang);
        assert_eq!(result(&st, &pattern(&st, 2, 0)), clear("Di"));
        assert_eq!(result(&st, &pattern(&st, 0, 2)), clear("iS"));
        assert_eq!(result(&st, &pattern(&st, -2, 0)), clear("SC"));
        assert_eq!(result(&st, &pattern(&st, 0, -2)), clear("CD"));
    }
}

#[test]
fn leaning_across_a_border_puts_that_side_first() {
    let st = statements("en");
    let cases = [
        // (pace, focus, nudge towards, expected)
        (2, 0, Pole::Task, "Di"),
        (2, 0, Pole::People, "iD"),
        (0, 2, Pole::Fast, "iS"),
        (0, 2, Pole::Reflective, "Si"),
        (-2, 0, Pole::People, "SC"),
        (-2, 0, Pole::Task, "CS"),
        (0, -2, Pole::Reflective, "CD"),
        (0, -2, Pole::Fast, "DC"),
    ];
    for (pace, focus, pole, expected) in cases {
        let mut answers = pattern(&st, pace, focus);
        nudge(&st, &mut answers, pole);
        assert_eq!(
            result(&st, &answers),
            clear(expected),
            "{pace},{focus} nudged to {pole:?}"
        );
    }
}

#[test]
fn the_centre_shows_no_clear_preference() {
    for lang in ["en", "fi"] {
        let st = statements(lang);
        assert_eq!(
            result(&st, &pattern(&st, 0, 0)),
            Tendency::NoClearPreference
        );
        // Agreeing (or disagreeing) with everything cancels out: the poles are balanced.
        assert_eq!(
            result(&st, &vec![Some(5); st.len()]),
            Tendency::NoClearPreference
        );
        assert_eq!(
            result(&st, &vec![Some(1); st.len()]),
            Tendency::NoClearPreference
        );
        // Skipped statements count as the middle.
        assert_eq!(
            result(&st, &vec![None; st.len()]),
            Tendency::NoClearPreference
        );
        assert_eq!(result(&st, &[]), Tendency::NoClearPreference);
        // One strong answer is not yet a preference.
        let mut answers = pattern(&st, 0, 0);
        nudge(&st, &mut answers, Pole::Fast);
        nudge(&st, &mut answers, Pole::Fast);
        assert_eq!(result(&st, &answers), Tendency::NoClearPreference);
    }
}

#[test]
fn scores_run_from_minus_one_to_one() {
    let st = statements("en");
    let s = scores(&st, &pattern(&st, 2, -2));
    assert_eq!((s.pace, s.focus), (1.0, -1.0));
    let s = scores(&st, &pattern(&st, -2, 2));
    assert_eq!((s.pace, s.focus), (-1.0, 1.0));
    // Out-of-scale answers are clamped, never overflow the axis.
    let s = scores(&st, &vec![Some(200); st.len()]);
    assert!(s.pace.abs() <= 1.0 && s.focus.abs() <= 1.0);
}
