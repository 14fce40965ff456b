//! Presenter mode: one run shown to a room by a facilitator, on a projector.
//!
//! The customer's line comes first and the choices appear on a key, one by one or all at once;
//! the facilitator enters the room's votes and picks the choice to follow; any earlier
//! decision can be taken again another way (the branch map shows every path explored); the
//! debrief shows the measurement and how the feedback reads for each of D, i, S and C.
//! Nothing personal is shown or saved: no profile, no history; the facilitator's notes appear
//! only on a key, and a key blanks the screen for discussion.

use std::sync::Arc;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::library::LibraryScreen;
use super::present_map::{Explored, go_to};
use super::{Screen, Step};
use crate::content::{EncounterModel, Scenario};
use crate::i18n::T;
use crate::practice::Run;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{self, Binding, DOWN, ENTER, FIRST_ITEM, Key, LAST_ITEM, UP, bind};
use crate::tui::text::clean;

/// The presenter's own actions (`Action::Present`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    RevealNext,
    RevealAll,
    VoteAdd,
    VoteRemove,
    VotesClear,
    Notes,
    Blank,
    Map,
    /// Light or dark projector theme.
    Flip,
    /// The other page of the debrief.
    Page,
}

const fn cue(keys: &'static [Key], label: &'static str, c: Cue, what: T, bar: bool) -> Binding {
    bind(keys, label, Action::Present(c), what, bar)
}

const LEAVE: &[Key] = &[Key::Char('q'), Key::Code(KeyCode::Esc)];
const BLANK: &[Key] = &[Key::Char('b'), Key::Char('.')];
const NOTES: &[Key] = &[Key::Char('f')];
const MAP: &[Key] = &[Key::Char('m')];
const FLIP: &[Key] = &[Key::Char('t')];
const BACK_ONE: &[Key] = &[Key::Char('u')];
/// Going on: Enter, or the space bar a presenter's clicker sends.
const GO_ON: &[Key] = &[Key::Code(KeyCode::Enter), Key::Char(' ')];

/// Picking a scenario to present.
pub const PICK_KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::PresentBegin, true),
    bind(UP, "↑/k", Action::Up, T::Move, true),
    bind(DOWN, "↓/j", Action::Down, T::Move, false),
    FIRST_ITEM,
    LAST_ITEM,
    cue(FLIP, "t", Cue::Flip, T::PresentFlip, true),
    bind(LEAVE, "q/Esc", Action::Back, T::PresentLeave, true),
];

/// The title card.
pub const TITLE_KEYS: &[Binding] = &[
    bind(GO_ON, "Enter", Action::Select, T::PresentBegin, true),
    cue(BLANK, "b", Cue::Blank, T::PresentBlank, true),
    cue(FLIP, "t", Cue::Flip, T::PresentFlip, false),
    bind(LEAVE, "q/Esc", Action::Back, T::PresentLeave, true),
];

/// A decision: reveal, vote, follow.
pub const DECISION_KEYS: &[Binding] = &[
    cue(
        &[Key::Char(' '), Key::Char('n')],
        "Space/n",
        Cue::RevealNext,
        T::PresentRevealNext,
        true,
    ),
    cue(
        &[Key::Char('a')],
        "a",
        Cue::RevealAll,
        T::PresentRevealAll,
        true,
    ),
    bind(
        &[Key::Digit],
        "1-9",
        Action::Select,
        T::PresentVoteFor,
        true,
    ),
    bind(UP, "↑/k", Action::Up, T::PresentSelect, false),
    bind(DOWN, "↓/j", Action::Down, T::PresentSelect, false),
    cue(
        &[Key::Char('+'), Key::Code(KeyCode::Right)],
        "+/→",
        Cue::VoteAdd,
        T::PresentVoteAdd,
        false,
    ),
    cue(
        &[Key::Char('-'), Key::Code(KeyCode::Left)],
        "-/←",
        Cue::VoteRemove,
        T::PresentVoteRemove,
        false,
    ),
    cue(
        &[Key::Char('0')],
        "0",
        Cue::VotesClear,
        T::PresentVotesClear,
        false,
    ),
    bind(ENTER, "Enter", Action::Select, T::PresentFollow, true).short(T::PresentFollowShort),
    cue(NOTES, "f", Cue::Notes, T::PresentNotes, false),
    cue(MAP, "m", Cue::Map, T::PresentMap, true),
    bind(BACK_ONE, "u", Action::Undo, T::PresentBackOne, false),
    cue(BLANK, "b", Cue::Blank, T::PresentBlank, true),
    cue(FLIP, "t", Cue::Flip, T::PresentFlip, false),
    bind(LEAVE, "q/Esc", Action::Back, T::PresentLeave, false),
];

