//! Proofs about every path through a scenario, not a sample of them.
//!
//! Where a conversation can go depends only on the node and the mood (routes test the mood),
//! so the *transition system* is the graph of (node, mood) states: at most 11 states a node,
//! always small enough to explore whole. Reachability, endings, stuck nodes, traps, the number
//! of paths and the best and worst final mood are exact on it.
//!
//! The model fit of a run depends also on the steps shown, broken and missed so far (a step
//! is missed only where a choice offered on the path fits it: measurement rules version 2),
//! so the fit is found by exploring (node, mood, shown, broken, missed) states with
//! memoisation. That space can grow large; past `limit` states the exploration stops and the
//! report says which results are proven and which are only bounds found on real paths.
//!
//! The lints about surface clues (the longest answer, the mood as an answer key, recovery
//! from a bad start, a best path that is not perfect) live in `clues`.

mod clues;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;

use crate::content::{Code, EncounterModel, MOOD_MAX, MOOD_MIN, Outcome, Scenario};
use crate::practice::measure::{Measurement, measure};
use crate::practice::{ChoiceEffect, Taken, run::apply_mood, run::destination};

pub use clues::{
    BestPath, GreedyEnding, LengthClue, MoodKey, NoRecovery, PERFECT_FIT, SURFACE_CLUE_MIN_NODES,
    SURFACE_CLUE_P, Verdict,
};

/// States explored before the fit analysis gives up and reports what it could prove.
pub const DEFAULT_STATE_LIMIT: usize = 1_000_000;
/// The reading speed the reading-time estimate assumes.
pub const WORDS_PER_MINUTE: usize = 200;
/// A good choice that lowers the mood this much (or more) is worth a note.
pub const HARSH_MOOD_DROP: i32 = 2;

/// One choice on a path: the node it was made at and its number (from 1, in file order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub node: String,
    pub choice: usize,
}

/// A path from the start that shows a result: the choices taken and the node it ends at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Witness {
    pub path: Vec<PathStep>,
    pub end: String,
}

/// A value with a path that reaches it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extreme {
    pub value: i64,
    pub path: Witness,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EndingInfo {
    pub id: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PathCount {
    /// The number of complete paths (start to an ending); `saturated` when past `u128::MAX`.
    Finite { count: u128, saturated: bool },
    /// A reachable loop lets a learner go round as often as they like; `cycle` is its nodes.
    Unbounded { cycle: Vec<String> },
}

/// A loop a learner can enter and never leave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trap {
    pub nodes: Vec<String>,
    /// A path into it.
    pub entry: Witness,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FitReport {
    /// False when the state limit was reached: `best` is then a lower bound on the best fit
    /// and `worst` an upper bound on the worst, each reached by its path.
    pub proven: bool,
    pub best: Extreme,
    pub worst: Extreme,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoodReport {
    pub best: Extreme,
    pub worst: Extreme,
}

/// A choice, by node id and number from 1; the indices locate it in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChoiceRef {
    pub node: String,
    pub choice: usize,
    /// Steps the lint is about (broken or shown).
    pub steps: Vec<String>,
    pub mood: i32,
    #[serde(skip)]
    pub node_index: usize,
    #[serde(skip)]
    pub choice_index: usize,
}

/// A Resolved or Partial ending reached on a path that breaks a focus step: one for every
/// such (ending, step), each with the shortest path that does it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FocusBreak {
    /// K0901 for a Resolved ending (a warning), K0909 for a Partial one (a note).
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    pub ending: String,
    pub outcome: Outcome,
    pub step: String,
    pub path: Witness,
}

/// Codes appear in JSON as they do in text: `"K0902"`.
fn code_str<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

/// K0903: where always taking the longest choice leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gameable {
    /// Where always taking the longest choice leads, or `None` when it never ends (a loop
    /// or a dead end).
    pub path: Witness,
    pub ends: bool,
    pub fit: Option<u32>,
    /// True when that path reaches the best fit (and fits differ between paths); `None` when
    /// the best fit is not proven.
    pub gameable: Option<bool>,
}

/// What an author should hear about: warnings (design advice; `kohtaa explain CODE` says
/// more) and notes, which are true of the scenario but often intended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lints {
    /// The codes of the warnings raised, in code order: what a script checks first.
    #[serde(serialize_with = "codes_str")]
    pub warnings: Vec<Code>,
    /// The codes of the notes raised, in code order.
    #[serde(serialize_with = "codes_str")]
    pub notes: Vec<Code>,
    /// K0901 (Resolved endings) and K0909 (Partial endings, a note): every focus step broken
    /// on a path to every such ending.
    pub focus_broken: Vec<FocusBreak>,
    /// False when the state limit stopped the search before it was complete.
    pub focus_break_proven: bool,
    /// K0902; `None` when no reachable node has both a good and a bad choice.
    pub answer_by_length: Option<LengthClue>,
    /// K0903
    pub longest_choice: Option<Gameable>,
    /// K0904; `None` when no run ends.
    pub mood_key: Option<MoodKey>,
    /// K0905; `None` when there is no fit to judge.
    pub best_path: Option<BestPath>,
    /// K0906: each bad first answer after which no path reaches a Partial or Resolved ending.
    pub no_recovery: Vec<NoRecovery>,
    /// K0607
    pub focus_not_fitted: Vec<String>,
    /// K0608: a choice that breaks a step and says nothing about it.
    pub broken_without_feedback: Vec<ChoiceRef>,
    /// K0907 (a note): a bad choice that raises the mood. Often a true trap; the feedback
    /// should say what it costs later.
    pub mistake_raises_mood: Vec<ChoiceRef>,
    /// K0908 (a note): a good choice that lowers the mood by `HARSH_MOOD_DROP` or more.
    pub good_lowers_mood: Vec<ChoiceRef>,
}

