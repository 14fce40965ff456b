//! Surface clues: what lets a learner find the good answer by its look rather than by
//! understanding (pedagogy.md, "Scenarios that teach rather than tell"), and what keeps a
//! scenario from teaching repair or from rewarding the ideal path in full.
//!
//! A choice is *good* when it shows a step and breaks none, *bad* when it breaks a step or
//! names a pitfall, and *neutral* otherwise. A *contested* node is a reachable decision
//! node with at least one good and one bad choice: only there can a clue give anything away.

use serde::Serialize;

use super::{
    ChoiceRef, Code, Core, EndingInfo, Explored, FitReport, Measurer, Outcome, Witness, choice_ref,
    code_str, explore,
};
use crate::content::styles::Went;
use crate::practice::debrief::answer_went;
use crate::practice::{ChoiceEffect, OrderNote, StepResult};

/// Fewer contested nodes than this say nothing about a scenario's habits.
pub const SURFACE_CLUE_MIN_NODES: usize = 3;
/// The longest answer gives the good one away when chance alone would make it good at so
/// many nodes (or more) with at most this probability: one scenario in ten.
pub const SURFACE_CLUE_P: f64 = 0.1;
/// The fit of a path that shows every step it is offered and breaks none.
pub const PERFECT_FIT: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Shows a step and breaks none.
    Good,
    /// Breaks a step or names a pitfall.
    Bad,
    Neutral,
}

impl Verdict {
    pub fn of(e: &ChoiceEffect) -> Verdict {
        match answer_went(e) {
            Went::Good => Verdict::Good,
            Went::Poor => Verdict::Bad,
            Went::Mixed => Verdict::Neutral,
        }
    }
}

/// K0902: how often the longest choice of a contested node is a good one, against chance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LengthClue {
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    /// Contested nodes.
    pub nodes: usize,
    /// Contested nodes whose longest choice (most words; then most characters; then the
    /// first in the file) is a good one.
    pub longest_good: usize,
    pub share_percent: u32,
    /// How many of them chance would give: the sum over the nodes of good / choices.
    pub chance: f64,
    pub chance_percent: u32,
    /// The probability that chance alone gives `longest_good` or more (the nodes taken as
    /// independent): a one-sided exact test.
    pub p_value: f64,
    /// At least `SURFACE_CLUE_MIN_NODES` nodes, more than chance, and `p_value` at most
    /// `SURFACE_CLUE_P`.
    pub fires: bool,
    /// The nodes where the longest choice is good.
    pub longest_good_at: Vec<String>,
}

/// K0904: whether the mood change alone tells a good answer from a bad one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MoodKey {
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    /// Contested nodes.
    pub nodes: usize,
    /// Contested nodes where every good choice changes the mood more than every bad one.
    pub separated: usize,
    pub separated_at: Vec<String>,
    /// `separated` is more than half of at least `SURFACE_CLUE_MIN_NODES` nodes.
    pub separates: bool,
    /// The best outcome of any reachable ending.
    pub best_outcome: Option<Outcome>,
    /// The endings a learner reaches who always takes the highest mood change (every tie
    /// followed), each with a path.
    pub greedy: Vec<GreedyEnding>,
    /// Some of those has the best outcome, and not every reachable ending has it.
    pub greedy_reaches_best: bool,
    /// `separates` or `greedy_reaches_best`.
    pub fires: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GreedyEnding {
    pub ending: String,
    pub outcome: Outcome,
    pub path: Witness,
}

/// K0905: the path of the best fit, and whether it is perfect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BestPath {
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    /// A perfect path if there is one, otherwise the path of the best fit.
    pub path: Witness,
    pub fit: Option<u32>,
    pub missed: Vec<String>,
    pub broken: Vec<String>,
    pub order_notes: Vec<OrderNote>,
    /// The path scores `PERFECT_FIT` and raises no order notes.
    pub perfect: bool,
    /// False when the search for a perfect path stopped at the state limit without one.
    pub proven: bool,
    /// Proven that no path is perfect.
    pub fires: bool,
}

/// K0906: a bad first answer after which no path reaches a Partial or Resolved ending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoRecovery {
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    /// The first answer, with the steps it breaks.
    pub choice: ChoiceRef,
    /// The endings still reachable after it.
    pub endings: Vec<EndingInfo>,
}