/// [`DECISION_KEYS`] for each number of choices revealed: votes go to those on screen.
pub static DECISION_KEYS_BY_COUNT: [[Binding; DECISION_KEYS.len()]; 10] =
    keymap::by_count(DECISION_KEYS);

/// The feedback on the choice the room followed.
pub const FEEDBACK_KEYS: &[Binding] = &[
    bind(GO_ON, "Enter", Action::Select, T::Continue, true),
    bind(BACK_ONE, "u", Action::Undo, T::PresentBackOne, true),
    cue(NOTES, "f", Cue::Notes, T::PresentNotes, false),
    cue(MAP, "m", Cue::Map, T::PresentMap, true),
    cue(BLANK, "b", Cue::Blank, T::PresentBlank, true),
    cue(FLIP, "t", Cue::Flip, T::PresentFlip, false),
    bind(LEAVE, "q/Esc", Action::Back, T::PresentLeave, false),
];

/// How far PgDn/PgUp move the four-style columns.
const COLUMN_STEP: usize = 5;

/// The debrief.
pub const DEBRIEF_KEYS: &[Binding] = &[
    cue(
        &[Key::Code(KeyCode::Tab), Key::Char('s')],
        "Tab/s",
        Cue::Page,
        T::PresentOtherPage,
        true,
    ),
    bind(UP, "↑↓", Action::Up, T::PresentOtherChoice, true),
    bind(DOWN, "↓/j", Action::Down, T::PresentOtherChoice, false),
    bind(
        &[Key::Code(KeyCode::PageDown)],
        "PgDn/PgUp",
        Action::PageDown,
        T::Scroll,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        T::Scroll,
        false,
    ),
    cue(MAP, "m", Cue::Map, T::PresentMap, true),
    bind(BACK_ONE, "u", Action::Undo, T::PresentBackOne, false),
    bind(
        &[Key::Char('r')],
        "r",
        Action::Restart,
        T::PresentFromStart,
        true,
    ),
    cue(BLANK, "b", Cue::Blank, T::PresentBlank, true),
    cue(FLIP, "t", Cue::Flip, T::PresentFlip, false),
    bind(LEAVE, "q/Esc", Action::Back, T::PresentLeave, false),
];

/// The branch map.
pub const MAP_KEYS: &[Binding] = &[
    bind(UP, "↑/k", Action::Up, T::Move, true),
    bind(DOWN, "↓/j", Action::Down, T::Move, false),
    FIRST_ITEM,
    LAST_ITEM,
    bind(ENTER, "Enter", Action::Select, T::PresentGoThere, true),
    cue(
        &[Key::Char('m'), Key::Code(KeyCode::Esc), Key::Char('q')],
        "m/Esc",
        Cue::Map,
        T::PresentCloseMap,
        true,
    ),
    cue(BLANK, "b", Cue::Blank, T::PresentBlank, true),
];

/// While the screen is blank: any of these brings it back.
pub const BLANK_KEYS: &[Binding] = &[cue(
    &[
        Key::Char('b'),
        Key::Char('.'),
        Key::Code(KeyCode::Esc),
        Key::Code(KeyCode::Enter),
        Key::Char(' '),
    ],
    "b/Esc",
    Cue::Blank,
    T::PresentUnblank,
    false,
)];

