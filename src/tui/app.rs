//! The app's state and its one mutator, `App::update`.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::keymap::{self, Binding};
use super::screens::library::LibraryView;
use super::screens::{Screen, Step};
use super::theme::{Theme, ThemeChoice};
use crate::content::styles::LearnerStyle;
use crate::content::{Library, Scenario};
use crate::i18n::{self, Lang, T};
use crate::practice::record::{RunRecord, remeasure};
use crate::store::history::{LoadProblem, LoadWarning, Store};
use crate::store::profile;

/// What every screen may read: language, theme, the library, the terminal size, seeds.
pub struct Env {
    pub lang: Lang,
    pub theme: Theme,
    /// The theme the learner chose (`--theme`, the profile, or F2), which `theme` draws.
    pub theme_choice: ThemeChoice,
    /// NO_COLOR is set: whichever theme is chosen, no colour (see [`Theme::for_choice`]).
    pub no_color: bool,
    pub library: Library,
    /// The terminal's size, kept current by `Action::Resize`.
    pub size: (u16, u16),
    /// `--seed`: every run uses it. Otherwise each run draws a fresh seed.
    pub fixed_seed: Option<u64>,
    /// Where runs are saved; disabled by `--no-save` (it then writes nothing).
    pub store: Store,
    /// Every run of the history and of this session, oldest first.
    pub runs: Vec<RunRecord>,
    /// Problems with saved runs (damaged records, a failed save), for the library to show.
    pub notices: Vec<String>,
    /// Every save that failed (a run, a reflection, the profile), as said to the learner:
    /// said again when the app ends, which then exits with a failure.
    pub failed_saves: Vec<String>,
    /// A fixed "now" (tests); otherwise the clock.
    pub clock: Option<time::OffsetDateTime>,
    /// Ties in "practise next" are broken with this, so the advice does not flicker.
    pub session_seed: u64,
    /// The learner's style from their profile; `None`: neutral wording.
    pub learner: Option<LearnerStyle>,
    /// Where the profile is saved; `None` with `--no-save` (changes last for this session).
    pub profile_dir: Option<std::path::PathBuf>,
    /// The last thing to tell about the profile (saved, deleted, an error).
    pub profile_notice: Option<String>,
    /// The library's filter and selection, kept while the learner is on another screen.
    pub library_view: LibraryView,
}

impl Env {
    pub fn new(lang: Lang, theme: Theme, library: Library, fixed_seed: Option<u64>) -> Env {
        // The choice this theme stands for; `set_theme` says it exactly (the app's start
        // does), NO_COLOR included.
        let (theme_choice, no_color) = if theme == Theme::high_contrast_mono() {
            (ThemeChoice::HighContrast, true)
        } else if theme == Theme::high_contrast() {
            (ThemeChoice::HighContrast, false)
        } else if theme == Theme::mono() {
            (ThemeChoice::Mono, false)
        } else {
            (ThemeChoice::Default, false)
        };
        Env {
            lang,
            theme,
            theme_choice,
            no_color,
            library,
            size: (80, 24),
            fixed_seed,
            store: Store::nowhere(),
            runs: Default::default(),
            notices: Default::default(),
            failed_saves: Default::default(),
            clock: None,
            session_seed: fixed_seed.unwrap_or_else(rand::random),
            learner: None,
            profile_dir: None,
            profile_notice: None,
            library_view: LibraryView::default(),
        }
    }

    /// Draws with the theme `choice`, without colour when `no_color` (NO_COLOR).
    pub fn set_theme(&mut self, choice: ThemeChoice, no_color: bool) {
        self.theme_choice = choice;
        self.no_color = no_color;
        self.theme = Theme::for_choice(choice, no_color);
    }

    /// Saves runs to `store` and loads its history; damaged records become notices.
    pub fn with_store(mut self, store: Store) -> Env {
        let history = store.load();
        let warnings: Vec<String> = history
            .warnings
            .iter()
            .map(|w| self.load_warning(w))
            .collect();
        self.notices.extend(warnings);
        let mut records = history.records;
        remeasure(&mut records, &self.library);
        self.runs = records;
        self.store = store;
        self
    }

