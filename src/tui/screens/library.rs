//! The library: every scenario, the current language first, filtered by typing; files with
//! errors listed apart with their first error.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::briefing::BriefingScreen;
use super::present::{Cue, Origin, PresentScreen};
use super::progress::ProgressScreen;
use super::{Screen, Step};
use crate::content::{Loaded, Scenario};
use crate::i18n::{self, Lang, T};
use crate::practice::recommend::{Recommendation, recommend};
use crate::practice::record::RunStatus;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{Binding, ENTER, FIRST_ITEM_KEY, Key, LAST_ITEM_KEY, bind};
use crate::tui::text::width as width_of;
use crate::tui::text::{Doc, MAX_SHOWN_CHARS, clean, truncate, width};
use crate::tui::theme::{NO_POINTER, POINTER};
use crate::tui::widgets::{
    inset, render_doc, render_doc_more, rows_shown, scenario_facts, settings_text,
};

// On this screen letters go to the filter, so j/k are letters; the arrows move. The rule for
// `q` and Esc, said by the tables below (and so by the bar and the help):
// - with no filter typed and the filter not focused, `q` quits and Esc only says so;
// - `/`, or any other letter, focuses the filter: from then on every letter types, `q`
//   included, until Esc, which clears the filter and leaves it.
// Esc never quits from here; Ctrl-C always does. The bar's keys come in the order of their
// priority: at 80 columns the first five fit in both languages, and the arrows, the filter
// and the other languages, which the screen itself shows, are the ones left to the help.
#[rustfmt::skip]
macro_rules! library_keys {
    ($leave:expr; $($focus:expr),*) => {
        &[
            bind(ENTER, "Enter", Action::Select, T::Start, true),
            bind(&[Key::Code(KeyCode::Tab)], "Tab", Action::Progress, T::OpenProgress, true)
                .short(T::ProgressShort),
            bind(&[Key::Code(KeyCode::F(2))], "F2", Action::Profile, T::OpenProfile, true)
                .short(T::StyleShort),
            $leave,
            // A facilitator's key, after the learner's.
            bind(&[Key::Code(KeyCode::F(5))], "F5", Action::Present(Cue::Map), T::PresentStart, true)
                .short(T::PresentShort),
            bind(&[Key::Code(KeyCode::F(3))], OTHERS_KEY, Action::OtherLanguages, T::OthersKey, false),
            $($focus,)*
            bind(&[Key::Code(KeyCode::Up)], "↑↓", Action::Up, T::Move, true),
            bind(&[Key::Code(KeyCode::Down)], "↓", Action::Down, T::Move, false).named_before(),
            bind(&[Key::Code(KeyCode::PageUp)], "PgUp", Action::PageUp, T::PageUp, false),
            bind(&[Key::Code(KeyCode::PageDown)], "PgDn", Action::PageDown, T::PageDown, false),
            FIRST_ITEM_KEY,
            LAST_ITEM_KEY,
            bind(&[Key::Code(KeyCode::Backspace)], "Backspace", Action::Erase, T::EraseChar, false),
            // `?` opens the help, as the bar says, rather than going to the filter.
            bind(&[Key::Char('?')], "?", Action::Help, T::Help, false),
            bind(&[Key::AnyChar], "abc", Action::Select, T::FilterHint, true),
        ]
    };
}

/// The key that shows or hides the scenarios in other languages (letters type).
pub const OTHERS_KEY: &str = "F3";

/// Keys while no filter is typed and the filter is not focused: q quits, `/` focuses the
/// filter, Esc does nothing but say how to quit.
#[rustfmt::skip]
pub const KEYS: &[Binding] = library_keys!(
    bind(&[Key::Char('q')], "q", Action::Quit, T::QuitFromLibrary, true).short(T::Quit);
    bind(&[Key::Char('/')], "/", Action::Type('/'), T::FocusFilter, false),
    bind(&[Key::Code(KeyCode::Esc)], "Esc", Action::Back, T::FilterEsc, false)
);

