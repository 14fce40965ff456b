//! After a run. The first screen teaches: the outcome and the ending, model fit, the focus
//! step's result, one thing that worked and one to change (worded for the learner's style),
//! and the turning point with the better answer (`w` replays from there). Below it, sections
//! the learner opens and closes or jumps to: every step with its result, pitfalls, order
//! notes, the mood chart with what moved it, the path with each choice's feedback, and the
//! tips for this customer. What to say comes from `practice::debrief`; this only lays it out.

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
use crate::practice::debrief::Debrief;
use crate::practice::feedback::{DebriefText, Voice};
use crate::practice::record::RunRecord;
use crate::practice::{Run, StepResult};
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    BACK, Binding, Key, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_UP, TO_END, TO_TOP, bind, left_back,
};
use crate::tui::text::{Doc, clean};
use crate::tui::theme::{NO_POINTER, POINTER, result_symbol};
use crate::tui::widgets::{
    feedback_parts, fit_text, inset, max_offset, mood_change, render_doc_more, style_texts,
};

/// The debrief's keys: sections (Tab, Enter, digits), scrolling, replay from the turning
/// point (only with `replay`, as `w` is offered only when the run has a turn worth
/// replaying), back (`back` says where), play again.
macro_rules! debrief_keys {
    ($back:expr $(, $replay:expr)?) => {
        &[
            // The bar keeps what fits in this order: sections first, then replay and back.
            bind(&[Key::Code(KeyCode::Tab)], "Tab", Action::NextSection, T::NextSection, true)
                .short(T::SectionsShort),
            bind(&[Key::Code(KeyCode::BackTab)], "Shift-Tab", Action::PrevSection, T::PrevSection, false),
            bind(&[Key::Code(KeyCode::Enter)], "Enter", Action::Select, T::ToggleSection, true)
                .short(T::ToggleShort),
            bind(&[Key::Char(' ')], "Space", Action::Select, T::ToggleSection, false),
            bind(&[Key::Digit], "1-6", Action::Pick(1), T::JumpSection, false),
            $($replay,)?
            bind(BACK, "q/Esc", Action::Back, $back, true),
            left_back($back),
            SCROLL_UP,
            SCROLL_DOWN,
            PAGE_UP,
            PAGE_DOWN,
            TO_TOP,
            TO_END,
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
)
.short(T::ReplayShort);

/// After a run that went wrong somewhere.
pub const KEYS: &[Binding] = debrief_keys!(T::ToLibrary, REPLAY);
/// After a run where nothing went wrong: nothing to replay, so no `w`.
pub const KEYS_NO_TURN: &[Binding] = debrief_keys!(T::ToLibrary);
/// The same keys for a past run opened from the progress view, where back goes back there.
pub const HISTORY_KEYS: &[Binding] = debrief_keys!(T::ToProgress, REPLAY);
pub const HISTORY_KEYS_NO_TURN: &[Binding] = debrief_keys!(T::ToProgress);

/// The sections below the first screen, in the order shown and numbered for the digit keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Steps,
    Pitfalls,
    Order,
    Mood,
    Path,
    Tips,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Steps,
        Section::Pitfalls,
        Section::Order,
        Section::Mood,
        Section::Path,
        Section::Tips,
    ];

    pub fn title(self) -> T {
        match self {
            Section::Steps => T::SectionSteps,
            Section::Pitfalls => T::SectionPitfalls,
            Section::Order => T::SectionOrder,
            Section::Mood => T::SectionMood,
            Section::Path => T::SectionPath,
            Section::Tips => T::SectionTips,
        }
    }
}

pub struct DebriefScreen {
    pub run: Run,
    /// What the debrief says, decided once by practice (boxed: it is most of the screen's
    /// size, and every screen shares one enum).
    pub debrief: Box<Debrief>,
    pub scroll: usize,
    /// The saved record of this run, to add a reflection to.
    pub record: Option<RunRecord>,
    /// Opened again from the progress view: back goes there.
    pub from_history: bool,
    /// Which sections are open, in [`Section::ALL`]'s order; all closed at first, so the
    /// first screen ends with the list of what there is to open.
    open: [bool; 6],
    /// The section heading Enter opens or closes.
    selected: usize,
}

/// A laid-out debrief: its lines and the row of each section's heading.
struct Layout {
    doc: Doc,
    headings: [usize; 6],
}

