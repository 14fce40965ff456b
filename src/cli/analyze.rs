//! `kohtaa analyze`: what is true on every path through a scenario.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::graph::load_draft;
use super::{Context, Error, Lang, report_error};
use crate::authoring::analyze::{
    Analysis, ChoiceRef, DEFAULT_STATE_LIMIT, EndingInfo, Extreme, PathCount, Witness, analyze,
};
use crate::content::Code;
use crate::content::outline::{Outline, Seg};
use crate::content::text::{display_safe, terminal_safe};
use crate::i18n::{self, T, count, signed, t, tf};
use crate::store::draft::Draft;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Scenario files to analyse (`-`: standard input).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// text for people, or json: one object per file per line.
    #[arg(long, value_enum, ignore_case = true, default_value_t = AnalyzeFormat::Text)]
    pub format: AnalyzeFormat,
    /// States to explore for the model fit before reporting what could be proven.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_STATE_LIMIT)]
    pub limit: usize,
    /// Also list the notes: things often intended, such as a mistake that raises the mood.
    #[arg(long)]
    pub notes: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    Text,
    Json,
}

pub fn run(ctx: &Context, args: &AnalyzeArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    super::stdin::at_most_once(ctx, &args.files)?;
    let mut status = ExitCode::SUCCESS;
    let mut out = std::io::stdout().lock();
    for (i, file) in args.files.iter().enumerate() {
        let draft = match load_draft(ctx, file) {
            Ok(d) => d,
            Err(e) => {
                // The other files are analysed all the same; the exit code tells.
                status = report_error(&e);
                continue;
            }
        };
        let analysis = analyze(&draft.scenario, &draft.model, args.limit);
        let _ = match args.format {
            AnalyzeFormat::Json => {
                let mut value = serde_json::to_value(&analysis).expect("serialisable");
                value["file"] = serde_json::Value::String(draft.source.name.to_string());
                writeln!(out, "{}", crate::content::json::to_string(&value))
            }
            AnalyzeFormat::Text => {
                if i > 0 {
                    let _ = writeln!(out);
                }
                // Every value in it is escaped where it is set in; this is the last guard.
                let text = render_text(&analysis, &draft, lang, args.notes);
                write!(out, "{}", terminal_safe(&text))
            }
        };
    }
    Ok(status)
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
        let name = safe(&self.draft.source.name);
        let Some(span) = self.outline.span(&[
            Seg::Field("nodes"),
            Seg::Index(c.node_index),
            Seg::Field("choices"),
            Seg::Index(c.choice_index),
        ]) else {
            return name;
        };
        let line = self.lines.partition_point(|&start| start <= span.start);
        let start = self.lines[line - 1];
        let col = self.draft.source.text[start..span.start].chars().count() + 1;
        format!("{name}:{line}:{col}")
    }
}

/// The analysis as text for an author, in `lang`. Ids, outcomes (`Resolved`) and paths are
/// the file's own words and stay as written.
/// Notes (K0907–K0909) are listed only when `notes` is set; otherwise they are counted.
pub fn render_text(a: &Analysis, draft: &Draft, lang: Lang, notes: bool) -> String {
    let mut o = String::new();
    overview(&mut o, a, draft, lang);
    reach(&mut o, a, lang);
    fit_and_mood(&mut o, a, lang);
    let _ = writeln!(o, "\n{}", t(lang, T::AnalyzePedagogyTitle));
    pedagogy(&mut o, a, &Locator::new(draft), lang, notes);
    o
}

/// The file and the scenario, its size, how long a run reads, and the states explored.
fn overview(o: &mut String, a: &Analysis, draft: &Draft, lang: Lang) {
    let s = &a.stats;
    let line = |o: &mut String, key: T, args: &[(&str, &str)]| {
        let _ = writeln!(o, "{}", tf(lang, key, args));
    };
    let _ = writeln!(
        o,
        "{} — \"{}\" ({}, {})",
        safe(&draft.source.name),
        safe(&a.title),
        safe(&a.scenario),
        safe(&a.language)
    );
    line(
        o,
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
        o,
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
        o,
        T::AnalyzeStates,
        &[
            ("node_mood", &a.states.node_mood.to_string()),
            ("full", &a.states.full.to_string()),
            ("limit", &limit),
        ],
    );
}