fn codes_str<S: serde::Serializer>(codes: &[Code], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(codes.iter().map(|c| c.as_str()))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub nodes: usize,
    pub choices: usize,
    pub endings: usize,
    pub routes: usize,
    /// Words a learner can read: narration, lines, choices, feedback and ending summaries.
    pub words: usize,
    pub words_per_minute: usize,
    /// Minutes to read everything, rounded up.
    pub reading_minutes: usize,
    /// Words read on the shortest and longest complete run (every option of a node is read,
    /// and the feedback of the one chosen); `None` when no run ends, or for the longest when
    /// a loop makes runs unbounded.
    pub run_words_min: Option<usize>,
    pub run_words_max: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    /// (node, mood) states reachable: the exact transition system.
    pub node_mood: usize,
    /// (node, mood, steps shown, broken, missed) states explored for the fit.
    pub full: usize,
    pub limit: usize,
    /// True when the fit exploration covered every state.
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub scenario: String,
    pub language: String,
    pub title: String,
    pub stats: Stats,
    pub states: StateCounts,
    pub endings_reachable: Vec<EndingInfo>,
    pub endings_unreachable: Vec<EndingInfo>,
    pub unreached_nodes: Vec<String>,
    /// Reachable nodes from which no ending can be reached.
    pub stuck_nodes: Vec<String>,
    pub traps: Vec<Trap>,
    pub paths: PathCount,
    /// `None` when no step is in play or no run ends.
    pub fit: Option<FitReport>,
    /// `None` when no run ends.
    pub mood: Option<MoodReport>,
    pub lints: Lints,
}

/// What one choice does, precomputed as bit sets over the model's steps (bit i: the i-th
/// step in the model's order).
struct ChoiceBits {
    delta: i32,
    shown: u64,
    broken: u64,
    focus_broken: u64,
    verdict: Verdict,
}

/// The scenario as a transition system over node indices.
struct Core<'a> {
    scenario: &'a Scenario,
    model: &'a EncounterModel,
    choices: Vec<Vec<ChoiceBits>>,
    /// Where each choice leads, by the mood after it (`MOOD_MIN..=MOOD_MAX`): looked up once
    /// here rather than by name in every state of every search.
    targets: Vec<Vec<[Option<u32>; MOODS]>>,
    /// Steps some choice at each node fits: what a learner answering there is offered.
    offered: Vec<u64>,
    /// Steps that are not threads: the ones order notes are about.
    ordered: u64,
    start: Option<usize>,
    start_mood: i32,
}

fn bits_of<'s>(ids: impl IntoIterator<Item = &'s String>, order: &[&str]) -> u64 {
    ids.into_iter()
        .filter_map(|id| order.iter().position(|s| s == id))
        .filter(|&i| i < 64)
        .fold(0, |acc, i| acc | (1 << i))
}

impl<'a> Core<'a> {
    fn new(scenario: &'a Scenario, model: &'a EncounterModel) -> Core<'a> {
        let mut index = HashMap::new();
        for (i, n) in scenario.nodes.iter().enumerate() {
            index.entry(n.id.as_str()).or_insert(i);
        }
        let steps: Vec<&str> = model.steps.iter().map(|s| s.id.as_str()).collect();
        let focus: Vec<&str> = scenario.focus.iter().map(String::as_str).collect();
        let choices = scenario
            .nodes
            .iter()
            .map(|n| {
                n.choice_list()
                    .iter()
                    .map(|c| {
                        let e = ChoiceEffect::of(c, model);
                        ChoiceBits {
                            delta: e.mood_delta,
                            shown: bits_of(&e.shown, &steps),
                            broken: bits_of(&e.broken, &steps),
                            focus_broken: bits_of(&e.broken, &focus),
                            verdict: Verdict::of(&e),
                        }
                    })
                    .collect()
            })
            .collect();
        let targets = scenario
            .nodes
            .iter()
            .map(|n| {
                n.choice_list()
                    .iter()
                    .map(|c| {
                        std::array::from_fn(|m| {
                            let to = destination(c, m as i32 + MOOD_MIN);
                            index.get(to).map(|&i| i as u32)
                        })
                    })
                    .collect()
            })
            .collect();
        let offered = scenario
            .nodes
            .iter()
            .map(|n| bits_of(n.choice_list().iter().flat_map(|c| &c.fits), &steps))
            .collect();
        let threads = model.steps.iter().filter(|s| s.thread).map(|s| &s.id);
        Core {
            offered,
            ordered: !bits_of(threads, &steps),
            start: index.get(scenario.start.as_str()).copied(),
            start_mood: scenario.customer.mood.clamp(-5, 5) as i32,
            scenario,
            model,
            choices,
            targets,
        }
    }

    fn is_ending(&self, node: usize) -> bool {
        self.scenario.nodes[node].ending.is_some()
    }

    /// The mood after choice `ci` at `node`, and where it leads (`None`: a node that does
    /// not exist).
    fn step(&self, node: usize, mood: i32, ci: usize) -> (i32, Option<usize>) {
        let after = apply_mood(mood, self.choices[node][ci].delta);
        let to = self.targets[node][ci][(after - MOOD_MIN) as usize];
        (after, to.map(|i| i as usize))
    }
}

