//! `kohtaa report FILES...`: a facilitator's view over many learners' exports.
//!
//! Per scenario and per choice: how many runs chose it, their average model fit and final
//! mood; and the steps the group misses most. Reads exports it did not write: unknown fields
//! are ignored, and a line that does not read is reported as `file:line` and skipped. The
//! export format and the aggregation are core's (`practice::export`, `practice::report`);
//! this module reads the files, a line at a time, and writes the report as text, JSON, or
//! the spreadsheet files of `report_csv` and `report_xlsx`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use unicode_width::UnicodeWidthStr;

use super::report_tables::tables;
use super::{Context, Error, Lang, report_error};
use super::{report_csv, report_xlsx};
use crate::content::text::display_safe;
use crate::i18n::{T, count, signed_decimal, t, tf};
use crate::practice::export::{LineError, read_line};
use crate::practice::report::{Aggregator, Report};
use crate::store::file::open_regular;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files written by `kohtaa export` (one JSON object per line); `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Output format: an aligned text table, CSV (a section per table, in the spreadsheet
    /// convention of the interface language), JSON, or an Excel workbook (xlsx).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of standard output. xlsx needs it
    /// when standard output is a terminal.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
    Xlsx,
}

/// Why a line of an export was skipped, in `lang`.
fn line_error(e: &LineError, lang: Lang) -> String {
    match e {
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

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    // Said before any file is read: a workbook's bytes would only garble the terminal.
    if args.format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::usage(t(lang, T::ReportXlsxToTerminal)));
    }
    let library = ctx.library();
    // Each run is counted in as it is read and dropped: memory stays flat however many
    // learners' exports are given.
    let mut report = Aggregator::new(&library);
    let mut skipped = 0;
    let mut failed = false;
    super::stdin::at_most_once(ctx, &args.files)?;
    for path in &args.files {
        let from_stdin = super::stdin::is_stdin(path);
        let shown = if from_stdin {
            super::stdin::name().display().to_string()
        } else {
            path.display().to_string()
        };
        // Said at once; the other files are read all the same, and the exit code tells (2:
        // an input that is not there or cannot be read, as for every command).
        let cannot_read = |error: &str| {
            let message = tf(
                lang,
                T::CliCannotRead,
                &[("path", &shown), ("error", error)],
            );
            report_error(&Error::usage(message));
        };
        // A regular file only (a FIFO would wait, a device never end), read a line at a
        // time: an export of hundreds of megabytes is never held whole. Standard input is
        // read the same way, a line at a time.
        let opened: Result<Box<dyn BufRead>, _> = if from_stdin {
            Ok(Box::new(std::io::stdin().lock()))
        } else {
            open_regular(path)
                .map(|(file, _)| Box::new(std::io::BufReader::new(file)) as Box<dyn BufRead>)
        };
        let mut input = match opened {
            Ok(input) => input,
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
                Ok(run) => report.add(&run),
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
                                ("error", &line_error(&e, lang)),
                            ]
                        )
                    );
                }
            }
        }
    }
    let mut report = report.finish();
    if report.runs == 0 {
        // Nothing to report is a problem to say, on stderr, not a report of nothing.
        let _ = writeln!(std::io::stderr().lock(), "{}", t(lang, T::ReportNoRuns));
        return Ok(ExitCode::from(if failed { 2 } else { 1 }));
    }
    report.skipped_lines = skipped;

    let bytes = match args.format {
        Format::Text => render_text(&report, lang).into_bytes(),
        Format::Csv => report_csv::render(&tables(&report, lang), lang),
        Format::Json => (crate::content::json::to_string_pretty(&report) + "\n").into_bytes(),
        Format::Xlsx => report_xlsx::render(&tables(&report, lang), t(lang, T::ReportStepsTitle))
            .map_err(|e| cannot_write(args.output.as_deref(), &e.to_string(), lang))?,
    };
    match &args.output {
        Some(path) => crate::store::atomic::write_shared(path, &bytes)
            .map_err(|e| cannot_write(Some(path), &crate::i18n::io_error(lang, &e), lang))?,
        // A closed pipe (`| head`) is not an error worth a message.
        None => {
            let _ = std::io::stdout().lock().write_all(&bytes);
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Why the report could not be written to `path` (standard output when `None`).
fn cannot_write(path: Option<&std::path::Path>, error: &str, lang: Lang) -> Error {
    let path = path.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    Error::failed(tf(
        lang,
        T::ReportCannotWrite,
        &[("path", &path), ("error", &display_safe(error))],
    ))
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
