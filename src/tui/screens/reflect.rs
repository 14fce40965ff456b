//! After the debrief: three short prompts (what happened, what worked, what next time) and the
//! usefulness question. Every part can be skipped; what is given is saved with the run.

use std::sync::Arc;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::library::LibraryScreen;
use super::{Screen, Step};
use crate::content::Scenario;
use crate::i18n::T;
use crate::practice::record::{
    REFLECTION_MAX_CHARS, Reflection, RunRecord, USEFULNESS_MAX, USEFULNESS_MIN,
};
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{Binding, ENTER, Key, bind};
use crate::tui::text::{Doc, clean};
use crate::tui::widgets::{inset, render_doc_more, scroll_to_show_more};

/// The byte offset of character `chars` in `text` (its end when past it).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// Longest answer kept, in characters.
const MAX_ANSWER: usize = REFLECTION_MAX_CHARS;

/// While typing an answer, every printable key is text: Esc is the only way out.
pub const TEXT_KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::NextPrompt, true),
    bind(
        &[Key::Code(KeyCode::Backspace)],
        "Backspace",
        Action::Erase,
        T::EraseChar,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Delete)],
        "Delete",
        Action::EraseForward,
        T::EraseCharForward,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Left)],
        "←",
        Action::Left,
        T::CursorLeft,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        "→",
        Action::Right,
        T::CursorRight,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Home)],
        "Home",
        Action::Home,
        T::CursorStart,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::End)],
        "End",
        Action::End,
        T::CursorEnd,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        T::SkipReflection,
        true,
    ),
    bind(&[Key::AnyChar], "abc", Action::Select, T::TypeAnswer, true),
];

pub const RATE_KEYS: &[Binding] = &[
    bind(&[Key::Digit], "1-5", Action::Select, T::Rate, true),
    bind(ENTER, "Enter", Action::Select, T::Done, true),
    bind(
        &[Key::Code(KeyCode::Esc), Key::Char('q')],
        "Esc",
        Action::Back,
        T::SkipReflection,
        true,
    ),
];

const PROMPTS: [T; 3] = [T::ReflectHappened, T::ReflectWorked, T::ReflectNextTime];

pub struct ReflectScreen {
    pub record: RunRecord,
    scenario: Arc<Scenario>,
    /// 0..=2: the text prompts; 3: usefulness.
    pub page: usize,
    pub answers: [String; 3],
    /// Where the current answer is edited, in characters from its start.
    pub cursor: usize,
    pub usefulness: Option<u8>,
}

impl ReflectScreen {
    pub fn new(record: RunRecord, scenario: Arc<Scenario>) -> ReflectScreen {
        ReflectScreen {
            record,
            scenario,
            page: 0,
            answers: Default::default(),
            cursor: 0,
            usefulness: None,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.page < PROMPTS.len() {
            TEXT_KEYS
        } else {
            RATE_KEYS
        }
    }

    pub fn title(&self, env: &Env) -> String {
        format!(
            "{} · {}",
            env.t(T::ReflectTitle),
            clean(&self.scenario.title)
        )
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let typing = self.page < PROMPTS.len();
        match action {
            Action::Type(c) if typing => {
                let answer = &mut self.answers[self.page];
                if answer.chars().count() < MAX_ANSWER {
                    answer.insert(byte_at(answer, self.cursor), c);
                    self.cursor += 1;
                }
            }
            Action::Erase if typing && self.cursor > 0 => {
                self.cursor -= 1;
                let answer = &mut self.answers[self.page];
                answer.remove(byte_at(answer, self.cursor));
            }
            Action::EraseForward if typing => {
                let answer = &mut self.answers[self.page];
                if self.cursor < answer.chars().count() {
                    answer.remove(byte_at(answer, self.cursor));
                }
            }
            Action::Left if typing => self.cursor = self.cursor.saturating_sub(1),
            Action::Right if typing => {
                self.cursor = (self.cursor + 1).min(self.answers[self.page].chars().count())
            }
            Action::Home if typing => self.cursor = 0,
            Action::End if typing => self.cursor = self.answers[self.page].chars().count(),
            Action::Select if typing => {
                self.page += 1;
                self.cursor = 0;
            }
            Action::Pick(n) if !typing => {
                if let Ok(n) = u8::try_from(n)
                    && (USEFULNESS_MIN..=USEFULNESS_MAX).contains(&n)
                {
                    self.usefulness = Some(n);
                    return self.done(env);
                }
            }
            Action::Select | Action::Back => return self.done(env),
            _ => {}
        }
        Step::Stay
    }

    /// Saves what was given (if anything) and goes back to the library.
    fn done(&mut self, env: &Env) -> Step {
        let [happened, worked, next_time] = &self.answers;
        self.record.reflection = Reflection::from_answers(happened, worked, next_time);
        if let Some(n) = self.usefulness {
            self.record.set_usefulness(n);
        }
        let library = Step::go(Screen::Library(LibraryScreen::at(env, &self.scenario)));
        if self.record.reflection.is_empty() && self.record.usefulness.is_none() {
            return library;
        }
        Step::UpdateRun {
            record: Box::new(self.record.clone()),
            then: Box::new(library),
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let theme = env.theme;
        let area = inset(area);
        let mut doc = Doc::new(area.width.saturating_sub(1));
        doc.para(env.t(T::ReflectIntro), theme.dim);
        if !env.store.is_enabled() {
            doc.para(env.t(T::NotSaved), theme.dim);
        }
        doc.blank();
        let mut current = 0..0;
        for (i, prompt) in PROMPTS.iter().enumerate() {
            let start = doc.len();
            let active = i == self.page;
            doc.para(
                &format!("{}. {}", i + 1, env.t(*prompt)),
                if active { theme.heading } else { theme.dim },
            );
            let answer = &self.answers[i];
            let text = if active {
                let at = byte_at(answer, self.cursor);
                format!("{}▏{}", &answer[..at], &answer[at..])
            } else {
                answer.clone()
            };
            if i <= self.page {
                doc.hanging("   ", "   ", &text, theme.say);
            }
            doc.blank();
            if active {
                current = start..doc.len();
            }
        }
        if self.page >= PROMPTS.len() {
            let start = doc.len();
            doc.para(env.t(T::Usefulness), theme.heading);
            let scale: Vec<Span> = (USEFULNESS_MIN..=USEFULNESS_MAX)
                .map(|n| {
                    let style = if self.usefulness == Some(n) {
                        theme.selected
                    } else {
                        theme.key
                    };
                    Span::styled(format!(" [{n}] "), style)
                })
                .collect();
            doc.line(Line::from(scale));
            current = start..doc.len();
        }
        let view = usize::from(area.height);
        let offset = scroll_to_show_more(doc.len(), 0, view, current.start, current.end);
        render_doc_more(&doc, offset, area, buf, theme.key, |_| {
            env.t(T::MoreBelow).to_owned()
        });
    }
}