/// Moods a state can have.
const MOODS: usize = (MOOD_MAX - MOOD_MIN + 1) as usize;

/// The maps of the searches hold millions of small integer keys: SipHash, built to resist
/// crafted keys, was a third of the time. This is the multiply-rotate hash rustc uses (FxHash).
#[derive(Clone, Copy, Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_i8(&mut self, i: i8) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

type StateKey<L> = (u32, i8, L);

/// States reached breadth first from the start, so every state's parent chain is a shortest
/// path to it.
struct Explored<L> {
    states: Vec<StateKey<L>>,
    /// (previous state, choice index); the start state has `u32::MAX`.
    parent: Vec<(u32, u16)>,
    map: FastMap<StateKey<L>, u32>,
    complete: bool,
}

/// Every state reachable from the start, where `next_label(label, node, choice)` gives the
/// label after a choice, or `None` to leave that choice out of the search.
fn explore<L: Copy + Eq + Hash>(
    core: &Core,
    start_label: L,
    next_label: impl Fn(L, usize, usize) -> Option<L>,
    limit: usize,
) -> Explored<L> {
    let mut ex = Explored {
        states: Vec::new(),
        parent: Vec::new(),
        map: FastMap::default(),
        complete: true,
    };
    let Some(start) = core.start else {
        return ex;
    };
    let root = (start as u32, core.start_mood as i8, start_label);
    ex.states.push(root);
    ex.parent.push((u32::MAX, 0));
    ex.map.insert(root, 0);
    let mut at = 0;
    'outer: while at < ex.states.len() {
        let (node, mood, label) = ex.states[at];
        let node = node as usize;
        if !core.is_ending(node) {
            for ci in 0..core.choices[node].len() {
                let (after, to) = core.step(node, i32::from(mood), ci);
                let (Some(to), Some(next)) = (to, next_label(label, node, ci)) else {
                    continue;
                };
                let key = (to as u32, after as i8, next);
                if ex.map.contains_key(&key) {
                    continue;
                }
                if ex.states.len() >= limit {
                    ex.complete = false;
                    break 'outer;
                }
                ex.map.insert(key, ex.states.len() as u32);
                ex.states.push(key);
                ex.parent.push((at as u32, ci as u16));
            }
        }
        at += 1;
    }
    ex
}

impl<L: Copy> Explored<L> {
    fn witness(&self, core: &Core, state: usize) -> Witness {
        let mut path = Vec::new();
        let mut at = state;
        while self.parent[at].0 != u32::MAX {
            let (prev, ci) = self.parent[at];
            let node = self.states[prev as usize].0 as usize;
            path.push(PathStep {
                node: core.scenario.nodes[node].id.clone(),
                choice: ci as usize + 1,
            });
            at = prev as usize;
        }
        path.reverse();
        Witness {
            path,
            end: core.scenario.nodes[self.states[state].0 as usize]
                .id
                .clone(),
        }
    }
}

/// Analyses `scenario` against `model`, exploring at most `limit` states for the fit.
pub fn analyze(scenario: &Arc<Scenario>, model: &Arc<EncounterModel>, limit: usize) -> Analysis {
    let core = Core::new(scenario, model);
    let graph = Graph::of(&core);
    let reach = Reach::of(&core, &graph);
    let paths = path_count(&core, &graph);
    let stats = stats(
        &core,
        &graph.nm,
        &graph.adj,
        &graph.sccs,
        paths_are_finite(&paths),
    );
    let measurer = Measurer { core: &core, model };
    let (fit, full_states, complete, focus) = fit_search(&core, &measurer, limit);
    let lints = lints(&core, model, focus, &fit, &measurer, &reach.reached, limit);
    Analysis {
        scenario: scenario.id.clone(),
        language: scenario.language.clone(),
        title: scenario.title.clone(),
        stats,
        states: StateCounts {
            node_mood: graph.nm.states.len(),
            full: full_states,
            limit,
            complete,
        },
        endings_reachable: reach.endings_reachable,
        endings_unreachable: reach.endings_unreachable,
        unreached_nodes: reach.unreached_nodes,
        stuck_nodes: reach.stuck_nodes,
        traps: traps(&core, &graph),
        paths,
        fit,
        mood: mood_extremes(&core, &graph),
        lints,
    }
}