/// Reachable decision nodes with a good and a bad choice, in file order.
fn contested(core: &Core, reached: &[bool]) -> Vec<usize> {
    (0..core.scenario.nodes.len())
        .filter(|&n| reached[n] && !core.is_ending(n))
        .filter(|&n| {
            let has = |v: Verdict| core.choices[n].iter().any(|b| b.verdict == v);
            has(Verdict::Good) && has(Verdict::Bad)
        })
        .collect()
}

fn percent(part: f64, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        (part * 100.0 / whole as f64).round() as u32
    }
}

/// Three decimals are plenty for a reader and keep JSON output stable.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// P(X >= k) where X counts successes of independent trials with probabilities `p`.
fn at_least(p: &[f64], k: usize) -> f64 {
    // dist[j]: the probability of j successes among the trials so far.
    let mut dist = vec![1.0];
    for &pi in p {
        let mut next = vec![0.0; dist.len() + 1];
        for (j, &d) in dist.iter().enumerate() {
            next[j] += d * (1.0 - pi);
            next[j + 1] += d * pi;
        }
        dist = next;
    }
    dist.iter().skip(k).sum::<f64>().min(1.0)
}

pub(super) fn answer_by_length(core: &Core, reached: &[bool]) -> Option<LengthClue> {
    let nodes = contested(core, reached);
    if nodes.is_empty() {
        return None;
    }
    let words = |s: &str| (s.split_whitespace().count(), s.chars().count());
    let mut longest_good_at = Vec::new();
    let mut chances = Vec::new();
    for &n in &nodes {
        let choices = core.scenario.nodes[n].choice_list();
        let longest = (0..choices.len())
            .max_by_key(|&i| (words(&choices[i].say), std::cmp::Reverse(i)))
            .expect("a contested node has choices");
        if core.choices[n][longest].verdict == Verdict::Good {
            longest_good_at.push(core.scenario.nodes[n].id.clone());
        }
        let good = core.choices[n]
            .iter()
            .filter(|b| b.verdict == Verdict::Good)
            .count();
        chances.push(good as f64 / choices.len() as f64);
    }
    let longest_good = longest_good_at.len();
    let chance: f64 = chances.iter().sum();
    let p_value = at_least(&chances, longest_good);
    Some(LengthClue {
        code: Code::AnswerByLength,
        nodes: nodes.len(),
        longest_good,
        share_percent: percent(longest_good as f64, nodes.len()),
        chance: round3(chance),
        chance_percent: percent(chance, nodes.len()),
        p_value: round3(p_value),
        fires: nodes.len() >= SURFACE_CLUE_MIN_NODES
            && longest_good as f64 > chance
            && p_value <= SURFACE_CLUE_P,
        longest_good_at,
    })
}

pub(super) fn mood_key(core: &Core, reached: &[bool]) -> Option<MoodKey> {
    let scenario = core.scenario;
    let outcome = |n: usize| scenario.nodes[n].ending.as_ref().map(|e| e.outcome);
    let reachable: Vec<Outcome> = (0..scenario.nodes.len())
        .filter(|&n| reached[n])
        .filter_map(outcome)
        .collect();
    let best_outcome = reachable.iter().copied().min()?;

    let nodes = contested(core, reached);
    let separated_at: Vec<String> = nodes
        .iter()
        .filter(|&&n| {
            let moods = |v: Verdict| {
                core.choices[n]
                    .iter()
                    .filter(move |b| b.verdict == v)
                    .map(|b| b.delta)
            };
            let lowest_good = moods(Verdict::Good).min();
            let highest_bad = moods(Verdict::Bad).max();
            lowest_good > highest_bad
        })
        .map(|&n| scenario.nodes[n].id.clone())
        .collect();

    // The learner who steers by the meter alone: at each node, only the highest changes.
    let highest: Vec<Option<i32>> = core
        .choices
        .iter()
        .map(|cs| cs.iter().map(|b| b.delta).max())
        .collect();
    let ex = explore(
        core,
        (),
        |(), n, ci| (Some(core.choices[n][ci].delta) == highest[n]).then_some(()),
        usize::MAX,
    );
    let mut greedy: Vec<GreedyEnding> = Vec::new();
    for (s, &(n, _, ())) in ex.states.iter().enumerate() {
        let n = n as usize;
        let Some(o) = outcome(n) else { continue };
        if greedy.iter().all(|g| g.ending != scenario.nodes[n].id) {
            greedy.push(GreedyEnding {
                ending: scenario.nodes[n].id.clone(),
                outcome: o,
                path: ex.witness(core, s),
            });
        }
    }
    greedy.sort_by_key(|g| g.outcome);
    let outcomes_differ = reachable.iter().any(|&o| o != best_outcome);
    let greedy_reaches_best = outcomes_differ && greedy.iter().any(|g| g.outcome == best_outcome);
    let separated = separated_at.len();
    let separates = nodes.len() >= SURFACE_CLUE_MIN_NODES && separated * 2 > nodes.len();
    Some(MoodKey {
        code: Code::MoodAnswerKey,
        nodes: nodes.len(),
        separated,
        separated_at,
        separates,
        best_outcome: Some(best_outcome),
        greedy,
        greedy_reaches_best,
        fires: separates || greedy_reaches_best,
    })
}

