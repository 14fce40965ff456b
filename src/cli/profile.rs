//! `kohtaa profile`: show the learner's profile (their style), set it, or delete it.
//!
//! The profile lives only on this machine, in the data directory; `--forget` removes it and
//! any damaged copies set aside earlier.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use clap::Args;

use super::{Context, Error, Lang};
use crate::content::styles::{LearnerStyle, StyleTexts};
use crate::content::text::display_safe;
use crate::i18n::{self, T, count, t, tf};
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
    #[command(flatten)]
    pub library: super::LibraryFlag,
    #[command(flatten)]
    pub save: super::SaveFlag,
    #[command(flatten)]
    pub theme: super::ThemeFlag,
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

/// `error: <profile file>: <what went wrong>`.
fn file_error(lang: Lang, dir: &std::path::Path, e: &std::io::Error) -> String {
    let path = profile::path(dir).display().to_string();
    tf(
        lang,
        T::ProfileFileError,
        &[("path", &path), ("error", &i18n::io_error(lang, e))],
    )
}

pub fn run(ctx: &Context, args: &ProfileArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    let Some(dir) = ctx.data_dir.clone() else {
        return Err(Error::usage(t(lang, T::ProfileNoDataDir)));
    };
    let failed = |e: std::io::Error| Error::failed(file_error(lang, &dir, &e));
    if args.forget {
        return forget(lang, &dir, args.yes);
    }
    let state = profile::load(&dir).map_err(failed)?;
    if let ProfileState::SetAside { aside, reason } = &state {
        let aside = aside.display().to_string();
        eprintln!(
            "{}\n  ({})",
            tf(lang, T::ProfileMovedAside, &[("path", &aside)]),
            display_safe(reason)
        );
    }
    // `--theme` given here is remembered as it is by the app.
    let state = super::app::remember_theme(ctx, &dir, state).map_err(failed)?;
    let library = ctx.library();
    let texts = library.styles_for(lang.code());

    if let Some(StyleSetting(style)) = args.set {
        if !ctx.save {
            return Err(Error::usage(t(lang, T::ProfileNoSave)));
        }
        let mut saved = match state {
            ProfileState::Found(p) => p,
            _ => Profile::new(None),
        };
        saved.style = style;
        profile::save(&dir, &saved).map_err(failed)?;
        show(lang, &dir, Some(&saved), texts);
        return Ok(ExitCode::SUCCESS);
    }
    let found = match &state {
        ProfileState::Found(p) => Some(p),
        _ => None,
    };
    show(lang, &dir, found, texts);
    Ok(ExitCode::SUCCESS)
}

fn show(lang: Lang, dir: &std::path::Path, p: Option<&Profile>, texts: Option<&StyleTexts>) {
    let mut out = std::io::stdout().lock();
    let style = p.and_then(|p| p.style);
    let your_style = |name: &str| tf(lang, T::ProfileYourStyle, &[("style", name)]);
    let _ = match (style, texts) {
        (Some(style), Some(texts)) => {
            let _ = writeln!(
                out,
                "{}",
                your_style(&display_safe(&texts.learner_style_name(style)))
            );
            match texts.style(style.main()) {
                Some(s) => writeln!(
                    out,
                    "  {}\n  {}\n  {}\n  {}",
                    display_safe(&s.short),
                    tf(
                        lang,
                        T::ProfileFeedback,
                        &[("text", &display_safe(&s.likes_feedback))]
                    ),
                    tf(
                        lang,
                        T::ProfileStrength,
                        &[("text", &display_safe(&s.strength))]
                    ),
                    tf(
                        lang,
                        T::ProfileWatchFor,
                        &[("text", &display_safe(&s.risk))]
                    ),
                ),
                None => Ok(()),
            }
        }
        (Some(style), None) => writeln!(out, "{}", your_style(&style.to_string())),
        (None, _) => writeln!(out, "{}", t(lang, T::ProfileNotSet)),
    };
    if let Some(record) = p.and_then(|p| p.self_check.as_ref()) {
        let suggested = match record.suggested {
            Some(s) => s.code(),
            None => t(lang, T::ProfileNoPreference).to_owned(),
        };
        let answers = record.answers.iter().flatten().count();
        let _ = writeln!(
            out,
            "{}",
            tf(
                lang,
                T::ProfileSuggested,
                &[
                    ("style", &suggested),
                    (
                        "answers",
                        &count(lang, answers, T::ProfileAnswerKept, T::ProfileAnswersKept)
                    ),
                ]
            )
        );
    }
    let theme = p
        .and_then(super::app::saved_theme)
        .unwrap_or_default()
        .name();
    let _ = writeln!(out, "{}", tf(lang, T::ProfileTheme, &[("theme", theme)]));
    let path = profile::path(dir).display().to_string();
    let stored = if p.is_some() {
        T::ProfileStoredIn
    } else {
        T::ProfileWouldBeStored
    };
    let _ = writeln!(out, "\n{}", tf(lang, stored, &[("path", &path)]));
    let _ = writeln!(out, "{}", t(lang, T::ProfileHowToChange));
    if let Some(texts) = texts {
        let _ = writeln!(out, "\n{}", display_safe(&texts.disclaimer));
    }
}

fn forget(lang: Lang, dir: &std::path::Path, yes: bool) -> Result<ExitCode, Error> {
    if !profile::exists(dir) {
        println!("{}", t(lang, T::ProfileNothingToDelete));
        return Ok(ExitCode::SUCCESS);
    }
    if !yes {
        let path = profile::path(dir).display().to_string();
        eprint!("{}", tf(lang, T::ProfileConfirmDelete, &[("path", &path)]));
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "k" | "kyllä") {
            // An answer, not an error: said on stdout, as the question's other outcomes are.
            println!("{}", t(lang, T::ProfileNothingDeleted));
            return Ok(ExitCode::FAILURE);
        }
    }
    match profile::forget(dir) {
        Ok(_) => {
            println!("{}", t(lang, T::ProfileDeleted));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Error::failed(file_error(lang, dir, &e))),
    }
}