/// The exact transition system of (node, mood) states, at most 11 a node, with its
/// strongly connected components.
struct Graph {
    nm: Explored<()>,
    /// Each state's moves: (state reached, choice index).
    adj: Vec<Vec<(u32, u16)>>,
    /// Tarjan's order: a component comes after every component it leads to.
    sccs: Vec<Vec<usize>>,
    scc_of: Vec<usize>,
    /// By component: whether an ending can be reached from it.
    reaches_end: Vec<bool>,
}

impl Graph {
    fn of(core: &Core) -> Graph {
        let nm = explore(core, (), |(), _, _| Some(()), usize::MAX);
        let adj: Vec<Vec<(u32, u16)>> = (0..nm.states.len())
            .map(|s| {
                let (node, mood, ()) = nm.states[s];
                let node = node as usize;
                if core.is_ending(node) {
                    return Vec::new();
                }
                (0..core.choices[node].len())
                    .filter_map(|ci| {
                        let (after, to) = core.step(node, i32::from(mood), ci);
                        to.map(|to| (nm.map[&(to as u32, after as i8, ())], ci as u16))
                    })
                    .collect()
            })
            .collect();
        let sccs = tarjan(&adj);
        let mut scc_of = vec![0usize; nm.states.len()];
        for (i, scc) in sccs.iter().enumerate() {
            for &v in scc {
                scc_of[v] = i;
            }
        }
        // Tarjan emits a component after every component it leads to, so one pass suffices.
        let mut reaches_end = vec![false; sccs.len()];
        for (i, scc) in sccs.iter().enumerate() {
            reaches_end[i] = scc.iter().any(|&v| {
                core.is_ending(nm.states[v].0 as usize)
                    || adj[v]
                        .iter()
                        .any(|&(w, _)| scc_of[w as usize] != i && reaches_end[scc_of[w as usize]])
            });
        }
        Graph {
            nm,
            adj,
            sccs,
            scc_of,
            reaches_end,
        }
    }

    /// Whether component `i` holds a cycle (a self-loop counts).
    fn cyclic(&self, i: usize) -> bool {
        let scc = &self.sccs[i];
        scc.len() > 1 || self.adj[scc[0]].iter().any(|&(w, _)| w as usize == scc[0])
    }

    /// The ids of the nodes of `states`, once each, in file order.
    fn node_ids(&self, core: &Core, states: impl Iterator<Item = usize>) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut ids: Vec<usize> = states
            .map(|s| self.nm.states[s].0 as usize)
            .filter(|&v| seen.insert(v))
            .collect();
        ids.sort_unstable();
        ids.into_iter()
            .map(|v| core.scenario.nodes[v].id.clone())
            .collect()
    }
}

/// Which nodes and endings a learner can reach, and which nodes lead to no ending.
struct Reach {
    /// By node.
    reached: Vec<bool>,
    endings_reachable: Vec<EndingInfo>,
    endings_unreachable: Vec<EndingInfo>,
    unreached_nodes: Vec<String>,
    stuck_nodes: Vec<String>,
}

impl Reach {
    fn of(core: &Core, graph: &Graph) -> Reach {
        let scenario = core.scenario;
        let nodes = scenario.nodes.len();
        let mut reached = vec![false; nodes];
        let mut node_reaches_end = vec![false; nodes];
        for (s, &(v, _, ())) in graph.nm.states.iter().enumerate() {
            reached[v as usize] = true;
            node_reaches_end[v as usize] |= graph.reaches_end[graph.scc_of[s]];
        }
        let ending_info = |v: usize| EndingInfo {
            id: scenario.nodes[v].id.clone(),
            outcome: scenario.nodes[v].ending.as_ref().expect("ending").outcome,
        };
        let endings: Vec<usize> = (0..nodes).filter(|&v| core.is_ending(v)).collect();
        let ids = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
            (0..nodes)
                .filter(|&v| keep(v))
                .map(|v| scenario.nodes[v].id.clone())
                .collect()
        };
        Reach {
            endings_reachable: endings
                .iter()
                .filter(|&&v| reached[v])
                .map(|&v| ending_info(v))
                .collect(),
            endings_unreachable: endings
                .iter()
                .filter(|&&v| !reached[v])
                .map(|&v| ending_info(v))
                .collect(),
            unreached_nodes: ids(&|v| !reached[v]),
            stuck_nodes: ids(&|v| reached[v] && !node_reaches_end[v]),
            reached,
        }
    }
}

/// Loops a learner can enter and never leave for an ending, each with a path into it.
fn traps(core: &Core, graph: &Graph) -> Vec<Trap> {
    let mut traps: Vec<Trap> = Vec::new();
    for (i, scc) in graph.sccs.iter().enumerate() {
        let closed = scc.iter().all(|&v| {
            graph.adj[v]
                .iter()
                .all(|&(w, _)| graph.scc_of[w as usize] == i)
        });
        if graph.cyclic(i) && closed && !graph.reaches_end[i] {
            let nodes = graph.node_ids(core, scc.iter().copied());
            if traps.iter().all(|t| t.nodes != nodes) {
                let entry = *scc.iter().min().expect("non-empty");
                traps.push(Trap {
                    nodes,
                    entry: graph.nm.witness(core, entry),
                });
            }
        }
    }
    traps
}

