//! Small drawing helpers shared by the screens.

use super::action::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::app::Env;
use super::text::Doc;
use crate::i18n::{self, T};

/// The style texts for a run: those of the scenario's language, else of the interface.
pub fn style_texts<'a>(
    env: &'a Env,
    scenario: &crate::content::Scenario,
) -> Option<&'a crate::content::styles::StyleTexts> {
    env.library
        .styles_for(&scenario.language)
        .or_else(|| env.library.styles_for(env.lang.code()))
}

/// Composed feedback parts: each lead as a heading, one-line parts beside it, longer ones
/// below it line by line.
pub fn feedback_parts(env: &Env, doc: &mut Doc, parts: &[crate::practice::feedback::FeedbackPart]) {
    let theme = env.theme;
    for part in parts {
        match &part.lead {
            Some(lead) if part.text.contains('\n') => {
                doc.para(lead, theme.heading);
                for line in part.text.lines() {
                    doc.hanging("  ", "    ", line, theme.base);
                }
            }
            Some(lead) => doc.hanging_styled(
                &format!("{lead} "),
                theme.heading,
                "  ",
                &part.text,
                theme.base,
            ),
            None => doc.para(&part.text, theme.base),
        }
    }
}

/// Draws `doc` from row `offset` (clamped), with a scrollbar when it does not fit.
pub fn render_doc(doc: &Doc, offset: usize, area: Rect, buf: &mut Buffer) {
    let view = usize::from(area.height);
    let offset = offset.min(doc.len().saturating_sub(view));
    let lines: Vec<Line> = doc.lines.iter().skip(offset).take(view).cloned().collect();
    Paragraph::new(lines).render(area, buf);
    if doc.len() > view {
        let mut state = ScrollbarState::new(doc.len().saturating_sub(view)).position(offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area, buf, &mut state);
    }
}

/// How many of a view's `view` rows show the doc's lines from `offset`: all of them, or all
/// but the last when lines remain below it, which [`render_doc_more`] gives to its "more
/// below" line. Screens keep what must be seen within these rows.
pub fn rows_shown(len: usize, offset: usize, view: usize) -> usize {
    if offset + view < len {
        view.saturating_sub(1)
    } else {
        view
    }
}

/// The first row to show so that rows `start..end` are in sight below a "more below" line:
/// [`scroll_to_show`](super::text::scroll_to_show) from `current` with the last row kept for
/// it whenever the doc is longer than the view.
pub fn scroll_to_show_more(
    len: usize,
    current: usize,
    view: usize,
    start: usize,
    end: usize,
) -> usize {
    let view = if len > view {
        view.saturating_sub(1)
    } else {
        view
    };
    super::text::scroll_to_show(current, view.max(1), start, end)
}

/// [`render_doc`], but when lines remain below the view its last row says so, in words a
/// scrollbar alone does not give: `more(first)` words what is below, given the first line not
/// shown. An offset past the end's full view is kept (the view then ends short), so that a
/// screen can start its view at an item's first line.
pub fn render_doc_more(
    doc: &Doc,
    offset: usize,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
    more: impl Fn(usize) -> String,
) {
    let view = usize::from(area.height);
    let offset = offset.min(doc.len().saturating_sub(1));
    let shown = rows_shown(doc.len(), offset, view);
    let mut lines: Vec<Line> = doc.lines.iter().skip(offset).take(shown).cloned().collect();
    if shown < view {
        let text = more(offset + shown);
        lines.push(Line::from(Span::styled(
            super::text::truncate(&text, usize::from(area.width.saturating_sub(1))),
            style,
        )));
    }
    Paragraph::new(lines).render(area, buf);
    if doc.len() > view {
        let top = doc.len().saturating_sub(view).max(offset);
        let mut state = ScrollbarState::new(top).position(offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area, buf, &mut state);
    }
}

/// The offset after a scrolling key (↑↓ j k, PgUp PgDn, Home/g End/G), or None for any
/// other action: one rule for every view that scrolls, so each scrolls the same way.
pub fn scrolled(action: Action, offset: usize, max: usize, page: usize) -> Option<usize> {
    let page = page.max(1);
    let to = match action {
        Action::Up => offset.saturating_sub(1),
        Action::Down => offset + 1,
        Action::PageUp => offset.saturating_sub(page),
        Action::PageDown => offset + page,
        Action::Home => 0,
        Action::End => max,
        _ => return None,
    };
    Some(to.min(max))
}

/// The largest offset at which `doc` still fills a view of `view` rows.
pub fn max_offset(len: usize, view: usize) -> usize {
    len.saturating_sub(view)
}

/// Lines of running text longer than this are hard to read; wider terminals get margins.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// The inner area of the body: one column of margin on each side, at most
/// `MAX_TEXT_WIDTH` wide, centred.
pub fn inset(area: Rect) -> Rect {
    let width = area.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y,
        width,
        height: area.height,
    }
}