/// Where the presenter is in the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Choosing a scenario (`kohtaa present` without an id).
    Pick { selected: usize },
    /// The scenario's title card.
    Title,
    /// A decision: the customer's line, then the choices as they are revealed, with votes.
    Decision {
        /// How many choices are on screen, in the shown order.
        revealed: usize,
        /// Votes per shown choice.
        votes: Vec<u32>,
        /// The shown choice the facilitator has selected.
        selected: usize,
        /// The votes are tied at the top and the facilitator has been asked which to follow.
        tie_asked: bool,
    },
    /// The feedback on the choice just followed (and the ending, if it was the last).
    Feedback {
        /// The room's votes at that decision, to show beside the choice followed.
        votes: Vec<u32>,
    },
    /// The debrief: the measurement, or the four styles side by side, on the whole run
    /// (`choice` 0) or on the path's choice number `choice`; `scroll` rows down the columns.
    Debrief {
        styles: bool,
        choice: usize,
        scroll: usize,
    },
}

/// Where the presenter came from, and so where leaving goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `kohtaa present`: leaving a scenario goes to the picker; leaving the picker quits.
    Command,
    /// A key in the library: leaving goes back there.
    Library,
}

pub struct PresentScreen {
    pub origin: Origin,
    /// The scenario being presented, with its run; `None` while picking.
    pub run: Option<Run>,
    pub stage: Stage,
    pub explored: Explored,
    /// The branch map is open, with this row selected.
    pub map: Option<usize>,
    pub notes: bool,
    pub blank: bool,
    /// White on black instead of black on white.
    pub dark: bool,
}

impl PresentScreen {
    /// The picker over the library's scenarios.
    pub fn pick(origin: Origin) -> PresentScreen {
        PresentScreen {
            origin,
            run: None,
            stage: Stage::Pick { selected: 0 },
            explored: Explored::default(),
            map: None,
            notes: false,
            blank: false,
            dark: false,
        }
    }

    /// A scenario's title card.
    pub fn new(
        env: &Env,
        origin: Origin,
        scenario: Arc<Scenario>,
        model: Arc<EncounterModel>,
    ) -> Result<PresentScreen, String> {
        let run = Run::new(scenario, model, env.next_seed()).map_err(|e| e.message(env.lang))?;
        let mut screen = PresentScreen::pick(origin);
        screen.run = Some(run);
        screen.stage = Stage::Title;
        Ok(screen)
    }

    /// The scenarios the picker lists: the interface language first, then by title.
    pub fn choices(env: &Env) -> Vec<&Scenario> {
        let lang = env.lang.code();
        let mut list: Vec<&Scenario> = env.library.scenarios.iter().map(|s| &s.value).collect();
        list.sort_by(|a, b| {
            (a.language != lang, &a.title, &a.id).cmp(&(b.language != lang, &b.title, &b.id))
        });
        list
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.blank {
            return BLANK_KEYS;
        }
        if self.map.is_some() {
            return MAP_KEYS;
        }
        match self.stage {
            Stage::Pick { .. } => PICK_KEYS,
            Stage::Title => TITLE_KEYS,
            Stage::Decision { revealed, .. } => {
                keymap::for_count(&DECISION_KEYS_BY_COUNT, revealed)
            }
            Stage::Feedback { .. } => FEEDBACK_KEYS,
            Stage::Debrief { .. } => DEBRIEF_KEYS,
        }
    }

    pub fn title(&self, env: &Env) -> String {
        match &self.run {
            Some(run) => format!(
                "{} · {}",
                env.t(T::PresentTitle),
                clean(&run.scenario().title)
            ),
            None => env.t(T::PresentTitle).to_owned(),
        }
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        match action {
            Action::Present(Cue::Blank) => {
                self.blank = !self.blank;
                return Step::Stay;
            }
            Action::Present(Cue::Flip) => {
                self.dark = !self.dark;
                return Step::Stay;
            }
            _ if self.blank => return Step::Stay,
            _ => {}
        }
        if self.map.is_some() {
            self.update_map(action);
            return Step::Stay;
        }
        match action {
            Action::Back => return self.leave(env),
            Action::Present(Cue::Notes) => self.notes = !self.notes,
            Action::Present(Cue::Map) if self.run.is_some() => {
                let here = self
                    .map_rows()
                    .iter()
                    .position(|r| r.here == super::present_map::Here::Now);
                self.map = Some(here.unwrap_or(0));
            }
            Action::Undo => {
                if let Some(run) = &mut self.run
                    && run.undo()
                {
                    self.stage = decision(run, true);
                }
            }
            Action::Restart => {
                if let Some(run) = &mut self.run {
                    run.restart();
                    self.stage = Stage::Title;
                }
            }
            _ => return self.update_stage(env, action),
        }
        Step::Stay
    }

