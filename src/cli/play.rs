//! `kohtaa play`: one scenario, by id from the library or from a draft file. With `--plain`
//! (or `--json`) as numbered lines on stdout with answers from stdin; without, in the app.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{Context, Error, Lang, report_error};
use crate::content::parse::did_you_mean;
use crate::content::styles::{LearnerStyle, StyleTexts};
use crate::content::text::display_safe;
use crate::content::{Code, EncounterModel, Library, Origin, Scenario};
use crate::diagnostics::Render;
use crate::i18n::{self, T, t, tf};
use crate::plain::json::RunRecord;
use crate::plain::style::{self, Decision};
use crate::plain::{self, Answer, Answers, Stop, summary};
use crate::practice::Run;
use crate::practice::feedback::Voice;
use crate::practice::recommend::recommend;
use crate::practice::record::RunRecord as HistoryRecord;
use crate::store::draft;
use crate::store::history::Store;
use crate::store::library::{self, LoadOptions};
use crate::store::profile::{self, ProfileState};
use crate::tui::screens::{BriefingScreen, DraftScreen, PlayScreen, Screen};
use crate::tui::{self, App};

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// A scenario id from the library, or the path of a scenario file (a draft).
    ///
    /// Without it, plain mode lists the scenarios to choose from.
    #[arg(value_name = "SCENARIO-ID|FILE")]
    pub scenario: Option<String>,
    /// Start at this node instead of the scenario's start (for trying a draft).
    #[arg(long, value_name = "NODE")]
    pub start: Option<String>,
    /// Plain text: numbered lines on stdout, answers read from stdin; no screen drawing, no
    /// colour. For screen readers, scripts and pipes.
    #[arg(long)]
    pub plain: bool,
    /// Print the finished run (scenario, seed, choices, measurement, outcome) as JSON on
    /// stdout. Implies --plain; the transcript then goes to stderr.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub app: super::AppFlags,
}

/// A scenario ready to play, with its encounter model.
#[derive(Clone, Debug)]
pub struct Playable {
    pub scenario: Arc<Scenario>,
    pub model: Arc<EncounterModel>,
    /// The draft file it came from, when it was named by path.
    pub draft: Option<PathBuf>,
    /// The style texts to word feedback with: the scenario's language, else the interface's.
    pub styles: Option<Arc<StyleTexts>>,
    /// The library file's text, for the content hash of a saved run (none for a draft).
    pub source: Option<Arc<String>>,
}

pub fn run(ctx: &Context, args: &PlayArgs) -> Result<ExitCode, Error> {
    let plain = args.plain || args.json;
    let playable = match &args.scenario {
        // In the app a draft's errors are shown on screen, and fixing them is a reload away.
        Some(arg) if is_file(arg) && !plain => return draft(ctx, Path::new(arg), args),
        Some(arg) if is_file(arg) => from_file(ctx, Path::new(arg))?,
        Some(id) => by_id(ctx, id)?,
        None if plain => pick(ctx)?,
        None => return interactive(ctx, None, args.start.as_deref()),
    };
    if plain {
        play_plain(ctx, &playable, args)
    } else {
        interactive(ctx, Some(&playable), args.start.as_deref())
    }
}

/// The practice app on a scenario from the library: its briefing, or straight into the run at
/// `--start`.
pub fn interactive(
    ctx: &Context,
    playable: Option<&Playable>,
    start: Option<&str>,
) -> Result<ExitCode, Error> {
    let Some(playable) = playable else {
        return super::app::run(ctx);
    };
    let (env, _) = super::app::env(ctx, ctx.library());
    let screen = match start {
        None => Screen::Briefing(BriefingScreen::new(
            playable.scenario.clone(),
            playable.model.clone(),
        )),
        Some(node) => {
            let run = Run::new(
                playable.scenario.clone(),
                playable.model.clone(),
                env.next_seed(),
            )
            .and_then(|mut run| run.start_at(node).map(|()| run));
            match run {
                Ok(run) => Screen::Play(PlayScreen::new(run)),
                Err(e) => {
                    let message = e.message(env.lang);
                    return Err(Error::usage(tf(
                        env.lang,
                        T::CliError,
                        &[("message", &message)],
                    )));
                }
            }
        }
    };
    let lang = env.lang;
    super::app::need_terminal(ctx)?;
    let mut app = App::new(env);
    app.screen = screen;
    super::app::finish(lang, tui::run(app))
}