/// The endings reachable and not, nodes never reached or stuck, traps, and the paths.
fn reach(o: &mut String, a: &Analysis, lang: Lang) {
    let line = |o: &mut String, key: T, args: &[(&str, &str)]| {
        let _ = writeln!(o, "{}", tf(lang, key, args));
    };
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
        o,
        T::AnalyzeReachable,
        &[("list", &endings(&a.endings_reachable))],
    );
    line(
        o,
        T::AnalyzeUnreachable,
        &[("list", &endings(&a.endings_unreachable))],
    );
    line(
        o,
        T::AnalyzeUnreached,
        &[("list", &list(&a.unreached_nodes))],
    );
    line(o, T::AnalyzeStuck, &[("list", &list(&a.stuck_nodes))]);
    if a.traps.is_empty() {
        line(o, T::AnalyzeNoTraps, &[]);
    } else {
        for trap in &a.traps {
            line(
                o,
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
            let n = i18n::thousands(lang, *count);
            let n = if *saturated {
                tf(lang, T::AnalyzeMoreThan, &[("n", &n)])
            } else {
                n
            };
            line(o, T::AnalyzePaths, &[("count", &n)]);
        }
        PathCount::Unbounded { cycle } => {
            line(o, T::AnalyzePathsUnbounded, &[("cycle", &list(cycle))]);
        }
    }
}

/// The best and worst fit and final mood, each with a path to it.
fn fit_and_mood(o: &mut String, a: &Analysis, lang: Lang) {
    let line = |o: &mut String, key: T, args: &[(&str, &str)]| {
        let _ = writeln!(o, "{}", tf(lang, key, args));
    };
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
        None => line(o, T::AnalyzeNoFit, &[]),
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
        None => line(o, T::AnalyzeNoMood, &[]),
    }
}

fn endings_text(items: &[EndingInfo], lang: Lang) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|e| format!("{} ({})", e.id, e.outcome.name()))
        .collect();
    list(&items, lang)
}

/// The pedagogy section: warnings with their codes, the figures of the surface-clue lints
/// when they do not warn, and the notes when asked for.
fn pedagogy(o: &mut String, a: &Analysis, locator: &Locator, lang: Lang, notes: bool) {
    let lints = LintText { a, locator, lang };
    lints.focus(o);
    lints.length(o);
    lints.longest(o);
    lints.mood(o);
    lints.best_path(o);
    lints.choices(o);
    lints.notes(o, notes);
}

/// The analyzer's lints put into words: a warning for each that fires, its figures said
/// plainly for each that does not.
struct LintText<'a> {
    a: &'a Analysis,
    locator: &'a Locator<'a>,
    lang: Lang,
}

