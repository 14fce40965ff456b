//! `kohtaa profile`: show the learner's profile (their style), set it, or delete it.
//!
//! The profile lives only on this machine, in the data directory; `--forget` removes it and
//! any damaged copies set aside earlier.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use clap::Args;

use super::{Global, Lang, data_dir, load_library, ui_language};
use crate::content::styles::{LearnerStyle, StyleTexts};
use crate::content::text::display_safe;
use crate::store::profile::{self, Profile, ProfileState};

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Delete the profile (asks first).
    #[arg(long)]
    pub forget: bool,
    /// Do not ask before deleting.
    #[arg(long, requires = "forget")]
    pub yes: bool,
    /// Set your style: D, i, S, C, a neighbour blend (Di, iD, iS, Si, SC, CS, CD, DC), or none.
    #[arg(long, value_name = "STYLE", conflicts_with = "forget", value_parser = parse_style)]
    pub set: Option<StyleSetting>,
}

/// A style given on the command line, or `none` to unset it.
#[derive(Clone, Copy, Debug)]
pub struct StyleSetting(pub Option<LearnerStyle>);

fn parse_style(s: &str) -> Result<StyleSetting, String> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(StyleSetting(None));
    }
    LearnerStyle::parse(s)
        .map(|l| StyleSetting(Some(l)))
        .ok_or_else(|| {
            "expected D, i, S, C, a neighbour blend (Di, iD, iS, Si, SC, CS, CD, DC) or none"
                .to_owned()
        })
}

/// The command's words in the two interface languages.
fn say(lang: Lang, en: &'static str, fi: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fi => fi,
    }
}

pub fn run(global: &Global, args: &ProfileArgs) -> ExitCode {
    let lang = ui_language(global);
    let Some(dir) = data_dir() else {
        eprintln!(
            "{}",
            say(
                lang,
                "error: no data directory on this system; set KOHTAA_DATA_DIR",
                "virhe: järjestelmässä ei ole datahakemistoa; aseta KOHTAA_DATA_DIR"
            )
        );
        return ExitCode::from(2);
    };
    if args.forget {
        return forget(lang, &dir, args.yes);
    }
    let state = match profile::load(&dir) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("error: {}: {e}", profile::path(&dir).display());
            return ExitCode::FAILURE;
        }
    };
    if let ProfileState::SetAside { aside, reason } = &state {
        eprintln!(
            "{} {}\n  ({})",
            say(
                lang,
                "warning: your profile could not be read and was moved aside to",
                "varoitus: profiiliasi ei voitu lukea, ja se siirrettiin talteen nimellä"
            ),
            aside.display(),
            display_safe(reason)
        );
    }
    let library = load_library(global);
    let texts = library.styles_for(lang.code());

    if let Some(StyleSetting(style)) = args.set {
        if global.no_save {
            eprintln!(
                "{}",
                say(
                    lang,
                    "error: --no-save is set; the profile was not changed",
                    "virhe: --no-save on käytössä; profiilia ei muutettu"
                )
            );
            return ExitCode::from(2);
        }
        let mut saved = match state {
            ProfileState::Found(p) => p,
            _ => Profile::new(None),
        };
        saved.style = style;
        if let Err(e) = profile::save(&dir, &saved) {
            eprintln!("error: {}: {e}", profile::path(&dir).display());
            return ExitCode::FAILURE;
        }
        show(lang, &dir, Some(&saved), texts);
        return ExitCode::SUCCESS;
    }
    let found = match &state {
        ProfileState::Found(p) => Some(p),
        _ => None,
    };
    show(lang, &dir, found, texts);
    ExitCode::SUCCESS
}

fn show(lang: Lang, dir: &std::path::Path, p: Option<&Profile>, texts: Option<&StyleTexts>) {
    let mut out = std::io::stdout().lock();
    let style = p.and_then(|p| p.style);
    let _ = match (style, texts) {
        (Some(style), Some(texts)) => {
            let _ = writeln!(
                out,
                "{} {}",
                say(lang, "Your style:", "Tyylisi:"),
                display_safe(&texts.learner_style_name(style))
            );
            match texts.style(style.main()) {
                Some(t) => writeln!(
                    out,
                    "  {}\n  {} {}\n  {} {}\n  {} {}",
                    display_safe(&t.short),
                    say(lang, "Feedback:", "Palaute:"),
                    display_safe(&t.likes_feedback),
                    say(lang, "Strength:", "Vahvuus:"),
                    display_safe(&t.strength),
                    say(lang, "Watch for:", "Huomaa:"),
                    display_safe(&t.risk)
                ),
                None => Ok(()),
            }
        }
        (Some(style), None) => writeln!(out, "{} {style}", say(lang, "Your style:", "Tyylisi:")),
        (None, _) => writeln!(
            out,
            "{}",
            say(
                lang,
                "Your style: not set (feedback uses neutral wording).",
                "Tyylisi: ei valittu (palaute on neutraalia)."
            )
        ),
    };
    if let Some(record) = p.and_then(|p| p.self_check.as_ref()) {
        let suggested = match record.suggested {
            Some(s) => s.code(),
            None => say(lang, "no clear preference", "ei selvää taipumusta").to_owned(),
        };
        let _ = writeln!(
            out,
            "{} {suggested} ({} {})",
            say(lang, "Self-check suggested:", "Pikakysely ehdotti:"),
            record.answers.iter().flatten().count(),
            say(lang, "answers kept", "vastausta tallessa")
        );
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        if p.is_some() {
            say(
                lang,
                "Stored only on this computer, in",
                "Tallessa vain tällä koneella, tiedostossa",
            )
        } else {
            say(
                lang,
                "No profile saved. It would be stored only on this computer, in",
                "Profiilia ei ole tallennettu. Se tallennettaisiin vain tälle koneelle, tiedostoon",
            )
        },
        profile::path(dir).display()
    );
    let _ = writeln!(
        out,
        "{}",
        say(
            lang,
            "Change it with `kohtaa profile --set STYLE`; delete it with `kohtaa profile --forget`.",
            "Vaihda: `kohtaa profile --set TYYLI`; poista: `kohtaa profile --forget`."
        )
    );
    if let Some(texts) = texts {
        let _ = writeln!(out, "\n{}", display_safe(&texts.disclaimer));
    }
}

fn forget(lang: Lang, dir: &std::path::Path, yes: bool) -> ExitCode {
    if !profile::exists(dir) {
        println!(
            "{}",
            say(
                lang,
                "There is no profile to delete.",
                "Poistettavaa profiilia ei ole."
            )
        );
        return ExitCode::SUCCESS;
    }
    if !yes {
        eprint!(
            "{} {} [y/N] ",
            say(
                lang,
                "Delete your profile (your style and self-check answers) from",
                "Poistetaanko profiilisi (tyylisi ja pikakyselyn vastaukset) tiedostosta"
            ),
            profile::path(dir).display()
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "k" | "kyllä") {
            println!(
                "{}",
                say(lang, "Nothing was deleted.", "Mitään ei poistettu.")
            );
            return ExitCode::FAILURE;
        }
    }
    match profile::forget(dir) {
        Ok(_) => {
            println!(
                "{}",
                say(lang, "Your profile was deleted.", "Profiilisi poistettiin.")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", profile::path(dir).display());
            ExitCode::FAILURE
        }
    }
}
