//! Before a run: the situation, the learner's role, the customer, and a focus step to pick
//! (the scenario's own `focus` preselected).

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::library::LibraryScreen;
use super::play::PlayScreen;
use super::{Screen, Step};
use crate::content::{EncounterModel, Scenario};
use crate::i18n::{self, T};
use crate::practice::Run;
use crate::practice::feedback::Voice;
use crate::practice::measure::steps_in_play;
use crate::practice::record::last_next_time;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    BACK, Binding, ENTER, FIRST_ITEM, LAST_ITEM, LIST_DOWN, LIST_UP, bind, left_back,
};
use crate::tui::text::{Doc, clean};
use crate::tui::theme::{NO_POINTER, POINTER};
use crate::tui::widgets::{
    feedback_parts, inset, render_doc_more, rows_shown, scenario_facts, scroll_to_show_more,
    style_texts,
};

#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::StartRun, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(BACK, "q/Esc", Action::Back, T::Back, true),
    left_back(T::Back),
];

pub struct BriefingScreen {
    pub scenario: Arc<Scenario>,
    pub model: Arc<EncounterModel>,
    /// The steps one can focus on: those in play in this scenario, in the model's order.
    pub steps: Vec<String>,
    pub selected: usize,
    /// The learner has moved the focus selection: keep it in view from then on.
    pub moved: bool,
    /// The library this briefing was opened from, to go back to as it was (its filter and
    /// selection); `None` when opened otherwise (`kohtaa play ID`).
    pub library: Option<Box<LibraryScreen>>,
}

impl BriefingScreen {
    pub fn new(scenario: Arc<Scenario>, model: Arc<EncounterModel>) -> BriefingScreen {
        let in_play = steps_in_play(&scenario);
        let mut steps: Vec<String> = model
            .steps
            .iter()
            .filter(|s| in_play.contains(s.id.as_str()))
            .map(|s| s.id.clone())
            .collect();
        if steps.is_empty() {
            steps = model.steps.iter().map(|s| s.id.clone()).collect();
        }
        let selected = scenario
            .focus
            .first()
            .and_then(|f| steps.iter().position(|s| s == f))
            .unwrap_or(0);
        BriefingScreen {
            scenario,
            model,
            steps,
            selected,
            moved: false,
            library: None,
        }
    }

    /// The briefing, going back to `library` as it was.
    pub fn with_library(self, library: LibraryScreen) -> BriefingScreen {
        BriefingScreen {
            library: Some(Box::new(library)),
            ..self
        }
    }

    /// The library to go back to: the one this briefing came from, or one at its scenario.
    fn back(&mut self, env: &Env) -> LibraryScreen {
        match self.library.take() {
            Some(library) => *library,
            None => LibraryScreen::at(env, &self.scenario),
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        KEYS
    }

    pub fn title(&self, env: &Env) -> String {
        format!(
            "{} · {}",
            env.t(T::BriefingTitle),
            clean(&self.scenario.title)
        )
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        match action {
            // The first press while the focus list is still below the fold brings it into
            // view, with the suggested step still chosen: the learner sees what Enter takes
            // before moving off it.
            Action::Up | Action::Down if !self.moved && !self.focus_in_view(env) => {
                self.moved = true;
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.moved = true;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.steps.len().saturating_sub(1));
                self.moved = true;
            }
            Action::Home => {
                self.selected = 0;
                self.moved = true;
            }
            Action::End => {
                self.selected = self.steps.len().saturating_sub(1);
                self.moved = true;
            }
            Action::Back => {
                return Step::go(Screen::Library(self.back(env)));
            }
            Action::Select => {
                return match Run::new(self.scenario.clone(), self.model.clone(), env.next_seed()) {
                    Ok(mut run) => {
                        run.focus = self.steps.get(self.selected).cloned();
                        Step::go(Screen::Play(PlayScreen::new(run)))
                    }
                    Err(e) => {
                        let mut lib = self.back(env);
                        lib.message =
                            Some(env.tf(T::RunFailed, &[("error", &e.message(env.lang))]));
                        Step::go(Screen::Library(lib))
                    }
                };
            }
            _ => {}
        }
        Step::Stay
    }

