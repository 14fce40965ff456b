//! `kohtaa analyze`: what is true on every path through a scenario.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::graph::load_draft;
use super::{Global, Lang, ui_language};
use crate::authoring::analyze::{
    Analysis, ChoiceRef, DEFAULT_STATE_LIMIT, Extreme, PathCount, Witness, analyze,
};
use crate::authoring::draft::Draft;
use crate::content::outline::{Outline, Seg};
use crate::content::text::display_safe;
use crate::i18n::{T, count, signed, t, tf};

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Scenario files to analyse.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// text for people, or json: one object per file per line.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Text)]
    pub format: AnalyzeFormat,
    /// States to explore for the model fit before reporting what could be proven.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_STATE_LIMIT)]
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    Text,
    Json,
}

pub fn run(global: &Global, args: &AnalyzeArgs) -> ExitCode {
    let lang = ui_language(global);
    let mut status = ExitCode::SUCCESS;
    let mut out = std::io::stdout().lock();
    for (i, file) in args.files.iter().enumerate() {
        let draft = match load_draft(global, file) {
            Ok(d) => d,
            Err(code) => {
                status = code;
                continue;
            }
        };
        let analysis = analyze(&draft.scenario, &draft.model, args.limit);
        let _ = match args.format {
            AnalyzeFormat::Json => {
                let mut value = serde_json::to_value(&analysis).expect("serialisable");
                value["file"] = serde_json::Value::String(file.display().to_string());
                writeln!(out, "{value}")
            }
            AnalyzeFormat::Text => {
                if i > 0 {
                    let _ = writeln!(out);
                }
                write!(out, "{}", render_text(&analysis, &draft, lang))
            }
        };
    }
    status
}

fn safe(s: &str) -> String {
    display_safe(s).into_owned()
}

fn path_text(w: &Witness) -> String {
    let mut parts: Vec<String> = w
        .path
        .iter()
        .map(|s| format!("{} {}", safe(&s.node), s.choice))
        .collect();
    parts.push(safe(&w.end));
    parts.join(" → ")
}

/// Items of a list or warnings of one kind shown in full; the rest are counted.
const MAX_LISTED: usize = 12;

fn list(items: &[String], lang: Lang) -> String {
    if items.is_empty() {
        return t(lang, T::CliNone).to_owned();
    }
    let shown: Vec<String> = items.iter().take(MAX_LISTED).map(|i| safe(i)).collect();
    let more = items.len().saturating_sub(MAX_LISTED);
    if more > 0 {
        tf(
            lang,
            T::CliAndMore,
            &[("items", &shown.join(", ")), ("n", &more.to_string())],
        )
    } else {
        shown.join(", ")
    }
}

/// `1,234,567` in English; Finnish groups digits with a (no-break) space: `1 234 567`.
fn thousands(n: u128, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Fi => '\u{a0}',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Finds `file:line:col` of choices quickly: a large scenario can have thousands of lints.
struct Locator<'a> {
    draft: &'a Draft,
    outline: Outline,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(draft: &'a Draft) -> Locator<'a> {
        let text = &draft.source.text;
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            draft,
            outline: Outline::read(text),
            lines,
        }
    }

    /// `file:line:col` of a choice (columns in characters, as `check` counts them).
    fn choice(&self, c: &ChoiceRef) -> String {
        let name = &self.draft.source.name;
        let Some(span) = self.outline.span(&[
            Seg::Field("nodes"),
            Seg::Index(c.node_index),
            Seg::Field("choices"),
            Seg::Index(c.choice_index),
        ]) else {
            return name.to_string();
        };
        let line = self.lines.partition_point(|&start| start <= span.start);
        let start = self.lines[line - 1];
        let col = self.draft.source.text[start..span.start].chars().count() + 1;
        format!("{name}:{line}:{col}")
    }
}