/// The app on a draft file: saving the file (or F5, Ctrl-R) reloads it and replays the
/// choices made so far; a file with errors shows its diagnostics instead of the run.
fn draft(ctx: &Context, path: &Path, args: &PlayArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    if !path.is_file() {
        let shown = path.display().to_string();
        return Err(Error::usage(tf(
            lang,
            T::CliNoSuchFile,
            &[("path", &shown)],
        )));
    }
    if let (Some(start), Ok(d)) = (&args.start, draft::load(path, &ctx.draft_folders()))
        && !d.scenario.nodes.iter().any(|n| n.id == *start)
    {
        let (path, node) = (path.display().to_string(), display_safe(start));
        return Err(Error::usage(tf(
            lang,
            T::PlayFileNoSuchNode,
            &[("path", &path), ("node", &node)],
        )));
    }
    let (env, _) = super::app::env(ctx, ctx.library());
    let screen = DraftScreen::open(
        &env,
        path.to_path_buf(),
        ctx.draft_folders(),
        args.start.clone(),
    );
    let lang = env.lang;
    super::app::need_terminal(ctx)?;
    let mut app = App::new(env);
    app.screen = Screen::Draft(screen);
    super::app::finish(lang, tui::run_draft(app, path))
}

/// An argument names a file when it looks like a path or names one that exists.
fn is_file(arg: &str) -> bool {
    arg.ends_with(".ron") || arg.contains(std::path::MAIN_SEPARATOR) || arg.contains('/') || {
        Path::new(arg).is_file()
    }
}

/// A draft file, checked first: its problems are printed as diagnostics, and an error stops.
pub fn from_file(ctx: &Context, path: &Path) -> Result<Playable, Error> {
    let lang = ctx.lang;
    if !path.is_file() {
        let shown = path.display().to_string();
        return Err(Error::usage(tf(
            lang,
            T::CliNoSuchFile,
            &[("path", &shown)],
        )));
    }
    let library = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: ctx.draft_folders(),
        paths: vec![path.to_path_buf()],
    });
    let name = path.display().to_string();
    let color = crate::diagnostics::stderr_color();
    // A missing translation says nothing about how this file plays; `check` reports it.
    let own: Vec<_> = library
        .diagnostics
        .iter()
        .filter(|d| *d.source.name == *name && d.code != Code::OneLanguageOnly)
        .collect();
    for d in &own {
        eprintln!("{}", d.render_in(lang, color));
    }
    if own.iter().any(|d| d.is_error()) {
        // Said above, as diagnostics.
        return Err(Error::exit(1));
    }
    let Some(loaded) = library.scenarios.iter().find(|s| s.origin == Origin::Given) else {
        let shown = display_safe(&name);
        return Err(Error::failed(tf(
            lang,
            T::PlayNotAScenario,
            &[("path", &shown)],
        )));
    };
    with_model(&library, &loaded.value, Some(path.to_path_buf()), lang)
}

