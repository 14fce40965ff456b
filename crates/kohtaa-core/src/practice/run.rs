//! One learner's way through a scenario: where they are, what they chose, how the mood moved.

use std::collections::HashMap;
use std::sync::Arc;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::content::{Choice, EncounterModel, Ending, MOOD_MAX, MOOD_MIN, Node, Scenario};
use crate::l10n::{T, t, tf};
use crate::lang::Lang;

use super::measure::{self, Measurement};

/// One choice made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    /// The node where the choice was made.
    pub node: String,
    /// The choice's index in file order (0-based).
    pub choice: usize,
    pub mood_before: i32,
    pub mood_after: i32,
    /// Where the conversation went: `next`, or the route that matched.
    pub next: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// The scenario's `start` or a `next` names no node (a file `check` would reject).
    NoSuchNode(String),
    /// The current node has no choice with this index.
    NoSuchChoice(usize),
    /// The run has reached an ending; nothing more to choose.
    Finished,
}

impl RunError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RunError::NoSuchNode(id) => {
                // The id may come from the command line or a replay, not a checked file.
                let id = crate::content::text::terminal_safe(id);
                tf(lang, T::RunErrorNoSuchNode, &[("id", &id)])
            }
            RunError::NoSuchChoice(i) => tf(
                lang,
                T::RunErrorNoSuchChoice,
                &[("n", &(i + 1).to_string())],
            ),
            RunError::Finished => t(lang, T::RunErrorFinished).to_owned(),
        }
    }
}

/// In English; [`RunError::message`] speaks the interface's language.
impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RunError {}

/// What one choice shows and breaks, as the model's steps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChoiceEffect {
    /// Steps this choice fits and does not also break.
    pub shown: Vec<String>,
    /// Steps it breaks, directly or through a pitfall.
    pub broken: Vec<String>,
    /// Pitfall ids it names.
    pub pitfalls: Vec<String>,
    /// How the mood moved: in a run, the change as it happened, kept within the scale.
    pub mood_delta: i32,
    /// The choice's own mood change, whatever the scale allowed. It differs from `mood_delta`
    /// only when the scale stopped the change: a harmful answer at the lowest mood moves the
    /// meter by 0 but is still harmful, and feedback must not call it neutral.
    pub choice_mood: i32,
}

/// An end of the mood scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleEnd {
    /// `MOOD_MIN`: a harmful answer cannot lower the mood further.
    Lowest,
    /// `MOOD_MAX`: a helpful answer cannot raise it further.
    Highest,
}

impl ChoiceEffect {
    pub fn of(choice: &Choice, model: &EncounterModel) -> ChoiceEffect {
        let mut broken: Vec<String> = choice.breaks.clone();
        for pitfall in &choice.pitfalls {
            if let Some((step, _)) = model.pitfall(pitfall)
                && !broken.contains(&step.id)
            {
                broken.push(step.id.clone());
            }
        }
        let shown = choice
            .fits
            .iter()
            .filter(|s| !broken.contains(s))
            .cloned()
            .collect();
        ChoiceEffect {
            shown,
            broken,
            pitfalls: choice.pitfalls.clone(),
            mood_delta: clamp_i64(choice.mood),
            choice_mood: clamp_i64(choice.mood),
        }
    }

    /// The end of the scale that kept this choice from moving the mood: `Lowest` for a
    /// harmful answer at −5, `Highest` for a helpful one at +5; `None` when the mood moved or
    /// the choice is neutral.
    pub fn held_by_scale(&self) -> Option<ScaleEnd> {
        ScaleEnd::holding(self.mood_delta, i64::from(self.choice_mood))
    }
}

impl ScaleEnd {
    /// The end of the scale that held a choice worth `own` when the run moved the mood by
    /// `moved`; `None` when the mood moved or the choice is neutral.
    pub fn holding(moved: i32, own: i64) -> Option<ScaleEnd> {
        match (moved, own) {
            (0, c) if c < 0 => Some(ScaleEnd::Lowest),
            (0, c) if c > 0 => Some(ScaleEnd::Highest),
            _ => None,
        }
    }
}

fn clamp_i64(v: i64) -> i32 {
    v.clamp(i64::from(MOOD_MIN) * 2, i64::from(MOOD_MAX) * 2) as i32
}

/// Mood after a change, kept within the scale.
pub fn apply_mood(mood: i32, delta: i32) -> i32 {
    (mood + delta).clamp(MOOD_MIN, MOOD_MAX)
}

/// Where a choice leads at a given mood after it: the first matching route, else `next`.
pub fn destination(choice: &Choice, mood_after: i32) -> &str {
    choice
        .routes
        .iter()
        .find(|r| r.matches(mood_after))
        .map_or(choice.next.as_str(), |r| r.next.as_str())
}

#[derive(Clone, Debug)]
pub struct Run {
    scenario: Arc<Scenario>,
    model: Arc<EncounterModel>,
    seed: u64,
    index: HashMap<String, usize>,
    node: usize,
    mood: i32,
    taken: Vec<Taken>,
    /// The step the learner chose to focus on for this attempt.
    pub focus: Option<String>,
}

