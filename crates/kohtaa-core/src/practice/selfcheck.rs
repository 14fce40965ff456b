//! Scoring the informal self-check: answers on a five-point scale become a place on two axes,
//! and that place becomes a suggested style, a neighbour blend, or "no clear preference".
//!
//! Pure functions. The thresholds are deliberately simple so they can be explained:
//!
//! - Each answer (1 = strongly disagree … 5 = strongly agree) counts `answer - 3`, i.e. -2..=2,
//!   towards the pole its statement points to, and the opposite amount towards the other pole.
//!   An unanswered statement counts 0. Each axis is the sum divided by its largest possible
//!   size (2 × the statements on that axis), so both axes run from -1 to 1:
//!   pace +1 = fast, -1 = reflective; focus +1 = people, -1 = task.
//! - **Centre.** When the point lies within [`CENTRE`] (0.25) of the middle (Euclidean
//!   distance), the result is "no clear preference".
//! - **Main style.** Otherwise the quadrant decides: fast + task = D, fast + people = i,
//!   reflective + people = S, reflective + task = C.
//! - **Blend.** When the weaker axis is less than [`PURE_RATIO`] (half) of the stronger one, the
//!   point lies near the border with a neighbour: the result is the main style leaning towards
//!   the neighbour across that border (D leaning to i is "Di", i leaning to D is "iD").
//!   Exactly on a border (the weaker axis is 0) the circle's own pair order decides: Di, iS,
//!   SC, CD.

use crate::content::Style;
use crate::content::styles::{Axis, Blend, LearnerStyle, Statement};

/// Distance from the middle under which no preference is shown.
pub const CENTRE: f64 = 0.25;
/// Below this ratio of the weaker to the stronger axis, the result is a blend.
pub const PURE_RATIO: f64 = 0.5;

/// A place on the two axes, each from -1 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// +1 fast, -1 reflective.
    pub pace: f64,
    /// +1 people, -1 task.
    pub focus: f64,
}

/// What the self-check suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tendency {
    Clear(LearnerStyle),
    NoClearPreference,
}

/// Places answers on the axes. `answers[i]` answers `statements[i]`: 1..=5, or `None` when
/// skipped. Values outside 1..=5 are clamped; missing answers count as the middle.
pub fn scores(statements: &[Statement], answers: &[Option<u8>]) -> Scores {
    let (mut pace, mut pace_max, mut focus, mut focus_max) = (0i32, 0i32, 0i32, 0i32);
    for (i, statement) in statements.iter().enumerate() {
        let value = answers
            .get(i)
            .copied()
            .flatten()
            .map_or(0, |a| i32::from(a.clamp(1, 5)) - 3);
        let signed = value * statement.agree.sign();
        match statement.agree.axis() {
            Axis::Pace => {
                pace += signed;
                pace_max += 2;
            }
            Axis::Focus => {
                focus += signed;
                focus_max += 2;
            }
        }
    }
    let ratio = |sum: i32, max: i32| {
        if max == 0 {
            0.0
        } else {
            f64::from(sum) / f64::from(max)
        }
    };
    Scores {
        pace: ratio(pace, pace_max),
        focus: ratio(focus, focus_max),
    }
}

/// The tendency at a place on the axes (see the module notes for the thresholds).
pub fn tendency(s: Scores) -> Tendency {
    if s.pace.hypot(s.focus) < CENTRE {
        return Tendency::NoClearPreference;
    }
    // Exactly on a border, lean to the side that makes the circle's own pair order.
    let fast = s.pace > 0.0 || (s.pace == 0.0 && s.focus > 0.0);
    let people = s.focus > 0.0 || (s.focus == 0.0 && s.pace < 0.0);
    let main = match (fast, people) {
        (true, false) => Style::D,
        (true, true) => Style::I,
        (false, true) => Style::S,
        (false, false) => Style::C,
    };
    let (p, f) = (s.pace.abs(), s.focus.abs());
    let (strong, weak) = (p.max(f), p.min(f));
    if weak >= strong * PURE_RATIO {
        return Tendency::Clear(LearnerStyle::Pure(main));
    }
    // Near a border: the neighbour is across the weaker axis.
    let lean = if f < p {
        // Focus is weak: same pace, other focus.
        match (fast, people) {
            (true, _) if people => Style::D,
            (true, _) => Style::I,
            (false, _) if people => Style::C,
            (false, _) => Style::S,
        }
    } else {
        // Pace is weak: same focus, other pace.
        match (fast, people) {
            (_, true) if fast => Style::S,
            (_, true) => Style::I,
            (_, false) if fast => Style::C,
            (_, false) => Style::D,
        }
    };
    let blend = Blend::of(main, lean).expect("a style and its neighbour across one axis");
    Tendency::Clear(LearnerStyle::Blend(blend))
}

/// The tendency the answers suggest.
pub fn result(statements: &[Statement], answers: &[Option<u8>]) -> Tendency {
    tendency(scores(statements, answers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pace: f64, focus: f64) -> Tendency {
        tendency(Scores { pace, focus })
    }

    fn clear(code: &str) -> Tendency {
        Tendency::Clear(LearnerStyle::parse(code).unwrap())
    }

    #[test]
    fn corners_borders_and_centre() {
        assert_eq!(at(1.0, -1.0), clear("D"));
        assert_eq!(at(1.0, 1.0), clear("i"));
        assert_eq!(at(-1.0, 1.0), clear("S"));
        assert_eq!(at(-1.0, -1.0), clear("C"));
        assert_eq!(at(1.0, 0.0), clear("Di"));
        assert_eq!(at(0.0, 1.0), clear("iS"));
        assert_eq!(at(-1.0, 0.0), clear("SC"));
        assert_eq!(at(0.0, -1.0), clear("CD"));
        assert_eq!(at(1.0, 0.1), clear("iD"));
        assert_eq!(at(0.1, 1.0), clear("iS"));
        assert_eq!(at(-0.1, 1.0), clear("Si"));
        assert_eq!(at(-1.0, 0.1), clear("SC"));
        assert_eq!(at(-1.0, -0.1), clear("CS"));
        assert_eq!(at(-0.1, -1.0), clear("CD"));
        assert_eq!(at(0.1, -1.0), clear("DC"));
        assert_eq!(at(1.0, -0.1), clear("Di"));
        assert_eq!(at(0.0, 0.0), Tendency::NoClearPreference);
        assert_eq!(at(0.2, -0.1), Tendency::NoClearPreference);
    }

    #[test]
    fn the_pure_threshold_is_half() {
        assert_eq!(at(0.8, -0.4), clear("D"));
        assert_eq!(at(0.8, -0.39), clear("Di"));
    }
}
