//! After a run: the outcome, the model map, fit, order notes, the mood chart, the path with
//! each choice's feedback, the focus step's result, and replay from where it turned.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::library::LibraryScreen;
use super::play::PlayScreen;
use super::progress::ProgressScreen;
use super::reflect::ReflectScreen;
use super::{Screen, Step};
use crate::i18n::{self, T};
use crate::practice::feedback::Voice;
use crate::practice::{Measurement, Run, StepResult};
use crate::store::history::RunRecord;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{BACK, Binding, DOWN, Key, UP, bind};
use crate::tui::text::{Doc, clean};
use crate::tui::theme::result_symbol;
use crate::tui::widgets::{
    feedback_parts, fit_text, inset, max_offset, mood_change, render_doc_more, style_texts,
};

/// The debrief's keys: scrolling, replay from the turning point (only with `replay`, as
/// `w` is offered only when the run has a turn worth replaying), back (`back` says where),
/// play again.
macro_rules! debrief_keys {
    ($back:expr $(, $replay:expr)?) => {
        &[
            bind(UP, "↑/k", Action::Up, T::Scroll, false),
            bind(DOWN, "↓/j", Action::Down, T::Scroll, true),
            bind(&[Key::Code(KeyCode::PageUp)], "PgUp", Action::PageUp, T::PageUp, false),
            bind(
                &[Key::Code(KeyCode::PageDown), Key::Char(' ')],
                "PgDn/Space",
                Action::PageDown,
                T::PageDown,
                false,
            ),
            bind(&[Key::Code(KeyCode::Home), Key::Char('g')], "Home/g", Action::Home, T::ToTop, false),
            bind(&[Key::Code(KeyCode::End), Key::Char('G')], "End/G", Action::End, T::ToEnd, false),
            $($replay,)?
            bind(BACK, "q/Esc", Action::Back, $back, true),
            bind(&[Key::Char('r')], "r", Action::Restart, T::PlayAgain, true),
        ]
    };
}

const REPLAY: Binding = bind(
    &[Key::Char('w')],
    "w",
    Action::ReplayTurn,
    T::ReplayTurn,
    true,
);

/// After a run that went wrong somewhere.
pub const KEYS: &[Binding] = debrief_keys!(T::ToLibrary, REPLAY);
/// After a run where nothing went wrong: nothing to replay, so no `w`.
pub const KEYS_NO_TURN: &[Binding] = debrief_keys!(T::ToLibrary);
/// The same keys for a past run opened from the progress view, where back goes back there.
pub const HISTORY_KEYS: &[Binding] = debrief_keys!(T::ToProgress, REPLAY);
pub const HISTORY_KEYS_NO_TURN: &[Binding] = debrief_keys!(T::ToProgress);

pub struct DebriefScreen {
    pub run: Run,
    pub measurement: Measurement,
    pub scroll: usize,
    /// The saved record of this run, to add a reflection to.
    pub record: Option<RunRecord>,
    /// Opened again from the progress view: back goes there.
    pub from_history: bool,
}