    fn update_stage(&mut self, env: &Env, action: Action) -> Step {
        match &mut self.stage {
            Stage::Pick { selected } => {
                let count = Self::choices(env).len();
                match action {
                    Action::Up => *selected = selected.saturating_sub(1),
                    Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
                    Action::Home => *selected = 0,
                    Action::End => *selected = count.saturating_sub(1),
                    Action::Select => return self.open(env),
                    _ => {}
                }
            }
            Stage::Title => {
                if action == Action::Select
                    && let Some(run) = &self.run
                {
                    self.stage = decision(run, false);
                }
            }
            Stage::Decision {
                revealed,
                votes,
                selected,
                tie_asked,
            } => {
                let count = votes.len();
                if matches!(
                    action,
                    Action::Pick(_)
                        | Action::Present(Cue::VoteAdd | Cue::VoteRemove | Cue::VotesClear)
                ) {
                    *tie_asked = false;
                }
                match action {
                    Action::Present(Cue::RevealNext) => *revealed = (*revealed + 1).min(count),
                    Action::Present(Cue::RevealAll) => *revealed = count,
                    // A vote counts; it does not move the selection: Enter follows the room.
                    Action::Pick(n) if n >= 1 && n <= *revealed => votes[n - 1] += 1,
                    Action::Up if *revealed > 0 => *selected = selected.saturating_sub(1),
                    Action::Down if *revealed > 0 => {
                        *selected = (*selected + 1).min(revealed.saturating_sub(1))
                    }
                    Action::Present(Cue::VoteAdd) if *revealed > 0 => votes[*selected] += 1,
                    Action::Present(Cue::VoteRemove) if *revealed > 0 => {
                        votes[*selected] = votes[*selected].saturating_sub(1)
                    }
                    Action::Present(Cue::VotesClear) => votes.iter_mut().for_each(|v| *v = 0),
                    // Following a choice needs the whole set on screen, so the room saw them all.
                    Action::Select if *revealed == count && count > 0 => {
                        let shown = match room_choice(votes) {
                            RoomChoice::Selected => *selected,
                            RoomChoice::Most(shown) => shown,
                            // Asked once; then the facilitator's selection decides.
                            RoomChoice::Tied(_) if *tie_asked => *selected,
                            RoomChoice::Tied(tied) => {
                                *tie_asked = true;
                                *selected = tied[0];
                                return Step::Stay;
                            }
                        };
                        let votes = std::mem::take(votes);
                        self.follow(shown, votes);
                    }
                    Action::Select => *revealed = count,
                    _ => {}
                }
            }
            Stage::Feedback { .. } => {
                if action == Action::Select
                    && let Some(run) = &self.run
                {
                    self.stage = after_step(run, false);
                }
            }
            Stage::Debrief {
                styles,
                choice,
                scroll,
            } => {
                let count = self.run.as_ref().map_or(0, |r| r.taken().len());
                match action {
                    Action::Present(Cue::Page) => *styles = !*styles,
                    Action::Up => *choice = choice.saturating_sub(1),
                    // Page 0 is the whole run; then each choice of the path.
                    Action::Down => *choice = (*choice + 1).min(count),
                    // Long columns scroll; the view stops at their end.
                    Action::PageDown => *scroll += COLUMN_STEP,
                    Action::PageUp => *scroll = scroll.saturating_sub(COLUMN_STEP),
                    _ => {}
                }
                if !matches!(action, Action::PageDown | Action::PageUp) {
                    *scroll = 0;
                }
            }
        }
        Step::Stay
    }

    fn follow(&mut self, shown: usize, votes: Vec<u32>) {
        let Some(run) = &mut self.run else { return };
        let Some(&index) = run.choice_order().get(shown) else {
            return;
        };
        if run.choose(index).is_ok() {
            let path: Vec<usize> = run.taken().iter().map(|t| t.choice).collect();
            self.explored.record(&path);
            self.stage = Stage::Feedback { votes };
        }
    }