/// How many distinct paths lead from the start to an ending; unbounded with a cycle.
fn path_count(core: &Core, graph: &Graph) -> PathCount {
    if let Some(i) = (0..graph.sccs.len()).find(|&i| graph.cyclic(i)) {
        return PathCount::Unbounded {
            cycle: graph.node_ids(core, graph.sccs[i].iter().copied()),
        };
    }
    let mut count = vec![0u128; graph.nm.states.len()];
    let mut saturated = false;
    for scc in &graph.sccs {
        let v = scc[0];
        count[v] = if core.is_ending(graph.nm.states[v].0 as usize) {
            1
        } else {
            graph.adj[v].iter().fold(0u128, |acc, &(w, _)| {
                acc.checked_add(count[w as usize]).unwrap_or_else(|| {
                    saturated = true;
                    u128::MAX
                })
            })
        };
    }
    PathCount::Finite {
        count: count.first().copied().unwrap_or(0),
        saturated,
    }
}

/// The best and worst mood an ending can be reached with, each with its path.
fn mood_extremes(core: &Core, graph: &Graph) -> Option<MoodReport> {
    let nm = &graph.nm;
    let ending_states: Vec<usize> = (0..nm.states.len())
        .filter(|&s| core.is_ending(nm.states[s].0 as usize))
        .collect();
    extremes(&ending_states, |s| i64::from(nm.states[s].1)).map(|(best, worst)| MoodReport {
        best: Extreme {
            value: i64::from(nm.states[best].1),
            path: nm.witness(core, best),
        },
        worst: Extreme {
            value: i64::from(nm.states[worst].1),
            path: nm.witness(core, worst),
        },
    })
}

/// The best and worst fit an ending can be reached with, by exploring at most `limit`
/// states; also how many states that took, whether the search was complete, and the search
/// for good endings after a broken focus step (for the lints).
fn fit_search(
    core: &Core,
    measurer: &Measurer,
    limit: usize,
) -> (Option<FitReport>, usize, bool, Option<Explored<u64>>) {
    // The fit: (node, mood, steps shown, broken, missed). Shown and missed exclude broken,
    // and missed excludes shown, since a step counts once, as broken before shown before
    // missed: states that measure alike merge. The search for good endings after a broken
    // focus step (a lint) is independent of the fit's: on two cores, they run side by side.
    let (full, focus) = std::thread::scope(|scope| {
        let focus = scope.spawn(|| focus_break_search(core, limit));
        let full = explore(
            core,
            (0u64, 0u64, 0u64),
            |(shown, broken, missed), node, ci| {
                let b = &core.choices[node][ci];
                let broken = broken | b.broken;
                let shown = (shown | b.shown) & !broken;
                let missed = (missed | core.offered[node]) & !shown & !broken;
                Some((shown, broken, missed))
            },
            limit,
        );
        (full, focus.join().expect("the focus search does not panic"))
    });
    // Ending states, one per distinct (shown, broken or missed), which decide the fit: the
    // first found has the shortest path.
    let mut first_of_sets: HashMap<(u64, u64), usize> = HashMap::new();
    for (s, &(node, _, (shown, broken, missed))) in full.states.iter().enumerate() {
        if core.is_ending(node as usize) {
            first_of_sets.entry((shown, broken | missed)).or_insert(s);
        }
    }
    let sets: Vec<(u64, u64)> = first_of_sets.keys().copied().collect();
    // Only the candidates for best and worst are measured (see `pareto_front`).
    let mut candidates = pareto_front(&sets, false);
    candidates.extend(pareto_front(&sets, true));
    candidates.sort_unstable();
    candidates.dedup();
    let with_fit: Vec<(u32, usize)> = candidates
        .iter()
        .filter_map(|sets| {
            let s = first_of_sets[sets];
            measurer.fit(&full.witness(core, s)).map(|f| (f, s))
        })
        .collect();
    let fit = extremes_by(&with_fit).map(|((best, bs), (worst, ws))| FitReport {
        proven: full.complete,
        best: Extreme {
            value: i64::from(best),
            path: full.witness(core, bs),
        },
        worst: Extreme {
            value: i64::from(worst),
            path: full.witness(core, ws),
        },
    });
    (fit, full.states.len(), full.complete, focus)
}

fn paths_are_finite(paths: &PathCount) -> bool {
    matches!(paths, PathCount::Finite { .. })
}

/// The states with the highest and lowest value (the first found on a tie: the shortest path).
fn extremes(states: &[usize], value: impl Fn(usize) -> i64) -> Option<(usize, usize)> {
    let best = states
        .iter()
        .copied()
        .max_by_key(|&s| (value(s), Reverse(s)))?;
    let worst = states.iter().copied().min_by_key(|&s| (value(s), s))?;
    Some((best, worst))
}