    /// Whether the chosen focus step shows on the first, unscrolled view of the screen at
    /// the terminal's size.
    fn focus_in_view(&self, env: &Env) -> bool {
        let (w, h) = env.size;
        let area = inset(Rect::new(0, 0, w, h.saturating_sub(2)));
        let (doc, rows, _) = self.document(env, area.width.saturating_sub(1));
        rows.end <= rows_shown(doc.len(), 0, usize::from(area.height))
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let area = inset(area);
        let (doc, selected_rows, step_rows) = self.document(env, area.width.saturating_sub(1));
        let view = usize::from(area.height);
        // The situation is read first: from the top, until the learner moves the focus; then
        // the chosen step stays in view.
        let offset = if self.moved {
            scroll_to_show_more(doc.len(), 0, view, selected_rows.start, selected_rows.end)
        } else {
            0
        };
        // Steps below the fold are counted, and the chosen one named: Enter starts with it.
        let chosen = self.steps.get(self.selected).map(|id| {
            self.model
                .step(id)
                .map_or(id.as_str(), |st| st.name.as_str())
        });
        render_doc_more(&doc, offset, area, buf, env.theme.key, |first| {
            let n = step_rows.iter().filter(|&&row| row >= first).count();
            match (n, chosen) {
                (0, _) => env.t(T::MoreBelow).to_owned(),
                (n, Some(step)) if selected_rows.start >= first => env.tf(
                    T::MoreBelowChosen,
                    &[("n", &n.to_string()), ("step", &clean(step))],
                ),
                (n, _) => env.tf(T::MoreItems, &[("n", &n.to_string())]),
            }
        });
    }

    /// The screen's text at `width`, the rows of the chosen focus step, and the row of each
    /// step.
    fn document(&self, env: &Env, width: u16) -> (Doc, std::ops::Range<usize>, Vec<usize>) {
        let theme = env.theme;
        let s = &self.scenario;
        let mut doc = Doc::new(width);
        doc.para(&s.title, theme.title);
        doc.blank();
        // The learner's own plan from last time, read before the next attempt.
        if let Some(plan) = last_next_time(&env.runs).and_then(|r| r.reflection.next_time.clone()) {
            doc.para(env.t(T::LastNextTime), theme.heading);
            doc.para(&format!("“{plan}”"), theme.say);
            doc.blank();
        }
        scenario_facts(env, s, &mut doc);
        if let Some(hint) = style_texts(env, s)
            .and_then(|t| Voice::new(t, env.learner).meet_customer(s.customer.style))
        {
            feedback_parts(env, &mut doc, &[hint]);
        }
        let mood = s.customer.mood.clamp(-5, 5) as i32;
        doc.para(
            &format!(
                "{}: {} ({})",
                env.t(T::StartMood),
                i18n::mood_word(env.lang, s, mood),
                i18n::signed(mood)
            ),
            theme.dim,
        );
        doc.blank();
        doc.para(env.t(T::PickFocus), theme.heading);
        let mut selected_rows = 0..0;
        let mut step_rows = Vec::new();
        for (i, id) in self.steps.iter().enumerate() {
            let start = doc.len();
            step_rows.push(start);
            let name = self
                .model
                .step(id)
                .map_or(id.as_str(), |st| st.name.as_str());
            let chosen = i == self.selected;
            let suggested = if s.focus.contains(id) {
                format!("  ({})", env.t(T::Suggested))
            } else {
                String::new()
            };
            doc.line(Line::from(vec![
                Span::styled(if chosen { POINTER } else { NO_POINTER }, theme.key),
                Span::styled(if chosen { "(•) " } else { "( ) " }, theme.base),
                Span::styled(
                    clean(name),
                    if chosen { theme.selected } else { theme.base },
                ),
                Span::styled(suggested, theme.dim),
            ]));
            if chosen {
                selected_rows = start..doc.len();
            }
        }
        (doc, selected_rows, step_rows)
    }
}