impl LintText<'_> {
    /// Lines of one kind, the first few of them: a generated or very large scenario can
    /// raise thousands.
    fn report(&self, o: &mut String, key: T, code: Code, lines: Vec<String>) {
        let lang = self.lang;
        for text in lines.iter().take(MAX_LISTED) {
            let _ = writeln!(
                o,
                "{}",
                tf(lang, key, &[("code", code.as_str()), ("text", text)])
            );
        }
        if lines.len() > MAX_LISTED {
            let more = (lines.len() - MAX_LISTED).to_string();
            let _ = writeln!(o, "{}", tf(lang, T::AnalyzeMoreLikeThese, &[("n", &more)]));
        }
    }

    fn warn(&self, o: &mut String, code: Code, lines: Vec<String>) {
        self.report(o, T::AnalyzeWarning, code, lines);
    }

    /// A warning when the lint fires; else its figures, said plainly for the author to weigh.
    fn warn_or_figure(&self, o: &mut String, fires: bool, code: Code, text: String) {
        if fires {
            self.warn(o, code, vec![text]);
        } else {
            let _ = writeln!(o, "  {text}");
        }
    }

    /// A lint about one choice: where it is, which choice at which node, the steps.
    fn about(&self, key: T, c: &ChoiceRef, extra: &[(&str, &str)]) -> String {
        let (at, choice, node, steps) = (
            self.locator.choice(c),
            c.choice.to_string(),
            safe(&c.node),
            list(&c.steps, self.lang),
        );
        let mut args = vec![
            ("at", at.as_str()),
            ("choice", choice.as_str()),
            ("node", node.as_str()),
            ("steps", steps.as_str()),
        ];
        args.extend_from_slice(extra);
        tf(self.lang, key, &args)
    }

    /// The endings reached after breaking a focus step, for lint `code`.
    fn focus_of(&self, code: Code) -> Vec<String> {
        self.a
            .lints
            .focus_broken
            .iter()
            .filter(|f| f.code == code)
            .map(|f| {
                tf(
                    self.lang,
                    T::AnalyzeFocusBroken,
                    &[
                        ("outcome", f.outcome.name()),
                        ("ending", &safe(&f.ending)),
                        ("step", &safe(&f.step)),
                        ("path", &path_text(&f.path)),
                    ],
                )
            })
            .collect()
    }

    /// A good ending reached after breaking a focus step.
    fn focus(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        self.warn(
            o,
            Code::FocusBrokenResolved,
            self.focus_of(Code::FocusBrokenResolved),
        );
        if !l.focus_break_proven {
            let _ = writeln!(o, "{}", t(lang, T::AnalyzeFocusLimit));
        }
    }

    /// Whether the longest answer is the good one more often than chance.
    fn length(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        if let Some(c) = &l.answer_by_length {
            let text = tf(
                lang,
                T::AnalyzeLength,
                &[
                    ("nodes", &c.nodes.to_string()),
                    ("good", &c.longest_good.to_string()),
                    ("share", &c.share_percent.to_string()),
                    ("chance", &i18n::decimal(lang, c.chance, 1)),
                    ("chance_share", &c.chance_percent.to_string()),
                    ("p", &i18n::decimal(lang, c.p_value, 3)),
                ],
            );
            self.warn_or_figure(o, c.fires, c.code, text);
        }
    }

    /// Where always choosing the longest answer leads.
    fn longest(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        let a = self.a;
        if let Some(g) = &l.longest_choice {
            if g.gameable == Some(true) {
                let text = tf(
                    lang,
                    T::AnalyzeGameable,
                    &[
                        ("fit", &g.fit.unwrap_or(0).to_string()),
                        ("path", &path_text(&g.path)),
                    ],
                );
                self.warn(o, Code::LongestWins, vec![text]);
            } else {
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
                let _ = writeln!(
                    o,
                    "{}",
                    tf(
                        lang,
                        T::AnalyzeLongest,
                        &[
                            ("to", &to),
                            ("proven", proven),
                            ("path", &path_text(&g.path)),
                        ],
                    )
                );
            }
        }
    }

    /// Whether the mood meter gives the answers away.
    fn mood(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        if let Some(m) = &l.mood_key {
            if m.nodes > 0 {
                let text = tf(
                    lang,
                    T::AnalyzeMoodSeparates,
                    &[
                        ("nodes", &m.nodes.to_string()),
                        ("separated", &m.separated.to_string()),
                    ],
                );
                self.warn_or_figure(o, m.separates, m.code, text);
            }
            let shown = m
                .greedy
                .iter()
                .find(|g| Some(g.outcome) == m.best_outcome)
                .or(m.greedy.first());
            if let (Some(g), Some(best)) = (shown, m.best_outcome) {
                let endings: Vec<EndingInfo> = m
                    .greedy
                    .iter()
                    .map(|g| EndingInfo {
                        id: g.ending.clone(),
                        outcome: g.outcome,
                    })
                    .collect();
                let text = tf(
                    lang,
                    T::AnalyzeMoodGreedy,
                    &[
                        ("endings", &endings_text(&endings, lang)),
                        ("best", best.name()),
                        ("path", &path_text(&g.path)),
                    ],
                );
                self.warn_or_figure(o, m.greedy_reaches_best, m.code, text);
            }
        }
    }

    /// Whether the best path is a perfect one.
    fn best_path(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        if let Some(b) = &l.best_path {
            let mut problems = String::new();
            if !b.missed.is_empty() {
                problems += &tf(
                    lang,
                    T::AnalyzeBestMissed,
                    &[("steps", &list(&b.missed, lang))],
                );
            }
            if !b.broken.is_empty() {
                problems += &tf(
                    lang,
                    T::AnalyzeBestBroken,
                    &[("steps", &list(&b.broken, lang))],
                );
            }
            if !b.order_notes.is_empty() {
                let pairs: Vec<String> = b
                    .order_notes
                    .iter()
                    .map(|n| {
                        tf(
                            lang,
                            T::AnalyzeOrderPair,
                            &[("early", &safe(&n.early)), ("late", &safe(&n.late))],
                        )
                    })
                    .collect();
                problems += &tf(lang, T::AnalyzeBestOrder, &[("notes", &list(&pairs, lang))]);
            }
            let key = match (b.perfect, b.proven) {
                (true, _) => T::AnalyzeBestPerfect,
                (false, true) => T::AnalyzeBestImperfect,
                (false, false) => T::AnalyzeBestUnproven,
            };
            let fit = b.fit.map_or_else(|| "–".to_owned(), |f| f.to_string());
            let text = tf(
                lang,
                key,
                &[
                    ("fit", &fit),
                    ("problems", &problems),
                    ("path", &path_text(&b.path)),
                ],
            );
            self.warn_or_figure(o, b.fires, b.code, text);
        }
    }

    /// Choices with no way back, focus steps no choice fits, breaks without feedback.
    fn choices(&self, o: &mut String) {
        let (l, lang) = (&self.a.lints, self.lang);
        self.warn(
            o,
            Code::NoRecovery,
            l.no_recovery
                .iter()
                .map(|r| {
                    self.about(
                        T::AnalyzeNoRecovery,
                        &r.choice,
                        &[("endings", &endings_text(&r.endings, lang))],
                    )
                })
                .collect(),
        );
        self.warn(
            o,
            Code::FocusNotFitted,
            l.focus_not_fitted
                .iter()
                .map(|step| tf(lang, T::AnalyzeFocusNotFitted, &[("step", &safe(step))]))
                .collect(),
        );
        self.warn(
            o,
            Code::NoFeedback,
            l.broken_without_feedback
                .iter()
                .map(|c| self.about(T::AnalyzeSilentBreak, c, &[]))
                .collect(),
        );
        if l.warnings.is_empty() {
            let _ = writeln!(o, "{}", t(lang, T::AnalyzeClean));
        }
    }

    /// The notes (with `--notes`), or how many there are.
    fn notes(&self, o: &mut String, notes: bool) {
        let lang = self.lang;
        let l = &self.a.lints;
        let note_lines = [
            (
                Code::MistakeRaisesMood,
                l.mistake_raises_mood
                    .iter()
                    .map(|c| {
                        let mood = crate::i18n::signed(c.mood);
                        self.about(T::AnalyzeMistakeRaises, c, &[("mood", &mood)])
                    })
                    .collect::<Vec<_>>(),
            ),
            (
                Code::GoodLowersMood,
                l.good_lowers_mood
                    .iter()
                    .map(|c| {
                        self.about(T::AnalyzeGoodLowers, c, &[("drop", &(-c.mood).to_string())])
                    })
                    .collect(),
            ),
            (
                Code::FocusBrokenPartial,
                self.focus_of(Code::FocusBrokenPartial),
            ),
        ];
        if notes {
            for (code, lines) in note_lines {
                self.report(o, T::AnalyzeNote, code, lines);
            }
        } else {
            let n: usize = note_lines.iter().map(|(_, lines)| lines.len()).sum();
            if n > 0 {
                let _ = writeln!(
                    o,
                    "{}",
                    tf(lang, T::AnalyzeNotesHidden, &[("n", &n.to_string())])
                );
            }
        }
    }
}
