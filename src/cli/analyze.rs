//! `kohtaa analyze`: what is true on every path through a scenario.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::Global;
use super::graph::load_draft;
use crate::authoring::analyze::{
    Analysis, ChoiceRef, DEFAULT_STATE_LIMIT, Extreme, PathCount, Witness, analyze,
};
use crate::authoring::draft::Draft;
use crate::content::outline::{Outline, Seg};
use crate::content::text::display_safe;

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
                write!(out, "{}", render_text(&analysis, &draft))
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

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let shown: Vec<String> = items.iter().take(MAX_LISTED).map(|i| safe(i)).collect();
    let more = items.len().saturating_sub(MAX_LISTED);
    if more > 0 {
        format!("{} … and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
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

/// The analysis as text for an author.
pub fn render_text(a: &Analysis, draft: &Draft) -> String {
    let mut o = String::new();
    let locator = Locator::new(draft);
    let s = &a.stats;
    let _ = writeln!(
        o,
        "{} — \"{}\" ({}, {})",
        draft.source.name,
        safe(&a.title),
        safe(&a.scenario),
        safe(&a.language)
    );
    let _ = writeln!(
        o,
        "  size: {} nodes, {} choices, {} endings, {} routes; {} words",
        s.nodes, s.choices, s.endings, s.routes, s.words
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
            format!("; one run reads {min}–{max} words ({minutes})")
        }
        (Some(min), None) => format!(
            "; one run reads at least {min} words (~{} min)",
            min.div_ceil(s.words_per_minute)
        ),
        _ => String::new(),
    };
    let _ = writeln!(
        o,
        "  reading time: ~{} min for everything at {} words a minute{run}",
        s.reading_minutes, s.words_per_minute
    );
    let _ = writeln!(
        o,
        "  states: {} (node, mood); {} (node, mood, steps) for the fit{}",
        a.states.node_mood,
        a.states.full,
        if a.states.complete {
            String::new()
        } else {
            format!(
                " — stopped at the limit of {}; fit results below are bounds, not proofs",
                a.states.limit
            )
        }
    );

    let _ = writeln!(o, "\nEndings and paths (exact)");
    let endings = |list: &[crate::authoring::analyze::EndingInfo]| {
        if list.is_empty() {
            "none".to_owned()
        } else {
            let items: Vec<String> = list
                .iter()
                .map(|e| format!("{} ({})", e.id, e.outcome.name()))
                .collect();
            self::list(&items)
        }
    };
    let _ = writeln!(o, "  endings reachable: {}", endings(&a.endings_reachable));
    let _ = writeln!(
        o,
        "  endings unreachable: {}",
        endings(&a.endings_unreachable)
    );
    let _ = writeln!(o, "  nodes never reached: {}", list(&a.unreached_nodes));
    let _ = writeln!(
        o,
        "  nodes from which no ending can be reached: {}",
        list(&a.stuck_nodes)
    );
    if a.traps.is_empty() {
        let _ = writeln!(o, "  loops that trap a learner: none");
    } else {
        for t in &a.traps {
            let _ = writeln!(
                o,
                "  TRAP: a loop with no way out through {}; entered by {}",
                list(&t.nodes),
                path_text(&t.entry)
            );
        }
    }
    let _ = match &a.paths {
        PathCount::Finite { count, saturated } => writeln!(
            o,
            "  complete paths: {}{}",
            if *saturated { "more than " } else { "" },
            thousands(*count)
        ),
        PathCount::Unbounded { cycle } => writeln!(
            o,
            "  complete paths: unbounded (a reachable loop through {})",
            list(cycle)
        ),
    };

    let _ = writeln!(o, "\nFit and mood");
    let extreme = |label: &str, e: &Extreme, unit: &str| {
        format!("  {label} {}{unit}: {}\n", e.value, path_text(&e.path))
    };
    match &a.fit {
        Some(f) if f.proven => {
            o.push_str(&extreme("best model fit", &f.best, " %"));
            o.push_str(&extreme("worst model fit", &f.worst, " %"));
        }
        Some(f) => {
            o.push_str(&extreme("best model fit at least", &f.best, " %"));
            o.push_str(&extreme("worst model fit at most", &f.worst, " %"));
        }
        None => {
            let _ = writeln!(o, "  model fit: none (no run ends, or no step is in play)");
        }
    }
    match &a.mood {
        Some(m) => {
            o.push_str(&extreme("best final mood", &m.best, ""));
            o.push_str(&extreme("worst final mood", &m.worst, ""));
        }
        None => {
            let _ = writeln!(o, "  final mood: no run ends");
        }
    }

    let l = &a.lints;
    let _ = writeln!(o, "\nPedagogy");
    let mut clean = true;
    // A generated or very large scenario can raise thousands: show the first few of each kind.
    let mut warn = |o: &mut String, lines: Vec<String>| {
        clean &= lines.is_empty();
        for line in lines.iter().take(MAX_LISTED) {
            let _ = writeln!(o, "  warning: {line}");
        }
        if lines.len() > MAX_LISTED {
            let _ = writeln!(o, "  … and {} more like these", lines.len() - MAX_LISTED);
        }
    };
    warn(
        &mut o,
        l.resolved_despite_focus_break
            .iter()
            .map(|f| {
                format!(
                    "Resolved ending `{}` is reachable although focus step{} {} {} broken: {}",
                    safe(&f.ending),
                    if f.broken.len() == 1 { "" } else { "s" },
                    list(&f.broken),
                    if f.broken.len() == 1 { "is" } else { "are" },
                    path_text(&f.path)
                )
            })
            .collect(),
    );
    if !l.focus_break_proven {
        let _ = writeln!(
            o,
            "  note: the search for Resolved endings after a broken focus step hit the state limit"
        );
    }
    warn(
        &mut o,
        l.mixed_signals
            .iter()
            .map(|c| {
                format!(
                    "{}: choice {} at `{}` breaks {} but raises the mood ({:+}): a mixed signal",
                    locator.choice(c),
                    c.choice,
                    safe(&c.node),
                    list(&c.steps),
                    c.mood
                )
            })
            .collect(),
    );
    warn(
        &mut o,
        l.harsh_for_good
            .iter()
            .map(|c| {
                format!(
                    "{}: choice {} at `{}` fits {} with no break, yet lowers the mood by {}: a mixed signal",
                    locator.choice(c),
                    c.choice,
                    safe(&c.node),
                    list(&c.steps),
                    -c.mood
                )
            })
            .collect(),
    );
    warn(
        &mut o,
        l.focus_not_fitted
            .iter()
            .map(|step| format!("focus step `{}` is fitted by no choice", safe(step)))
            .collect(),
    );
    warn(
        &mut o,
        l.broken_without_feedback
            .iter()
            .map(|c| {
                format!(
                    "{}: choice {} at `{}` breaks {} without feedback",
                    locator.choice(c),
                    c.choice,
                    safe(&c.node),
                    list(&c.steps)
                )
            })
            .collect(),
    );
    let mut gameable = false;
    if let Some(g) = &l.longest_choice {
        match g.gameable {
            Some(true) => {
                gameable = true;
                let _ = writeln!(
                    o,
                    "  warning: gameable: always taking the longest choice reaches the best fit ({} %): {}",
                    g.fit.unwrap_or(0),
                    path_text(&g.path)
                );
            }
            _ => {
                let to = if g.ends {
                    g.fit.map_or("no fit".to_owned(), |f| format!("fit {f} %"))
                } else {
                    "no ending".to_owned()
                };
                let proven = if g.gameable.is_none() && a.fit.is_some() {
                    " (best fit not proven)"
                } else {
                    ""
                };
                let _ = writeln!(
                    o,
                    "  always taking the longest choice leads to {to}{proven}: {}",
                    path_text(&g.path)
                );
            }
        }
    }
    if clean && !gameable {
        let _ = writeln!(o, "  no pedagogy warnings");
    }
    o
}