    /// A saved run that did not load, in the learner's language: file names, not paths, so
    /// it fits on the library screen.
    fn load_warning(&self, w: &LoadWarning) -> String {
        let name = |p: &std::path::Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        let file = name(&w.path);
        match (&w.problem, &w.set_aside) {
            // What the parser said is for `kohtaa history` and the file itself, not for here.
            (LoadProblem::Damaged(_), Some(aside)) => {
                self.tf(T::RunSetAside, &[("file", &file), ("aside", &name(aside))])
            }
            (LoadProblem::Damaged(_), None) => self.tf(T::RunDamaged, &[("file", &file)]),
            (LoadProblem::Unreadable(why), _) => {
                self.tf(T::RunUnreadable, &[("file", &file), ("why", why)])
            }
            (LoadProblem::NewerFormat(_), _) => self.tf(T::RunNewer, &[("file", &file)]),
        }
    }

    /// Now, by the clock or the fixed test time.
    pub fn now(&self) -> time::OffsetDateTime {
        self.clock.unwrap_or_else(|| {
            time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        })
    }

    /// The text of a scenario's file, for the record's content hash.
    pub fn source_text(&self, scenario: &Scenario) -> Option<&str> {
        self.library
            .scenario(&scenario.id, &scenario.language)
            .map(|l| l.source.text.as_str())
    }

    /// Saves a new run (unless saving is off) and keeps it for this session.
    fn save_run(&mut self, record: &mut RunRecord) {
        match self.store.save(record) {
            Ok(Some(_)) => {}
            Ok(None) => record.id = format!("unsaved-{}", self.runs.len() + 1),
            Err(e) => {
                let notice = self.tf(T::SaveFailed, &[("error", &i18n::io_error(self.lang, &e))]);
                self.save_failed(notice);
            }
        }
        self.runs.push(record.clone());
    }

    /// Rewrites a run already saved (a reflection added).
    fn update_run(&mut self, record: &mut RunRecord) {
        if let Err(e) = self.store.update(record) {
            let notice = self.tf(T::SaveFailed, &[("error", &i18n::io_error(self.lang, &e))]);
            self.save_failed(notice);
        }
        match self.runs.iter_mut().find(|r| r.id == record.id) {
            Some(r) => *r = record.clone(),
            None => self.runs.push(record.clone()),
        }
    }

    /// A save that failed: shown in the library now, and said again when the app ends.
    fn save_failed(&mut self, message: String) {
        self.failed_saves.push(message.clone());
        self.notices.push(message);
    }

    /// The seed for a new run (recorded in the run).
    pub fn next_seed(&self) -> u64 {
        self.fixed_seed.unwrap_or_else(rand::random)
    }

    pub fn t(&self, key: T) -> &'static str {
        crate::i18n::t(self.lang, key)
    }

    pub fn tf(&self, key: T, args: &[(&str, &str)]) -> String {
        crate::i18n::tf(self.lang, key, args)
    }
}

/// Something shown over the current screen.
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// A yes/no question; `then` happens on yes.
    Confirm {
        question: T,
        then: Box<Step>,
    },
}

pub struct App {
    pub env: Env,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub quit: bool,
}

impl App {
    /// The app on its library screen.
    pub fn new(env: Env) -> App {
        let screen = Screen::library(&env);
        App {
            env,
            screen,
            overlay: None,
            quit: false,
        }
    }

    /// The full library, in place of the first look the app started with (see
    /// [`crate::tui::run_loading`]). No key has acted yet, so a library screen is simply
    /// made anew from it; any other screen (the first start's profile) reads it when needed.
    pub fn library_loaded(&mut self, library: Library) {
        self.env.library = library;
        remeasure(&mut self.env.runs, &self.env.library);
        if let Screen::Library(_) = self.screen {
            self.screen = Screen::library(&self.env);
        }
    }

