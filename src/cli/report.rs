//! `kohtaa report FILES...`: a facilitator's view over many learners' exports.
//!
//! Per scenario and per choice: how many runs chose it, their average model fit and final
//! mood; and the steps the group misses most. Reads exports it did not write: unknown fields
//! are ignored, and a line that does not read is reported as `file:line` and skipped. Style
//! profiles in the exports are never read (a group view shows no one's style).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use super::{Global, Lang, load_library, ui_language};
use crate::content::text::display_safe;
use crate::content::types::{MOOD_MAX, MOOD_MIN};
use crate::content::validate::MAX_CHOICES;
use crate::content::{Library, Scenario};
use crate::i18n::{T, count, signed_decimal, t, tf};
use crate::practice::measure::fit_percent;
use crate::store::file::open_regular;

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
pub struct ExportedRun {
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

/// A number from a file, said briefly however large: `1e308`, not 309 digits.
fn short(v: f64) -> String {
    if v.abs() < 1e6 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// One line of an export, read and range-checked; why not, as said to the facilitator.
pub fn read_line(line: &str) -> Result<ExportedRun, LineError> {
    let run = serde_json::from_str::<ExportedRun>(line).map_err(LineError::Json)?;
    run.out_of_range().map_or(Ok(run), Err)
}

/// Why a line of an export was skipped.
#[derive(Debug)]
pub enum LineError {
    /// Not a run as `export` writes it.
    Json(serde_json::Error),
    /// A choice, fit or mood outside the ranges kohtaa writes.
    OutOfRange {
        what: T,
        value: String,
        lo: i64,
        hi: i64,
    },
}

impl LineError {
    /// The reason, in `lang`.
    fn in_lang(&self, lang: Lang) -> String {
        match self {
            LineError::Json(e) => json_error(lang, e),
            LineError::OutOfRange {
                what,
                value,
                lo,
                hi,
            } => {
                let (lo, hi) = (lo.to_string(), hi.to_string());
                tf(lang, *what, &[("value", value), ("lo", &lo), ("hi", &hi)])
            }
        }
    }
}

impl ExportedRun {
    /// What lies outside the ranges kohtaa writes, if anything: such a line was damaged or
    /// made by hand, and is skipped rather than averaged (a fit of 1e308 would print 309
    /// digits, a choice of 2^64-1 would be counted as choice 0).
    fn out_of_range(&self) -> Option<LineError> {
        let mood = |m: f64| (f64::from(MOOD_MIN)..=f64::from(MOOD_MAX)).contains(&m);
        let out = |what, value: String, lo, hi| {
            Some(LineError::OutOfRange {
                what,
                value,
                lo,
                hi,
            })
        };
        if let Some(c) = self.choices.iter().find(|c| c.choice >= MAX_CHOICES) {
            let last = MAX_CHOICES - 1;
            return out(
                T::ReportChoiceOutOfRange,
                c.choice.to_string(),
                0,
                last as i64,
            );
        }
        let moods = self.choices.iter().filter_map(|c| c.mood_after);
        let m = self.measurement.as_ref();
        if let Some(fit) = m.and_then(|m| m.fit).filter(|f| !(0.0..=100.0).contains(f)) {
            return out(T::ReportFitOutOfRange, short(fit), 0, 100);
        }
        let measured = m.into_iter().flat_map(|m| m.moods.iter().copied());
        if let Some(bad) = moods.chain(measured).find(|&v| !mood(v)) {
            let (lo, hi) = (i64::from(MOOD_MIN), i64::from(MOOD_MAX));
            return out(T::ReportMoodOutOfRange, short(bad), lo, hi);
        }
        None
    }

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
        let cannot_read = |error: &str| {
            eprintln!(
                "{}",
                tf(
                    lang,
                    T::CliCannotRead,
                    &[("path", &shown), ("error", error)]
                )
            );
        };
        // A regular file only (a FIFO would wait, a device never end), read a line at a
        // time: an export of hundreds of megabytes is never held whole.
        let mut input = match open_regular(path) {
            Ok((file, _)) => std::io::BufReader::new(file),
            Err(e) => {
                cannot_read(&e.in_lang(lang));
                failed = true;
                continue;
            }
        };
        let mut bytes = Vec::new();
        for i in 0.. {
            bytes.clear();
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    cannot_read(&crate::i18n::io_error(lang, &e));
                    failed = true;
                    break;
                }
            }
            let line = String::from_utf8_lossy(&bytes);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match read_line(line) {
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
                                ("error", &e.in_lang(lang)),
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
        Format::Json => crate::content::json::to_string_pretty(&report) + "\n",
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

/// The report over `runs`: every step of it linear in the runs' size or n log n (maps and
/// sets by key, never a search along a list), so an export of hundreds of megabytes, or one
/// line of a hundred thousand choices, takes seconds, not hours.
pub fn build(runs: &[ExportedRun], library: &Library) -> Report {
    // (scenario, language) -> runs, and (node, choice) -> tally.
    let mut scenarios: BTreeMap<(String, String), ScenarioTally> = BTreeMap::new();
    let mut steps: Vec<StepReport> = Vec::new();
    let mut step_at: HashMap<String, usize> = HashMap::new();
    // The model of each scenario (by id and language), looked up once.
    let mut models: HashMap<(&str, &str), Option<&crate::content::EncounterModel>> = HashMap::new();
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

/// A text cell of CSV, from text the report did not write (ids, choice words): escaped for
/// a terminal, and neutralised as OWASP recommends against formula injection. A cell that
/// starts (after any spaces) with `=`, `+`, `-`, `@`, a tab or a carriage return would be
/// run as a formula by a spreadsheet: it gets a `'` in front. A cell is quoted when it holds
/// a comma, a quote, a line break or that `'`; quotes are doubled. Numbers the report
/// computes (a mood of -0.50) are written as they are.
fn csv_field(text: &str) -> String {
    let text = display_safe(text);
    let formula = text.trim_start_matches(' ').starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ]);
    let text = if formula {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if formula || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
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
