//! A facilitator's report over many learners' exported runs: per scenario and per choice, how
//! many runs chose it, their average model fit and final mood; and the steps the group misses
//! most. Style profiles in the exports are never read (a group view shows no one's style).
//! Reading the files and writing the report as text, CSV or JSON are the caller's.

use std::collections::{BTreeMap, HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::content::{EncounterModel, Library, Scenario};
use crate::practice::export::ExportedRun;

/// The version of the report's JSON: raised when a field is renamed or removed or changes
/// its meaning, never for a field added (see README, "Schemas").
pub const REPORT_FORMAT_VERSION: u32 = 1;

/// The report, as JSON writes it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Report {
    /// The version of this report format.
    pub format: u32,
    /// Runs read from the exports.
    pub runs: usize,
    pub skipped_lines: usize,
    pub scenarios: Vec<ScenarioReport>,
    /// Steps the group got wrong most often (broken + missed), most first.
    pub steps: Vec<StepReport>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ScenarioReport {
    pub scenario: String,
    pub language: String,
    pub runs: usize,
    pub choices: Vec<ChoiceReport>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ChoiceReport {
    pub node: String,
    /// 1-based, in file order, as an author counts.
    pub choice: usize,
    /// The choice's words, when the scenario is in the library.
    pub text: Option<String>,
    /// Runs that chose it.
    pub chosen: usize,
    pub avg_fit: Option<f64>,
    pub avg_final_mood: Option<f64>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct StepReport {
    pub step: String,
    /// The step's name in the model of the first run's scenario, in that scenario's language;
    /// `None` when the scenario is not in the library. Text output only: JSON keeps its keys.
    #[serde(skip)]
    pub name: Option<String>,
    pub in_play: usize,
    pub shown: usize,
    pub broken: usize,
    pub missed: usize,
}

/// What is kept of one scenario while runs stream in: its model (looked up once), how many
/// runs, and a tally per (node, choice).
struct ScenarioTally<'a> {
    model: Option<&'a EncounterModel>,
    runs: usize,
    choices: BTreeMap<(String, usize), Tally>,
}

/// Sums and counts, never the values: memory stays the same however many runs chose it.
#[derive(Default)]
struct Tally {
    chosen: usize,
    fit: Mean,
    mood: Mean,
}

#[derive(Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: Option<f64>) {
        if let Some(v) = value {
            self.sum += v;
            self.count += 1;
        }
    }

    fn get(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

/// The report built one run at a time, so a caller can stream any number of exports through
/// it: what it keeps grows with the distinct scenarios, nodes, choices and steps seen, never
/// with the number of runs. Every step is linear in a run's size or n log n (maps and sets
/// by key, never a search along a list), so one line of a hundred thousand choices takes
/// seconds, not hours.
pub struct Aggregator<'a> {
    library: &'a Library,
    runs: usize,
    /// (scenario, language) -> its tallies.
    scenarios: BTreeMap<(String, String), ScenarioTally<'a>>,
    steps: Vec<StepReport>,
    step_at: HashMap<String, usize>,
}

impl<'a> Aggregator<'a> {
    /// An empty report; scenarios and step names are looked up in `library`.
    pub fn new(library: &'a Library) -> Aggregator<'a> {
        Aggregator {
            library,
            runs: 0,
            scenarios: BTreeMap::new(),
            steps: Vec::new(),
            step_at: HashMap::new(),
        }
    }

    /// Counts one run in.
    pub fn add(&mut self, run: &ExportedRun) {
        self.runs += 1;
        let language = run.language.as_deref().unwrap_or_default();
        let library = self.library;
        let key = (run.scenario.clone(), language.to_owned());
        let entry = self.scenarios.entry(key).or_insert_with(|| ScenarioTally {
            // The model of the run's scenario, in its language, names the steps.
            model: library
                .scenario(&run.scenario, language)
                .and_then(|s| library.model_for(&s.value)),
            runs: 0,
            choices: BTreeMap::new(),
        });
        entry.runs += 1;
        let model = entry.model;
        let (fit, mood) = (run.fit(), run.final_mood());
        let mut counted: HashSet<(&str, usize)> = HashSet::new();
        for c in &run.choices {
            // A run that passes a choice twice (a loop) counts once for it.
            if !counted.insert((c.node.as_str(), c.choice)) {
                continue;
            }
            let tally = entry.choices.entry((c.node.clone(), c.choice)).or_default();
            tally.chosen += 1;
            tally.fit.add(fit);
            tally.mood.add(mood);
        }
        for s in run.measurement.iter().flat_map(|m| &m.steps) {
            let steps = &mut self.steps;
            let at = *self.step_at.entry(s.step.clone()).or_insert_with(|| {
                steps.push(StepReport {
                    step: s.step.clone(),
                    name: None,
                    in_play: 0,
                    shown: 0,
                    broken: 0,
                    missed: 0,
                });
                steps.len() - 1
            });
            let r = &mut self.steps[at];
            if r.name.is_none() {
                r.name = model
                    .and_then(|m| m.steps.iter().find(|step| step.id == s.step))
                    .map(|step| step.name.clone());
            }
            match run.counted(&s.result) {
                Some("shown") => r.shown += 1,
                Some("broken") => r.broken += 1,
                Some("missed") => r.missed += 1,
                _ => continue,
            }
            r.in_play += 1;
        }
    }

    /// The report over every run added. `skipped_lines` is left at 0 for the caller, who
    /// read the lines, to set.
    pub fn finish(self) -> Report {
        let library = self.library;
        let mut steps = self.steps;
        steps.retain(|s| s.in_play > 0);
        steps.sort_by(|a, b| {
            (b.broken + b.missed, b.missed)
                .cmp(&(a.broken + a.missed, a.missed))
                .then_with(|| a.step.cmp(&b.step))
        });
        let scenarios = self
            .scenarios
            .into_iter()
            .map(|((scenario, language), tally)| {
                let known = library.scenario(&scenario, &language).map(|l| &l.value);
                // Nodes in file order when the scenario is known, else by id (the first node
                // of an id, as the engine takes it).
                let mut places: HashMap<&str, usize> = HashMap::new();
                for (i, n) in known.iter().flat_map(|s| s.nodes.iter()).enumerate() {
                    places.entry(n.id.as_str()).or_insert(i);
                }
                let order = |node: &str| places.get(node).copied().unwrap_or(usize::MAX);
                let mut choices: Vec<ChoiceReport> = tally
                    .choices
                    .into_iter()
                    .map(|((node, choice), t)| ChoiceReport {
                        text: known
                            .and_then(|s| choice_text(s, *places.get(node.as_str())?, choice)),
                        chosen: t.chosen,
                        avg_fit: t.fit.get(),
                        avg_final_mood: t.mood.get(),
                        node,
                        choice: choice + 1,
                    })
                    .collect();
                choices.sort_by_cached_key(|c| (order(&c.node), c.node.clone(), c.choice));
                ScenarioReport {
                    scenario,
                    language,
                    runs: tally.runs,
                    choices,
                }
            })
            .collect();
        Report {
            format: REPORT_FORMAT_VERSION,
            runs: self.runs,
            skipped_lines: 0,
            scenarios,
            steps,
        }
    }
}

/// The report over `runs` held in memory (see [`Aggregator`] to stream them).
pub fn build(runs: &[ExportedRun], library: &Library) -> Report {
    let mut report = Aggregator::new(library);
    for run in runs {
        report.add(run);
    }
    report.finish()
}

fn choice_text(scenario: &Scenario, node: usize, choice: usize) -> Option<String> {
    scenario
        .nodes
        .get(node)?
        .choice_list()
        .get(choice)
        .map(|c| c.say.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::export::read_line;

    fn run(scenario: &str, choices: &str, steps: &str, status: &str) -> ExportedRun {
        let line = format!(
            r#"{{"scenario":"{scenario}","language":"en","status":"{status}","choices":{choices},"measurement":{{"fit":50,"moods":[0,1],"steps":{steps}}}}}"#
        );
        read_line(&line).unwrap()
    }

    #[test]
    fn choices_are_tallied_once_a_run_and_steps_ranked_by_what_went_wrong() {
        let looped = r#"[{"node":"a","choice":0},{"node":"a","choice":0},{"node":"b","choice":2}]"#;
        let steps = r#"[{"step":"greet","result":"shown"},{"step":"close","result":"missed"},{"step":"listen","result":"broken"}]"#;
        let runs = [
            run("x", looped, steps, "finished"),
            run("x", r#"[{"node":"a","choice":1}]"#, steps, "abandoned"),
        ];
        let report = build(&runs, &Library::default());
        assert_eq!(report.runs, 2);
        let [x] = report.scenarios.as_slice() else {
            panic!("{report:?}")
        };
        assert_eq!(x.runs, 2);
        let tallies: Vec<_> = x
            .choices
            .iter()
            .map(|c| (&*c.node, c.choice, c.chosen, c.avg_final_mood))
            .collect();
        assert_eq!(
            tallies,
            [
                ("a", 1, 1, Some(1.0)),
                ("a", 2, 1, Some(1.0)),
                ("b", 3, 1, Some(1.0))
            ]
        );
        let steps: Vec<_> = report
            .steps
            .iter()
            .map(|s| (&*s.step, s.in_play, s.shown, s.broken, s.missed))
            .collect();
        // The abandoned run's missed step does not count: it was not yet due.
        assert_eq!(
            steps,
            [
                ("listen", 2, 0, 2, 0),
                ("close", 1, 0, 0, 1),
                ("greet", 2, 2, 0, 0)
            ]
        );
    }
}