fn extremes_by(items: &[(u32, usize)]) -> Option<((u32, usize), (u32, usize))> {
    let best = items
        .iter()
        .copied()
        .max_by_key(|&(f, s)| (f, Reverse(s)))?;
    let worst = items.iter().copied().min_by_key(|&(f, s)| (f, s))?;
    Some((best, worst))
}

/// The sets of (shown, broken or missed) steps not dominated by another: for the best fit
/// (`worst` false) none other shows a superset while breaking or missing a subset; for the
/// worst, the reverse.
///
/// The measurement rules make this safe: the fit is shown / (shown + broken + missed), so
/// showing one more step never lowers it, and breaking or missing one more never raises it.
/// So the best and the worst fit are on these fronts, and only they need measuring, which
/// keeps large scenarios fast.
fn pareto_front(sets: &[(u64, u64)], worst: bool) -> Vec<(u64, u64)> {
    // Orient so that "better" always means more of the first set, less of the second.
    let oriented: Vec<(u64, u64)> = sets
        .iter()
        .map(|&(shown, broken)| {
            if worst {
                (broken, shown)
            } else {
                (shown, broken)
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..oriented.len()).collect();
    // A dominating set sorts before every set it dominates.
    order.sort_by_key(|&i| {
        let (more, less) = oriented[i];
        (Reverse(more.count_ones()), less.count_ones(), more, less)
    });
    let mut front: Vec<(u64, u64)> = Vec::new();
    for i in order {
        let (more, less) = oriented[i];
        let dominated = front
            .iter()
            .any(|&(m, l)| more & m == more && less & l == l);
        if !dominated {
            front.push((more, less));
        }
    }
    front
        .into_iter()
        .map(|(a, b)| if worst { (b, a) } else { (a, b) })
        .collect()
}

/// Measures paths with the practice engine's own rules (`practice::measure`), so analysis
/// and practice never disagree.
struct Measurer<'a> {
    core: &'a Core<'a>,
    model: &'a EncounterModel,
}

impl Measurer<'_> {
    /// The choices of `witness` as the engine records them.
    fn taken(&self, witness: &Witness) -> Option<Vec<Taken>> {
        let core = self.core;
        let mut node = core.start?;
        let mut mood = core.start_mood;
        let mut taken = Vec::with_capacity(witness.path.len());
        for step in &witness.path {
            let ci = step.choice - 1;
            let (after, to) = core.step(node, mood, ci);
            let to = to?;
            taken.push(Taken {
                node: core.scenario.nodes[node].id.clone(),
                choice: ci,
                mood_before: mood,
                mood_after: after,
                next: core.scenario.nodes[to].id.clone(),
            });
            node = to;
            mood = after;
        }
        Some(taken)
    }

    fn measure(&self, witness: &Witness) -> Option<Measurement> {
        Some(measure(
            self.core.scenario,
            self.model,
            &self.taken(witness)?,
        ))
    }

    fn fit(&self, witness: &Witness) -> Option<u32> {
        self.measure(witness)?.fit
    }
}

