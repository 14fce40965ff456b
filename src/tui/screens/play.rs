//! A run in progress: narration, the customer's line, the mood, numbered choices in the run's
//! shuffled order; after each choice its feedback and the steps it showed or broke.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::debrief::DebriefScreen;
use super::library::LibraryScreen;
use super::{Screen, Step};
use crate::i18n::{self, T};
use crate::practice::Run;
use crate::practice::feedback::Voice;
use crate::practice::record::RunRecord;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    self, BACK, Binding, ENTER, FIRST_ITEM, Key, LAST_ITEM, LIST_DOWN, LIST_UP, PAGE_DOWN, PAGE_UP,
    SCROLL_DOWN, SCROLL_UP, TO_END, TO_TOP, bind,
};
use crate::tui::text::{Doc, clean, truncate};
use crate::tui::theme::{NO_POINTER, POINTER};
use crate::tui::widgets::{
    feedback_parts, inset, max_offset, mood_change, mood_meter, render_doc_more,
    scroll_to_show_more, style_texts,
};

const UNDO: &[Key] = &[Key::Char('u')];
const RESTART: &[Key] = &[Key::Char('r')];

/// Keys while choosing.
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    bind(&[Key::Digit], "1-9", Action::Select, T::Choose, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(ENTER, "Enter", Action::Select, T::Choose, false),
    bind(UNDO, "u", Action::Undo, T::Undo, true),
    bind(RESTART, "r", Action::Restart, T::Restart, true),
    bind(BACK, "q/Esc", Action::Back, T::LeaveRun, true),
];

/// [`KEYS`] for each number of choices on screen (the digits offer "1-3" for three).
pub static KEYS_BY_COUNT: [[Binding; KEYS.len()]; 10] = keymap::by_count(KEYS);

/// Keys while a choice's feedback is shown: it scrolls as every long view does.
#[rustfmt::skip]
pub const FEEDBACK_KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::Continue, true),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    TO_TOP,
    TO_END,
    bind(
        &[Key::Code(KeyCode::Char(' '))],
        "Space",
        Action::Select,
        T::Continue,
        false,
    ),
    bind(UNDO, "u", Action::Undo, T::Undo, true),
    bind(RESTART, "r", Action::Restart, T::Restart, true),
    bind(BACK, "q/Esc", Action::Back, T::LeaveRun, true),
];

/// Keys while the ending is on screen, before the debrief.
#[rustfmt::skip]
pub const ENDING_KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::OpenDebrief, true),
    bind(UNDO, "u", Action::Undo, T::Undo, true),
    bind(RESTART, "r", Action::Restart, T::Restart, true),
    bind(BACK, "q/Esc", Action::Back, T::LeaveRun, true),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Choosing,
    /// The last choice's feedback is on screen.
    Feedback,
}

pub struct PlayScreen {
    pub run: Run,
    /// When this attempt began (for the saved record); set at the first key press.
    pub started: Option<time::OffsetDateTime>,
    /// Position in the shown (shuffled) order; `None` until the learner moves: a new question
    /// has no answer preselected, so Enter alone never answers it.
    pub cursor: Option<usize>,
    pub phase: Phase,
    /// How far the feedback is scrolled.
    pub scroll: usize,
}

