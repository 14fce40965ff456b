//! A facilitator's report over many learners' exported runs: per scenario and per choice, how
//! many runs chose it, their average model fit and final mood; and the steps the group misses
//! most. Style profiles in the exports are never read (a group view shows no one's style).
//! Reading the files and writing the report as text, CSV or JSON are the caller's.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::content::{EncounterModel, Library, Scenario};
use crate::practice::export::ExportedRun;

/// The report, as JSON writes it.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub runs: usize,
    pub skipped_lines: usize,
    pub scenarios: Vec<ScenarioReport>,
    /// Steps the group got wrong most often (broken + missed), most first.
    pub steps: Vec<StepReport>,
}

#[derive(Debug, Serialize)]
pub struct ScenarioReport {
    pub scenario: String,
    pub language: String,
    pub runs: usize,
    pub choices: Vec<ChoiceReport>,
}

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
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

/// Runs of one scenario, and a tally per (node, choice).
type ScenarioTally = (usize, BTreeMap<(String, usize), Tally>);

#[derive(Default)]
struct Tally {
    chosen: usize,
    fits: Vec<f64>,
    moods: Vec<f64>,
}

/// The report over `runs`: every step of it linear in the runs' size or n log n (maps and
/// sets by key, never a search along a list), so an export of hundreds of megabytes, or one
/// line of a hundred thousand choices, takes seconds, not hours. `skipped_lines` is left at
/// 0 for the caller, who read the lines, to set.
pub fn build(runs: &[ExportedRun], library: &Library) -> Report {
    // (scenario, language) -> runs, and (node, choice) -> tally.
    let mut scenarios: BTreeMap<(String, String), ScenarioTally> = BTreeMap::new();
    let mut steps: Vec<StepReport> = Vec::new();
    let mut step_at: HashMap<String, usize> = HashMap::new();
    // The model of each scenario (by id and language), looked up once.
    let mut models: HashMap<(&str, &str), Option<&EncounterModel>> = HashMap::new();
    let mut counted: HashSet<(&str, usize)> = HashSet::new();
    for run in runs {
        let language = run.language.as_deref().unwrap_or_default();
        // The model of the run's scenario, in its language, names the steps.
        let model = *models
            .entry((run.scenario.as_str(), language))
            .or_insert_with(|| {
                library
                    .scenario(&run.scenario, language)
                    .and_then(|s| library.model_for(&s.value))
            });
        let entry = scenarios
            .entry((run.scenario.clone(), language.to_owned()))
            .or_default();
        entry.0 += 1;
        let (fit, mood) = (run.fit(), run.final_mood());
        counted.clear();
        for c in &run.choices {
            // A run that passes a choice twice (a loop) counts once for it.
            if !counted.insert((c.node.as_str(), c.choice)) {
                continue;
            }
            let tally = entry.1.entry((c.node.clone(), c.choice)).or_default();
            tally.chosen += 1;
            tally.fits.extend(fit);
            tally.moods.extend(mood);
        }
        for s in run.measurement.iter().flat_map(|m| &m.steps) {
            let at = *step_at.entry(s.step.clone()).or_insert_with(|| {
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
            let r = &mut steps[at];
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
    steps.retain(|s| s.in_play > 0);
    steps.sort_by(|a, b| {
        (b.broken + b.missed, b.missed)
            .cmp(&(a.broken + a.missed, a.missed))
            .then_with(|| a.step.cmp(&b.step))
    });

    let scenarios = scenarios
        .into_iter()
        .map(|((scenario, language), (count, tallies))| {
            let known = library.scenario(&scenario, &language).map(|l| &l.value);
            // Nodes in file order when the scenario is known, else by id (the first node of
            // an id, as the engine takes it).
            let mut places: HashMap<&str, usize> = HashMap::new();
            for (i, n) in known.iter().flat_map(|s| s.nodes.iter()).enumerate() {
                places.entry(n.id.as_str()).or_insert(i);
            }
            let order = |node: &str| places.get(node).copied().unwrap_or(usize::MAX);
            let mut choices: Vec<ChoiceReport> = tallies
                .into_iter()
                .map(|((node, choice), t)| ChoiceReport {
                    text: known.and_then(|s| choice_text(s, *places.get(node.as_str())?, choice)),
                    chosen: t.chosen,
                    avg_fit: average(&t.fits),
                    avg_final_mood: average(&t.moods),
                    node,
                    choice: choice + 1,
                })
                .collect();
            choices.sort_by_cached_key(|c| (order(&c.node), c.node.clone(), c.choice));
            ScenarioReport {
                scenario,
                language,
                runs: count,
                choices,
            }
        })
        .collect();
    Report {
        runs: runs.len(),
        skipped_lines: 0,
        scenarios,
        steps,
    }
}

fn choice_text(scenario: &Scenario, node: usize, choice: usize) -> Option<String> {
    scenario
        .nodes
        .get(node)?
        .choice_list()
        .get(choice)
        .map(|c| c.say.clone())
}

fn average(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
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