/// Strongly connected components, each emitted after every component it leads to
/// (Tarjan's algorithm, iterative so that long scenarios cannot overflow the stack).
fn tarjan(adj: &[Vec<(u32, u16)>]) -> Vec<Vec<usize>> {
    const UNSET: usize = usize::MAX;
    let n = adj.len();
    let mut index = vec![UNSET; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut sccs = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if index[root] != UNSET {
            continue;
        }
        let mut call: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(v, i)) = call.last() {
            if i < adj[v].len() {
                call.last_mut().expect("non-empty").1 += 1;
                let w = adj[v][i].0 as usize;
                if index[w] == UNSET {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some(&(u, _)) = call.last() {
                    low[u] = low[u].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut scc = Vec::new();
                    loop {
                        let w = stack.pop().expect("on stack");
                        on_stack[w] = false;
                        scc.push(w);
                        if w == v {
                            break;
                        }
                    }
                    sccs.push(scc);
                }
            }
        }
    }
    sccs
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn stats(
    core: &Core,
    nm: &Explored<()>,
    adj: &[Vec<(u32, u16)>],
    sccs: &[Vec<usize>],
    acyclic: bool,
) -> Stats {
    let scenario = core.scenario;
    let opt = |t: &Option<String>| t.as_deref().map_or(0, words);
    // What a learner reads arriving at a node: its text, and every option or the ending.
    let node_words: Vec<usize> = scenario
        .nodes
        .iter()
        .map(|n| {
            opt(&n.narration)
                + opt(&n.say)
                + n.choice_list().iter().map(|c| words(&c.say)).sum::<usize>()
                + n.ending.as_ref().map_or(0, |e| words(&e.summary))
        })
        .collect();
    let feedback_words =
        |node: usize, ci: usize| opt(&scenario.nodes[node].choice_list()[ci].feedback);
    let total = node_words.iter().sum::<usize>()
        + scenario
            .nodes
            .iter()
            .flat_map(|n| n.choice_list())
            .map(|c| opt(&c.feedback))
            .sum::<usize>();

    let n = nm.states.len();
    let node_of = |s: usize| nm.states[s].0 as usize;
    let edge_cost = |s: usize, w: usize, ci: u16| {
        feedback_words(node_of(s), ci as usize) + node_words[node_of(w)]
    };
    // Fewest words: Dijkstra from the start state to any ending state.
    let run_words_min = if n == 0 {
        None
    } else {
        let mut dist = vec![usize::MAX; n];
        dist[0] = node_words[node_of(0)];
        let mut heap = BinaryHeap::from([Reverse((dist[0], 0usize))]);
        let mut found = None;
        while let Some(Reverse((d, s))) = heap.pop() {
            if d > dist[s] {
                continue;
            }
            if core.is_ending(node_of(s)) {
                found = Some(d);
                break;
            }
            for &(w, ci) in &adj[s] {
                let w = w as usize;
                let nd = d + edge_cost(s, w, ci);
                if nd < dist[w] {
                    dist[w] = nd;
                    heap.push(Reverse((nd, w)));
                }
            }
        }
        found
    };
    // Most words: only bounded without loops; components come out sinks first.
    let run_words_max = if acyclic && n > 0 {
        let mut most: Vec<Option<usize>> = vec![None; n];
        for scc in sccs {
            let s = scc[0];
            most[s] = if core.is_ending(node_of(s)) {
                Some(node_words[node_of(s)])
            } else {
                adj[s]
                    .iter()
                    .filter_map(|&(w, ci)| {
                        most[w as usize].map(|m| {
                            m + feedback_words(node_of(s), ci as usize) + node_words[node_of(s)]
                        })
                    })
                    .max()
            };
        }
        most[0]
    } else {
        None
    };

    let choices = scenario.nodes.iter().map(|n| n.choice_list().len()).sum();
    Stats {
        nodes: scenario.nodes.len(),
        choices,
        endings: scenario.nodes.iter().filter(|n| n.ending.is_some()).count(),
        routes: scenario
            .nodes
            .iter()
            .flat_map(|n| n.choice_list())
            .map(|c| c.routes.len())
            .sum(),
        words: total,
        words_per_minute: WORDS_PER_MINUTE,
        reading_minutes: total.div_ceil(WORDS_PER_MINUTE),
        run_words_min,
        run_words_max,
    }
}

/// (node, mood, focus steps broken) states, if any choice breaks a focus step.
fn focus_break_search(core: &Core, limit: usize) -> Option<Explored<u64>> {
    let any_focus_break = core.choices.iter().flatten().any(|b| b.focus_broken != 0);
    any_focus_break.then(|| {
        explore(
            core,
            0u64,
            |l, node, ci| Some(l | core.choices[node][ci].focus_broken),
            limit,
        )
    })
}

fn lints(
    core: &Core,
    model: &EncounterModel,
    focus: Option<Explored<u64>>,
    fit: &Option<FitReport>,
    measurer: &Measurer,
    reached: &[bool],
    limit: usize,
) -> Lints {
    let scenario = core.scenario;
    let mut mistake_raises_mood = Vec::new();
    let mut good_lowers_mood = Vec::new();
    let mut broken_without_feedback = Vec::new();
    for (ni, node) in scenario.nodes.iter().enumerate() {
        for (ci, choice) in node.choice_list().iter().enumerate() {
            let e = ChoiceEffect::of(choice, model);
            let at = |steps: &[String]| choice_ref(core, ni, ci, steps);
            let verdict = core.choices[ni][ci].verdict;
            if verdict == Verdict::Bad && e.mood_delta > 0 {
                mistake_raises_mood.push(at(&e.broken));
            }
            if verdict == Verdict::Good && e.mood_delta <= -HARSH_MOOD_DROP {
                good_lowers_mood.push(at(&e.shown));
            }
            let silent = choice
                .feedback
                .as_deref()
                .is_none_or(|f| f.trim().is_empty());
            if !e.broken.is_empty() && silent {
                broken_without_feedback.push(at(&e.broken));
            }
        }
    }
    let fitted: HashSet<&str> = scenario
        .nodes
        .iter()
        .flat_map(|n| n.choice_list())
        .flat_map(|c| c.fits.iter().map(String::as_str))
        .collect();
    let focus_not_fitted = scenario
        .focus
        .iter()
        .filter(|f| !fitted.contains(f.as_str()))
        .cloned()
        .collect();

    let focus_break_proven = focus.as_ref().is_none_or(|ex| ex.complete);
    let focus_broken = focus.map(|ex| focus_breaks(core, &ex)).unwrap_or_default();

    let longest_choice = longest_choice_walk(core).map(|(path, ends)| {
        let fit_here = if ends { measurer.fit(&path) } else { None };
        // Gameable only means something when fits differ, and only when the best is proven.
        let gameable = fit.as_ref().filter(|r| r.proven).map(|r| {
            r.best.value > r.worst.value && fit_here.is_some_and(|f| i64::from(f) == r.best.value)
        });
        Gameable {
            path,
            ends,
            fit: fit_here,
            gameable,
        }
    });

    let mut lints = Lints {
        warnings: Vec::new(),
        notes: Vec::new(),
        focus_broken,
        focus_break_proven,
        answer_by_length: clues::answer_by_length(core, reached),
        longest_choice,
        mood_key: clues::mood_key(core, reached),
        best_path: fit
            .as_ref()
            .and_then(|f| clues::best_path(core, f, measurer, limit)),
        no_recovery: clues::no_recovery(core),
        focus_not_fitted,
        broken_without_feedback,
        mistake_raises_mood,
        good_lowers_mood,
    };
    let (warnings, notes) = raised(&lints);
    lints.warnings = warnings;
    lints.notes = notes;
    lints
}

fn choice_ref(core: &Core, ni: usize, ci: usize, steps: &[String]) -> ChoiceRef {
    ChoiceRef {
        node: core.scenario.nodes[ni].id.clone(),
        choice: ci + 1,
        steps: steps.to_vec(),
        mood: core.choices[ni][ci].delta,
        node_index: ni,
        choice_index: ci,
    }
}

/// Every focus step broken on a path to every Resolved or Partial ending, each with the
/// shortest path that does it (states come breadth first).
fn focus_breaks(core: &Core, ex: &Explored<u64>) -> Vec<FocusBreak> {
    let scenario = core.scenario;
    let mut seen = HashSet::new();
    // (node, focus step) with the first state found for it: the shortest path.
    let mut found: Vec<(usize, usize, Code, usize)> = Vec::new();
    for (s, &(node, _, broken)) in ex.states.iter().enumerate() {
        let node = node as usize;
        let code = match scenario.nodes[node].ending.as_ref().map(|e| e.outcome) {
            Some(Outcome::Resolved) => Code::FocusBrokenResolved,
            Some(Outcome::Partial) => Code::FocusBrokenPartial,
            _ => continue,
        };
        for i in 0..scenario.focus.len().min(64) {
            if broken & (1 << i) != 0 && seen.insert((node, i)) {
                found.push((node, i, code, s));
            }
        }
    }
    // By ending in file order, then by step in the focus list's order.
    found.sort_unstable_by_key(|&(node, i, _, _)| (node, i));
    found
        .into_iter()
        .map(|(node, i, code, s)| FocusBreak {
            code,
            ending: scenario.nodes[node].id.clone(),
            outcome: scenario.nodes[node]
                .ending
                .as_ref()
                .expect("ending")
                .outcome,
            step: scenario.focus[i].clone(),
            path: ex.witness(core, s),
        })
        .collect()
}

/// The codes of the warnings and of the notes that `lints` raises.
fn raised(l: &Lints) -> (Vec<Code>, Vec<Code>) {
    let mut codes: Vec<Code> = l.focus_broken.iter().map(|f| f.code).collect();
    let fires = [
        (
            l.answer_by_length.as_ref().is_some_and(|c| c.fires),
            Code::AnswerByLength,
        ),
        (
            l.longest_choice
                .as_ref()
                .is_some_and(|g| g.gameable == Some(true)),
            Code::LongestWins,
        ),
        (
            l.mood_key.as_ref().is_some_and(|m| m.fires),
            Code::MoodAnswerKey,
        ),
        (
            l.best_path.as_ref().is_some_and(|b| b.fires),
            Code::BestPathImperfect,
        ),
        (!l.no_recovery.is_empty(), Code::NoRecovery),
        (!l.focus_not_fitted.is_empty(), Code::FocusNotFitted),
        (!l.broken_without_feedback.is_empty(), Code::NoFeedback),
        (!l.mistake_raises_mood.is_empty(), Code::MistakeRaisesMood),
        (!l.good_lowers_mood.is_empty(), Code::GoodLowersMood),
    ];
    codes.extend(fires.iter().filter(|(f, _)| *f).map(|&(_, c)| c));
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .partition(|c| c.level() == crate::content::Level::Warning)
}

/// Always takes the choice with the longest text (the first of equals): where does it lead?
/// Stops at an ending, at a node that does not exist, or when it comes round to a (node,
/// mood) it has seen (it would loop for ever).
fn longest_choice_walk(core: &Core) -> Option<(Witness, bool)> {
    let mut node = core.start?;
    let mut mood = core.start_mood;
    let mut seen = HashSet::new();
    let mut path = Vec::new();
    loop {
        let here = &core.scenario.nodes[node];
        if here.ending.is_some() {
            return Some((
                Witness {
                    path,
                    end: here.id.clone(),
                },
                true,
            ));
        }
        let choices = here.choice_list();
        if choices.is_empty() || !seen.insert((node, mood)) {
            return Some((
                Witness {
                    path,
                    end: here.id.clone(),
                },
                false,
            ));
        }
        let longest = choices
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (c.say.chars().count(), Reverse(*i)))
            .map(|(i, _)| i)
            .expect("non-empty");
        path.push(PathStep {
            node: here.id.clone(),
            choice: longest + 1,
        });
        let (after, to) = core.step(node, mood, longest);
        let Some(to) = to else {
            return Some((
                Witness {
                    path,
                    end: destination(&choices[longest], after).to_owned(),
                },
                false,
            ));
        };
        node = to;
        mood = after;
    }
}