    fn open(&mut self, env: &Env) -> Step {
        let Stage::Pick { selected } = self.stage else {
            return Step::Stay;
        };
        let Some(scenario) = Self::choices(env).get(selected).map(|s| (*s).clone()) else {
            return Step::Stay;
        };
        let Some(model) = env.library.model_for(&scenario).cloned() else {
            return Step::Stay;
        };
        if let Ok(screen) =
            PresentScreen::new(env, self.origin, Arc::new(scenario), Arc::new(model))
        {
            self.run = screen.run;
            self.stage = Stage::Title;
            self.explored = Explored::default();
        }
        Step::Stay
    }

    fn leave(&mut self, env: &Env) -> Step {
        let scenario = self.run.as_ref().map(|r| r.scenario().clone());
        // Only paths the room has explored would be lost: an untouched scenario leaves at once.
        let touched = !self.explored.is_empty();
        let ask = |then: Step| {
            if touched {
                Step::Confirm {
                    question: T::PresentConfirmLeave,
                    then: Box::new(then),
                }
            } else {
                then
            }
        };
        match (self.origin, &self.stage, scenario) {
            (Origin::Command, Stage::Pick { .. }, _) => Step::Quit,
            (Origin::Command, _, Some(scenario)) => {
                let mut picker = PresentScreen::pick(Origin::Command);
                picker.dark = self.dark;
                picker.stage = Stage::Pick {
                    selected: PresentScreen::choices(env)
                        .iter()
                        .position(|s| s.id == scenario.id && s.language == scenario.language)
                        .unwrap_or(0),
                };
                ask(Step::go(Screen::Present(Box::new(picker))))
            }
            (_, _, scenario) => {
                let library = match &scenario {
                    Some(s) => LibraryScreen::at(env, s),
                    None => LibraryScreen::new(env),
                };
                ask(Step::go(Screen::Library(library)))
            }
        }
    }

    fn update_map(&mut self, action: Action) {
        let rows = self.map_rows();
        let Some(selected) = &mut self.map else {
            return;
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(rows.len().saturating_sub(1)),
            Action::Home => *selected = 0,
            Action::End => *selected = rows.len().saturating_sub(1),
            Action::Present(Cue::Map) | Action::Back => self.map = None,
            Action::Select => {
                if let (Some(row), Some(run)) = (rows.get(*selected), &mut self.run)
                    && go_to(run, &row.prefix)
                {
                    self.stage = after_step(run, true);
                    self.map = None;
                }
            }
            _ => {}
        }
    }

    /// The branch map's rows for the current run.
    pub fn map_rows(&self) -> Vec<super::present_map::MapRow> {
        self.run
            .as_ref()
            .map(|run| self.explored.rows(run))
            .unwrap_or_default()
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        super::present_view::render(self, env, area, buf);
    }
}

/// What the room's votes decide at a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomChoice {
    /// No votes: the facilitator's selection.
    Selected,
    /// The one shown choice with the most votes.
    Most(usize),
    /// The shown choices tied for the most votes, in order.
    Tied(Vec<usize>),
}

pub fn room_choice(votes: &[u32]) -> RoomChoice {
    let most = votes.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return RoomChoice::Selected;
    }
    let top: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] == most).collect();
    match top.as_slice() {
        [one] => RoomChoice::Most(*one),
        _ => RoomChoice::Tied(top),
    }
}

/// Where the room goes once the run has moved: the debrief at its end, else the decision at
/// its node (`seen` as for [`decision`]).
fn after_step(run: &Run, seen: bool) -> Stage {
    if run.is_finished() {
        Stage::Debrief {
            styles: false,
            choice: 0,
            scroll: 0,
        }
    } else {
        decision(run, seen)
    }
}

/// A fresh decision at the run's current node; `seen` when the room has been here before
/// (going back), so all its choices are on screen at once.
fn decision(run: &Run, seen: bool) -> Stage {
    let count = run.choice_order().len();
    Stage::Decision {
        revealed: if seen { count } else { 0 },
        votes: vec![0; count],
        selected: 0,
        tie_asked: false,
    }
}
