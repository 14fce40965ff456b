//! `kohtaa report FILES...`: a facilitator's view over many learners' exports.
//!
//! Per scenario and per choice: how many runs chose it, their average model fit and final
//! mood; and the steps the group misses most. Reads exports it did not write: unknown fields
//! are ignored, and a line that does not read is reported as `file:line` and skipped. Style
//! profiles in the exports are never read (a group view shows no one's style).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use super::{Global, Lang, load_library, ui_language};
use crate::content::text::display_safe;
use crate::content::{Library, Scenario};
use crate::i18n::{self, T, count, signed_decimal, t, tf};
use crate::practice::measure::fit_percent;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files written by `kohtaa export` (one JSON object per line).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Output format: an aligned text table, CSV or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
}

/// What `report` reads of an exported run; everything else on the line is ignored.
#[derive(Debug, Deserialize)]
struct ExportedRun {
    scenario: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    choices: Vec<ExportedChoice>,
    #[serde(default)]
    measurement: Option<ExportedMeasurement>,
    /// `finished` or `abandoned`; older exports may lack it (taken as finished).
    #[serde(default)]
    status: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExportedChoice {
    node: String,
    /// 0-based index in the scenario file.
    choice: usize,
    #[serde(default)]
    mood_after: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
struct ExportedMeasurement {
    #[serde(default)]
    fit: Option<f64>,
    #[serde(default)]
    moods: Vec<f64>,
    #[serde(default)]
    steps: Vec<ExportedStep>,
}

#[derive(Debug, Deserialize)]
struct ExportedStep {
    step: String,
    result: String,
}

impl ExportedRun {
    /// A run left before its ending: its missed steps were not yet due, so they do not count
    /// against the learner (scenario-format.md, "What a run measures").
    fn is_abandoned(&self) -> bool {
        self.status.as_deref() == Some("abandoned")
    }

    /// Whether a step's result counts in the group's figures, and as what.
    fn counted<'a>(&self, result: &'a str) -> Option<&'a str> {
        match result {
            "missed" if self.is_abandoned() => None,
            "shown" | "broken" | "missed" => Some(result),
            _ => None,
        }
    }

    /// The model fit as it counts: an abandoned run's without its missed steps.
    fn fit(&self) -> Option<f64> {
        let m = self.measurement.as_ref()?;
        if !self.is_abandoned() || m.steps.is_empty() {
            return m.fit;
        }
        let counted: Vec<&str> = m
            .steps
            .iter()
            .filter_map(|s| self.counted(&s.result))
            .collect();
        let shown = counted.iter().filter(|r| **r == "shown").count();
        fit_percent(shown as u32, counted.len() as u32).map(f64::from)
    }

    fn final_mood(&self) -> Option<f64> {
        self.measurement
            .as_ref()
            .and_then(|m| m.moods.last().copied())
            .or_else(|| self.choices.last().and_then(|c| c.mood_after))
    }
}

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