/// Keys while the filter is focused or typed: every letter types, q too; Esc clears and
/// leaves the filter.
#[rustfmt::skip]
pub const FILTER_KEYS: &[Binding] = library_keys!(
    bind(&[Key::Code(KeyCode::Esc)], "Esc", Action::Back, T::ClearFilter, true)
        .short(T::ClearShort);
);

/// The modifiers that mark the part of a title the filter matched: not colour alone, so it
/// shows under NO_COLOR.
const MATCH: Modifier = Modifier::BOLD.union(Modifier::UNDERLINED);

pub struct LibraryScreen {
    pub filter: String,
    /// The filter has the keys: every letter types, `q` included.
    pub editing: bool,
    /// Scenarios in languages other than the interface's are listed too.
    pub others: bool,
    /// The selected row: "Practise next" (when shown) is the first, then the scenarios.
    pub selected: usize,
    /// Something to tell the learner, e.g. why a scenario could not start.
    pub message: Option<String>,
    /// Esc was pressed with nothing to clear: say that `q` quits.
    hint: bool,
    /// The list as last built: with a thousand scenarios, sorting, filtering and wrapping
    /// every entry again for each frame took several milliseconds.
    list: RefCell<Option<List>>,
    /// Each scenario's searchable text, lowered once: a typed letter searches it all.
    search: RefCell<Vec<String>>,
    /// The list's first row shown in the last frame, with the list's width and height then;
    /// `None` until drawn: the first frame places the selected entry anew.
    scroll: Cell<Option<(u16, usize, usize)>>,
}

/// A row of the list one can select and open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    /// "Practise next", with the scenario it suggests (an index into the library).
    Next(usize),
    Scenario(usize),
}

impl Row {
    fn scenario(self) -> usize {
        match self {
            Row::Next(i) | Row::Scenario(i) => i,
        }
    }
}

/// The lines one row of the list takes, where its context starts (the heading of its group
/// when it is the first of one, the top of the list for the first row), and the spans of its
/// first line that show it selected.
#[derive(Clone)]
struct EntryRows {
    top: usize,
    lines: Range<usize>,
    marked: Range<usize>,
}

/// The filtered, sorted list and its wrapped lines, for one filter, language and width.
struct List {
    filter: String,
    lang: &'static str,
    others: bool,
    /// How many scenarios the library held: a guard, should the library ever change.
    scenarios: usize,
    /// The rows in the order shown.
    rows: Vec<Row>,
    /// Scenarios matching the filter in other languages, listed or not.
    other_matches: usize,
    /// The lines, wrapped to `width`, with no entry selected; `None` until first drawn.
    doc: Option<(u16, Doc, Vec<EntryRows>)>,
}

/// What the library keeps while the learner is elsewhere (a run, the presenter, the
/// progress view, the style screen): the filter typed, whether other languages are shown,
/// and the row selected. The app takes it from the library each time it leaves it
/// ([`LibraryScreen::view`]); every way back opens the library with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryView {
    pub filter: String,
    pub others: bool,
    pub selected: usize,
}

impl LibraryScreen {
    /// The library as the learner left it ([`Env::library_view`]): at first, at its top,
    /// "Practise next" selected, the interface language only.
    pub fn new(env: &Env) -> LibraryScreen {
        let view = &env.library_view;
        let screen = LibraryScreen {
            filter: view.filter.clone(),
            // A filter typed keeps the keys, as it does after a briefing.
            editing: !view.filter.is_empty(),
            others: view.others,
            selected: 0,
            message: None,
            hint: false,
            list: RefCell::new(None),
            search: RefCell::default(),
            scroll: Cell::new(None),
        };
        let rows = screen.rows(env).len();
        LibraryScreen {
            selected: view.selected.min(rows.saturating_sub(1)),
            ..screen
        }
    }

    /// What to keep of this library while the learner is elsewhere.
    pub fn view(&self) -> LibraryView {
        LibraryView {
            filter: self.filter.clone(),
            others: self.others,
            selected: self.selected,
        }
    }

