//! The app's state and its one mutator, `App::update`.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::keymap::{self, Binding};
use super::screens::{Screen, Step};
use super::theme::Theme;
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
    pub library: Library,
    /// The terminal's size, kept current by `Action::Resize`.
    pub size: (u16, u16),
    /// `--seed`: every run uses it. Otherwise each run draws a fresh seed.
    pub fixed_seed: Option<u64>,
    /// Where runs are saved; disabled by `--no-save` (it then writes nothing).
    pub store: Store,
    /// Every run of the history and of this session, oldest first.
    pub runs: std::cell::RefCell<Vec<RunRecord>>,
    /// Problems with saved runs (damaged records, a failed save), for the library to show.
    pub notices: std::cell::RefCell<Vec<String>>,
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
}

impl Env {
    pub fn new(lang: Lang, theme: Theme, library: Library, fixed_seed: Option<u64>) -> Env {
        Env {
            lang,
            theme,
            library,
            size: (80, 24),
            fixed_seed,
            store: Store::nowhere(),
            runs: Default::default(),
            notices: Default::default(),
            clock: None,
            session_seed: fixed_seed.unwrap_or_else(rand::random),
            learner: None,
            profile_dir: None,
            profile_notice: None,
        }
    }

    /// Saves runs to `store` and loads its history; damaged records become notices.
    pub fn with_store(mut self, store: Store) -> Env {
        let history = store.load();
        let warnings: Vec<String> = history
            .warnings
            .iter()
            .map(|w| self.load_warning(w))
            .collect();
        self.notices.get_mut().extend(warnings);
        let mut records = history.records;
        remeasure(&mut records, &self.library);
        *self.runs.get_mut() = records;
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
    pub fn save_run(&self, record: &mut RunRecord) {
        match self.store.save(record) {
            Ok(Some(_)) => {}
            Ok(None) => record.id = format!("unsaved-{}", self.runs.borrow().len() + 1),
            Err(e) => self
                .notices
                .borrow_mut()
                .push(self.tf(T::SaveFailed, &[("error", &i18n::io_error(self.lang, &e))])),
        }
        self.runs.borrow_mut().push(record.clone());
    }

    /// Rewrites a run already saved (a reflection added).
    pub fn update_run(&self, record: &mut RunRecord) {
        if let Err(e) = self.store.update(record) {
            self.notices
                .borrow_mut()
                .push(self.tf(T::SaveFailed, &[("error", &i18n::io_error(self.lang, &e))]));
        }
        let mut runs = self.runs.borrow_mut();
        match runs.iter_mut().find(|r| r.id == record.id) {
            Some(r) => *r = record.clone(),
            None => runs.push(record.clone()),
        }
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
        remeasure(self.env.runs.get_mut(), &self.env.library);
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
            Some(Overlay::Help { scroll }) => {
                match action {
                    Action::Help | Action::Back => self.overlay = None,
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::Down => *scroll = scroll.saturating_add(1),
                    _ => {}
                }
                return;
            }
            Some(Overlay::Confirm { .. }) => {
                if let Action::Answer(yes) = action {
                    if let Some(Overlay::Confirm { then, .. }) = self.overlay.take() {
                        if yes {
                            self.apply(*then);
                        }
                    }
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

    /// Saves the learner's style (and self-check answers, when given) to their profile.
    fn save_profile(
        &mut self,
        style: Option<LearnerStyle>,
        self_check: Option<profile::SelfCheckRecord>,
    ) {
        let Some(dir) = &self.env.profile_dir else {
            self.env.profile_notice = Some(self.env.t(T::ProfileNotSaved).to_owned());
            return;
        };
        self.env.profile_notice = Some(match profile::set_learner(dir, style, self_check) {
            Ok(_) => self.env.t(T::ProfileSaved).to_owned(),
            Err(e) => self.env.tf(
                T::ProfileSaveFailed,
                &[("error", &i18n::io_error(self.env.lang, &e))],
            ),
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
                self.env.learner = style;
                self.save_profile(style, self_check);
                self.apply(*then);
            }
            Step::ForgetProfile { then } => {
                self.env.learner = None;
                self.env.profile_notice = match &self.env.profile_dir {
                    Some(dir) => Some(match profile::forget(dir) {
                        Ok(_) => self.env.t(T::ProfileDeleted).to_owned(),
                        Err(e) => self.env.tf(
                            T::ProfileSaveFailed,
                            &[("error", &i18n::io_error(self.env.lang, &e))],
                        ),
                    }),
                    None => Some(self.env.t(T::ProfileDeleted).to_owned()),
                };
                self.apply(*then);
            }
        }
    }

    /// A run left by quitting the program is kept (as abandoned, or finished at its ending).
    fn save_unfinished(&mut self) {
        if let Screen::Play(play) = &self.screen {
            if let Some(mut record) = play.unsaved_record(&self.env) {
                self.env.save_run(&mut record);
            }
        }
    }
}
