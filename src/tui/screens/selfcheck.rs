//! The informal self-check: statements one by one on a five-point scale, then the suggested
//! style with a plain explanation, which the learner may take, override or leave unset.
//! The scoring is `practice::selfcheck`'s; this screen only asks and shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::library::LibraryScreen;
use super::profile::ProfileScreen;
use super::{Screen, Step};
use crate::content::styles::{LearnerStyle, SelfCheck, StyleTexts};
use crate::i18n::T;
use crate::practice::selfcheck::{self, Tendency};
use crate::store::profile::SelfCheckRecord;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    BACK, Binding, ENTER, FIRST_ITEM, Key, LAST_ITEM, LIST_DOWN, LIST_UP, bind, left_back,
};
use crate::tui::text::Doc;
use crate::tui::theme::{NO_POINTER, POINTER};
use crate::tui::widgets::{inset, render_doc};

pub const KEYS: &[Binding] = &[
    bind(&[Key::Digit], "1-5", Action::Select, T::Answer, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(ENTER, "Enter", Action::Select, T::Select, true),
    bind(BACK, "q/Esc", Action::Back, T::PreviousStatement, true),
    left_back(T::PreviousStatement),
];

/// Keys on the result: three things to do with it.
#[rustfmt::skip]
pub const RESULT_KEYS: &[Binding] = &[
    bind(&[Key::Digit], "1-3", Action::Select, T::Choose, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(ENTER, "Enter", Action::Select, T::Select, true),
    bind(BACK, "q/Esc", Action::Back, T::PreviousStatement, true),
    left_back(T::PreviousStatement),
];

/// What the learner can do with the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ResultItem {
    Use,
    PickMyself,
    AnswerAgain,
}

const RESULT_ITEMS: [ResultItem; 3] = [
    ResultItem::Use,
    ResultItem::PickMyself,
    ResultItem::AnswerAgain,
];

pub struct SelfCheckScreen {
    pub first_start: bool,
    pub answers: Vec<Option<u8>>,
    /// The statement on screen; `answers.len()` once all are answered (the result).
    pub at: usize,
    /// The highlighted scale point (0..5) or result action (0..3).
    pub cursor: usize,
}

impl SelfCheckScreen {
    pub fn new(env: &Env, first_start: bool) -> SelfCheckScreen {
        let n = Self::check(env).map_or(0, |c| c.statements.len());
        SelfCheckScreen {
            first_start,
            answers: vec![None; n],
            at: 0,
            cursor: 2,
        }
    }

    fn texts(env: &Env) -> Option<&StyleTexts> {
        env.library.styles_for(env.lang.code())
    }

    fn check(env: &Env) -> Option<&SelfCheck> {
        Self::texts(env).map(|t| &t.self_check)
    }

    pub fn finished(&self) -> bool {
        self.at >= self.answers.len()
    }

    /// The suggestion for the answers so far.
    pub fn tendency(&self, env: &Env) -> Tendency {
        Self::check(env).map_or(Tendency::NoClearPreference, |c| {
            selfcheck::result(&c.statements, &self.answers)
        })
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.finished() { RESULT_KEYS } else { KEYS }
    }

    pub fn title(&self, env: &Env) -> String {
        Self::check(env).map_or_else(|| env.t(T::ProfileTitle).to_owned(), |c| c.title.clone())
    }

    fn record(&self, env: &Env) -> SelfCheckRecord {
        SelfCheckRecord {
            language: env.lang.code().to_owned(),
            answers: self.answers.clone(),
            suggested: match self.tendency(env) {
                Tendency::Clear(s) => Some(s),
                Tendency::NoClearPreference => None,
            },
        }
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        if self.finished() {
            return self.update_result(env, action);
        }
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(4),
            Action::Home => self.cursor = 0,
            Action::End => self.cursor = 4,
            Action::Pick(n) if (1..=5).contains(&n) => self.answer(n),
            Action::Select => self.answer(self.cursor + 1),
            Action::Back if self.at == 0 => {
                return Step::go(Screen::Profile(ProfileScreen::new(env, self.first_start)));
            }
            Action::Back => {
                self.at -= 1;
                self.cursor = self.answers[self.at].map_or(2, |a| usize::from(a) - 1);
            }
            _ => {}
        }
        Step::Stay
    }

    fn answer(&mut self, n: usize) {
        self.answers[self.at] = Some(n as u8);
        self.at += 1;
        self.cursor = if self.finished() {
            0
        } else {
            self.answers[self.at].map_or(2, |a| usize::from(a) - 1)
        };
    }

    fn update_result(&mut self, env: &Env, action: Action) -> Step {
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(RESULT_ITEMS.len() - 1),
            Action::Home => self.cursor = 0,
            Action::End => self.cursor = RESULT_ITEMS.len() - 1,
            Action::Pick(n) if (1..=RESULT_ITEMS.len()).contains(&n) => {
                self.cursor = n - 1;
                return self.update_result(env, Action::Select);
            }
            Action::Back => {
                self.at = self.answers.len().saturating_sub(1);
                self.cursor = self.answers[self.at].map_or(2, |a| usize::from(a) - 1);
            }
            Action::Select => {
                let record = Some(self.record(env));
                return match RESULT_ITEMS[self.cursor] {
                    ResultItem::Use => Step::SetLearner {
                        style: record.as_ref().and_then(|r| r.suggested),
                        self_check: record,
                        then: Box::new(Step::go(Screen::Library(LibraryScreen::new(env)))),
                    },
                    ResultItem::PickMyself => Step::SetLearner {
                        style: env.learner,
                        self_check: record,
                        then: Box::new(Step::go(Screen::Profile(ProfileScreen::new(env, false)))),
                    },
                    ResultItem::AnswerAgain => {
                        *self = SelfCheckScreen::new(env, self.first_start);
                        Step::Stay
                    }
                };
            }
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let theme = env.theme;
        let area = inset(area);
        let mut doc = Doc::new(area.width.saturating_sub(1));
        let (Some(texts), Some(check)) = (Self::texts(env), Self::check(env)) else {
            doc.para(env.t(T::NoStyleTexts), theme.warn);
            render_doc(&doc, 0, area, buf);
            return;
        };
        if self.finished() {
            self.render_result(env, texts, &mut doc);
        } else {
            if self.at == 0 {
                doc.para(&check.intro, theme.base);
                doc.blank();
            }
            doc.para(
                &env.tf(
                    T::StatementOf,
                    &[
                        ("n", &(self.at + 1).to_string()),
                        ("total", &self.answers.len().to_string()),
                    ],
                ),
                theme.dim,
            );
            doc.para(&check.statements[self.at].text, theme.say);
            doc.blank();
            for (i, label) in check.scale.iter().enumerate() {
                let chosen = i == self.cursor;
                doc.hanging_styled(
                    &format!("{}{}. ", if chosen { POINTER } else { NO_POINTER }, i + 1),
                    theme.key,
                    "     ",
                    label,
                    if chosen { theme.selected } else { theme.base },
                );
            }
        }
        doc.blank();
        doc.para(&texts.disclaimer, theme.dim);
        render_doc(&doc, 0, area, buf);
    }

    fn render_result(&self, env: &Env, texts: &StyleTexts, doc: &mut Doc) {
        let theme = env.theme;
        let check = &texts.self_check;
        doc.para(env.t(T::SelfCheckResult), theme.heading);
        let (name, text) = match self.tendency(env) {
            Tendency::Clear(style) => (
                Some(texts.learner_style_name(style)),
                match style {
                    LearnerStyle::Pure(s) => check.results.styles.get(&s),
                    LearnerStyle::Blend(b) => check.results.blends.get(&b),
                }
                .cloned()
                .unwrap_or_default(),
            ),
            Tendency::NoClearPreference => (None, check.results.no_preference.clone()),
        };
        if let Some(name) = name {
            doc.para(&name, theme.say);
        }
        doc.para(&text, theme.base);
        doc.blank();
        doc.para(&check.explanation, theme.base);
        doc.blank();
        let clear = matches!(self.tendency(env), Tendency::Clear(_));
        for (i, item) in RESULT_ITEMS.iter().enumerate() {
            let chosen = i == self.cursor;
            let label = match item {
                ResultItem::Use if clear => env.t(T::UseResult),
                ResultItem::Use => env.t(T::LeaveUnset),
                ResultItem::PickMyself => env.t(T::PickMyself),
                ResultItem::AnswerAgain => env.t(T::AnswerAgain),
            };
            doc.hanging_styled(
                &format!("{}{}. ", if chosen { POINTER } else { NO_POINTER }, i + 1),
                theme.key,
                "     ",
                label,
                if chosen { theme.selected } else { theme.base },
            );
        }
    }
}