impl DebriefScreen {
    pub fn new(run: Run) -> DebriefScreen {
        DebriefScreen {
            debrief: Box::new(Debrief::of(&run)),
            run,
            scroll: 0,
            record: None,
            from_history: false,
            open: [false; 6],
            selected: 0,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        let turn = self.debrief.turn.is_some();
        match (self.from_history, turn) {
            (false, true) => KEYS,
            (false, false) => KEYS_NO_TURN,
            (true, true) => HISTORY_KEYS,
            (true, false) => HISTORY_KEYS_NO_TURN,
        }
    }

    /// Whether `section` is open.
    pub fn is_open(&self, section: Section) -> bool {
        Section::ALL
            .iter()
            .position(|&s| s == section)
            .is_some_and(|i| self.open[i])
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
        let max = |s: &Self| max_offset(s.layout(env, width).doc.len(), view);
        let page = view.saturating_sub(2).max(1);
        let count = Section::ALL.len();
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(max(self)),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = (self.scroll + page).min(max(self)),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = max(self),
            Action::NextSection => {
                self.selected = (self.selected + 1) % count;
                self.show_selected(env, width, view);
            }
            Action::PrevSection => {
                self.selected = (self.selected + count - 1) % count;
                self.show_selected(env, width, view);
            }
            Action::Select => {
                self.open[self.selected] = !self.open[self.selected];
                self.show_selected(env, width, view);
            }
            Action::Pick(n) if (1..=count).contains(&n) => {
                self.selected = n - 1;
                self.open[self.selected] = true;
                self.show_selected(env, width, view);
            }
            Action::ReplayTurn => {
                if let Some(turn) = &self.debrief.turn {
                    let mut run = self.run.clone();
                    run.rewind_to(turn.at);
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
                if let Some(record) = self.record.take()
                    && record.reflection.is_empty()
                    && record.usefulness.is_none()
                {
                    return Step::go(Screen::Reflect(ReflectScreen::new(
                        record,
                        self.run.scenario_arc().clone(),
                    )));
                }
                return Step::go(Screen::Library(LibraryScreen::at(env, self.run.scenario())));
            }
            _ => {}
        }
        Step::Stay
    }

    /// Scrolls so the selected section shows: its heading at the top when the section does
    /// not fit below where the view is, else as little movement as needed.
    fn show_selected(&mut self, env: &Env, width: u16, view: usize) {
        let layout = self.layout(env, width);
        let start = layout.headings[self.selected];
        let end = layout
            .headings
            .get(self.selected + 1)
            .copied()
            .unwrap_or(layout.doc.len());
        // One row of the view is kept for "more below".
        let rows = view.saturating_sub(1).max(1);
        let scroll = crate::tui::text::scroll_to_show(self.scroll, rows, start, end);
        self.scroll = scroll.min(max_offset(layout.doc.len(), view));
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
        self.layout(env, width).doc
    }

    fn layout(&self, env: &Env, width: u16) -> Layout {
        let run = &self.run;
        let voice = style_texts(env, run.scenario()).map(|t| Voice::new(t, env.learner));
        let worded = voice.map(|v| {
            v.debrief(
                &self.debrief,
                run.model(),
                None,
                run.scenario().customer.style,
            )
        });
        let mut doc = Doc::new(width);
        self.first_screen(env, &mut doc, worded.as_ref());
        let mut headings = [0; 6];
        for (i, section) in Section::ALL.into_iter().enumerate() {
            headings[i] = doc.len();
            self.section(env, &mut doc, i, section, worded.as_ref());
        }
        doc.blank();
        doc.para(&format!("{} {}", env.t(T::Seed), run.seed()), env.theme.dim);
        Layout { doc, headings }
    }

    /// Outcome, fit, focus, kept and change, the turning point and the better answer.
    fn first_screen(&self, env: &Env, doc: &mut Doc, worded: Option<&DebriefText>) {
        let theme = env.theme;
        let run = &self.run;
        let m = &self.debrief.measurement;
        let lesson = &self.debrief.lesson;
        let model = run.model();
        let step_name = |id: &str| model.step(id).map_or_else(|| clean(id), |s| clean(&s.name));
        let quoted = |text: &str| env.tf(T::Quoted, &[("text", text.trim())]);

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
        // The measurement in its own words, whatever the summary below says: the number the
        // learner compares from run to run.
        doc.hanging_styled(
            &format!("{}: ", env.t(T::ModelFit)),
            theme.heading,
            "  ",
            &fit_text(env, m),
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

        // Kept and change, worded for the learner; in plain words without a style file.
        match worded {
            Some(worded) => {
                let headline: Vec<_> = worded.headline().cloned().collect();
                feedback_parts(env, doc, &headline);
            }
            None => {
                if let Some(kept) = &lesson.kept {
                    doc.para(
                        &env.tf(T::DebriefKept, &[("step", &step_name(kept))]),
                        theme.base,
                    );
                }
                match &lesson.change {
                    Some(change) => doc.para(
                        &env.tf(T::DebriefChange, &[("step", &step_name(change))]),
                        theme.base,
                    ),
                    None => doc.para(env.t(T::DebriefNothingToChange), theme.base),
                }
            }
        }
        doc.blank();

        // Where it turned, and what to have said there.
        let turn = self.debrief.turn;
        let at = turn.and_then(|t| Some((t, run.taken().get(t.at)?)));
        match at {
            Some((turn, taken)) => {
                let node = run.node_by_id(&taken.node);
                let said = run.choice_of(taken);
                let better = turn
                    .better
                    .and_then(|b| Some((b, node?.choice_list().get(b.choice)?)));
                match (said, better) {
                    (Some(said), Some((better, choice))) => {
                        doc.para(
                            &format!(
                                "{}:",
                                env.tf(T::TurnYouSaid, &[("n", &(turn.at + 1).to_string())])
                            ),
                            theme.warn,
                        );
                        doc.hanging("  ", "  ", &quoted(&said.say), theme.say);
                        doc.para(&format!("{}:", env.t(T::TurnBetter)), theme.good);
                        doc.hanging("  ", "  ", &quoted(&choice.say), theme.say);
                        if let Some(feedback) = &choice.feedback {
                            doc.hanging("  ", "  ", feedback, theme.base);
                        }
                        let percent = |fit: Option<u32>| {
                            fit.map_or_else(|| "0".to_owned(), |f| f.to_string())
                        };
                        doc.hanging(
                            "  ",
                            "  ",
                            &env.tf(
                                T::TurnReach,
                                &[
                                    ("best", &percent(better.reach.fit)),
                                    ("left", &percent(turn.after_taken.and_then(|r| r.fit))),
                                ],
                            ),
                            theme.dim,
                        );
                    }
                    _ => doc.para(
                        &env.tf(T::TurningPoint, &[("n", &(turn.at + 1).to_string())]),
                        theme.warn,
                    ),
                }
            }
            None => doc.para(env.t(T::NoTurningPoint), theme.good),
        }
        doc.blank();

        // How it felt to the customer, the standard and the closing line, after the turn.
        if let Some(worded) = worded {
            let afterword: Vec<_> = worded.afterword().cloned().collect();
            if !afterword.is_empty() {
                feedback_parts(env, doc, &afterword);
                doc.blank();
            }
        }
    }

    /// One section: its heading (▸ closed, ▾ open, ▶ when selected) and, when open, its body.
    fn section(
        &self,
        env: &Env,
        doc: &mut Doc,
        i: usize,
        section: Section,
        worded: Option<&DebriefText>,
    ) {
        let theme = env.theme;
        let run = &self.run;
        let m = &self.debrief.measurement;
        let model = run.model();
        let step_name = |id: &str| model.step(id).map_or_else(|| clean(id), |s| clean(&s.name));
        let tips: Vec<_> = worded
            .iter()
            .flat_map(|w| w.watch_out.iter().chain(&w.meet_customer))
            .cloned()
            .collect();
        let moves: Vec<(usize, &crate::practice::Taken)> = run
            .taken()
            .iter()
            .enumerate()
            .filter(|(_, t)| t.mood_after != t.mood_before)
            .collect();
        let count = match section {
            Section::Steps => m.steps.len(),
            Section::Pitfalls => m.pitfalls.len(),
            Section::Order => m.order_notes.len(),
            Section::Mood => moves.len(),
            Section::Path => run.taken().len(),
            Section::Tips => tips.len(),
        };
        let open = self.open[i];
        let pointer = if i == self.selected {
            POINTER
        } else {
            NO_POINTER
        };
        let heading = format!(
            "{} {} {} ({count})",
            if open { "▾" } else { "▸" },
            i + 1,
            env.t(section.title()),
        );
        doc.line(Line::from(vec![
            Span::styled(pointer, theme.key),
            Span::styled(
                heading,
                if i == self.selected {
                    theme.selected
                } else {
                    theme.heading
                },
            ),
        ]));
        if !open {
            return;
        }
        let empty = |doc: &mut Doc| doc.para(&format!("  {}", env.t(T::SectionEmpty)), theme.dim);
        match section {
            Section::Steps => {
                for (i, outcome) in m.steps.iter().enumerate() {
                    let r = outcome.result;
                    // Threads come after the ordered steps, under their own label.
                    if outcome.thread && !m.steps[..i].iter().any(|s| s.thread) {
                        doc.para(&format!("  {}:", env.t(T::Thread)), theme.dim);
                    }
                    doc.line(Line::from(vec![
                        Span::styled(format!("  {} ", result_symbol(r)), theme.result(r)),
                        Span::styled(
                            step_name(&outcome.step),
                            if r.is_scored() { theme.base } else { theme.dim },
                        ),
                        Span::styled(
                            format!(" – {}", i18n::step_result(env.lang, r)),
                            theme.result(r),
                        ),
                    ]));
                }
            }
            Section::Pitfalls => {
                for id in &m.pitfalls {
                    let text = model.pitfall(id).map_or_else(
                        || clean(id),
                        |(step, p)| format!("{} ({}): {}", p.name, step.name, p.description),
                    );
                    doc.hanging_styled("  ! ", theme.bad, "    ", &text, theme.base);
                }
                if m.pitfalls.is_empty() {
                    empty(doc);
                }
            }
            Section::Order => {
                if m.order_notes.is_empty() {
                    doc.para(&format!("  {}", env.t(T::OrderNone)), theme.base);
                }
                for note in &m.order_notes {
                    doc.hanging(
                        "  • ",
                        "    ",
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
            }
            Section::Mood => {
                for line in mood_chart(env, &m.moods, doc.width()) {
                    doc.line(line);
                }
                if moves.is_empty() {
                    doc.para(&format!("  {}", env.t(T::MoodStill)), theme.base);
                }
                // What moved it: each choice that changed the mood, in its own words.
                for (n, taken) in moves {
                    let label = env.tf(
                        T::MoodMoved,
                        &[
                            ("n", &(n + 1).to_string()),
                            ("from", &i18n::signed(taken.mood_before)),
                            ("to", &i18n::signed(taken.mood_after)),
                        ],
                    );
                    let style = if taken.mood_after < taken.mood_before {
                        theme.bad
                    } else {
                        theme.good
                    };
                    doc.para(&format!("  {label}"), style);
                    if let Some(choice) = run.choice_of(taken) {
                        doc.hanging(
                            "    ",
                            "    ",
                            &env.tf(T::Quoted, &[("text", choice.say.trim())]),
                            theme.say,
                        );
                    }
                }
            }
            Section::Path => {
                for (i, taken) in run.taken().iter().enumerate() {
                    let Some(choice) = run.choice_of(taken) else {
                        continue;
                    };
                    doc.hanging_styled(
                        &format!("  {:>2}. ", i + 1),
                        theme.key,
                        "      ",
                        &choice.say,
                        theme.say,
                    );
                    if let Some(feedback) = &choice.feedback {
                        doc.hanging("      ", "      ", feedback, theme.base);
                    }
                    let effect = run.effect_of(taken);
                    let mut marks: Vec<String> = Vec::new();
                    marks.extend(effect.shown.iter().map(|s| format!("✓ {}", step_name(s))));
                    marks.extend(effect.broken.iter().map(|s| format!("✗ {}", step_name(s))));
                    marks.push(mood_change(env, taken, Some(choice)));
                    doc.hanging("      ", "      ", &marks.join(" · "), theme.dim);
                }
                if run.taken().is_empty() {
                    empty(doc);
                }
            }
            Section::Tips => {
                let mut body =
                    Doc::new(u16::try_from(doc.width().saturating_sub(2)).unwrap_or(u16::MAX));
                feedback_parts(env, &mut body, &tips);
                for line in body.lines {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(line.spans);
                    doc.line(Line::from(spans));
                }
                if tips.is_empty() {
                    empty(doc);
                }
            }
        }
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