pub fn run(global: &Global, args: &ReportArgs) -> ExitCode {
    let lang = ui_language(global);
    let mut runs = Vec::new();
    let mut skipped = 0;
    let mut failed = false;
    for path in &args.files {
        let shown = path.display().to_string();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!(
                    "{}",
                    tf(
                        lang,
                        T::CliCannotRead,
                        &[("path", &shown), ("error", &i18n::io_error(lang, &e))]
                    )
                );
                failed = true;
                continue;
            }
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match serde_json::from_str::<ExportedRun>(line) {
                Ok(run) => runs.push(run),
                Err(e) => {
                    skipped += 1;
                    eprintln!(
                        "{}",
                        tf(
                            lang,
                            T::ReportSkipped,
                            &[
                                ("path", &shown),
                                ("line", &(i + 1).to_string()),
                                ("error", &json_error(lang, &e)),
                            ]
                        )
                    );
                }
            }
        }
    }
    let library = load_library(global);
    let mut report = build(&runs, &library);
    report.skipped_lines = skipped;

    let text = match args.format {
        Format::Text => render_text(&report, lang),
        Format::Csv => render_csv(&report),
        Format::Json => serde_json::to_string_pretty(&report).expect("plain data") + "\n",
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs of one scenario, and a tally per (node, choice).
type ScenarioTally = (usize, BTreeMap<(String, usize), Tally>);

#[derive(Default)]
struct Tally {
    chosen: usize,
    fits: Vec<f64>,
    moods: Vec<f64>,
}

fn build(runs: &[ExportedRun], library: &Library) -> Report {
    // (scenario, language) -> runs, and (node, choice) -> tally.
    let mut scenarios: BTreeMap<(String, String), ScenarioTally> = BTreeMap::new();
    let mut steps: Vec<StepReport> = Vec::new();
    for run in runs {
        let language = run.language.clone().unwrap_or_default();
        // The model of the run's scenario, in its language, names the steps.
        let model = library
            .scenario(&run.scenario, &language)
            .and_then(|s| library.model_for(&s.value));
        let entry = scenarios
            .entry((run.scenario.clone(), language))
            .or_default();
        entry.0 += 1;
        let mut counted: Vec<(&str, usize)> = Vec::new();
        for c in &run.choices {
            // A run that passes a choice twice (a loop) counts once for it.
            if counted.contains(&(c.node.as_str(), c.choice)) {
                continue;
            }
            counted.push((c.node.as_str(), c.choice));
            let tally = entry.1.entry((c.node.clone(), c.choice)).or_default();
            tally.chosen += 1;
            tally.fits.extend(run.fit());
            tally.moods.extend(run.final_mood());
        }
        for s in run.measurement.iter().flat_map(|m| &m.steps) {
            let at = match steps.iter().position(|r| r.step == s.step) {
                Some(at) => at,
                None => {
                    steps.push(StepReport {
                        step: s.step.clone(),
                        name: None,
                        in_play: 0,
                        shown: 0,
                        broken: 0,
                        missed: 0,
                    });
                    steps.len() - 1
                }
            };
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
            // Nodes in file order when the scenario is known, else by id.
            let order = |node: &str| {
                known
                    .and_then(|s| s.nodes.iter().position(|n| n.id == node))
                    .unwrap_or(usize::MAX)
            };
            let mut choices: Vec<ChoiceReport> = tallies
                .into_iter()
                .map(|((node, choice), t)| ChoiceReport {
                    text: known.and_then(|s| choice_text(s, &node, choice)),
                    chosen: t.chosen,
                    avg_fit: average(&t.fits),
                    avg_final_mood: average(&t.moods),
                    node,
                    choice: choice + 1,
                })
                .collect();
            choices.sort_by(|a, b| {
                (order(&a.node), &a.node, a.choice).cmp(&(order(&b.node), &b.node, b.choice))
            });
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

fn choice_text(scenario: &Scenario, node: &str, choice: usize) -> Option<String> {
    scenario
        .nodes
        .iter()
        .find(|n| n.id == node)?
        .choice_list()
        .get(choice)
        .map(|c| c.say.clone())
}

fn average(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Untrusted text as one line of a table cell.
fn cell(text: &str) -> String {
    display_safe(&text.replace(['\n', '\r', '\t'], " ")).into_owned()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Why a line is not an exported run, in `lang`.
fn json_error(lang: Lang, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let column = e.column().to_string();
    match e.classify() {
        Category::Syntax => tf(lang, T::ReportNotJson, &[("column", &column)]),
        Category::Eof => t(lang, T::ReportCutOff).to_owned(),
        // serde names the first field a line lacks: "missing field `scenario`".
        Category::Data => match e.to_string().strip_prefix("missing field `") {
            Some(rest) => {
                let field = rest.split('`').next().unwrap_or_default();
                tf(
                    lang,
                    T::ReportMissingField,
                    &[("field", &display_safe(field))],
                )
            }
            None => t(lang, T::ReportNotARun).to_owned(),
        },
        Category::Io => display_safe(&e.to_string()).into_owned(),
    }
}

/// `75%`; Finnish writes a space before the sign: `75 %`.
pub fn percent(v: Option<f64>, lang: Lang) -> String {
    v.map_or_else(
        || "-".to_owned(),
        |v| tf(lang, T::ReportPercent, &[("n", &format!("{v:.0}"))]),
    )
}

/// `+1.5`, `−0.5`; Finnish writes a decimal comma: `+1,5`.
fn mood(v: Option<f64>, lang: Lang) -> String {
    v.map_or_else(|| "-".to_owned(), |v| signed_decimal(lang, v))
}

/// The column names of a table, from a catalogue entry that lists them split by `|`.
pub fn columns(lang: Lang, key: T) -> Vec<String> {
    t(lang, key).split('|').map(str::to_owned).collect()
}

/// An aligned text table: columns as wide as their widest cell, two spaces apart.
pub fn table<R: AsRef<[String]>>(header: &[String], rows: &[R]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, c) in row.as_ref().iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.width());
            }
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut text = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(c);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(widths[i].saturating_sub(c.width())));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header);
    for row in rows {
        line(row.as_ref());
    }
    out
}

fn render_text(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    if report.runs == 0 {
        out.push_str(t(lang, T::ReportNoRuns));
        out.push('\n');
        return out;
    }
    for s in &report.scenarios {
        let language = if s.language.is_empty() {
            String::new()
        } else {
            format!(" ({})", cell(&s.language))
        };
        out.push_str(&format!(
            "{}{language}: {}\n",
            cell(&s.scenario),
            count(lang, s.runs, T::CliRun, T::CliRuns)
        ));
        let header = columns(lang, T::ReportChoiceColumns);
        let rows: Vec<Vec<String>> = s
            .choices
            .iter()
            .map(|c| {
                vec![
                    cell(&c.node),
                    c.choice.to_string(),
                    c.chosen.to_string(),
                    percent(c.avg_fit, lang),
                    mood(c.avg_final_mood, lang),
                    c.text
                        .as_deref()
                        .map_or_else(String::new, |t| shorten(&cell(t), 60)),
                ]
            })
            .collect();
        for l in table(&header, &rows).lines() {
            out.push_str("  ");
            out.push_str(l);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(t(lang, T::ReportStepsTitle));
    out.push('\n');
    let header = columns(lang, T::ReportStepColumns);
    let rows: Vec<Vec<String>> = report
        .steps
        .iter()
        .map(|s| {
            vec![
                cell(s.name.as_deref().unwrap_or(&s.step)),
                s.in_play.to_string(),
                s.shown.to_string(),
                s.broken.to_string(),
                s.missed.to_string(),
            ]
        })
        .collect();
    for l in table(&header, &rows).lines() {
        out.push_str("  ");
        out.push_str(l);
        out.push('\n');
    }
    let runs = count(lang, report.runs, T::CliRun, T::CliRuns);
    out.push('\n');
    out.push_str(&tf(lang, T::ReportRunsRead, &[("runs", &runs)]));
    if report.skipped_lines > 0 {
        let lines = count(lang, report.skipped_lines, T::CliLine, T::CliLines);
        out.push_str(&tf(lang, T::ReportLinesSkipped, &[("lines", &lines)]));
    }
    out.push('\n');
    out
}

fn csv_field(text: &str) -> String {
    let text = display_safe(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// One table for both kinds of row: `kind` is `choice` or `step`; columns that do not apply
/// to a kind are empty.
fn render_csv(report: &Report) -> String {
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.2}"));
    let mut out = String::from(
        "kind,scenario,language,node,choice,text,chosen,avg_fit,avg_final_mood,step,runs,shown,broken,missed\n",
    );
    for s in &report.scenarios {
        for c in &s.choices {
            let row = [
                "choice".to_owned(),
                csv_field(&s.scenario),
                csv_field(&s.language),
                csv_field(&c.node),
                c.choice.to_string(),
                csv_field(c.text.as_deref().unwrap_or("")),
                c.chosen.to_string(),
                num(c.avg_fit),
                num(c.avg_final_mood),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    for s in &report.steps {
        let row = [
            "step".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            csv_field(&s.step),
            s.in_play.to_string(),
            s.shown.to_string(),
            s.broken.to_string(),
            s.missed.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