impl DebriefScreen {
    pub fn new(run: Run) -> DebriefScreen {
        DebriefScreen {
            measurement: run.measure(),
            run,
            scroll: 0,
            record: None,
            from_history: false,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        let turn = self.run.turning_point().is_some();
        match (self.from_history, turn) {
            (false, true) => KEYS,
            (false, false) => KEYS_NO_TURN,
            (true, true) => HISTORY_KEYS,
            (true, false) => HISTORY_KEYS_NO_TURN,
        }
    }

    pub fn title(&self, env: &Env) -> String {
        format!(
            "{} · {}",
            env.t(T::DebriefTitle),
            clean(&self.run.scenario().title)
        )
    }

    /// The text width and rows of the body on a terminal of `size`, as `render` lays it out
    /// (title and key bars take one row each; the text is inset and at most
    /// `MAX_TEXT_WIDTH` wide; the last column is the scrollbar's).
    fn view(size: (u16, u16)) -> (u16, usize) {
        let body = inset(Rect::new(0, 0, size.0, size.1.saturating_sub(2)));
        (body.width.saturating_sub(1), usize::from(body.height))
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let (width, view) = Self::view(env.size);
        let max = max_offset(self.document(env, width).len(), view);
        let page = view.saturating_sub(2).max(1);
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(max),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = (self.scroll + page).min(max),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = max,
            Action::ReplayTurn => {
                if let Some(turn) = self.run.turning_point() {
                    let mut run = self.run.clone();
                    run.rewind_to(turn);
                    return Step::go(Screen::Play(PlayScreen::new(run)));
                }
            }
            Action::Restart => {
                let mut run = self.run.clone();
                run.restart();
                return Step::go(Screen::Play(PlayScreen::new(run)));
            }
            Action::Back => {
                if self.from_history {
                    let id = self.record.as_ref().map(|r| r.id.as_str());
                    return Step::go(Screen::Progress(ProgressScreen::at(env, id)));
                }
                if let Some(record) = self.record.take() {
                    if record.reflection.is_empty() && record.usefulness.is_none() {
                        return Step::go(Screen::Reflect(ReflectScreen::new(
                            record,
                            self.run.scenario_arc().clone(),
                        )));
                    }
                }
                return Step::go(Screen::Library(LibraryScreen::at(env, self.run.scenario())));
            }
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let area = inset(area);
        let doc = self.document(env, area.width.saturating_sub(1));
        render_doc_more(&doc, self.scroll, area, buf, env.theme.key, |_| {
            env.t(T::MoreBelow).to_owned()
        });
    }

    /// The whole debrief as lines of `width` cells.
    pub fn document(&self, env: &Env, width: u16) -> Doc {
        let theme = env.theme;
        let m = &self.measurement;
        let run = &self.run;
        let model = run.model();
        let step_name = |id: &str| model.step(id).map_or_else(|| clean(id), |s| clean(&s.name));
        let mut doc = Doc::new(width);

        // Outcome and ending
        match (run.ending(), m.outcome) {
            (Some(ending), Some(outcome)) => {
                doc.line(Line::from(vec![
                    Span::styled(format!("{}: ", env.t(T::Outcome)), theme.heading),
                    Span::styled(i18n::outcome(env.lang, outcome), theme.title),
                ]));
                doc.para(&ending.summary, theme.base);
            }
            _ => doc.para(env.t(T::NotEnded), theme.warn),
        }
        doc.blank();

        // The summary worded for the learner.
        let voice = style_texts(env, run.scenario()).map(|t| Voice::new(t, env.learner));
        let worded = voice.map(|v| v.debrief(m, model, None, run.scenario().customer.style));
        if let Some(worded) = &worded {
            doc.para(env.t(T::ForYou), theme.heading);
            feedback_parts(env, &mut doc, &worded.summary);
            doc.blank();
        }

        // Fit and focus
        let fit = fit_text(env, m);
        // The measurement in its own words, whatever the summary above says: the number the
        // learner compares from run to run.
        doc.hanging_styled(
            &format!("{}: ", env.t(T::ModelFit)),
            theme.heading,
            "  ",
            &fit,
            theme.say,
        );
        match &run.focus {
            Some(focus) => {
                let result = m.result_of(focus).unwrap_or(StepResult::NotInPlay);
                doc.line(Line::from(vec![
                    Span::styled(format!("{}: ", env.t(T::FocusResult)), theme.heading),
                    Span::styled(
                        format!("{} {}", result_symbol(result), step_name(focus)),
                        theme.result(result),
                    ),
                    Span::styled(
                        format!(" ({})", i18n::step_result(env.lang, result)),
                        theme.base,
                    ),
                ]));
            }
            None => doc.para(env.t(T::NoFocus), theme.dim),
        }
        doc.blank();

        // The model map
        doc.para(
            &format!("{}: {}", env.t(T::ModelMap), clean(&model.name)),
            theme.heading,
        );
        for (i, outcome) in m.steps.iter().enumerate() {
            let r = outcome.result;
            // Threads come after the ordered steps, under their own label.
            if outcome.thread && !m.steps[..i].iter().any(|s| s.thread) {
                doc.para(&format!(" {}:", env.t(T::Thread)), theme.dim);
            }
            doc.line(Line::from(vec![
                Span::styled(format!(" {} ", result_symbol(r)), theme.result(r)),
                Span::styled(
                    step_name(&outcome.step),
                    if r == StepResult::NotInPlay {
                        theme.dim
                    } else {
                        theme.base
                    },
                ),
                Span::styled(
                    format!(" – {}", i18n::step_result(env.lang, r)),
                    theme.result(r),
                ),
            ]));
            for pitfall in &m.pitfalls {
                if let Some((step, p)) = model.pitfall(pitfall) {
                    if step.id == outcome.step {
                        doc.hanging_styled("     ! ", theme.bad, "       ", &p.name, theme.base);
                    }
                }
            }
        }
        doc.blank();

        // Order
        doc.para(env.t(T::OrderNotes), theme.heading);
        if m.order_notes.is_empty() {
            doc.para(env.t(T::OrderNone), theme.base);
        }
        for note in &m.order_notes {
            doc.hanging(
                "• ",
                "  ",
                &env.tf(
                    T::OrderNote,
                    &[
                        ("early", &step_name(&note.early)),
                        ("late", &step_name(&note.late)),
                    ],
                ),
                theme.base,
            );
        }
        doc.blank();

        // Mood chart
        doc.para(env.t(T::MoodChart), theme.heading);
        for line in mood_chart(env, &m.moods, usize::from(width)) {
            doc.line(line);
        }
        doc.blank();

        // Turning point
        match run.turning_point() {
            Some(i) => doc.para(
                &env.tf(T::TurningPoint, &[("n", &(i + 1).to_string())]),
                theme.warn,
            ),
            None => doc.para(env.t(T::NoTurningPoint), theme.good),
        }
        doc.blank();

        // The one watch-out tip for this learner and customer, and how to meet such a customer.
        if let Some(worded) = &worded {
            let tips: Vec<_> = worded
                .watch_out
                .iter()
                .chain(&worded.meet_customer)
                .cloned()
                .collect();
            feedback_parts(env, &mut doc, &tips);
            if !tips.is_empty() {
                doc.blank();
            }
        }

        // The path
        doc.para(env.t(T::PathTitle), theme.heading);
        for (i, taken) in run.taken().iter().enumerate() {
            let Some(choice) = run.choice_of(taken) else {
                continue;
            };
            doc.hanging_styled(
                &format!("{:>2}. ", i + 1),
                theme.key,
                "    ",
                &choice.say,
                theme.say,
            );
            if let Some(feedback) = &choice.feedback {
                doc.hanging("    ", "    ", feedback, theme.base);
            }
            let effect = run.effect_of(taken);
            let mut marks: Vec<String> = Vec::new();
            marks.extend(effect.shown.iter().map(|s| format!("✓ {}", step_name(s))));
            marks.extend(effect.broken.iter().map(|s| format!("✗ {}", step_name(s))));
            marks.push(mood_change(env, taken, Some(choice)));
            doc.hanging("    ", "    ", &marks.join(" · "), theme.dim);
        }
        doc.blank();
        doc.para(&format!("{} {}", env.t(T::Seed), run.seed()), theme.dim);
        doc
    }
}

/// The mood after each choice as a chart: one row per mood from +5 down to −5, one column per
/// moment (start, then each choice); a ● marks the mood, so it reads without colour.
fn mood_chart(env: &Env, moods: &[i32], width: usize) -> Vec<Line<'static>> {
    let theme = env.theme;
    const LABEL: usize = 4;
    const COL: usize = 3;
    let fits = (width.saturating_sub(LABEL + 1) / COL).max(1);
    // Show the latest moments when the path is longer than the width.
    let skip = moods.len().saturating_sub(fits);
    let shown = &moods[skip..];
    let mut lines = Vec::new();
    for level in (-5..=5).rev() {
        let mut spans = vec![Span::styled(
            format!("{:>3} ", i18n::signed(level)),
            theme.dim,
        )];
        spans.push(Span::styled(if level == 0 { "┼" } else { "│" }, theme.dim));
        for &mood in shown {
            let (cell, style) = if mood == level {
                (
                    " ● ",
                    if mood < 0 {
                        theme.bad
                    } else if mood > 0 {
                        theme.good
                    } else {
                        theme.say
                    },
                )
            } else if level == 0 {
                ("───", theme.dim)
            } else {
                ("   ", theme.dim)
            };
            spans.push(Span::styled(cell, style));
        }
        lines.push(Line::from(spans));
    }
    let mut axis = format!("{:>width$}", "", width = LABEL + 1);
    for (i, _) in shown.iter().enumerate() {
        let moment = skip + i;
        let label = if moment == 0 {
            env.t(T::StartShort)
                .chars()
                .next()
                .unwrap_or('0')
                .to_string()
        } else {
            moment.to_string()
        };
        axis.push_str(&format!("{label:^COL$}"));
    }
    lines.push(Line::from(Span::styled(axis, theme.dim)));
    lines
}