    /// The library with `scenario` selected (coming back from a run), its filter kept; one
    /// in another language shows the other languages.
    pub fn at(env: &Env, scenario: &Scenario) -> LibraryScreen {
        let mut screen = LibraryScreen::new(env);
        screen.others |= scenario.language != env.lang.code();
        let scenarios = &env.library.scenarios;
        screen.selected = screen
            .rows(env)
            .iter()
            .position(|r| {
                let s = &scenarios[r.scenario()].value;
                matches!(r, Row::Scenario(_))
                    && s.id == scenario.id
                    && s.language == scenario.language
            })
            .unwrap_or(screen.selected);
        screen
    }

    /// This screen's state moved out, caches and all, to come back to from a briefing.
    fn keep(&mut self) -> LibraryScreen {
        LibraryScreen {
            filter: self.filter.clone(),
            editing: self.editing,
            others: self.others,
            selected: self.selected,
            message: None,
            hint: false,
            list: RefCell::new(self.list.take()),
            search: RefCell::new(self.search.take()),
            scroll: Cell::new(self.scroll.get()),
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.filter.is_empty() && !self.editing {
            KEYS
        } else {
            FILTER_KEYS
        }
    }

    /// The scenarios listed, in order: the interface language first, then (when shown) the
    /// others; title matches first, then by title; only those matching the filter.
    pub fn entries<'a>(&self, env: &'a Env) -> Vec<&'a Loaded<Scenario>> {
        let scenarios = &env.library.scenarios;
        self.rows(env)
            .into_iter()
            .filter_map(|r| match r {
                Row::Scenario(i) => Some(&scenarios[i]),
                Row::Next(_) => None,
            })
            .collect()
    }

    /// Whether the selected row is "Practise next".
    pub fn on_practise_next(&self, env: &Env) -> bool {
        matches!(self.rows(env).get(self.selected), Some(Row::Next(_)))
    }

    /// The scenario the selected row opens.
    pub fn selected_scenario<'a>(&self, env: &'a Env) -> Option<&'a Loaded<Scenario>> {
        let row = *self.rows(env).get(self.selected)?;
        env.library.scenarios.get(row.scenario())
    }

    /// How many scenarios in other languages match the filter (all of them with none).
    pub fn other_matches(&self, env: &Env) -> usize {
        self.list(env).as_ref().expect("just built").other_matches
    }

    fn rows(&self, env: &Env) -> Vec<Row> {
        self.list(env).as_ref().expect("just built").rows.clone()
    }

    /// The cached list, built again if the filter, the language or the library changed.
    fn list(&self, env: &Env) -> std::cell::RefMut<'_, Option<List>> {
        let lang = env.lang.code();
        let scenarios = env.library.scenarios.len();
        let mut list = self.list.borrow_mut();
        let fresh = list.as_ref().is_some_and(|l| {
            l.filter == self.filter
                && l.lang == lang
                && l.others == self.others
                && l.scenarios == scenarios
        });
        if !fresh {
            let (entries, other_matches) =
                sorted_entries(env, &self.filter, self.others, &self.search);
            // "Practise next" heads the list while no filter is typed.
            let next = practise_next(env)
                .filter(|_| self.filter.is_empty())
                .and_then(|n| {
                    env.library
                        .scenarios
                        .iter()
                        .position(|s| s.value.id == n.scenario && s.value.language == lang)
                });
            let rows = next
                .map(Row::Next)
                .into_iter()
                .chain(entries.into_iter().map(Row::Scenario))
                .collect();
            *list = Some(List {
                filter: self.filter.clone(),
                lang,
                others: self.others,
                scenarios,
                rows,
                other_matches,
                doc: None,
            });
        }
        list
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let count = self.rows(env).len();
        self.hint = false;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(5),
            Action::PageDown => self.selected = (self.selected + 5).min(count.saturating_sub(1)),
            Action::Home => self.selected = 0,
            Action::End => self.selected = count.saturating_sub(1),
            // `/` focuses the filter without typing itself.
            Action::Type('/') if !self.editing && self.filter.is_empty() => self.editing = true,
            Action::Type(c) => {
                self.editing = true;
                self.filter.push(c);
                self.selected = 0;
            }
            Action::Erase if !self.filter.is_empty() => {
                self.filter.pop();
                self.selected = 0;
            }
            Action::Back if self.editing || !self.filter.is_empty() => {
                self.filter.clear();
                self.editing = false;
                self.selected = 0;
            }
            // The top screen: Esc never quits; it says which key does.
            Action::Back => self.hint = true,
            Action::OtherLanguages => {
                let rows = self.rows(env);
                let at = rows.get(self.selected).copied();
                self.others = !self.others;
                self.selected = self
                    .rows(env)
                    .iter()
                    .position(|r| Some(*r) == at)
                    .unwrap_or(0);
            }
            Action::Select => return self.start(env),
            Action::Progress => {
                return Step::DismissNotices {
                    then: Box::new(Step::go(Screen::Progress(ProgressScreen::new(env)))),
                };
            }
            Action::Profile => {
                return Step::go(Screen::Profile(super::ProfileScreen::new(env, false)));
            }
            Action::Present(_) => return self.present(env),
            _ => {}
        }
        self.message = None;
        Step::DismissNotices {
            then: Box::new(Step::Stay),
        }
    }

    fn start(&mut self, env: &Env) -> Step {
        let Some(loaded) = self.selected_scenario(env) else {
            return Step::Stay;
        };
        let scenario = &loaded.value;
        let Some(model) = env.library.model_for(scenario) else {
            self.message = Some(env.tf(
                T::NoModel,
                &[("model", &scenario.model), ("lang", &scenario.language)],
            ));
            return Step::Stay;
        };
        let briefing = BriefingScreen::new(Arc::new(scenario.clone()), Arc::new(model.clone()));
        // Esc from the briefing comes back to this list, filter and selection as they were.
        Step::go(Screen::Briefing(briefing.with_library(self.keep())))
    }

    /// The selected scenario in presenter mode, for a room.
    fn present(&mut self, env: &Env) -> Step {
        let Some(loaded) = self.selected_scenario(env) else {
            return Step::Stay;
        };
        let scenario = &loaded.value;
        let Some(model) = env.library.model_for(scenario) else {
            return Step::Stay;
        };
        match PresentScreen::new(
            env,
            Origin::Library,
            Arc::new(scenario.clone()),
            Arc::new(model.clone()),
        ) {
            Ok(screen) => Step::go(Screen::Present(Box::new(screen))),
            Err(e) => {
                self.message = Some(env.tf(T::RunFailed, &[("error", &e)]));
                Step::Stay
            }
        }
    }

    /// The line under the filter: how many scenarios in other languages there are and the
    /// key that shows or hides them.
    fn others_line(&self, env: &Env) -> Option<String> {
        let n = self.other_matches(env);
        let key = [("key", OTHERS_KEY), ("n", &n.to_string())];
        match (self.others, n) {
            (_, 0) => None,
            (false, 1) => Some(env.tf(T::OthersHiddenOne, &key)),
            (false, _) => Some(env.tf(T::OthersHiddenMany, &key)),
            (true, 1) => Some(env.tf(T::OthersShownOne, &key)),
            (true, _) => Some(env.tf(T::OthersShownMany, &key)),
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let theme = env.theme;
        // Wide terminals show the selected scenario's details beside the list.
        let wide = area.width >= 120;
        let area = if wide {
            Rect {
                x: area.x.saturating_add(1),
                width: area.width.saturating_sub(2),
                ..area
            }
        } else {
            inset(area)
        };
        // A message or the notices about saved runs, wrapped: a file name and what became of
        // it must be read whole. A few lines at most, so the list keeps the screen.
        let mut message = Doc::new(area.width);
        if let Some(text) = &self.message {
            message.para(text, theme.bad);
        } else {
            for notice in env.notices.iter() {
                message.para(notice, theme.warn);
            }
        }
        if self.hint {
            message.para(env.t(T::EscAtTop), theme.warn);
        }
        // Files with errors head the list.
        let broken = env.library.broken.len();
        if broken > 0 {
            let notice = match broken {
                1 => env.t(T::BrokenNoticeOne).to_owned(),
                n => env.tf(T::BrokenNoticeMany, &[("n", &n.to_string())]),
            };
            message.para(&notice, theme.bad);
        }
        message.lines.truncate(4);
        if !message.is_empty() {
            message.blank();
        }
        let message_rows = u16::try_from(message.len()).unwrap_or(1).max(1);
        let [filter_area, others_area, message_area, list_area] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(message_rows),
            Constraint::Fill(1),
        ]));
        if let Some(line) = self.others_line(env) {
            Paragraph::new(truncate(&line, usize::from(others_area.width)))
                .style(theme.base)
                .render(others_area, buf);
        }
        let mut filter = vec![
            Span::styled(format!("{}: ", env.t(T::FilterPrompt)), theme.heading),
            Span::styled(clean(&self.filter), theme.base),
        ];
        if self.editing || !self.filter.is_empty() {
            filter.push(Span::styled("▏", theme.key));
        } else {
            filter.push(Span::styled("▏ ", theme.dim));
            filter.push(Span::styled(env.t(T::FilterIdle), theme.dim));
        }
        Paragraph::new(Line::from(filter)).render(filter_area, buf);
        render_doc(&message, 0, message_area, buf);

        let list_area = if wide {
            let [list, detail] = list_area.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(list_area.width / 2),
            ]));
            if let Some(selected) = self.selected_scenario(env) {
                details(env, &selected.value, detail, buf);
            }
            list
        } else {
            list_area
        };
        let width = list_area.width.saturating_sub(1);
        let mut list = self.list(env);
        let list = list.as_mut().expect("just built");
        if list.doc.as_ref().is_none_or(|(w, _, _)| *w != width) {
            let (doc, rows) = list_doc(env, &list.rows, &self.filter, width);
            list.doc = Some((width, doc, rows));
        }
        let (_, doc, entry_rows) = list.doc.as_mut().expect("just built");
        let view = usize::from(list_area.height);
        let Some(selected) = entry_rows.get(self.selected).cloned() else {
            render_doc(doc, 0, list_area, buf);
            return;
        };
        let before = self
            .scroll
            .get()
            .filter(|&(w, h, _)| w == width && h == view)
            .map(|(.., offset)| offset);
        let offset = list_offset(doc.len(), view, entry_rows, &selected, before);
        self.scroll.set(Some((width, view, offset)));
        let rows = selected.lines;
        // The selected row's first line, marked for this frame only; a match keeps its mark.
        let title = &mut doc.lines[rows.start];
        let unmarked = title.clone();
        if let Some(pointer) = title.spans.first_mut() {
            *pointer = Span::styled(POINTER, theme.key);
        }
        if let Some(spans) = title.spans.get_mut(selected.marked) {
            for span in spans {
                span.style = theme
                    .selected
                    .add_modifier(span.style.add_modifier.intersection(MATCH));
            }
        }
        // Entries that start below the view; one cut by it shows its title already.
        let more = |first: usize| match entry_rows.iter().filter(|r| r.lines.start >= first).count()
        {
            0 => env.t(T::MoreBelow).to_owned(),
            1 => env.t(T::MoreScenario).to_owned(),
            n => env.tf(T::MoreScenarios, &[("n", &n.to_string())]),
        };
        render_doc_more(doc, offset, list_area, buf, theme.key, more);
        doc.lines[rows.start] = unmarked;
    }
}

