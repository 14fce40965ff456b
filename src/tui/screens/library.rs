//! The library: every scenario, the current language first, filtered by typing; files with
//! errors listed apart with their first error.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
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
use crate::practice::recommend::{Reason, Recommendation, recommend};
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{Binding, ENTER, Key, bind};
use crate::tui::text::{Doc, clean, truncate, width};
use crate::tui::theme::{NO_POINTER, POINTER};
use crate::tui::widgets::{
    inset, render_doc, render_doc_more, rows_shown, scenario_facts, settings_text,
};

// On this screen letters go to the filter, so j/k and q are letters; the arrows move, and q
// quits only while the filter is empty (see `update`). The bar's keys come in the order of
// their priority: at 80 columns the first five fit in both languages, and the arrows and the
// filter, which the screen itself shows, are the ones left to the help.
#[rustfmt::skip]
macro_rules! library_keys {
    ($esc:expr) => {
        &[
            bind(ENTER, "Enter", Action::Select, T::Start, true),
            bind(&[Key::Code(KeyCode::Tab)], "Tab", Action::Progress, T::OpenProgress, true)
                .short(T::ProgressShort),
            bind(&[Key::Code(KeyCode::F(2))], "F2", Action::Profile, T::OpenProfile, true)
                .short(T::StyleShort),
            $esc,
            // A facilitator's key, after the learner's.
            bind(&[Key::Code(KeyCode::F(5))], "F5", Action::Present(Cue::Map), T::PresentStart, true)
                .short(T::PresentShort),
            bind(&[Key::Code(KeyCode::Up)], "↑↓", Action::Up, T::Move, true),
            bind(&[Key::Code(KeyCode::Down)], "↓", Action::Down, T::Move, false),
            bind(&[Key::Code(KeyCode::PageUp)], "PgUp", Action::PageUp, T::PageUp, false),
            bind(&[Key::Code(KeyCode::PageDown)], "PgDn", Action::PageDown, T::PageDown, false),
            bind(&[Key::Code(KeyCode::Home)], "Home", Action::Home, T::ToTop, false),
            bind(&[Key::Code(KeyCode::End)], "End", Action::End, T::ToEnd, false),
            bind(&[Key::Code(KeyCode::Backspace)], "Backspace", Action::Erase, T::EraseChar, false),
            // `?` opens the help, as the bar says, rather than going to the filter.
            bind(&[Key::Char('?')], "?", Action::Help, T::Help, false),
            bind(&[Key::AnyChar], "abc", Action::Select, T::FilterHint, true),
        ]
    };
}

/// Keys while the filter is empty: Esc and q quit.
pub const KEYS: &[Binding] = library_keys!(bind(
    &[Key::Code(KeyCode::Esc)],
    "Esc/q",
    Action::Back,
    T::Quit,
    true
));