    /// The key sections in force now, most specific first.
    pub fn key_sections(&self) -> Vec<&'static [Binding]> {
        match &self.overlay {
            Some(Overlay::Help { .. }) => vec![keymap::HELP],
            Some(Overlay::Confirm { .. }) => vec![keymap::CONFIRM],
            None => vec![self.screen.keys(), keymap::GLOBAL],
        }
    }

    /// The draft's file was saved (`kohtaa play FILE`): reloaded as F5 would, even under the
    /// help or a question, so that what is shown is what the file says.
    pub fn file_changed(&mut self) {
        if let Screen::Draft(draft) = &mut self.screen {
            draft.saved(&self.env);
        }
    }

    /// The draft's file cannot be watched for saves: the draft says so (F5 still reloads).
    pub fn cannot_watch(&mut self, error: Option<&std::io::Error>) {
        if let Screen::Draft(draft) = &mut self.screen {
            draft.cannot_watch(&self.env, error);
        }
    }

    /// The action a key press stands for here, if any.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        keymap::lookup(&self.key_sections(), key)
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.save_unfinished();
                self.quit = true;
                return;
            }
            Action::Resize(w, h) => {
                self.env.size = (w, h);
                return;
            }
            _ => {}
        }
        match &mut self.overlay {
            Some(Overlay::Help { .. }) => {
                if matches!(action, Action::Help | Action::Back) {
                    self.overlay = None;
                    return;
                }
                let (rows, view) = super::render::help_rows(self);
                let max = super::widgets::max_offset(rows, view);
                if let Some(Overlay::Help { scroll }) = &mut self.overlay
                    && let Some(to) =
                        super::widgets::scrolled(action, usize::from(*scroll), max, view)
                {
                    *scroll = u16::try_from(to).unwrap_or(u16::MAX);
                }
                return;
            }
            Some(Overlay::Confirm { .. }) => {
                if let Action::Answer(yes) = action
                    && let Some(Overlay::Confirm { then, .. }) = self.overlay.take()
                    && yes
                {
                    self.apply(*then);
                }
                return;
            }
            None => {}
        }
        if action == Action::Help {
            self.overlay = Some(Overlay::Help { scroll: 0 });
            return;
        }
        let step = self.screen.update(&self.env, action);
        self.apply(step);
    }

    /// Saves the learner's style (and self-check answers, when given) to their profile, and
    /// says "Saved." only when the style is not the one they had (`before`): choosing the
    /// style already chosen, or leaving the self-check to pick one by hand, picked nothing,
    /// and an old "Saved." must not read as news. The file is written only when it would
    /// change (or does not exist yet: skipping the first start's question saves "not set",
    /// so it is not asked again).
    fn save_profile(
        &mut self,
        before: Option<LearnerStyle>,
        style: Option<LearnerStyle>,
        self_check: Option<profile::SelfCheckRecord>,
    ) {
        let changed = before != style;
        let Some(dir) = &self.env.profile_dir else {
            self.env.profile_notice = changed.then(|| self.env.t(T::ProfileNotSaved).to_owned());
            return;
        };
        let same_on_disk = matches!(
            profile::load(dir),
            Ok(profile::ProfileState::Found(p)) if p.style == style
        );
        if same_on_disk && self_check.is_none() {
            self.env.profile_notice = None;
            return;
        }
        self.env.profile_notice = match profile::set_learner(dir, style, self_check) {
            Ok(_) => changed.then(|| self.env.t(T::ProfileSaved).to_owned()),
            Err(e) => {
                let failed = self.env.tf(
                    T::ProfileSaveFailed,
                    &[("error", &i18n::io_error(self.env.lang, &e))],
                );
                self.env.failed_saves.push(failed.clone());
                Some(failed)
            }
        };
    }

    /// Draws with the theme `choice` from now on and remembers it in the profile, as
    /// `--theme` does; says "Saved." only when it changed.
    fn set_theme(&mut self, choice: ThemeChoice) {
        if choice == self.env.theme_choice {
            self.env.profile_notice = None;
            return;
        }
        self.env.set_theme(choice, self.env.no_color);
        let Some(dir) = &self.env.profile_dir else {
            self.env.profile_notice = Some(self.env.t(T::ProfileNotSaved).to_owned());
            return;
        };
        self.env.profile_notice = Some(match remember_theme(dir, choice, self.env.learner) {
            Ok(()) => self.env.t(T::ProfileSaved).to_owned(),
            Err(e) => {
                let failed = self.env.tf(
                    T::ProfileSaveFailed,
                    &[("error", &i18n::io_error(self.env.lang, &e))],
                );
                self.env.failed_saves.push(failed.clone());
                failed
            }
        });
    }

    fn apply(&mut self, step: Step) {
        match step {
            Step::Stay => {}
            Step::Go(screen) => {
                // What was said about the profile belongs to that visit of the profile
                // screen; coming back later, an old "Saved." would read as news.
                let stays = matches!(*screen, Screen::Profile(_) | Screen::SelfCheck(_));
                if matches!(self.screen, Screen::Profile(_)) && !stays {
                    self.env.profile_notice = None;
                }
                // The library's filter and selection wait for the learner to come back.
                if let Screen::Library(library) = &self.screen {
                    self.env.library_view = library.view();
                }
                self.screen = *screen
            }
            Step::Quit => {
                self.save_unfinished();
                self.quit = true
            }
            Step::Save { record, then } => {
                let mut record = *record;
                self.env.save_run(&mut record);
                self.apply(*then);
            }
            Step::Confirm { question, then } => {
                self.overlay = Some(Overlay::Confirm { question, then })
            }
            Step::SetLearner {
                style,
                self_check,
                then,
            } => {
                let before = std::mem::replace(&mut self.env.learner, style);
                self.save_profile(before, style, self_check);
                self.apply(*then);
            }
            Step::SaveAndDebrief(mut debrief) => {
                if let Some(record) = &mut debrief.record {
                    self.env.save_run(record);
                }
                self.apply(Step::go(Screen::Debrief(*debrief)));
            }
            Step::UpdateRun { record, then } => {
                let mut record = *record;
                self.env.update_run(&mut record);
                self.apply(*then);
            }
            Step::DismissNotices { then } => {
                self.env.notices.clear();
                self.apply(*then);
            }
            Step::SetTheme { choice } => self.set_theme(choice),
            Step::ForgetProfile { then } => {
                self.env.learner = None;
                self.env.profile_notice = match &self.env.profile_dir {
                    Some(dir) => Some(match profile::forget(dir) {
                        Ok(_) => self.env.t(T::ProfileDeleted).to_owned(),
                        Err(e) => {
                            let failed = self.env.tf(
                                T::ProfileSaveFailed,
                                &[("error", &i18n::io_error(self.env.lang, &e))],
                            );
                            self.env.failed_saves.push(failed.clone());
                            failed
                        }
                    }),
                    None => Some(self.env.t(T::ProfileDeleted).to_owned()),
                };
                self.apply(*then);
            }
        }
    }

    /// A run left by quitting the program is kept (as abandoned, or finished at its ending).
    fn save_unfinished(&mut self) {
        if let Screen::Play(play) = &self.screen
            && let Some(mut record) = play.unsaved_record(&self.env)
        {
            self.env.save_run(&mut record);
        }
    }
}

/// Saves `choice` as the theme in the profile in `dir`, keeping the rest of it; the file is
/// written only when its theme differs. A profile that is missing or did not read is made
/// anew with the style in use, `learner`.
fn remember_theme(
    dir: &std::path::Path,
    choice: ThemeChoice,
    learner: Option<LearnerStyle>,
) -> std::io::Result<()> {
    let mut saved = match profile::load(dir)? {
        profile::ProfileState::Found(p) => p,
        _ => profile::Profile::new(learner),
    };
    if saved.theme.as_deref() == Some(choice.name()) {
        return Ok(());
    }
    saved.theme = Some(choice.name().to_owned());
    profile::save(dir, &saved)
}
