//! Converts a scenario file to an equivalent ink story and Twee 3 (Harlowe) story, so the
//! ink compiler (inkjs) and the Twine compiler (extwee) can be timed on the same content as
//! `kohtaa check` (issue #9; `scripts/perf --compare` does this).
//!
//! `cargo run --release --example export_story -- SCENARIO.ron OUT_DIR`
//! writes OUT_DIR/<id>.ink and OUT_DIR/<id>.twee.
//!
//! What carries over: every node's narration and line (as text), every choice (as a choice
//! or link) with its step tags (ink tags, Twee passage tags), its mood change (a variable
//! clamped to -5..=5), its feedback (shown after the choice) and its mood routes (a
//! condition before the jump); endings end the story. Style tips and the facilitator's notes
//! are left out: neither tool has a place for them, and the generator writes none.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use kohtaa::content::parse::parse;
use kohtaa::content::{Choice, MOOD_MAX, MOOD_MIN, Scenario, Source};
use kohtaa::diagnostics::Render;
use sha2::{Digest, Sha256};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: export_story SCENARIO.ron OUT_DIR");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let scenario: Scenario = match parse(&Source::new(input.as_str(), text)) {
        Ok(s) => s,
        Err(d) => {
            eprint!("{}", d.render(false));
            return ExitCode::FAILURE;
        }
    };
    let out = Path::new(out_dir);
    let written = std::fs::create_dir_all(out)
        .and_then(|()| std::fs::write(out.join(format!("{}.ink", scenario.id)), ink(&scenario)))
        .and_then(|()| std::fs::write(out.join(format!("{}.twee", scenario.id)), twee(&scenario)));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out_dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// An ink knot name: ink identifiers take letters, digits and underscores.
fn knot(id: &str) -> String {
    id.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
}

/// Text that ink prints as written: its markup characters escaped, one line.
fn ink_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '[' | ']' | '{' | '}' | '|' | '#' | '~' | '/' | '-' | '<' | '>' | '*' | '+'
            | '=' | ':' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn tags(choice: &Choice) -> String {
    let fits = choice.fits.iter().map(|s| format!(" #fits:{s}"));
    let breaks = choice.breaks.iter().map(|s| format!(" #breaks:{s}"));
    let pitfalls = choice.pitfalls.iter().map(|s| format!(" #pitfall:{s}"));
    fits.chain(breaks).chain(pitfalls).collect()
}

/// The story in ink: a knot a node, a sticky choice a choice (nodes can be revisited).
fn ink(s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "// {} (exported from kohtaa)", ink_text(&s.title));
    let _ = writeln!(out, "VAR mood = {}", s.customer.mood);
    let _ = writeln!(out, "-> {}\n", knot(&s.start));
    for node in &s.nodes {
        let _ = writeln!(out, "=== {} ===", knot(&node.id));
        if let Some(narration) = &node.narration {
            let _ = writeln!(out, "{}", ink_text(narration));
        }
        if let Some(say) = &node.say {
            let _ = writeln!(out, "\"{}\"", ink_text(say));
        }
        if let Some(ending) = &node.ending {
            let _ = writeln!(out, "{:?}: {}", ending.outcome, ink_text(&ending.summary));
            let _ = writeln!(out, "-> END\n");
            continue;
        }
        for choice in node.choice_list() {
            let _ = writeln!(out, "+ [{}]{}", ink_text(&choice.say), tags(choice));
            if choice.mood != 0 {
                let _ = writeln!(
                    out,
                    "  ~ mood = MAX({MOOD_MIN}, MIN({MOOD_MAX}, mood + {}))",
                    choice.mood
                );
            }
            if let Some(feedback) = &choice.feedback {
                let _ = writeln!(out, "  {}", ink_text(feedback));
            }
            for route in &choice.routes {
                let bounds: Vec<String> = route
                    .min_mood
                    .map(|m| format!("mood >= {m}"))
                    .into_iter()
                    .chain(route.max_mood.map(|m| format!("mood <= {m}")))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {{ {}: -> {} }}",
                    bounds.join(" && "),
                    knot(&route.next)
                );
            }
            let _ = writeln!(out, "  -> {}", knot(&choice.next));
        }
        out.push('\n');
    }
    out
}

/// Text that Twee and Harlowe show as written: no link, hook or macro markup, one line.
fn twee_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '[' => out.push('('),
            ']' => out.push(')'),
            '|' | '<' | '>' | '$' | '_' | '*' | '/' | '\\' | '`' | '^' | '~' | '{' | '}' => {
                out.push(' ')
            }
            c => out.push(c),
        }
    }
    out
}

/// A stable IFID (a UUID, as Twine requires) from the scenario's id.
fn ifid(id: &str) -> String {
    let h = Sha256::digest(id.as_bytes());
    let hex: String = h[..16].iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{}-{}-4{}-A{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The story in Twee 3 for Harlowe: a passage a node, and a passage a choice that applies
/// its mood change, shows its feedback and follows its routes.
fn twee(s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, ":: StoryTitle\n{}\n", twee_text(&s.title));
    let _ = writeln!(
        out,
        ":: StoryData\n{{\n  \"ifid\": \"{}\",\n  \"format\": \"Harlowe\",\n  \"format-version\": \"3.3.9\",\n  \"start\": \"{}\"\n}}\n",
        ifid(&s.id),
        s.start
    );
    let _ = writeln!(
        out,
        ":: Mood [startup]\n(set: $mood to {})\n",
        s.customer.mood
    );
    for node in &s.nodes {
        let _ = writeln!(out, ":: {}", node.id);
        if let Some(narration) = &node.narration {
            let _ = writeln!(out, "{}\n", twee_text(narration));
        }
        if let Some(say) = &node.say {
            let _ = writeln!(out, "\"{}\"\n", twee_text(say));
        }
        if let Some(ending) = &node.ending {
            let _ = writeln!(
                out,
                "{:?}: {}\n",
                ending.outcome,
                twee_text(&ending.summary)
            );
            continue;
        }
        for (i, choice) in node.choice_list().iter().enumerate() {
            let _ = writeln!(out, "[[{}->{}/{}]]", twee_text(&choice.say), node.id, i + 1);
        }
        out.push('\n');
        for (i, choice) in node.choice_list().iter().enumerate() {
            let tags = tags(choice).replace(" #", " ");
            let _ = writeln!(out, ":: {}/{} [{}]", node.id, i + 1, tags.trim());
            if choice.mood != 0 {
                let _ = writeln!(
                    out,
                    "(set: $mood to (max: {MOOD_MIN}, (min: {MOOD_MAX}, $mood + {})))",
                    choice.mood
                );
            }
            if let Some(feedback) = &choice.feedback {
                let _ = writeln!(out, "{}", twee_text(feedback));
            }
            for route in &choice.routes {
                let bounds: Vec<String> = route
                    .min_mood
                    .map(|m| format!("$mood >= {m}"))
                    .into_iter()
                    .chain(route.max_mood.map(|m| format!("$mood <= {m}")))
                    .collect();
                let _ = writeln!(
                    out,
                    "(if: {})[(go-to: \"{}\")]",
                    bounds.join(" and "),
                    route.next
                );
            }
            let _ = writeln!(out, "[[Continue->{}]]\n", choice.next);
        }
    }
    out
}