/// The mood as a meter that reads without colour: a word, a number and 11 cells from −5 to +5
/// filled up to the mood.
pub fn mood_meter(env: &Env, scenario: &crate::content::Scenario, mood: i32) -> Line<'static> {
    let theme = env.theme;
    let styles = MeterStyles {
        label: theme.heading,
        dim: theme.dim,
        bad: theme.bad,
        good: theme.good,
        neutral: theme.base,
    };
    meter(env, scenario, mood, &styles, (": ", " +5  "))
}

/// The styles a mood meter is drawn in (the app's theme, or the presenter's stage).
pub struct MeterStyles {
    pub label: Style,
    pub dim: Style,
    pub bad: Style,
    pub good: Style,
    pub neutral: Style,
}

/// A mood meter; `spacing` is what follows the label and the scale's end.
pub fn meter(
    env: &Env,
    scenario: &crate::content::Scenario,
    mood: i32,
    styles: &MeterStyles,
    spacing: (&str, &str),
) -> Line<'static> {
    let filled = (mood.clamp(-5, 5) + 6) as usize;
    let style = if mood < 0 {
        styles.bad
    } else if mood > 0 {
        styles.good
    } else {
        styles.neutral
    };
    Line::from(vec![
        Span::styled(format!("{}{}", env.t(T::Mood), spacing.0), styles.label),
        Span::styled("−5 ", styles.dim),
        Span::styled("■".repeat(filled), style),
        Span::styled("·".repeat(11 - filled), styles.dim),
        Span::styled(spacing.1.to_owned(), styles.dim),
        Span::styled(
            format!(
                "{} ({})",
                i18n::mood_word(env.lang, scenario, mood),
                i18n::signed(mood)
            ),
            style,
        ),
    ])
}

/// A scenario's settings in words: "phone, health care".
pub fn settings_text(lang: crate::i18n::Lang, settings: &[crate::content::Setting]) -> String {
    settings
        .iter()
        .map(|s| i18n::setting(lang, *s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The situation, the learner's role and the customer, as the briefing and the library's
/// detail pane show them.
pub fn scenario_facts(env: &Env, s: &crate::content::Scenario, doc: &mut Doc) {
    let theme = env.theme;
    doc.para(env.t(T::Situation), theme.heading);
    doc.para(&s.summary, theme.base);
    if !s.settings.is_empty() {
        doc.hanging_styled(
            &format!("{}: ", env.t(T::SettingLabel)),
            theme.dim,
            "  ",
            &settings_text(env.lang, &s.settings),
            theme.base,
        );
    }
    doc.blank();
    doc.para(env.t(T::YourRole), theme.heading);
    doc.para(&s.learner_role, theme.base);
    doc.blank();
    doc.para(env.t(T::Customer), theme.heading);
    doc.para(
        &format!(
            "{} · {}",
            s.customer.name,
            i18n::style(env.lang, s.customer.style)
        ),
        theme.say,
    );
    if let Some(about) = &s.customer.about {
        doc.para(about, theme.base);
    }
}

/// "Mood −2 → −3": how a choice moved the mood. When a harmful answer found the mood already
/// at the bottom of the scale, it says so: "−5 → −5" alone reads as if the answer did no harm.
pub fn mood_change(
    env: &Env,
    taken: &crate::practice::Taken,
    choice: Option<&crate::content::Choice>,
) -> String {
    use crate::practice::run::ScaleEnd;
    // An answer the scale's end kept from moving the mood is still not a neutral one.
    let moved = taken.mood_after - taken.mood_before;
    let key = match ScaleEnd::holding(moved, choice.map_or(0, |c| c.mood)) {
        Some(ScaleEnd::Lowest) => T::MoodAtLowest,
        Some(ScaleEnd::Highest) => T::MoodAtHighest,
        None => T::MoodChange,
    };
    env.tf(
        key,
        &[
            ("from", &i18n::signed(taken.mood_before)),
            ("to", &i18n::signed(taken.mood_after)),
        ],
    )
}

/// The model fit in words: "N % (x shown of y in play)", or that no step was in play.
pub fn fit_text(env: &Env, m: &crate::practice::Measurement) -> String {
    use crate::practice::StepResult;
    match m.fit {
        Some(fit) => env.tf(
            T::FitValue,
            &[
                ("fit", &fit.to_string()),
                ("shown", &m.count(StepResult::Shown).to_string()),
                (
                    "scored",
                    &m.steps
                        .iter()
                        .filter(|s| s.result.is_scored())
                        .count()
                        .to_string(),
                ),
            ],
        ),
        None => env.t(T::FitNone).to_owned(),
    }
}