/// The first row of the list to show: entries are never cut at the top. The selected entry
/// stays where it was (`before`) if it is in sight; moving down, the view moves on by whole
/// entries until it is; moving up, or placed anew, it comes to the top with its context (a
/// group's heading), or as near the top as a full view of the list's end allows.
fn list_offset(
    len: usize,
    view: usize,
    entries: &[EntryRows],
    selected: &EntryRows,
    before: Option<usize>,
) -> usize {
    let rows = &selected.lines;
    let whole = |o: usize| rows.start >= o && rows.end <= o + rows_shown(len, o, view);
    match before {
        Some(o) if whole(o) => o,
        Some(o) if rows.start >= o => entries
            .iter()
            .map(|e| e.top)
            .filter(|&top| top > o)
            .find(|&top| whole(top))
            .unwrap_or(rows.start),
        _ => entries
            .iter()
            .map(|e| e.top)
            .filter(|&top| top <= selected.top && top + view >= len)
            .min()
            .unwrap_or(selected.top),
    }
}

/// The scenarios matching `filter`, as indices into the library: the interface language
/// first, then (with `others`) the rest; title matches first, by title within each. And how
/// many match in other languages, listed or not.
fn sorted_entries(
    env: &Env,
    filter: &str,
    others: bool,
    search: &RefCell<Vec<String>>,
) -> (Vec<usize>, usize) {
    let lang = env.lang.code();
    let needle = folded(filter);
    let scenarios = &env.library.scenarios;
    let mut search = search.borrow_mut();
    if !needle.is_empty() && search.len() != scenarios.len() {
        *search = scenarios.iter().map(|s| searchable(&s.value)).collect();
    }
    let matches = |i: usize| needle.is_empty() || search[i].contains(&needle);
    let other_matches = scenarios
        .iter()
        .enumerate()
        .filter(|&(i, s)| s.value.language != lang && matches(i))
        .count();
    // Each title folded once, not at every comparison. A match in the title ranks before a
    // match elsewhere (the summary, a tag).
    let mut list: Vec<(bool, bool, &str, String, usize)> = scenarios
        .iter()
        .enumerate()
        .filter(|&(i, s)| (others || s.value.language == lang) && matches(i))
        .map(|(i, s)| {
            let s = &s.value;
            let title = folded(&s.title);
            (
                s.language != lang,
                !title.contains(&needle),
                s.language.as_str(),
                title,
                i,
            )
        })
        .collect();
    list.sort();
    (list.into_iter().map(|(.., i)| i).collect(), other_matches)
}

