//! Where a run turned, and the better answer there.
//!
//! The *turning point* is the first choice after which the best model fit still reachable
//! fell: before it, some way through the scenario led to a better fit than any way left open
//! after it. The *better answer* is the choice at that node from which the best reachable fit
//! is highest, then the best final mood (the first in file order on a tie). Fits are measured
//! by the v2 rules (scenario-format.md, "What a run measures") over the whole run, earlier
//! answers included.
//!
//! The search walks every state the conversation can be in from where the run began: a node,
//! a mood, and which steps have been shown, broken and offered so far (the fit depends on
//! nothing else). It stops at [`STATE_LIMIT`] states; a scenario too large to search, a model
//! of more than 128 steps, or a path that does not fit the file (history of an edited
//! scenario) falls back to the older rule: the first choice that broke a step, else the one
//! that lost the most mood, with no better answer claimed.

use std::collections::HashMap;

use crate::content::{EncounterModel, Scenario};

use super::measure::fit_percent;
use super::run::{ChoiceEffect, Taken, apply_mood, destination};

/// How many states the search may visit before it gives up and falls back.
pub const STATE_LIMIT: usize = 200_000;

/// An ending a run can reach, ranked by its fit, then its final mood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    /// The model fit at the ending; `None` when no step would be scored.
    pub fit: Option<u32>,
    pub mood: i32,
}

impl Reach {
    /// The fit as it ranks: an ending where no step was scored asked nothing the run failed,
    /// so it ranks as a full fit, never below a run that broke a step.
    fn rank(self) -> (u32, i32) {
        (self.fit.unwrap_or(100), self.mood)
    }
}

impl PartialOrd for Reach {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Reach {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

/// The choice to have taken at the turning point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Better {
    /// The choice's index in file order at the turning point's node.
    pub choice: usize,
    /// The best ending reachable after it.
    pub reach: Reach,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    /// An index into the run's choices.
    pub at: usize,
    /// `None` when the search fell back to the older rule.
    pub better: Option<Better>,
    /// The best ending still reachable after the choice taken there (`None`: none, or not
    /// searched).
    pub after_taken: Option<Reach>,
}

/// The turning point of the path `taken`, searching at most [`STATE_LIMIT`] states.
pub fn turning_point(scenario: &Scenario, model: &EncounterModel, taken: &[Taken]) -> Option<Turn> {
    turning_point_within(scenario, model, taken, STATE_LIMIT)
}

/// The same, searching at most `limit` states before falling back.
pub fn turning_point_within(
    scenario: &Scenario,
    model: &EncounterModel,
    taken: &[Taken],
    limit: usize,
) -> Option<Turn> {
    match search(scenario, model, taken, limit) {
        Some(turn) => turn,
        None => fallback(scenario, model, taken).map(|at| Turn {
            at,
            better: None,
            after_taken: None,
        }),
    }
}

/// The older rule: the first choice that broke a step, else the one that lost the most mood.
fn fallback(scenario: &Scenario, model: &EncounterModel, taken: &[Taken]) -> Option<usize> {
    let effect = |t: &Taken| {
        scenario
            .nodes
            .iter()
            .find(|n| n.id == t.node)
            .and_then(|n| n.choice_list().get(t.choice))
            .map(|c| ChoiceEffect::of(c, model))
            .unwrap_or_default()
    };
    if let Some(i) = taken.iter().position(|t| !effect(t).broken.is_empty()) {
        return Some(i);
    }
    taken
        .iter()
        .enumerate()
        .filter(|(_, t)| t.mood_after < t.mood_before)
        .min_by_key(|(i, t)| (t.mood_after - t.mood_before, *i))
        .map(|(i, _)| i)
}

/// Steps as bits, in the model's order.
type Steps = u128;

/// Where a conversation can be: everything the final fit and the rest of the way depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct State {
    node: usize,
    mood: i32,
    shown: Steps,
    broken: Steps,
    offered: Steps,
}

/// A choice as the search needs it.
struct Move {
    fits: Steps,
    shown: Steps,
    broken: Steps,
    mood: i32,
}

struct Graph<'a> {
    scenario: &'a Scenario,
    index: HashMap<&'a str, usize>,
    /// Per node: its choices, and the steps any of them fits (offered by answering there).
    moves: Vec<(Vec<Move>, Steps)>,
    states: Vec<State>,
    ids: HashMap<State, usize>,
}

impl<'a> Graph<'a> {
    fn new(scenario: &'a Scenario, model: &EncounterModel) -> Option<Graph<'a>> {
        if model.steps.len() > Steps::BITS as usize {
            return None;
        }
        let bit = |id: &str| {
            model
                .steps
                .iter()
                .position(|s| s.id == id)
                .map_or(0, |i| 1 << i)
        };
        let bits = |ids: &[String]| ids.iter().fold(0, |acc, id| acc | bit(id));
        let moves = scenario
            .nodes
            .iter()
            .map(|n| {
                let moves: Vec<Move> = n
                    .choice_list()
                    .iter()
                    .map(|c| {
                        let effect = ChoiceEffect::of(c, model);
                        Move {
                            fits: bits(&c.fits),
                            shown: bits(&effect.shown),
                            broken: bits(&effect.broken),
                            mood: effect.choice_mood,
                        }
                    })
                    .collect();
                let offered = moves.iter().fold(0, |acc, m| acc | m.fits);
                (moves, offered)
            })
            .collect();
        Some(Graph {
            scenario,
            index: scenario
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| (n.id.as_str(), i))
                .collect(),
            moves,
            states: Vec::new(),
            ids: HashMap::new(),
        })
    }