impl PlayScreen {
    pub fn new(run: Run) -> PlayScreen {
        PlayScreen {
            run,
            started: None,
            cursor: None,
            phase: Phase::Choosing,
            scroll: 0,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        match self.phase {
            Phase::Choosing if self.run.is_finished() => ENDING_KEYS,
            Phase::Choosing => keymap::for_count(&KEYS_BY_COUNT, self.run.choice_order().len()),
            Phase::Feedback => FEEDBACK_KEYS,
        }
    }

    pub fn title(&self, _env: &Env) -> String {
        clean(&self.run.scenario().title)
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        if self.started.is_none() {
            self.started = Some(env.now());
        }
        let shown = self.run.choice_order();
        match (self.phase, action) {
            (_, Action::Back) => {
                let library =
                    Step::go(Screen::Library(LibraryScreen::at(env, self.run.scenario())));
                let then = match self.unsaved_record(env) {
                    Some(record) => Step::Save {
                        record: Box::new(record),
                        then: Box::new(library),
                    },
                    None => library,
                };
                // A run at its ending is kept as finished: nothing to ask.
                if self.run.is_finished() {
                    return then;
                }
                return Step::Confirm {
                    question: T::ConfirmLeaveRun,
                    then: Box::new(then),
                };
            }
            (_, Action::Undo) => {
                self.run.undo();
                self.back_to_choosing();
            }
            (_, Action::Restart) => {
                if self.run.taken().is_empty() {
                    return Step::Stay;
                }
                let mut run = self.run.clone();
                run.restart();
                let mut again = PlayScreen::new(run);
                again.started = self.started;
                return Step::Confirm {
                    question: T::ConfirmRestart,
                    then: Box::new(Step::go(Screen::Play(again))),
                };
            }
            (Phase::Choosing, Action::Up) => {
                self.cursor = Some(self.cursor.map_or(0, |c| c.saturating_sub(1)))
            }
            (Phase::Choosing, Action::Down) => {
                let last = shown.len().saturating_sub(1);
                self.cursor = Some(self.cursor.map_or(0, |c| (c + 1).min(last)))
            }
            (Phase::Choosing, Action::Home) if !shown.is_empty() => self.cursor = Some(0),
            (Phase::Choosing, Action::End) if !shown.is_empty() => {
                self.cursor = Some(shown.len() - 1)
            }
            (Phase::Choosing, Action::Pick(n)) if n >= 1 && n <= shown.len() => {
                self.cursor = Some(n - 1);
                return self.choose(shown[n - 1]);
            }
            (Phase::Choosing, Action::Select) => {
                if self.run.is_finished() {
                    return self.finish(env);
                }
                if let Some(&index) = self.cursor.and_then(|c| shown.get(c)) {
                    return self.choose(index);
                }
            }
            (Phase::Feedback, Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            (Phase::Feedback, Action::Down) => {
                self.scroll = (self.scroll + 1).min(self.max_scroll(env))
            }
            (Phase::Feedback, Action::PageUp) => {
                self.scroll = self.scroll.saturating_sub(self.page(env))
            }
            (Phase::Feedback, Action::PageDown) => {
                self.scroll = (self.scroll + self.page(env)).min(self.max_scroll(env))
            }
            (Phase::Feedback, Action::Home) => self.scroll = 0,
            (Phase::Feedback, Action::End) => self.scroll = self.max_scroll(env),
            // After the last choice the ending is shown first, then the debrief.
            (Phase::Feedback, Action::Select) => self.back_to_choosing(),
            _ => {}
        }
        Step::Stay
    }

    /// The record of this attempt as it stands.
    fn record(&self, env: &Env) -> RunRecord {
        let source = env.source_text(self.run.scenario());
        let now = env.now();
        let mut record = RunRecord::of_run(
            &self.run,
            source.unwrap_or(""),
            self.started.unwrap_or(now),
            now,
        );
        if source.is_none() {
            record.scenario_hash.clear();
        }
        record
    }

    /// The record of a run left before its debrief (which saves it): abandoned, or finished
    /// with its ending on screen; `None` when nothing was chosen yet.
    pub fn unsaved_record(&self, env: &Env) -> Option<RunRecord> {
        (!self.run.taken().is_empty()).then(|| self.record(env))
    }

    /// The run has ended: save it and show the debrief.
    fn finish(&self, env: &Env) -> Step {
        let mut debrief = DebriefScreen::new(self.run.clone());
        debrief.record = Some(self.record(env));
        Step::SaveAndDebrief(Box::new(debrief))
    }

    fn choose(&mut self, index: usize) -> Step {
        if self.run.choose(index).is_ok() {
            self.phase = Phase::Feedback;
            self.scroll = 0;
        }
        Step::Stay
    }

    fn back_to_choosing(&mut self) {
        self.phase = Phase::Choosing;
        self.cursor = None;
        self.scroll = 0;
    }

    /// The body's text width and rows on a terminal of `size`, as `render` lays it out: the
    /// title and key bars, then the mood line and a gap above the body; the last column is
    /// the scrollbar's.
    fn body_view(size: (u16, u16)) -> (u16, usize) {
        let body = inset(Rect::new(0, 0, size.0, size.1.saturating_sub(2)));
        (
            body.width.saturating_sub(1),
            usize::from(body.height.saturating_sub(2)),
        )
    }

    fn max_scroll(&self, env: &Env) -> usize {
        let (width, view) = Self::body_view(env.size);
        let mut doc = Doc::new(width);
        self.feedback(env, &mut doc);
        max_offset(doc.len(), view)
    }

    fn page(&self, env: &Env) -> usize {
        Self::body_view(env.size).1.saturating_sub(2).max(1)
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let theme = env.theme;
        let area = inset(area);
        let [status, _, body] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        let mut top = vec![mood_meter(env, self.run.scenario(), self.run.mood())];
        if let Some(focus) = &self.run.focus {
            let name = self
                .run
                .model()
                .step(focus)
                .map_or(focus.as_str(), |s| &s.name);
            // A narrow terminal cuts the focus with "…", never mid-word without a mark.
            let room = usize::from(status.width).saturating_sub(top[0].width());
            let focus = format!("   {}", env.tf(T::FocusOn, &[("step", &clean(name))]));
            top[0]
                .spans
                .push(Span::styled(truncate(&focus, room), theme.dim));
        }
        Paragraph::new(top).render(status, buf);

        let mut doc = Doc::new(body.width.saturating_sub(1));
        let choice_rows = match self.phase {
            Phase::Feedback => {
                self.feedback(env, &mut doc);
                Vec::new()
            }
            Phase::Choosing => self.moment(env, &mut doc),
        };
        let view = usize::from(body.height);
        let offset = match self.phase {
            Phase::Feedback => self.scroll.min(max_offset(doc.len(), view)),
            Phase::Choosing => {
                let focus = self
                    .cursor
                    .and_then(|c| choice_rows.get(c).cloned())
                    .unwrap_or(0..0);
                scroll_to_show_more(doc.len(), 0, view, focus.start, focus.end)
            }
        };
        // A choice under a long line of the customer's would otherwise hide below the fold
        // with only the scrollbar to tell. One cut by the fold shows its number already.
        let more = |first: usize| match choice_rows.iter().filter(|r| r.start >= first).count() {
            0 => env.t(T::MoreBelow).to_owned(),
            1 => env.t(T::MoreChoice).to_owned(),
            n => env.tf(T::MoreChoices, &[("n", &n.to_string())]),
        };
        render_doc_more(&doc, offset, body, buf, theme.key, more);
    }

    /// The node: narration, the customer's line, the choices or the ending. Returns the rows
    /// of each choice in the order shown, to keep the selected one in view and to count those
    /// below it.
    fn moment(&self, env: &Env, doc: &mut Doc) -> Vec<std::ops::Range<usize>> {
        let theme = env.theme;
        let node = self.run.node();
        if let Some(narration) = &node.narration {
            doc.para(narration, theme.narration);
            doc.blank();
        }
        if let Some(say) = &node.say {
            let name = clean(&self.run.scenario().customer.name);
            doc.hanging_styled(&format!("{name}: "), theme.heading, "  ", say, theme.say);
            doc.blank();
        }
        if let Some(ending) = self.run.ending() {
            doc.line(Line::from(vec![
                Span::styled(format!("{}: ", env.t(T::Outcome)), theme.heading),
                Span::styled(i18n::outcome(env.lang, ending.outcome), theme.say),
            ]));
            doc.para(&ending.summary, theme.base);
            doc.blank();
            doc.para(env.t(T::ToDebrief), theme.key);
            return Vec::new();
        }
        doc.para(env.t(T::YourChoice), theme.heading);
        let choices = self.run.node().choice_list();
        let mut rows = Vec::new();
        for (shown_at, &index) in self.run.choice_order().iter().enumerate() {
            let start = doc.len();
            let chosen = self.cursor == Some(shown_at);
            let pointer = if chosen { POINTER } else { NO_POINTER };
            let style = if chosen { theme.selected } else { theme.base };
            doc.hanging_styled(
                &format!("{pointer}{}. ", shown_at + 1),
                theme.key,
                "     ",
                &choices[index].say,
                style,
            );
            rows.push(start..doc.len());
        }
        if let Some(hint) = style_texts(env, self.run.scenario()).and_then(|t| {
            Voice::new(t, env.learner).meet_customer(self.run.scenario().customer.style)
        }) {
            doc.blank();
            doc.hanging_styled(
                &format!("{} ", hint.lead.unwrap_or_default()),
                theme.dim,
                "  ",
                &hint.text,
                theme.dim,
            );
        }
        rows
    }

    /// Feedback without style texts (no style file for the language): the author's words and
    /// the steps, unframed.
    fn plain_feedback(
        &self,
        env: &Env,
        doc: &mut Doc,
        feedback: Option<&str>,
        effect: &crate::practice::ChoiceEffect,
    ) {
        let theme = env.theme;
        let model = self.run.model();
        let step_names = |ids: &[String]| {
            ids.iter()
                .map(|id| model.step(id).map_or_else(|| clean(id), |s| clean(&s.name)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(feedback) = feedback {
            doc.para(env.t(T::ChoiceFeedback), theme.heading);
            doc.para(feedback, theme.base);
            doc.blank();
        }
        if effect.shown.is_empty() && effect.broken.is_empty() {
            doc.para(env.t(T::NoSteps), theme.dim);
        }
        for (ids, mark, label, style) in [
            (&effect.shown, "✓", T::StepsShown, theme.good),
            (&effect.broken, "✗", T::StepsBroken, theme.bad),
        ] {
            if !ids.is_empty() {
                let lead = format!("{mark} {}: ", env.t(label));
                doc.hanging_styled(&lead, style, "  ", &step_names(ids), theme.base);
            }
        }
    }

    /// What the last choice did: its words, feedback, steps shown and broken, the mood.
    fn feedback(&self, env: &Env, doc: &mut Doc) {
        let theme = env.theme;
        let Some(taken) = self.run.taken().last() else {
            return;
        };
        let model = self.run.model();
        if let Some(choice) = self.run.choice_of(taken) {
            doc.para(env.t(T::YouSaid), theme.heading);
            doc.para(&choice.say, theme.say);
            doc.blank();
            let effect = self.run.effect_of(taken);
            match style_texts(env, self.run.scenario()) {
                Some(texts) => {
                    let parts = Voice::new(texts, env.learner).after_choice(
                        choice.feedback.as_deref(),
                        &effect,
                        model,
                        &choice.style_tips,
                    );
                    feedback_parts(env, doc, &parts);
                }
                // Without style texts the mood change has no words of its own: give numbers.
                None => {
                    self.plain_feedback(env, doc, choice.feedback.as_deref(), &effect);
                    doc.para(&mood_change(env, taken, Some(choice)), theme.dim);
                }
            }
        }
        doc.blank();
        doc.para(env.t(T::ContinueHint), theme.key);
    }
}
