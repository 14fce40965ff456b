//! Starting the practice app: the library, the language, the theme, then the terminal.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, Error};
use crate::content::Library;
use crate::i18n::{T, tf};
use crate::lang::Lang;
use crate::store::library;
use crate::store::profile::{self, Profile, ProfileState};
use crate::tui::screens::{ProfileScreen, Screen};
use crate::tui::theme::{Theme, ThemeChoice};
use crate::tui::{self, App, Env};

pub fn run(ctx: &Context) -> Result<ExitCode, Error> {
    need_terminal(ctx)?;
    // The first frame shows the library from the scenarios' headers; the full load (every
    // scenario parsed and checked) runs meanwhile and takes over when done: a large user
    // library shows several times sooner.
    let first_look = library::load_headers(&ctx.library_options());
    let full = {
        let ctx = ctx.clone();
        std::thread::spawn(move || ctx.library())
    };
    let (env, first_start) = env(ctx, first_look);
    let lang = env.lang;
    let mut app = App::new(env);
    if first_start {
        app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    }
    finish(lang, tui::run_loading(app, full))
}

/// The app's environment, the same for every way in (the library, `play ID`, `play FILE`,
/// `present`): the interface language and theme, the learner's style from their profile, and
/// the run history, saved unless `--no-save`. True as the second value when no profile exists
/// yet (the library then offers to set one). The theme is `--theme`, else the profile's,
/// else the default; a `--theme` is remembered in the profile (not with `--no-save`).
pub fn env(ctx: &Context, library: Library) -> (Env, bool) {
    let dir = ctx.data_dir.clone();
    let state = dir.as_deref().map(profile::load);
    let saved_theme = match &state {
        Some(Ok(ProfileState::Found(p))) => saved_theme(p),
        _ => None,
    };
    // A choice made for this start (`--theme`, `KOHTAA_THEME`) first, then the one the
    // learner saved, then the configuration file's.
    let choice = ctx
        .theme
        .or(ctx.theme_env)
        .or(saved_theme)
        .or(ctx.theme_file)
        .unwrap_or_default();
    let no_color = match ctx.color {
        super::ColorWhen::Auto => Theme::no_color(),
        super::ColorWhen::Always => {
            // crossterm drops every colour under NO_COLOR by itself; the option wins over it.
            crossterm::style::force_color_output(true);
            false
        }
        super::ColorWhen::Never => true,
    };
    let mut env = Env::new(
        ctx.lang,
        Theme::for_choice(choice, no_color),
        library,
        ctx.seed,
    )
    .with_store(ctx.store());
    env.set_theme(choice, no_color);
    if ctx.save {
        env.profile_dir = dir.clone();
    }
    // Remembered after the first start is decided from the file as it was: a profile made
    // here only for the theme still shows this first start's welcome.
    let remembered = match (&dir, &state) {
        (Some(dir), Some(Ok(state))) => remember_theme(ctx, dir, state.clone()).err(),
        _ => None,
    };
    let first_start = match state {
        Some(Ok(ProfileState::Found(p))) => {
            env.learner = p.style;
            false
        }
        Some(Ok(ProfileState::SetAside { aside, .. })) => {
            env.profile_notice = Some(env.tf(
                crate::i18n::T::ProfileSetAside,
                &[("path", &aside.display().to_string())],
            ));
            true
        }
        Some(Err(e)) => {
            env.profile_notice = Some(env.tf(
                crate::i18n::T::ProfileSaveFailed,
                &[("error", &crate::i18n::io_error(env.lang, &e))],
            ));
            false
        }
        Some(Ok(ProfileState::Missing)) | None => true,
    };
    if let Some(e) = remembered {
        let failed = env.tf(
            crate::i18n::T::ProfileSaveFailed,
            &[("error", &crate::i18n::io_error(env.lang, &e))],
        );
        env.failed_saves.push(failed.clone());
        env.profile_notice.get_or_insert(failed);
    }
    (env, first_start)
}

/// The app draws on a terminal and reads keys from it: without one (a pipe, a file,
/// `</dev/null`) it says how to practise in plain text instead of failing to draw.
pub fn need_terminal(ctx: &Context) -> Result<(), Error> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(Error::usage(ctx.t(T::AppNoTerminal)))
    }
}

/// The theme saved in a profile; `None` when none was chosen or its name is unknown here.
pub fn saved_theme(p: &Profile) -> Option<ThemeChoice> {
    p.theme.as_deref().and_then(ThemeChoice::parse)
}

/// Saves `--theme` in the profile in `dir` when it differs from the one saved there (never
/// with `--no-save`). Returns the profile as it now is: `state` unchanged when nothing was
/// saved, else the profile found (or a new one, style not set) with the theme.
pub fn remember_theme(
    ctx: &Context,
    dir: &std::path::Path,
    state: ProfileState,
) -> std::io::Result<ProfileState> {
    let Some(choice) = ctx.theme else {
        return Ok(state);
    };
    if !ctx.save {
        return Ok(state);
    }
    let mut p = match state {
        ProfileState::Found(p) if p.theme.as_deref() == Some(choice.name()) => {
            return Ok(ProfileState::Found(p));
        }
        ProfileState::Found(p) => p,
        _ => Profile::new(None),
    };
    p.theme = Some(choice.name().to_owned());
    profile::save(dir, &p)?;
    Ok(ProfileState::Found(p))
}

/// The exit code for the app's end: a failure when a save failed (each said again on
/// stderr, since the screen that showed it is gone) or the terminal failed (said so, with the
/// way round it); 128 + the signal's number when SIGTERM or SIGHUP ended it (the run in
/// progress was kept).
pub fn finish(lang: Lang, result: std::io::Result<tui::Ended>) -> Result<ExitCode, Error> {
    match result {
        Ok(ended) => {
            // Written only as far as stderr still takes it: after SIGHUP it may be gone.
            let mut err = std::io::stderr().lock();
            for failed in &ended.failed_saves {
                let _ = writeln!(
                    err,
                    "kohtaa: {}",
                    crate::content::text::terminal_safe(failed)
                );
            }
            Ok(match ended.signal {
                Some(signal) => ExitCode::from(128u8.saturating_add(signal as u8)),
                None if !ended.failed_saves.is_empty() => ExitCode::FAILURE,
                None => ExitCode::SUCCESS,
            })
        }
        Err(e) => {
            let error = e.to_string();
            Err(Error::failed(tf(
                lang,
                T::AppTerminalFailed,
                &[("error", &error)],
            )))
        }
    }
}