/// A scenario from the library by id: in the interface language first, else in any.
pub fn by_id(ctx: &Context, id: &str) -> Result<Playable, Error> {
    let lang = ctx.lang;
    let library = ctx.library();
    let found = library
        .scenario(id, lang.code())
        .or_else(|| library.scenarios.iter().find(|s| s.value.id == id));
    match found {
        Some(loaded) => with_model(&library, &loaded.value, None, lang),
        None => {
            let mut ids: Vec<&str> = library
                .scenarios
                .iter()
                .map(|s| s.value.id.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let shown = display_safe(id);
            let mut lines = vec![tf(lang, T::PlayNoSuchScenario, &[("id", &shown)])];
            if let Some(close) = did_you_mean(id, ids.iter().copied()) {
                lines.push(tf(lang, T::CliDidYouMean, &[("name", close)]));
            }
            if ids.is_empty() {
                lines.push(t(lang, T::PlayLibraryEmptyNote).to_owned());
            } else {
                lines.push(tf(lang, T::PlayAvailable, &[("ids", &ids.join(", "))]));
                lines.push(t(lang, T::PlayListNote).to_owned());
            }
            Err(Error::usage(lines.join("\n")))
        }
    }
}

fn with_model(
    library: &Library,
    scenario: &Scenario,
    draft: Option<PathBuf>,
    lang: Lang,
) -> Result<Playable, Error> {
    let styles = library
        .styles_for(&scenario.language)
        .or_else(|| library.styles_for(lang.code()))
        .map(|t| Arc::new(t.clone()));
    match library.model_for(scenario) {
        Some(model) => Ok(Playable {
            scenario: Arc::new(scenario.clone()),
            model: Arc::new(model.clone()),
            source: draft
                .is_none()
                .then(|| library.scenario(&scenario.id, &scenario.language))
                .flatten()
                .map(|l| l.source.text.clone()),
            draft,
            styles,
        }),
        None => {
            let (model, language) = (
                display_safe(&scenario.model),
                display_safe(&scenario.language),
            );
            let no_model = tf(
                lang,
                T::PlayNoModel,
                &[("model", &model), ("lang", &language)],
            );
            Err(Error::failed(format!(
                "{no_model}\n{}",
                t(lang, T::PlayNoModelNote)
            )))
        }
    }
}

/// Plain mode without an id: the scenarios in the interface language, listed to choose from.
fn pick(ctx: &Context) -> Result<Playable, Error> {
    let lang = ctx.lang;
    let library = ctx.library();
    let mut list: Vec<&Scenario> = library
        .scenarios
        .iter()
        .map(|s| &s.value)
        .filter(|s| s.language == lang.code())
        .collect();
    if list.is_empty() {
        list = library.scenarios.iter().map(|s| &s.value).collect();
    }
    list.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
    if list.is_empty() {
        return Err(Error::failed(t(lang, T::PlayLibraryEmpty)));
    }
    let mut out = io::stdout().lock();
    // Above the list, as the library shows them: what to practise next and how it has gone.
    let records = super::history::load_reporting(&ctx.store(), lang, &library).records;
    let scenarios: Vec<&Scenario> = library.scenarios.iter().map(|s| &s.value).collect();
    let seed = ctx.seed.unwrap_or_else(rand::random);
    let next = recommend(&records, &scenarios, lang.code(), now(), seed)
        .and_then(|next| summary::practise_next(lang, &library, &next, &list));
    for line in next
        .into_iter()
        .chain(summary::progress_lines(lang, &library, &records))
    {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let count = list.len().to_string();
    let _ = writeln!(
        out,
        "{}",
        tf(lang, T::PlainPickScenario, &[("count", &count)])
    );
    for (i, s) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}",
            tf(
                lang,
                T::PlainScenarioLine,
                &[
                    ("n", &(i + 1).to_string()),
                    ("count", &count),
                    ("title", &display_safe(&s.title)),
                ]
            )
        );
    }
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = stdin.lock();
    let mut answers = Answers::new(&mut input, interactive);
    let prompt = tf(lang, T::PlainScenarioPrompt, &[("count", &count)]);
    match answers.ask(&mut out, lang, &prompt, list.len(), false) {
        Ok(Answer::Number(n)) => {
            let _ = writeln!(out);
            with_model(&library, list[n - 1], None, lang)
        }
        Ok(Answer::GaveUp(n)) => {
            let message = tf(lang, T::PlainPickGaveUp, &[("n", &n.to_string())]);
            Err(Error::failed(tf(
                lang,
                T::CliError,
                &[("message", &message)],
            )))
        }
        _ => {
            let message = t(lang, T::PlainPickEnded);
            Err(Error::failed(tf(
                lang,
                T::CliError,
                &[("message", message)],
            )))
        }
    }
}