    /// The state after choice `choice` at `from`; `None` when it leads nowhere.
    fn after(&self, from: State, choice: usize) -> Option<State> {
        let (moves, offered) = &self.moves[from.node];
        let m = moves.get(choice)?;
        let c = &self.scenario.nodes[from.node].choice_list()[choice];
        let mood = apply_mood(from.mood, m.mood);
        Some(State {
            node: *self.index.get(destination(c, mood))?,
            mood,
            shown: from.shown | m.shown,
            broken: from.broken | m.broken,
            offered: from.offered | offered,
        })
    }

    fn is_ending(&self, s: State) -> bool {
        self.scenario.nodes[s.node].ending.is_some()
    }

    fn id(&mut self, s: State) -> usize {
        let next = self.states.len();
        *self.ids.entry(s).or_insert_with(|| {
            self.states.push(s);
            next
        })
    }

    /// Every state reachable from `root`, with the edges between them; `None` past `limit`.
    fn explore(&mut self, root: State, limit: usize) -> Option<Vec<Vec<usize>>> {
        let mut edges: Vec<Vec<usize>> = Vec::new();
        self.id(root);
        let mut at = 0;
        while at < self.states.len() {
            let s = self.states[at];
            let mut out = Vec::new();
            if !self.is_ending(s) {
                for choice in 0..self.moves[s.node].0.len() {
                    if let Some(next) = self.after(s, choice) {
                        out.push(self.id(next));
                    }
                }
            }
            if self.states.len() > limit {
                return None;
            }
            edges.push(out);
            at += 1;
        }
        Some(edges)
    }

    /// The ending a state is, measured.
    fn reach(&self, s: State) -> Reach {
        let shown = (s.shown & !s.broken).count_ones();
        let broken = s.broken.count_ones();
        let missed = (s.offered & !s.shown & !s.broken).count_ones();
        Reach {
            fit: fit_percent(shown, shown + broken + missed),
            mood: s.mood,
        }
    }
}

/// The best ending reachable from each state: endings are worth themselves, every other state
/// the best of its successors. Values only grow, so a worklist from the endings backwards
/// settles them, cycles included.
fn best_reachable(graph: &Graph, edges: &[Vec<usize>]) -> Vec<Option<Reach>> {
    let mut from: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (s, out) in edges.iter().enumerate() {
        for &t in out {
            from[t].push(s);
        }
    }
    let mut best: Vec<Option<Reach>> = graph
        .states
        .iter()
        .map(|&s| graph.is_ending(s).then(|| graph.reach(s)))
        .collect();
    let mut work: Vec<usize> = (0..best.len()).filter(|&s| best[s].is_some()).collect();
    while let Some(t) = work.pop() {
        for &s in &from[t] {
            if best[t] > best[s] {
                best[s] = best[t];
                work.push(s);
            }
        }
    }
    best
}

/// The exact answer, or `None` when the search cannot give one.
fn search(
    scenario: &Scenario,
    model: &EncounterModel,
    taken: &[Taken],
    limit: usize,
) -> Option<Option<Turn>> {
    let Some(first) = taken.first() else {
        return Some(None);
    };
    let mut graph = Graph::new(scenario, model)?;
    let root = State {
        node: *graph.index.get(first.node.as_str())?,
        mood: first.mood_before,
        shown: 0,
        broken: 0,
        offered: 0,
    };
    let edges = graph.explore(root, limit)?;
    let best = best_reachable(&graph, &edges);
    let value = |s: Option<State>| s.and_then(|s| graph.ids.get(&s)).and_then(|&i| best[i]);

    let mut here = root;
    for (at, t) in taken.iter().enumerate() {
        if scenario.nodes[here.node].id != t.node {
            return None;
        }
        let options: Vec<Option<Reach>> = (0..graph.moves[here.node].0.len())
            .map(|c| value(graph.after(here, c)))
            .collect();
        let after_taken = *options.get(t.choice)?;
        let fit = |r: Option<Reach>| r.map(|r| r.rank().0);
        let best_fit = options.iter().map(|&r| fit(r)).max().flatten();
        if fit(after_taken) < best_fit {
            // Highest reach, the first in file order on a tie.
            let (choice, reach) = options
                .iter()
                .enumerate()
                .filter_map(|(c, r)| r.map(|r| (c, r)))
                .rev()
                .max_by_key(|&(_, r)| r)?;
            return Some(Some(Turn {
                at,
                better: Some(Better { choice, reach }),
                after_taken,
            }));
        }
        here = graph.after(here, t.choice)?;
    }
    Some(None)
}