/// Keys while a filter is typed: q is a letter, Esc clears the filter.
pub const FILTER_KEYS: &[Binding] = library_keys!(
    bind(
        &[Key::Code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        T::ClearFilter,
        true
    )
    .short(T::ClearShort)
);

pub struct LibraryScreen {
    pub filter: String,
    pub selected: usize,
    /// Something to tell the learner, e.g. why a scenario could not start.
    pub message: Option<String>,
    /// The list as last built: with a thousand scenarios, sorting, filtering and wrapping
    /// every entry again for each frame took several milliseconds.
    list: RefCell<Option<List>>,
    /// Each scenario's searchable text, lowered once: a typed letter searches it all.
    search: RefCell<Vec<String>>,
    /// The list's first row shown in the last frame, with the list's width and height then;
    /// `None` until drawn: the first frame places the selected entry anew.
    scroll: Cell<Option<(u16, usize, usize)>>,
}

/// The rows one entry of the list takes, and where its context starts: the heading of its
/// group when it is the first of one, the top of the list for the first entry.
#[derive(Clone)]
struct EntryRows {
    top: usize,
    lines: Range<usize>,
}

/// The filtered, sorted list and its wrapped lines, for one filter, language and width.
struct List {
    filter: String,
    lang: &'static str,
    /// How many scenarios the library held: a guard, should the library ever change.
    scenarios: usize,
    /// Indices into the library's scenarios, in the order shown.
    entries: Vec<usize>,
    /// The lines, wrapped to `width`, with no entry selected; `None` until first drawn.
    doc: Option<(u16, Doc, Vec<EntryRows>)>,
}

impl LibraryScreen {
    /// The library with the "practise next" scenario selected.
    pub fn new(env: &Env) -> LibraryScreen {
        let mut screen = LibraryScreen {
            filter: String::new(),
            selected: 0,
            message: None,
            list: RefCell::new(None),
            search: RefCell::default(),
            scroll: Cell::new(None),
        };
        if let Some(next) = practise_next(env) {
            let lang = env.lang.code();
            screen.selected = screen
                .entries(env)
                .iter()
                .position(|s| s.value.id == next.scenario && s.value.language == lang)
                .unwrap_or(0);
        }
        screen
    }

    /// The library with `scenario` selected (coming back from a run).
    pub fn at(env: &Env, scenario: &Scenario) -> LibraryScreen {
        let mut screen = LibraryScreen::new(env);
        screen.selected = screen
            .entries(env)
            .iter()
            .position(|s| s.value.id == scenario.id && s.value.language == scenario.language)
            .unwrap_or(0);
        screen
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.filter.is_empty() {
            KEYS
        } else {
            FILTER_KEYS
        }
    }

    /// The scenarios to list, in order: the interface language first, then the others; by
    /// title within each; only those matching the filter.
    pub fn entries<'a>(&self, env: &'a Env) -> Vec<&'a Loaded<Scenario>> {
        let list = self.list(env);
        let scenarios = &env.library.scenarios;
        let list = list.as_ref().expect("just built");
        list.entries.iter().map(|&i| &scenarios[i]).collect()
    }

    /// The cached list, built again if the filter, the language or the library changed.
    fn list(&self, env: &Env) -> std::cell::RefMut<'_, Option<List>> {
        let lang = env.lang.code();
        let scenarios = env.library.scenarios.len();
        let mut list = self.list.borrow_mut();
        let fresh = list
            .as_ref()
            .is_some_and(|l| l.filter == self.filter && l.lang == lang && l.scenarios == scenarios);
        if !fresh {
            *list = Some(List {
                filter: self.filter.clone(),
                lang,
                scenarios,
                entries: sorted_entries(env, &self.filter, &self.search),
                doc: None,
            });
        }
        list
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let count = self.entries(env).len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(5),
            Action::PageDown => self.selected = (self.selected + 5).min(count.saturating_sub(1)),
            Action::Home => self.selected = 0,
            Action::End => self.selected = count.saturating_sub(1),
            Action::Type('q') if self.filter.is_empty() => return Step::Quit,
            Action::Type(c) => {
                self.filter.push(c);
                self.selected = 0;
            }
            Action::Erase => {
                self.filter.pop();
                self.selected = 0;
            }
            Action::Back if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
            }
            Action::Back => return Step::Quit,
            Action::Select => return self.start(env),
            Action::Progress => {
                env.notices.borrow_mut().clear();
                return Step::go(Screen::Progress(ProgressScreen::new(env)));
            }
            Action::Profile => {
                return Step::go(Screen::Profile(super::ProfileScreen::new(env, false)));
            }
            Action::Present(_) => return self.present(env),
            _ => {}
        }
        self.message = None;
        env.notices.borrow_mut().clear();
        Step::Stay
    }

    fn start(&mut self, env: &Env) -> Step {
        let Some(loaded) = self.entries(env).get(self.selected).copied() else {
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
        Step::go(Screen::Briefing(BriefingScreen::new(
            Arc::new(scenario.clone()),
            Arc::new(model.clone()),
        )))
    }

    /// The selected scenario in presenter mode, for a room.
    fn present(&mut self, env: &Env) -> Step {
        let Some(loaded) = self.entries(env).get(self.selected).copied() else {
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
            for notice in env.notices.borrow().iter() {
                message.para(notice, theme.warn);
            }
        }
        // Files with errors head the list, which may open scrolled past them.
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
        let [filter_area, next_area, message_area, list_area] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(message_rows),
            Constraint::Fill(1),
        ]));
        if let Some(line) = practise_next_line(env, usize::from(next_area.width)) {
            Paragraph::new(line).render(next_area, buf);
        }
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", env.t(T::FilterPrompt)), theme.heading),
            Span::styled(clean(&self.filter), theme.base),
            Span::styled("▏", theme.dim),
        ]))
        .render(filter_area, buf);
        render_doc(&message, 0, message_area, buf);

        let entries = self.entries(env);
        let list_area = if wide {
            let [list, detail] = list_area.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(list_area.width / 2),
            ]));
            if let Some(selected) = entries.get(self.selected) {
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
            let entries: Vec<&Loaded<Scenario>> = list
                .entries
                .iter()
                .map(|&i| &env.library.scenarios[i])
                .collect();
            let (doc, rows) = list_doc(env, &entries, width);
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
        // The selected entry's title line, marked for this frame only.
        let title = &mut doc.lines[rows.start];
        let unmarked = title.clone();
        if let [pointer, name, ..] = &mut title.spans[..] {
            *pointer = Span::styled(POINTER, theme.key);
            name.style = theme.selected;
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
/// first, then the others; by title within each.
fn sorted_entries(env: &Env, filter: &str, search: &RefCell<Vec<String>>) -> Vec<usize> {
    let lang = env.lang.code();
    let needle = folded(filter);
    let scenarios = &env.library.scenarios;
    let mut search = search.borrow_mut();
    if !needle.is_empty() && search.len() != scenarios.len() {
        *search = scenarios.iter().map(|s| searchable(&s.value)).collect();
    }
    let matches = |i: usize| needle.is_empty() || search[i].contains(&needle);
    // Each title folded once, not at every comparison. A match in the title ranks before a
    // match elsewhere (the summary, a tag).
    let mut list: Vec<(bool, bool, &str, String, usize)> = scenarios
        .iter()
        .enumerate()
        .filter(|&(i, _)| matches(i))
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
    list.into_iter().map(|(.., i)| i).collect()
}

/// The list's lines with no entry selected, and the rows each entry takes.
fn list_doc(env: &Env, entries: &[&Loaded<Scenario>], width: u16) -> (Doc, Vec<EntryRows>) {
    let theme = env.theme;
    let mut doc = Doc::new(width);
    let mut rows = Vec::with_capacity(entries.len());
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
                    broken.first_error.message_in(env.lang.into())
                ),
                theme.base,
            );
        }
        doc.blank();
    }
    if entries.is_empty() {
        let empty = if env.library.scenarios.is_empty() {
            T::NoScenarios
        } else {
            T::NoMatch
        };
        doc.para(env.t(empty), theme.dim);
    }
    for (i, loaded) in entries.iter().enumerate() {
        let s = &loaded.value;
        let mut top = None;
        if s.language != lang && (i == 0 || entries[i - 1].value.language == lang) {
            if i > 0 {
                doc.blank();
            }
            top = Some(doc.len());
            doc.para(env.t(T::OtherLanguages), theme.heading);
        }
        if i > 0 && s.language == entries[i - 1].value.language {
            doc.blank();
        }
        let start = doc.len();
        let level = s.difficulty.clamp(1, 3) as usize;
        let lang_tag = if s.language == lang {
            String::new()
        } else {
            format!(" [{}]", clean(&s.language))
        };
        doc.line(Line::from(vec![
            Span::styled(NO_POINTER, theme.key),
            Span::styled(clean(&s.title), theme.say),
            Span::styled(lang_tag, theme.dim),
            Span::styled(
                format!(
                    "  {} {}",
                    env.t(T::Difficulty),
                    "●".repeat(level) + &"○".repeat(3 - level)
                ),
                theme.dim,
            ),
        ]));
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
        rows.push(EntryRows {
            // The first entry's context is all above it: the files with errors, if any.
            top: if i == 0 { 0 } else { top.unwrap_or(start) },
            lines: start..doc.len(),
        });
    }
    (doc, rows)
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
fn folded(text: &str) -> String {
    text.nfd()
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
        &env.runs.borrow(),
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
    let why = match &next.reason {
        Reason::Due { .. } => env.tf(
            T::NextDue,
            &[(
                "step",
                &next.step.as_deref().map(step_name).unwrap_or_default(),
            )],
        ),
        Reason::FirstRun => env.t(T::NextFirst).to_owned(),
        Reason::NothingDue { .. } => env.t(T::NextNothingDue).to_owned(),
    };
    let lead = format!("{}: ", env.t(T::PractiseNext));
    let title = truncate(&clean(&scenario.title), max.saturating_sub(width(&lead)));
    let rest = max.saturating_sub(width(&lead) + width(&title));
    Some(Line::from(vec![
        Span::styled(lead, theme.heading),
        Span::styled(title, theme.say),
        Span::styled(truncate(&format!(" – {why}"), rest), theme.dim),
    ]))
}