fn play_plain(ctx: &Context, playable: &Playable, args: &PlayArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    let seed = ctx.seed.unwrap_or_else(rand::random);
    let mut run =
        Run::new(playable.scenario.clone(), playable.model.clone(), seed).map_err(|e| {
            let message = e.message(lang);
            Error::failed(tf(lang, T::CliError, &[("message", &message)]))
        })?;
    if let Some(node) = &args.start
        && run.start_at(node).is_err()
    {
        let ids = playable.scenario.nodes.iter().map(|n| n.id.as_str());
        let shown = display_safe(node);
        let mut message = tf(lang, T::PlayNoSuchNode, &[("node", &shown)]);
        if let Some(close) = did_you_mean(node, ids) {
            message.push('\n');
            message.push_str(&tf(lang, T::CliDidYouMean, &[("name", close)]));
        }
        return Err(Error::usage(message));
    }
    let start = run.node().id.clone();
    let (mut learner, first_start) = learner_style(ctx);
    let store = ctx.store();
    // A library run is the practice loop: the style on the first start, the last plan before
    // the run, the reflection after it. A draft is an author's trial, and `--json` a script's.
    let practice = playable.source.is_some() && !args.json;
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = stdin.lock();
    let mut answers = Answers::new(&mut input, interactive);
    // With --json, stdout carries only the JSON; the person still sees the dialogue.
    let mut out: Box<dyn Write> = if args.json {
        Box::new(io::stderr().lock())
    } else {
        Box::new(io::stdout().lock())
    };
    // A save that fails is said at once, and makes the exit status a failure.
    let mut failed = false;
    if practice
        && first_start
        && store.is_enabled()
        && let (Some(texts), Some(dir)) = (playable.styles.as_deref(), ctx.data_dir.as_deref())
    {
        match offer_style(lang, texts, dir, &mut answers, &mut out, &mut failed) {
            Ok(Some(style)) => learner = style,
            Ok(None) => {}
            Err(e) => return Err(io_error(lang, &e)),
        }
    }
    let voice = playable.styles.as_deref().map(|t| Voice::new(t, learner));
    if practice
        && let Some(plan) = summary::last_plan(lang, &store.load().records)
        && let Err(e) = writeln!(out, "{plan}\n")
    {
        return Err(io_error(lang, &e));
    }
    let started = now();
    let stop = plain::play(&mut run, lang, voice.as_ref(), &mut answers, &mut out);
    let record = save(lang, &store, playable, &run, started, &mut failed);
    let done = if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    match stop {
        Ok(Stop::Finished) => {
            if args.json {
                drop(out);
                println!("{}", RunRecord::of(&run, &start).to_json());
            } else if practice
                && let Err(e) = reflect(lang, &store, record, &mut answers, &mut out, &mut failed)
            {
                return Err(io_error(lang, &e));
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Ok(Stop::Quit { .. }) => Ok(done),
        Ok(stop) => Err(match stop.error(lang) {
            Some(message) => Error::failed(tf(lang, T::CliError, &[("message", &message)])),
            None => Error::exit(1),
        }),
        Err(e) => Err(io_error(lang, &e)),
    }
}

/// How a failed read or write ends plain mode: a closed stdout (`| head`) quietly.
fn io_error(lang: Lang, e: &io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Error::exit(1);
    }
    let message = i18n::io_error(lang, e);
    Error::failed(tf(lang, T::CliError, &[("message", &message)]))
}

/// The first start's style question; the choice is saved as the app saves it. The style to
/// word feedback with when one was saved (`Some(None)`: "not set" was chosen).
fn offer_style(
    lang: Lang,
    texts: &crate::content::styles::StyleTexts,
    dir: &Path,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
    failed: &mut bool,
) -> io::Result<Option<Option<LearnerStyle>>> {
    let decision = style::offer(texts, lang, answers, out)?;
    let chosen = match decision {
        Decision::Set { style, self_check } => {
            match profile::set_learner(dir, style, self_check) {
                Ok(_) => {
                    let said = match style {
                        Some(s) => tf(
                            lang,
                            T::PlainStyleSaved,
                            &[("style", &style::list_name(texts, s))],
                        ),
                        None => t(lang, T::PlainStyleUnset).to_owned(),
                    };
                    writeln!(out, "{said}")?;
                    writeln!(out, "{}", t(lang, T::PlainStyleChange))?;
                }
                Err(e) => {
                    *failed = true;
                    let message = tf(
                        lang,
                        T::PlainStyleFailed,
                        &[("error", &i18n::io_error(lang, &e))],
                    );
                    report_error(&Error::failed(tf(
                        lang,
                        T::CliError,
                        &[("message", &message)],
                    )));
                }
            }
            Some(style)
        }
        Decision::NotNow => {
            writeln!(out, "{}", t(lang, T::PlainStyleNotNow))?;
            None
        }
        // The run that follows meets the end of input too, and says so.
        Decision::Ended => return Ok(None),
    };
    writeln!(out)?;
    Ok(chosen)
}

/// After a finished run: the reflection and usefulness, saved into the run's record.
fn reflect(
    lang: Lang,
    store: &Store,
    record: Option<HistoryRecord>,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
    failed: &mut bool,
) -> io::Result<()> {
    let answered = plain::reflect::ask(lang, store.is_enabled(), answers, out)?;
    let Some(mut record) = record else {
        return Ok(());
    };
    if answered.is_empty() {
        return Ok(());
    }
    record.reflection = answered.reflection;
    if let Some(n) = answered.usefulness {
        record.set_usefulness(n);
    }
    if !store.is_enabled() {
        writeln!(out, "{}", t(lang, T::PlainReflectNotSaved))?;
        return Ok(());
    }
    match store.update(&mut record) {
        Ok(()) => writeln!(out, "{}", t(lang, T::PlainReflectSaved))?,
        Err(e) => {
            *failed = true;
            let message = tf(
                lang,
                T::PlainReflectFailed,
                &[("error", &i18n::io_error(lang, &e))],
            );
            report_error(&Error::failed(tf(
                lang,
                T::CliError,
                &[("message", &message)],
            )));
        }
    }
    Ok(())
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// Keeps a run from the library in the learner's history, as the app does: finished, or
/// abandoned once a choice was made. Drafts are an author's trials and are not kept. The record
/// as saved (with its id), for the reflection to be added to; `None` for a draft or an empty
/// run. With `--no-save` the record is made but nothing is written. A save that fails is
/// said on stderr and sets `failed`.
fn save(
    lang: Lang,
    store: &Store,
    playable: &Playable,
    run: &Run,
    started: time::OffsetDateTime,
    failed: &mut bool,
) -> Option<HistoryRecord> {
    let source = playable.source.as_ref()?;
    if run.taken().is_empty() {
        return None;
    }
    let mut record = HistoryRecord::of_run(run, source, started, now());
    if let Err(e) = store.save(&mut record) {
        *failed = true;
        let error = i18n::io_error(lang, &e);
        report_error(&Error::failed(tf(
            lang,
            T::PlaySaveFailed,
            &[("error", &error)],
        )));
        return None;
    }
    Some(record)
}

/// The learner's style from their profile, to word feedback as the app does; `None` (neutral
/// wording) without a profile. A profile that no longer reads is set aside, as the app does,
/// and said so on stderr. True as the second value on the first start (no profile, or one set
/// aside), when plain mode offers to set the style, as the app's welcome does.
fn learner_style(ctx: &Context) -> (Option<LearnerStyle>, bool) {
    let lang = ctx.lang;
    let Some(dir) = &ctx.data_dir else {
        return (None, false);
    };
    match profile::load(dir) {
        Ok(ProfileState::Found(p)) => (p.style, false),
        Ok(ProfileState::SetAside { aside, .. }) => {
            eprintln!(
                "{}",
                tf(
                    lang,
                    T::ProfileSetAside,
                    &[("path", &super::shown_path(&aside))]
                )
            );
            (None, true)
        }
        Ok(ProfileState::Missing) => (None, true),
        Err(_) => (None, false),
    }
}