/// `text` in `style`, with the parts the filter matched (compared folded, as the filter
/// compares) marked with [`MATCH`].
fn marked_spans(text: &str, filter: &str, style: Style) -> Vec<Span<'static>> {
    let needle: Vec<char> = folded(filter).chars().collect();
    let chars: Vec<char> = text.chars().collect();
    // Each folded character, with the character of `text` it came from.
    let (hay, owner): (Vec<char>, Vec<usize>) = chars
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            folded(&c.to_string())
                .chars()
                .map(move |f| (f, i))
                .collect::<Vec<_>>()
        })
        .unzip();
    let mut mark = vec![false; chars.len()];
    let mut at = 0;
    while !needle.is_empty() && at + needle.len() <= hay.len() {
        if hay[at..at + needle.len()] == needle[..] {
            for &i in &owner[at..at + needle.len()] {
                mark[i] = true;
            }
            at += needle.len();
        } else {
            at += 1;
        }
    }
    // A combining mark, which folds to nothing, goes with the letter before it.
    for i in 1..chars.len() {
        if is_combining_mark(chars[i]) {
            mark[i] = mark[i - 1];
        }
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && mark[i] != mark[i - 1] {
            let style = if mark[i - 1] {
                style.add_modifier(MATCH)
            } else {
                style
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run.push(*c);
    }
    if !run.is_empty() {
        let last = mark.last().copied().unwrap_or(false);
        spans.push(Span::styled(
            run,
            if last {
                style.add_modifier(MATCH)
            } else {
                style
            },
        ));
    }
    if spans.is_empty() {
        spans.push(Span::styled(String::new(), style));
    }
    spans
}

/// "Last run: 5.12.2026 · Partly resolved · 83 %": the learner's latest run of `s`, if any.
fn last_run(env: &Env, s: &Scenario) -> Option<String> {
    let runs = &env.runs;
    let run = runs
        .iter()
        .filter(|r| r.scenario == s.id && r.language == s.language)
        .max_by_key(|r| r.ended)?;
    let abandoned = run.status == RunStatus::Abandoned;
    let result = match (abandoned, run.measurement.outcome) {
        (false, Some(outcome)) => i18n::outcome(env.lang, outcome).to_owned(),
        _ => env.t(T::Abandoned).to_owned(),
    };
    let fit = run
        .measurement
        .counted_fit(abandoned)
        .map_or_else(|| "–".to_owned(), |f| format!("{f}\u{a0}%"));
    let day = run.ended;
    let date = i18n::date(env.lang, day.date());
    Some(env.tf(
        T::LastRun,
        &[("date", &date), ("result", &result), ("fit", &fit)],
    ))
}

/// The list's lines with no row selected, and the lines each row takes.
fn list_doc(env: &Env, rows: &[Row], filter: &str, width: u16) -> (Doc, Vec<EntryRows>) {
    let theme = env.theme;
    let mut doc = Doc::new(width);
    let mut out = Vec::with_capacity(rows.len());
    let lang = env.lang.code();
    // Broken files come first: a file that silently vanished would be worse.
    if !env.library.broken.is_empty() {
        doc.para(env.t(T::BrokenFiles), theme.heading);
        for broken in &env.library.broken {
            let name = std::path::Path::new(&*broken.source.name)
                .file_name()
                .map_or_else(
                    || broken.source.name.to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
            let (line, col) = broken.first_error.start();
            doc.hanging_styled(
                "✗ ",
                theme.bad,
                "  ",
                &format!(
                    "{name}:{line}:{col}: {}",
                    broken.first_error.message_in(env.lang)
                ),
                theme.base,
            );
        }
        doc.blank();
    }
    if !rows.iter().any(|r| matches!(r, Row::Scenario(_))) {
        let empty = if filter.is_empty() {
            T::NoScenarios
        } else {
            T::NoMatch
        };
        doc.para(env.t(empty), theme.dim);
    }
    let mut previous: Option<&Scenario> = None;
    for (r, row) in rows.iter().enumerate() {
        let s = &env.library.scenarios[row.scenario()].value;
        if let Row::Next(_) = row {
            // "Practise next: <title> – <why>", a row Enter opens like any other.
            let start = doc.len();
            let max = usize::from(width).saturating_sub(width_of(NO_POINTER));
            let mut spans = vec![Span::styled(NO_POINTER, theme.key)];
            spans.extend(
                practise_next_line(env, max)
                    .map(|l| l.spans)
                    .unwrap_or_default(),
            );
            doc.line(Line::from(spans));
            out.push(EntryRows {
                top: 0,
                lines: start..doc.len(),
                marked: 1..3,
            });
            continue;
        }
        let mut top = None;
        if s.language != lang && previous.is_none_or(|p| p.language == lang) {
            if r > 0 {
                doc.blank();
            }
            top = Some(doc.len());
            doc.para(env.t(T::OtherLanguages), theme.heading);
        } else if r > 0 {
            doc.blank();
        }
        previous = Some(s);
        let start = doc.len();
        let level = s.difficulty.clamp(1, 3) as usize;
        let lang_tag = if s.language == lang {
            String::new()
        } else {
            format!(" [{}]", clean(&s.language))
        };
        let title = marked_spans(&clean(&s.title), filter, theme.say);
        let marked = 1..1 + title.len();
        let mut spans = vec![Span::styled(NO_POINTER, theme.key)];
        spans.extend(title);
        spans.push(Span::styled(lang_tag, theme.dim));
        spans.push(Span::styled(
            format!(
                "  {} {}",
                env.t(T::Difficulty),
                "●".repeat(level) + &"○".repeat(3 - level)
            ),
            theme.dim,
        ));
        doc.line(Line::from(spans));
        let model = env.library.model_for(s);
        let step_name = |id: &String| {
            model
                .and_then(|m| m.step(id))
                .map_or_else(|| clean(id), |st| clean(&st.name))
        };
        let customer = format!(
            "{} · {}",
            clean(&s.customer.name),
            i18n::style(env.lang, s.customer.style)
        );
        doc.hanging_styled(
            &format!("    {}: ", env.t(T::Customer)),
            theme.dim,
            "    ",
            &customer,
            theme.base,
        );
        if let Some(last) = last_run(env, s) {
            doc.hanging_styled("    ", theme.dim, "    ", &last, theme.dim);
        }
        if !s.focus.is_empty() {
            let focus: Vec<String> = s.focus.iter().map(step_name).collect();
            doc.hanging_styled(
                &format!("    {}: ", env.t(T::Focus)),
                theme.dim,
                "    ",
                &focus.join(", "),
                theme.base,
            );
        }
        if !s.settings.is_empty() {
            doc.hanging_styled(
                &format!("    {}: ", env.t(T::SettingLabel)),
                theme.dim,
                "    ",
                &settings_text(env.lang, &s.settings),
                theme.dim,
            );
        }
        if !s.tags.is_empty() {
            doc.hanging_styled(
                &format!("    {}: ", env.t(T::Tags)),
                theme.dim,
                "    ",
                &s.tags
                    .iter()
                    .map(|t| clean(t))
                    .collect::<Vec<_>>()
                    .join(", "),
                theme.dim,
            );
        }
        out.push(EntryRows {
            // The first row's context is all above it: the files with errors, if any.
            top: if r == 0 { 0 } else { top.unwrap_or(start) },
            lines: start..doc.len(),
            marked,
        });
    }
    (doc, out)
}

/// The selected scenario's situation, role and customer, beside the list.
fn details(env: &Env, s: &Scenario, area: Rect, buf: &mut Buffer) {
    let theme = env.theme;
    let block = Block::default().borders(Borders::LEFT).style(theme.base);
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let mut doc = Doc::new(inner.width);
    doc.para(&s.title, theme.title);
    doc.blank();
    scenario_facts(env, s, &mut doc);
    render_doc(&doc, 0, inner, buf);
}

/// Text as the filter compares it: lower case, without diacritics, so "laak" finds "Lääkäri".
/// Only as much as a screen shows ([`MAX_SHOWN_CHARS`]) is searched: a key costs no more for
/// a text of megabytes.
fn folded(text: &str) -> String {
    let shown = text
        .char_indices()
        .nth(MAX_SHOWN_CHARS)
        .map_or(text, |(cut, _)| &text[..cut]);
    shown
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fields a filter searches, folded, one to a line: a typed filter holds no line break,
/// so it matches the whole only where it matches a field. Settings match in either language.
fn searchable(s: &Scenario) -> String {
    let settings = s.settings.iter().flat_map(|&setting| {
        [Lang::En, Lang::Fi].map(|lang| i18n::setting(lang, setting).to_owned())
    });
    [&s.title, &s.id, &s.summary, &s.customer.name]
        .into_iter()
        .chain(s.tags.iter())
        .map(|field| folded(field))
        .chain(settings.map(|s| folded(&s)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What to practise next, from the history and the scenarios in the interface language.
pub fn practise_next(env: &Env) -> Option<Recommendation> {
    let scenarios: Vec<&Scenario> = env.library.scenarios.iter().map(|s| &s.value).collect();
    recommend(
        &env.runs,
        &scenarios,
        env.lang.code(),
        env.now(),
        env.session_seed,
    )
}

/// "Practise next: <title> – <why>", worded from the recommendation's reason, cut with an
/// ellipsis to `max` cells.
fn practise_next_line(env: &Env, max: usize) -> Option<Line<'static>> {
    let theme = env.theme;
    let next = practise_next(env)?;
    let scenario = &env.library.scenario(&next.scenario, env.lang.code())?.value;
    let step_name = |id: &str| {
        env.library
            .model_for(scenario)
            .and_then(|m| m.step(id))
            .map_or_else(|| clean(id), |s| clean(&s.name))
    };
    let why = i18n::recommendation_reason(env.lang, &next, &step_name);
    let lead = format!("{}: ", env.t(T::PractiseNext));
    let title = truncate(&clean(&scenario.title), max.saturating_sub(width(&lead)));
    let rest = max.saturating_sub(width(&lead) + width(&title));
    Some(Line::from(vec![
        Span::styled(lead, theme.heading),
        Span::styled(title, theme.say),
        Span::styled(truncate(&format!(" – {why}"), rest), theme.dim),
    ]))
}