impl Run {
    pub fn new(
        scenario: Arc<Scenario>,
        model: Arc<EncounterModel>,
        seed: u64,
    ) -> Result<Run, RunError> {
        let index: HashMap<String, usize> = scenario
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let node = *index
            .get(&scenario.start)
            .ok_or_else(|| RunError::NoSuchNode(scenario.start.clone()))?;
        let mood = clamp_i64(scenario.customer.mood).clamp(MOOD_MIN, MOOD_MAX);
        Ok(Run {
            focus: scenario.focus.first().cloned(),
            scenario,
            model,
            seed,
            index,
            node,
            mood,
            taken: Vec::new(),
        })
    }

    /// Starts at another node than the scenario's `start` (for authors trying a draft).
    pub fn start_at(&mut self, node_id: &str) -> Result<(), RunError> {
        self.node = *self
            .index
            .get(node_id)
            .ok_or_else(|| RunError::NoSuchNode(node_id.to_owned()))?;
        self.taken.clear();
        self.mood = self.start_mood();
        Ok(())
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn scenario_arc(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn model(&self) -> &EncounterModel {
        &self.model
    }

    pub fn model_arc(&self) -> &Arc<EncounterModel> {
        &self.model
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn node(&self) -> &Node {
        &self.scenario.nodes[self.node]
    }

    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.scenario.nodes[i])
    }

    pub fn mood(&self) -> i32 {
        self.mood
    }

    pub fn start_mood(&self) -> i32 {
        clamp_i64(self.scenario.customer.mood).clamp(MOOD_MIN, MOOD_MAX)
    }

    pub fn taken(&self) -> &[Taken] {
        &self.taken
    }

    pub fn ending(&self) -> Option<&Ending> {
        self.node().ending.as_ref()
    }

    pub fn is_finished(&self) -> bool {
        self.ending().is_some()
    }

    /// The current node's choices in the order to show them: shuffled, so the right answer is
    /// not always first, yet the same for the same seed, node and depth (undo shows the same order).
    pub fn choice_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.node().choice_list().len()).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(
            self.seed
                ^ fnv1a(self.node().id.as_bytes())
                ^ (self.taken.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        );
        order.shuffle(&mut rng);
        order
    }

    /// Takes choice `index` (file order) of the current node.
    pub fn choose(&mut self, index: usize) -> Result<&Taken, RunError> {
        if self.is_finished() {
            return Err(RunError::Finished);
        }
        let node = &self.scenario.nodes[self.node];
        let choice = node
            .choice_list()
            .get(index)
            .ok_or(RunError::NoSuchChoice(index))?;
        let mood_after = apply_mood(self.mood, clamp_i64(choice.mood));
        let next = destination(choice, mood_after).to_owned();
        let next_index = *self
            .index
            .get(&next)
            .ok_or_else(|| RunError::NoSuchNode(next.clone()))?;
        self.taken.push(Taken {
            node: node.id.clone(),
            choice: index,
            mood_before: self.mood,
            mood_after,
            next,
        });
        self.node = next_index;
        self.mood = mood_after;
        Ok(self.taken.last().expect("just pushed"))
    }

    /// Takes back the last choice. False when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(last) = self.taken.pop() else {
            return false;
        };
        self.node = self.index[&last.node];
        self.mood = last.mood_before;
        true
    }

    /// Back to the start, keeping the seed and the focus.
    pub fn restart(&mut self) {
        while self.undo() {}
    }

    /// Undoes choices until `count` remain: back to the moment before choice `count`.
    pub fn rewind_to(&mut self, count: usize) {
        while self.taken.len() > count && self.undo() {}
    }

    /// The choice made at step `i` of the path.
    pub fn choice_of(&self, taken: &Taken) -> Option<&Choice> {
        self.node_by_id(&taken.node)?
            .choice_list()
            .get(taken.choice)
    }

    /// What a taken choice showed and broke, and how the mood moved in this run: the change
    /// as it happened, kept within the scale, so feedback never says "dropped by 2" while
    /// the meter stays at −5. The choice's own change stays in `choice_mood`, so feedback can
    /// still say that the answer was harmful.
    pub fn effect_of(&self, taken: &Taken) -> ChoiceEffect {
        self.choice_of(taken)
            .map(|c| ChoiceEffect {
                mood_delta: taken.mood_after - taken.mood_before,
                ..ChoiceEffect::of(c, &self.model)
            })
            .unwrap_or_default()
    }

    /// The start mood and the mood after every choice.
    pub fn mood_trajectory(&self) -> Vec<i32> {
        std::iter::once(self.start_mood())
            .chain(self.taken.iter().map(|t| t.mood_after))
            .collect()
    }

    /// What the path so far measures against the model.
    pub fn measure(&self) -> Measurement {
        measure::measure(&self.scenario, &self.model, &self.taken)
    }

    /// Where the run turned, and the better answer there ([`turn`](super::turn)): the first
    /// choice after which the best model fit still reachable fell.
    pub fn turn(&self) -> Option<super::turn::Turn> {
        super::turn::turning_point(&self.scenario, &self.model, &self.taken)
    }

    /// The turning point as an index into `taken()`; `None` when no answer closed off a
    /// better result. `w` in the debrief replays from here.
    pub fn turning_point(&self) -> Option<usize> {
        self.turn().map(|t| t.at)
    }
}

/// A small stable hash (the standard library's may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
