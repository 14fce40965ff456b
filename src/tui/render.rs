//! Drawing the whole app: a pure function of `&App`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Env, Overlay};
use super::keymap::{self, Binding};
use super::text::{Doc, truncate, width};
use super::widgets::{max_offset, render_doc, render_doc_more};
use crate::i18n::T;

/// Below this size the app shows only a "terminal too small" message.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the app into `buf` (what `render` does with a frame; tests may call it directly).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let env = &app.env;
    let theme = env.theme;
    buf.set_style(area, theme.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(env, area, buf);
        return;
    }
    if !app.screen.chrome() {
        app.screen.render(env, area, buf);
        overlay(app, area, buf);
        return;
    }
    let [top, body, bar] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let title = format!("{} · {}", env.t(T::AppName), app.screen.title(env));
    Paragraph::new(Span::styled(
        truncate(&title, usize::from(top.width)),
        theme.title,
    ))
    .render(top, buf);
    app.screen.render(env, body, buf);
    hint_bar(env, &app.key_sections(), bar, buf);

    overlay(app, body, buf);
}

fn overlay(app: &App, body: Rect, buf: &mut Buffer) {
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help(app, usize::from(*scroll), body, buf),
        Some(Overlay::Confirm { question, .. }) => confirm(&app.env, *question, body, buf),
        None => {}
    }
}

fn too_small(env: &Env, area: Rect, buf: &mut Buffer) {
    let text = env.tf(
        T::TooSmall,
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("min_w", &MIN_WIDTH.to_string()),
            ("min_h", &MIN_HEIGHT.to_string()),
        ],
    );
    Paragraph::new(text)
        .style(env.theme.bad)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The bar of the most useful keys, taken from the same bindings the keys go through. The
/// last section's hints (help, everywhere) are kept at the right so they never drop off; the
/// screen's own hints fill the rest in the order of their table, which is their priority: one
/// that does not fit is left out and the next ones are still tried, so on a narrow bar the
/// last (least important) go first.
fn hint_bar(env: &Env, sections: &[&[Binding]], area: Rect, buf: &mut Buffer) {
    let theme = env.theme;
    let hints = |bindings: &[Binding]| -> Vec<(String, String)> {
        bindings
            .iter()
            .filter(|b| b.bar)
            .map(|b| {
                (
                    format!(" {} ", b.label),
                    format!("{} ", env.t(b.bar_what())),
                )
            })
            .collect()
    };
    let (last, rest) = match sections.split_last() {
        Some((last, rest)) if !rest.is_empty() => (hints(last), rest),
        _ => (Vec::new(), sections),
    };
    let hint_width =
        |h: &[(String, String)]| -> usize { h.iter().map(|(k, w)| width(k) + width(w)).sum() };
    let right = hint_width(&last);
    let max = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in rest.iter().flat_map(|s| hints(s)) {
        let w = width(&key) + width(&what);
        if used + w + right > max {
            continue;
        }
        used += w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(what, theme.dim));
    }
    if used + right <= max {
        spans.push(Span::raw(" ".repeat(max - used - right)));
        for (key, what) in last {
            spans.push(Span::styled(key, theme.key));
            spans.push(Span::styled(what, theme.dim));
        }
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The area the screen's body takes at the terminal's size: the help is drawn over it.
fn body_area(app: &App) -> Rect {
    let (w, h) = app.env.size;
    let area = Rect::new(0, 0, w, h);
    if app.screen.chrome() {
        Rect::new(0, 1, w, h.saturating_sub(2))
    } else {
        area
    }
}

/// How many rows the help takes and how many it shows at the terminal's size, so that its
/// scrolling stops at the last row.
pub fn help_rows(app: &App) -> (usize, usize) {
    let (_, inner, doc) = help_layout(app, body_area(app));
    (doc.len(), usize::from(inner.height))
}

/// The help's frame, its inner area and its text.
fn help_layout(app: &App, area: Rect) -> (Rect, Rect, Doc) {
    let env = &app.env;
    let theme = env.theme;
    let popup = area.centered(Constraint::Percentage(80), Constraint::Percentage(90));
    let inner = Block::default().borders(Borders::ALL).inner(popup);
    let mut doc = Doc::new(inner.width.saturating_sub(1));
    let sections: [(String, &[Binding]); 2] = [
        (app.screen.title(env), app.screen.keys()),
        (env.t(T::HelpEverywhere).to_owned(), keymap::GLOBAL),
    ];
    for (title, bindings) in sections {
        doc.para(&title, theme.heading);
        let listed = || bindings.iter().filter(|b| b.in_help);
        let key_w = listed().map(|b| width(b.label)).max().unwrap_or(0) + 2;
        for b in listed() {
            let lead = format!("  {:<key_w$}", b.label);
            doc.hanging_styled(&lead, theme.key, "", env.t(b.what), theme.base);
        }
        doc.blank();
    }
    (popup, inner, doc)
}

/// The help: every binding of the current screen, then those that work everywhere.
fn help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let env = &app.env;
    let theme = env.theme;
    let (popup, inner, doc) = help_layout(app, area);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(" {} ", env.t(T::HelpTitle)),
            theme.title,
        ))
        .title_bottom(Span::styled(
            format!(" {} ", env.t(T::HelpClose)),
            theme.dim,
        ))
        .style(theme.popup);
    block.render(popup, buf);
    // Every key is listed; those below the fold are said to be there, not only scrollbar-shown.
    let scroll = scroll.min(max_offset(doc.len(), usize::from(inner.height)));
    render_doc_more(&doc, scroll, inner, buf, theme.key, |_| {
        env.t(T::MoreBelow).to_owned()
    });
}

fn confirm(env: &Env, question: T, area: Rect, buf: &mut Buffer) {
    let theme = env.theme;
    let w = area.width.saturating_sub(4).min(56);
    let popup = area.centered(Constraint::Length(w), Constraint::Length(6));
    Clear.render(popup, buf);
    let block = Block::default().borders(Borders::ALL).style(theme.popup);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut doc = Doc::new(inner.width);
    doc.para(env.t(question), theme.say);
    doc.blank();
    let mut answers = Vec::new();
    for b in keymap::CONFIRM.iter().filter(|b| b.bar) {
        answers.push(Span::styled(format!("{} ", b.label), theme.key));
        answers.push(Span::styled(format!("{}   ", env.t(b.what)), theme.base));
    }
    doc.line(Line::from(answers));
    render_doc(&doc, 0, inner, buf);
}