/// Whether `new` steps, fitted for the first time after `before`, raise an order note: a
/// step of the model's order comes after one that precedes it.
fn out_of_order(core: &Core, before: u64, new: u64) -> bool {
    let (before, new) = (before & core.ordered, new & !before & core.ordered);
    before != 0 && new != 0 && 63 - before.leading_zeros() > new.trailing_zeros()
}

pub(super) fn best_path(
    core: &Core,
    fit: &FitReport,
    measurer: &Measurer,
    limit: usize,
) -> Option<BestPath> {
    // Perfect paths only: (node, mood, steps fitted, steps offered), leaving out every choice
    // that breaks a step (it can never be undone) or raises an order note, or after which a
    // step offered but not yet fitted comes before one fitted (fitting it later would raise
    // a note, and leaving it would miss it).
    let clean: Explored<(u64, u64)> = explore(
        core,
        (0, 0),
        |(fitted, offered), n, ci| {
            let b = &core.choices[n][ci];
            let (fitted_after, offered) = (fitted | b.shown, offered | core.offered[n]);
            let hopeless = b.broken != 0
                || out_of_order(core, fitted, b.shown)
                || out_of_order(core, fitted_after, offered);
            (!hopeless).then_some((fitted_after, offered))
        },
        limit,
    );
    let perfect = clean.states.iter().position(|&(n, _, (fitted, offered))| {
        core.is_ending(n as usize) && fitted != 0 && offered & !fitted == 0
    });
    let path = match perfect {
        Some(s) => clean.witness(core, s),
        None => fit.best.path.clone(),
    };
    let m = measurer.measure(&path)?;
    let with = |r: StepResult| -> Vec<String> {
        m.steps
            .iter()
            .filter(|s| s.result == r)
            .map(|s| s.step.clone())
            .collect()
    };
    let is_perfect = m.fit == Some(PERFECT_FIT) && m.order_notes.is_empty();
    let proven = is_perfect || clean.complete;
    Some(BestPath {
        code: Code::BestPathImperfect,
        fit: m.fit,
        missed: with(StepResult::Missed),
        broken: with(StepResult::Broken),
        order_notes: m.order_notes,
        path,
        perfect: is_perfect,
        proven,
        fires: proven && !is_perfect,
    })
}

pub(super) fn no_recovery(core: &Core) -> Vec<NoRecovery> {
    let Some(start) = core.start else {
        return Vec::new();
    };
    // (node, mood, first answer); the start state alone has none.
    const NONE: u16 = u16::MAX;
    let ex = explore(
        core,
        NONE,
        |first, _, ci| Some(if first == NONE { ci as u16 } else { first }),
        usize::MAX,
    );
    let scenario = core.scenario;
    let mut found = Vec::new();
    for (ci, bits) in core.choices[start].iter().enumerate() {
        if bits.verdict != Verdict::Bad {
            continue;
        }
        let mut endings: Vec<usize> = ex
            .states
            .iter()
            .filter(|&&(n, _, first)| first == ci as u16 && core.is_ending(n as usize))
            .map(|&(n, _, _)| n as usize)
            .collect();
        endings.sort_unstable();
        endings.dedup();
        let info = |n: usize| EndingInfo {
            id: scenario.nodes[n].id.clone(),
            outcome: scenario.nodes[n].ending.as_ref().expect("ending").outcome,
        };
        let endings: Vec<EndingInfo> = endings.into_iter().map(info).collect();
        let recovers = endings
            .iter()
            .any(|e| matches!(e.outcome, Outcome::Resolved | Outcome::Partial));
        if !recovers {
            let e = ChoiceEffect::of(&scenario.nodes[start].choice_list()[ci], core.model);
            found.push(NoRecovery {
                code: Code::NoRecovery,
                choice: choice_ref(core, start, ci, &e.broken),
                endings,
            });
        }
    }
    found
}