/// The analysis as text for an author, in `lang`. Ids, outcomes (`Resolved`) and paths are
/// the file's own words and stay as written.
pub fn render_text(a: &Analysis, draft: &Draft, lang: Lang) -> String {
    let mut o = String::new();
    let locator = Locator::new(draft);
    let s = &a.stats;
    let line = |o: &mut String, key: T, args: &[(&str, &str)]| {
        let _ = writeln!(o, "{}", tf(lang, key, args));
    };
    let _ = writeln!(
        o,
        "{} — \"{}\" ({}, {})",
        draft.source.name,
        safe(&a.title),
        safe(&a.scenario),
        safe(&a.language)
    );
    line(
        &mut o,
        T::AnalyzeSize,
        &[
            ("nodes", &count(lang, s.nodes, T::CliNode, T::CliNodes)),
            (
                "choices",
                &count(lang, s.choices, T::CliChoice, T::CliChoices),
            ),
            (
                "endings",
                &count(lang, s.endings, T::CliEnding, T::CliEndings),
            ),
            ("routes", &count(lang, s.routes, T::CliRoute, T::CliRoutes)),
            ("words", &count(lang, s.words, T::CliWord, T::CliWords)),
        ],
    );
    let run = match (s.run_words_min, s.run_words_max) {
        (Some(min), Some(max)) => {
            let (lo, hi) = (
                min.div_ceil(s.words_per_minute),
                max.div_ceil(s.words_per_minute),
            );
            let minutes = if lo == hi {
                format!("~{lo} min")
            } else {
                format!("~{lo}–{hi} min")
            };
            tf(
                lang,
                T::AnalyzeRunReads,
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("minutes", &minutes),
                ],
            )
        }
        (Some(min), None) => tf(
            lang,
            T::AnalyzeRunReadsAtLeast,
            &[
                ("words", &count(lang, min, T::CliWord, T::CliWords)),
                ("minutes", &min.div_ceil(s.words_per_minute).to_string()),
            ],
        ),
        _ => String::new(),
    };
    line(
        &mut o,
        T::AnalyzeReading,
        &[
            ("minutes", &s.reading_minutes.to_string()),
            ("wpm", &s.words_per_minute.to_string()),
            ("run", &run),
        ],
    );
    let limit = if a.states.complete {
        String::new()
    } else {
        tf(
            lang,
            T::AnalyzeStateLimit,
            &[("limit", &a.states.limit.to_string())],
        )
    };
    line(
        &mut o,
        T::AnalyzeStates,
        &[
            ("node_mood", &a.states.node_mood.to_string()),
            ("full", &a.states.full.to_string()),
            ("limit", &limit),
        ],
    );

    let _ = writeln!(o, "\n{}", t(lang, T::AnalyzeEndingsTitle));
    let list = |items: &[String]| self::list(items, lang);
    let endings = |items: &[crate::authoring::analyze::EndingInfo]| {
        let items: Vec<String> = items
            .iter()
            .map(|e| format!("{} ({})", e.id, e.outcome.name()))
            .collect();
        list(&items)
    };
    line(
        &mut o,
        T::AnalyzeReachable,
        &[("list", &endings(&a.endings_reachable))],
    );
    line(
        &mut o,
        T::AnalyzeUnreachable,
        &[("list", &endings(&a.endings_unreachable))],
    );
    line(
        &mut o,
        T::AnalyzeUnreached,
        &[("list", &list(&a.unreached_nodes))],
    );
    line(&mut o, T::AnalyzeStuck, &[("list", &list(&a.stuck_nodes))]);
    if a.traps.is_empty() {
        line(&mut o, T::AnalyzeNoTraps, &[]);
    } else {
        for trap in &a.traps {
            line(
                &mut o,
                T::AnalyzeTrap,
                &[
                    ("nodes", &list(&trap.nodes)),
                    ("path", &path_text(&trap.entry)),
                ],
            );
        }
    }
    match &a.paths {
        PathCount::Finite { count, saturated } => {
            let n = thousands(*count, lang);
            let n = if *saturated {
                tf(lang, T::AnalyzeMoreThan, &[("n", &n)])
            } else {
                n
            };
            line(&mut o, T::AnalyzePaths, &[("count", &n)]);
        }
        PathCount::Unbounded { cycle } => {
            line(&mut o, T::AnalyzePathsUnbounded, &[("cycle", &list(cycle))]);
        }
    }

    let _ = writeln!(o, "\n{}", t(lang, T::AnalyzeFitTitle));
    let extreme = |label: T, e: &Extreme, value: String| {
        format!("  {} {value}: {}\n", t(lang, label), path_text(&e.path))
    };
    let percent = |e: &Extreme| format!("{} %", e.value);
    match &a.fit {
        Some(f) if f.proven => {
            o.push_str(&extreme(T::AnalyzeBestFit, &f.best, percent(&f.best)));
            o.push_str(&extreme(T::AnalyzeWorstFit, &f.worst, percent(&f.worst)));
        }
        Some(f) => {
            o.push_str(&extreme(T::AnalyzeBestFitBound, &f.best, percent(&f.best)));
            o.push_str(&extreme(
                T::AnalyzeWorstFitBound,
                &f.worst,
                percent(&f.worst),
            ));
        }
        None => line(&mut o, T::AnalyzeNoFit, &[]),
    }
    match &a.mood {
        Some(m) => {
            o.push_str(&extreme(T::AnalyzeBestMood, &m.best, signed(m.best.value)));
            o.push_str(&extreme(
                T::AnalyzeWorstMood,
                &m.worst,
                signed(m.worst.value),
            ));
        }
        None => line(&mut o, T::AnalyzeNoMood, &[]),
    }

    let l = &a.lints;
    let _ = writeln!(o, "\n{}", t(lang, T::AnalyzePedagogyTitle));
    let mut clean = true;
    // A generated or very large scenario can raise thousands: show the first few of each kind.
    let mut warn = |o: &mut String, lines: Vec<String>| {
        clean &= lines.is_empty();
        for text in lines.iter().take(MAX_LISTED) {
            line(o, T::AnalyzeWarning, &[("text", text)]);
        }
        if lines.len() > MAX_LISTED {
            let more = (lines.len() - MAX_LISTED).to_string();
            line(o, T::AnalyzeMoreLikeThese, &[("n", &more)]);
        }
    };
    // A lint about one choice: where it is, which choice at which node, the steps.
    let about = |key: T, c: &ChoiceRef, extra: &[(&str, &str)]| {
        let (at, choice, node, steps) = (
            locator.choice(c),
            c.choice.to_string(),
            safe(&c.node),
            list(&c.steps),
        );
        let mut args = vec![
            ("at", at.as_str()),
            ("choice", choice.as_str()),
            ("node", node.as_str()),
            ("steps", steps.as_str()),
        ];
        args.extend_from_slice(extra);
        tf(lang, key, &args)
    };
    warn(
        &mut o,
        l.resolved_despite_focus_break
            .iter()
            .map(|f| {
                let key = if f.broken.len() == 1 {
                    T::AnalyzeFocusBroken
                } else {
                    T::AnalyzeFocusBrokenMany
                };
                tf(
                    lang,
                    key,
                    &[
                        ("ending", &safe(&f.ending)),
                        ("steps", &list(&f.broken)),
                        ("path", &path_text(&f.path)),
                    ],
                )
            })
            .collect(),
    );
    if !l.focus_break_proven {
        line(&mut o, T::AnalyzeFocusLimit, &[]);
    }
    warn(
        &mut o,
        l.mixed_signals
            .iter()
            .map(|c| about(T::AnalyzeMixed, c, &[("mood", &format!("{:+}", c.mood))]))
            .collect(),
    );
    warn(
        &mut o,
        l.harsh_for_good
            .iter()
            .map(|c| about(T::AnalyzeHarsh, c, &[("drop", &(-c.mood).to_string())]))
            .collect(),
    );
    warn(
        &mut o,
        l.focus_not_fitted
            .iter()
            .map(|step| tf(lang, T::AnalyzeFocusNotFitted, &[("step", &safe(step))]))
            .collect(),
    );
    warn(
        &mut o,
        l.broken_without_feedback
            .iter()
            .map(|c| about(T::AnalyzeSilentBreak, c, &[]))
            .collect(),
    );
    let mut gameable = false;
    if let Some(g) = &l.longest_choice {
        match g.gameable {
            Some(true) => {
                gameable = true;
                line(
                    &mut o,
                    T::AnalyzeGameable,
                    &[
                        ("fit", &g.fit.unwrap_or(0).to_string()),
                        ("path", &path_text(&g.path)),
                    ],
                );
            }
            _ => {
                let to = match (g.ends, g.fit) {
                    (true, Some(fit)) => {
                        tf(lang, T::AnalyzeLongestFit, &[("fit", &fit.to_string())])
                    }
                    (true, None) => t(lang, T::AnalyzeLongestNoFit).to_owned(),
                    (false, _) => t(lang, T::AnalyzeLongestNoEnding).to_owned(),
                };
                let proven = if g.gameable.is_none() && a.fit.is_some() {
                    t(lang, T::AnalyzeBestNotProven)
                } else {
                    ""
                };
                line(
                    &mut o,
                    T::AnalyzeLongest,
                    &[
                        ("to", &to),
                        ("proven", proven),
                        ("path", &path_text(&g.path)),
                    ],
                );
            }
        }
    }
    if clean && !gameable {
        line(&mut o, T::AnalyzeClean, &[]);
    }
    o
}
