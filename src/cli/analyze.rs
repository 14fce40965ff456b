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

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.iter().map(|i| safe(i)).collect::<Vec<_>>().join(", ")
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

/// `file:line:col` of a choice, for jumping to it in an editor.
fn locate(draft: &Draft, outline: &Outline, c: &ChoiceRef) -> String {
    let span = outline.span(&[
        Seg::Field("nodes"),
        Seg::Index(c.node_index),
        Seg::Field("choices"),
        Seg::Index(c.choice_index),
    ]);
    match span {
        Some(span) => {
            let (line, col) = draft.source.line_col(span.start);
            format!("{}:{line}:{col}", draft.source.name)
        }
        None => draft.source.name.to_string(),
    }
}

/// The analysis as text for an author.
pub fn render_text(a: &Analysis, draft: &Draft) -> String {
    let mut o = String::new();
    let outline = Outline::read(&draft.source.text);
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
        (Some(min), Some(max)) => format!(
            "; one run reads {min}–{max} words (~{}–{} min)",
            min.div_ceil(s.words_per_minute),
            max.div_ceil(s.words_per_minute)
        ),
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
            list.iter()
                .map(|e| format!("{} ({})", safe(&e.id), e.outcome.name()))
                .collect::<Vec<_>>()
                .join(", ")
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
            let mood = |e: &Extreme| Extreme {
                value: e.value,
                path: e.path.clone(),
            };
            o.push_str(&extreme("best final mood", &mood(&m.best), ""));
            o.push_str(&extreme("worst final mood", &mood(&m.worst), ""));
        }
        None => {
            let _ = writeln!(o, "  final mood: no run ends");
        }
    }

    let l = &a.lints;
    let _ = writeln!(o, "\nPedagogy");
    let mut clean = true;
    for f in &l.resolved_despite_focus_break {
        clean = false;
        let _ = writeln!(
            o,
            "  warning: Resolved ending `{}` is reachable although focus step{} {} {} broken: {}",
            safe(&f.ending),
            if f.broken.len() == 1 { "" } else { "s" },
            list(&f.broken),
            if f.broken.len() == 1 { "is" } else { "are" },
            path_text(&f.path)
        );
    }
    if !l.focus_break_proven {
        let _ = writeln!(
            o,
            "  note: the search for Resolved endings after a broken focus step hit the state limit"
        );
    }
    for c in &l.mixed_signals {
        clean = false;
        let _ = writeln!(
            o,
            "  warning: {}: choice {} at `{}` breaks {} but raises the mood ({:+}): a mixed signal",
            locate(draft, &outline, c),
            c.choice,
            safe(&c.node),
            list(&c.steps),
            c.mood
        );
    }
    for c in &l.harsh_for_good {
        clean = false;
        let _ = writeln!(
            o,
            "  warning: {}: choice {} at `{}` fits {} with no break, yet lowers the mood by {}: a mixed signal",
            locate(draft, &outline, c),
            c.choice,
            safe(&c.node),
            list(&c.steps),
            -c.mood
        );
    }
    for step in &l.focus_not_fitted {
        clean = false;
        let _ = writeln!(
            o,
            "  warning: focus step `{}` is fitted by no choice",
            safe(step)
        );
    }
    for c in &l.broken_without_feedback {
        clean = false;
        let _ = writeln!(
            o,
            "  warning: {}: choice {} at `{}` breaks {} without feedback",
            locate(draft, &outline, c),
            c.choice,
            safe(&c.node),
            list(&c.steps)
        );
    }
    if let Some(g) = &l.longest_choice {
        match g.gameable {
            Some(true) => {
                clean = false;
                let _ = writeln!(
                    o,
                    "  warning: gameable: always taking the longest choice reaches the best fit ({} %): {}",
                    g.fit.unwrap_or(0),
                    path_text(&g.path)
                );
            }
            _ => {
                let to = if g.ends {
                    g.fit
                        .map_or("no fit".to_owned(), |f| format!("fit {f} %"))
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
    if clean {
        let _ = writeln!(o, "  no pedagogy warnings");
    }
    o
}
