//! Drawing presenter mode: the whole frame, for a projector. Large titles (tui-big-text),
//! wide margins, a few lines at a time; the facilitator's key hints on one quiet line.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::present::{PresentScreen, RoomChoice, Stage as At, room_choice};
use super::present_map::Here;
use super::present_theme::Stage;
use crate::content::Style as Disc;
use crate::content::styles::{LearnerStyle, Part};
use crate::i18n::{self, T};
use crate::practice::debrief::Debrief;
use crate::practice::feedback::{FeedbackPart, PartKind, Voice};
use crate::practice::{Run, StepResult};
use crate::tui::app::Env;
use crate::tui::text::{Doc, clean, scroll_to_show, truncate, width};
use crate::tui::theme::result_symbol;
use crate::tui::widgets::{
    MeterStyles, fit_text, max_offset, meter, mood_change, render_doc, style_texts,
};

/// The widest a line of text may be: longer lines are hard to read from the back of a room.
const TEXT_MAX: u16 = 96;

pub fn render(screen: &PresentScreen, env: &Env, area: Rect, buf: &mut Buffer) {
    let stage = if env.theme.mono {
        Stage::mono()
    } else {
        Stage::projector(screen.dark)
    };
    buf.set_style(area, stage.base);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].set_symbol(" ").set_style(stage.base);
        }
    }
    if screen.blank {
        return;
    }
    let [body, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let body = margins(body);
    if screen.map.is_some() {
        map(screen, env, &stage, body, buf);
    } else {
        match (&screen.stage, &screen.run) {
            (At::Pick { selected }, _) => pick(env, &stage, *selected, body, buf),
            (At::Title, Some(run)) => title(run, env, &stage, body, buf),
            (
                At::Decision {
                    revealed,
                    votes,
                    selected,
                    tie_asked,
                },
                Some(run),
            ) => decision(
                screen,
                run,
                env,
                &stage,
                (*revealed, votes, *selected, *tie_asked),
                body,
                buf,
            ),
            (At::Feedback { votes }, Some(run)) => {
                feedback(screen, run, env, &stage, votes, body, buf)
            }
            (At::Debrief { styles: false, .. }, Some(run)) => {
                measurement(run, env, &stage, body, buf)
            }
            (
                At::Debrief {
                    styles: true,
                    choice,
                    scroll,
                },
                Some(run),
            ) => four_styles(run, env, &stage, (*choice, *scroll), body, buf),
            _ => {}
        }
    }
    hint_line(screen, env, &stage, hints, buf);
}

/// Generous margins: a tenth of the width on each side, two rows on top.
fn margins(area: Rect) -> Rect {
    let side = (area.width / 12).max(1);
    Rect {
        x: area.x + side,
        y: area.y.saturating_add(1).min(area.bottom()),
        width: area.width.saturating_sub(side * 2),
        height: area.height.saturating_sub(1),
    }
}

/// A column of at most `TEXT_MAX` cells, centred in `area`.
fn column(area: Rect) -> Rect {
    let w = area.width.min(TEXT_MAX);
    Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    }
}

/// Takes `rows` rows off the top of `area`.
fn take_top(area: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    let top = Rect {
        height: rows,
        ..*area
    };
    area.y += rows;
    area.height -= rows;
    top
}

/// A title in big letters, as large as fits: 8x4 cells a letter, else 4x4, else plain bold.
/// Returns the rows it took.
fn big(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> u16 {
    let text = clean(text);
    let chars = text.chars().count() as u16;
    for (size, cell_w, rows) in [(PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)] {
        let lines = wrap_words(&text, usize::from(area.width / cell_w));
        if chars > 0 && lines.len() <= 2 && rows * lines.len() as u16 <= area.height {
            let height = rows * lines.len() as u16;
            BigText::builder()
                .pixel_size(size)
                .style(style)
                .alignment(Alignment::Center)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build()
                .render(Rect { height, ..area }, buf);
            return height;
        }
    }
    let mut doc = doc_for(area);
    doc.para(&text, style);
    let rows = (doc.len() as u16).min(area.height);
    render_doc(&doc, 0, area, buf);
    rows
}

fn wrap_words(text: &str, max: usize) -> Vec<String> {
    if max == 0 {
        return vec![String::new(); 3];
    }
    let lines = crate::tui::text::wrap(text, max);
    if lines.iter().any(|l| width(l) > max) {
        return vec![String::new(); 3];
    }
    lines
}

/// A document for `area`, one column narrower: a scrollbar takes the last column when the
/// text does not fit (on a small terminal), and must not hide the ends of lines.
fn doc_for(area: Rect) -> Doc {
    Doc::new(area.width.saturating_sub(1))
}

fn para(doc: &mut Doc, text: &str, style: Style) {
    doc.para(text, style);
}

fn mood_line(env: &Env, stage: &Stage, run: &Run) -> Line<'static> {
    let styles = MeterStyles {
        label: stage.label,
        dim: stage.dim,
        bad: stage.bad,
        good: stage.good,
        neutral: stage.text,
    };
    meter(env, run.scenario(), run.mood(), &styles, ("  ", " +5   "))
}

/// The top line of a running scenario: its title, where the room is, and the mood.
fn header(run: &Run, env: &Env, stage: &Stage, area: &mut Rect, buf: &mut Buffer) {
    let row = take_top(area, 2);
    let where_ = env.tf(
        T::PresentDecisionN,
        &[("n", &(run.taken().len() + 1).to_string())],
    );
    let left = format!("{} · {}", clean(&run.scenario().title), where_);
    let mood = mood_line(env, stage, run);
    let mood_w = mood.width() as u16;
    Paragraph::new(Span::styled(
        truncate(&left, usize::from(row.width.saturating_sub(mood_w + 2))),
        stage.label,
    ))
    .render(Rect { height: 1, ..row }, buf);
    Paragraph::new(mood)
        .alignment(Alignment::Right)
        .render(Rect { height: 1, ..row }, buf);
}

fn pick(env: &Env, stage: &Stage, selected: usize, mut area: Rect, buf: &mut Buffer) {
    let used = big(env.t(T::PresentTitle), stage.title, area, buf);
    take_top(&mut area, used + 2);
    let area = column(area);
    let list = PresentScreen::choices(env);
    let mut doc = doc_for(area);
    if list.is_empty() {
        para(&mut doc, env.t(T::NoScenarios), stage.text);
    }
    let mut rows = 0..0;
    for (i, s) in list.iter().enumerate() {
        let start = doc.len();
        let style = if i == selected {
            stage.selected
        } else {
            stage.say
        };
        let lead = if i == selected { "▶ " } else { "  " };
        doc.hanging_styled(lead, stage.label, "  ", &s.title, style);
        doc.hanging(
            "  ",
            "  ",
            &format!(
                "{} · {} · {}",
                s.customer.name,
                i18n::style(env.lang, s.customer.style),
                s.language
            ),
            stage.text,
        );
        doc.blank();
        if i == selected {
            rows = start..doc.len();
        }
    }
    let offset = scroll_to_show(0, usize::from(area.height), rows.start, rows.end);
    render_doc(&doc, offset, area, buf);
}

fn title(run: &Run, env: &Env, stage: &Stage, mut area: Rect, buf: &mut Buffer) {
    let s = run.scenario();
    take_top(&mut area, 2);
    let used = big(&s.title, stage.title, area, buf);
    take_top(&mut area, used + 2);
    let area = column(area);
    let mut doc = doc_for(area);
    para(&mut doc, &s.summary, stage.say);
    doc.blank();
    doc.hanging_styled(
        &format!("{}  ", env.t(T::YourRole)),
        stage.label,
        "",
        &s.learner_role,
        stage.text,
    );
    doc.blank();
    doc.hanging_styled(
        &format!("{}  ", env.t(T::Customer)),
        stage.label,
        "",
        &format!(
            "{} · {}",
            s.customer.name,
            i18n::style(env.lang, s.customer.style)
        ),
        stage.text,
    );
    doc.blank();
    doc.line(mood_line(env, stage, run));
    doc.blank();
    doc.blank();
    para(&mut doc, env.t(T::PresentPressBegin), stage.label);
    render_doc(&doc, 0, area, buf);
}

#[allow(clippy::too_many_arguments)]
fn decision(
    screen: &PresentScreen,
    run: &Run,
    env: &Env,
    stage: &Stage,
    (revealed, votes, selected, tie_asked): (usize, &[u32], usize, bool),
    mut area: Rect,
    buf: &mut Buffer,
) {
    header(run, env, stage, &mut area, buf);
    let note_rows = notes(screen, run, env, stage, &mut area, buf);
    let _ = note_rows;
    let node = run.node();
    let order = run.choice_order();
    let choices = node.choice_list();
    let total: u32 = votes.iter().sum();
    // The tally's column is kept from the first revealed choice, so text does not move when
    // the first vote comes in.
    let tally_w: u16 = if revealed > 0 { 26 } else { 0 };
    let text_area = column(Rect {
        width: area.width.saturating_sub(tally_w),
        ..area
    });

    let mut doc = doc_for(text_area);
    if let Some(narration) = &node.narration {
        para(&mut doc, narration, stage.narration);
        doc.blank();
    }
    if let Some(say) = &node.say {
        para(&mut doc, &run.scenario().customer.name, stage.label);
        doc.hanging("  ", "  ", &format!("“{say}”"), stage.say);
        doc.blank();
    }
    if revealed == 0 {
        para(
            &mut doc,
            &env.tf(
                T::PresentChoicesWaiting,
                &[("count", &order.len().to_string())],
            ),
            stage.dim,
        );
    }
    // Where each choice starts, to put its bar beside it.
    let mut starts = Vec::new();
    for (shown, &index) in order.iter().enumerate().take(revealed) {
        starts.push(doc.len());
        let chosen = shown == selected;
        let lead = format!("{} {}  ", if chosen { "▶" } else { " " }, shown + 1);
        doc.hanging_styled(
            &lead,
            if chosen { stage.selected } else { stage.label },
            "",
            &choices[index].say,
            stage.text,
        );
        doc.blank();
    }
    if tie_asked && let RoomChoice::Tied(tied) = room_choice(votes) {
        let numbers: Vec<String> = tied.iter().map(|i| (i + 1).to_string()).collect();
        para(
            &mut doc,
            &env.tf(T::PresentTie, &[("choices", &numbers.join(", "))]),
            stage.say,
        );
    }
    if revealed > 0 && revealed < order.len() {
        para(
            &mut doc,
            &env.tf(
                T::PresentMoreChoices,
                &[("n", &(order.len() - revealed).to_string())],
            ),
            stage.dim,
        );
    }
    // Show the newest revealed choice, unless that hides the selected one.
    let view = usize::from(text_area.height);
    let newest = doc.len().saturating_sub(view);
    let offset = match starts.get(selected) {
        Some(&start) if start < newest => {
            let end = starts.get(selected + 1).copied().unwrap_or(doc.len());
            scroll_to_show(newest, view, start, end)
        }
        _ => newest,
    };
    render_doc(&doc, offset, text_area, buf);

    if total > 0 {
        let x = text_area.right() + 2;
        let bar_max = usize::from(tally_w.saturating_sub(8));
        let most = votes.iter().copied().max().unwrap_or(1).max(1);
        let title_y = area.y;
        Paragraph::new(Span::styled(
            env.tf(T::PresentVotes, &[("n", &total.to_string())]),
            stage.label,
        ))
        .render(
            Rect {
                x,
                y: title_y,
                width: tally_w.saturating_sub(2),
                height: 1,
            },
            buf,
        );
        for (shown, &v) in votes.iter().enumerate().take(revealed) {
            let Some(&row) = starts.get(shown) else {
                continue;
            };
            let Some(y) = row.checked_sub(offset) else {
                continue;
            };
            if y >= view {
                continue;
            }
            let cells = (v as usize * bar_max).div_ceil(most as usize);
            // The room's choice, the one Enter follows, is marked.
            let winner = room_choice(votes) == RoomChoice::Most(shown);
            let line = Line::from(vec![
                Span::styled(format!("{} ", shown + 1), stage.label),
                Span::styled("█".repeat(cells), stage.bar),
                Span::styled(format!(" {v}"), stage.say),
                Span::styled(if winner { " ◀" } else { "" }, stage.say),
            ]);
            Paragraph::new(line).render(
                Rect {
                    x,
                    y: text_area.y + y as u16,
                    width: tally_w.saturating_sub(2),
                    height: 1,
                },
                buf,
            );
        }
    }
}

/// The facilitator's note at the bottom, when shown. Returns the rows it took.
fn notes(
    screen: &PresentScreen,
    run: &Run,
    env: &Env,
    stage: &Stage,
    area: &mut Rect,
    buf: &mut Buffer,
) -> u16 {
    if !screen.notes {
        return 0;
    }
    let text = run
        .node()
        .facilitator
        .as_deref()
        .map_or_else(|| env.t(T::PresentNoNote).to_owned(), clean);
    let col = column(*area);
    let mut doc = Doc::new(col.width.saturating_sub(4));
    para(&mut doc, &text, stage.note);
    let rows = (doc.len() as u16 + 2).min(area.height / 2);
    let box_area = Rect {
        y: area.bottom().saturating_sub(rows),
        height: rows,
        ..col
    };
    area.height = area.height.saturating_sub(rows + 1);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(stage.note)
        .title(Span::styled(
            format!(" {} ", env.t(T::PresentNoteTitle)),
            stage.note,
        ));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    render_doc(
        &doc,
        0,
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
        buf,
    );
    rows
}

fn step_name(run: &Run, id: &str) -> String {
    run.model()
        .step(id)
        .map_or_else(|| clean(id), |s| clean(&s.name))
}

fn feedback(
    screen: &PresentScreen,
    run: &Run,
    env: &Env,
    stage: &Stage,
    votes: &[u32],
    mut area: Rect,
    buf: &mut Buffer,
) {
    let Some(taken) = run.taken().last() else {
        return;
    };
    // The header names the decision just made, not the next one.
    let row = take_top(&mut area, 2);
    Paragraph::new(Span::styled(
        truncate(
            &format!(
                "{} · {}",
                clean(&run.scenario().title),
                env.tf(
                    T::PresentDecisionN,
                    &[("n", &run.taken().len().to_string())]
                )
            ),
            usize::from(row.width),
        ),
        stage.label,
    ))
    .render(Rect { height: 1, ..row }, buf);
    notes(screen, run, env, stage, &mut area, buf);
    let area = column(area);
    let effect = run.effect_of(taken);
    let mut doc = doc_for(area);
    let total: u32 = votes.iter().sum();
    let mut replay = run.clone();
    replay.undo();
    let shown = replay
        .choice_order()
        .iter()
        .position(|&i| i == taken.choice)
        .unwrap_or(0);
    let chosen = if total == 1 {
        env.tf(
            T::PresentRoomChoseOneVote,
            &[("n", &(shown + 1).to_string())],
        )
    } else if total > 0 {
        env.tf(
            T::PresentRoomChoseVotes,
            &[
                ("n", &(shown + 1).to_string()),
                ("votes", &votes.get(shown).copied().unwrap_or(0).to_string()),
                ("total", &total.to_string()),
            ],
        )
    } else {
        env.tf(T::PresentRoomChose, &[("n", &(shown + 1).to_string())])
    };
    para(&mut doc, &chosen, stage.label);
    if let Some(choice) = run.choice_of(taken) {
        doc.hanging("  ", "  ", &format!("“{}”", choice.say), stage.say);
        doc.blank();
        if let Some(text) = &choice.feedback {
            para(&mut doc, text, stage.text);
            doc.blank();
        }
    }
    let names = |ids: &[String]| {
        ids.iter()
            .map(|s| step_name(run, s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (ids, result, label, style) in [
        (&effect.shown, StepResult::Shown, T::StepsShown, stage.good),
        (
            &effect.broken,
            StepResult::Broken,
            T::StepsBroken,
            stage.bad,
        ),
    ] {
        if !ids.is_empty() {
            let lead = format!("{} {}  ", result_symbol(result), env.t(label));
            doc.hanging_styled(&lead, style, "", &names(ids), stage.text);
        }
    }
    if !effect.pitfalls.is_empty() {
        let pitfalls: Vec<String> = effect
            .pitfalls
            .iter()
            .map(|p| {
                run.model()
                    .pitfall(p)
                    .map_or_else(|| clean(p), |(_, pf)| clean(&pf.name))
            })
            .collect();
        doc.hanging_styled(
            &format!("! {}  ", env.t(T::PitfallsHit)),
            stage.bad,
            "",
            &pitfalls.join(", "),
            stage.text,
        );
    }
    doc.line(Line::from(vec![
        Span::styled(mood_change(env, taken, run.choice_of(taken)), stage.label),
        Span::styled(
            format!(
                "  {}",
                i18n::mood_word(env.lang, run.scenario(), taken.mood_after)
            ),
            stage.say,
        ),
    ]));
    doc.blank();
    if run.is_finished() {
        let node = run.node();
        if let Some(narration) = &node.narration {
            para(&mut doc, narration, stage.narration);
        }
        if let Some(say) = &node.say {
            doc.hanging_styled(
                &format!("{}: ", clean(&run.scenario().customer.name)),
                stage.label,
                "  ",
                &format!("“{say}”"),
                stage.say,
            );
        }
        doc.blank();
        para(&mut doc, env.t(T::PresentToDebrief), stage.label);
    }
    render_doc(&doc, 0, area, buf);
}

fn measurement(run: &Run, env: &Env, stage: &Stage, mut area: Rect, buf: &mut Buffer) {
    let used = big(env.t(T::DebriefTitle), stage.title, area, buf);
    take_top(&mut area, used + 1);
    let m = run.measure();
    let mut top = doc_for(area);
    if let (Some(outcome), Some(ending)) = (m.outcome, run.ending()) {
        top.line(Line::from(vec![
            Span::styled(format!("{}  ", env.t(T::Outcome)), stage.label),
            Span::styled(i18n::outcome(env.lang, outcome), stage.say),
        ]));
        para(&mut top, &ending.summary, stage.text);
    }
    let fit = fit_text(env, &m);
    top.line(Line::from(vec![
        Span::styled(format!("{}  ", env.t(T::ModelFit)), stage.label),
        Span::styled(fit, stage.say),
    ]));
    top.blank();
    let rows = top.len() as u16;
    render_doc(&top, 0, take_top(&mut area, rows), buf);

    let [left, right] = area.layout(
        &Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).spacing(4),
    );
    let mut steps = doc_for(left);
    para(&mut steps, env.t(T::ModelMap), stage.label);
    for s in &m.steps {
        let name = step_name(run, &s.step);
        let lead = format!("{} ", result_symbol(s.result));
        let what = if s.thread {
            format!("{name} ({})", env.t(T::Thread))
        } else {
            name
        };
        steps.hanging_styled(
            &lead,
            stage.result(s.result),
            "  ",
            &format!("{what}: {}", i18n::step_result(env.lang, s.result)),
            stage.result(s.result),
        );
    }
    render_doc(&steps, 0, left, buf);

    let mut side = doc_for(right);
    para(&mut side, env.t(T::MoodChart), stage.label);
    let moods: Vec<String> = m.moods.iter().map(|&v| i18n::signed(v)).collect();
    para(&mut side, &moods.join(" → "), stage.say);
    side.blank();
    para(&mut side, env.t(T::OrderNotes), stage.label);
    if m.order_notes.is_empty() {
        para(&mut side, env.t(T::OrderNone), stage.text);
    }
    for note in &m.order_notes {
        para(
            &mut side,
            &env.tf(
                T::OrderNote,
                &[
                    ("early", &step_name(run, &note.early)),
                    ("late", &step_name(run, &note.late)),
                ],
            ),
            stage.text,
        );
    }
    side.blank();
    para(&mut side, env.t(T::PitfallsHit), stage.label);
    if m.pitfalls.is_empty() {
        para(&mut side, "—", stage.text);
    }
    for p in &m.pitfalls {
        let name = run.model().pitfall(p).map_or_else(
            || clean(p),
            |(s, pf)| format!("{} ({})", clean(&pf.name), clean(&s.name)),
        );
        side.hanging_styled("! ", stage.bad, "  ", &name, stage.text);
    }
    render_doc(&side, 0, right, buf);
}

/// How the feedback reads for each of D, i, S and C, side by side, as the practice app words
/// it for a learner of that style (`practice::feedback::Voice`): page 0 is the run's debrief,
/// page n the feedback on the path's n-th choice. The author's message on a choice is the same
/// for every style, so it stands once above the columns, and each column marks where it comes.
/// No one's own style is used: presenter mode shows nothing personal.
fn four_styles(
    run: &Run,
    env: &Env,
    stage: &Stage,
    (page, scroll): (usize, usize),
    mut area: Rect,
    buf: &mut Buffer,
) {
    let taken = run.taken();
    let page = page.min(taken.len());
    let title = if page == 0 {
        T::PresentStylesDebrief
    } else {
        T::PresentStylesTitle
    };
    let row = take_top(&mut area, 2);
    Paragraph::new(Span::styled(env.t(title), stage.title)).render(Rect { height: 1, ..row }, buf);
    let texts = style_texts(env, run.scenario());
    let model = run.model();
    let customer = run.scenario().customer.style;

    let mut top = doc_for(area);
    let choice = page.checked_sub(1).and_then(|i| {
        let t = &taken[i];
        run.choice_of(t).map(|c| (t, c))
    });
    match choice {
        None => {
            let m = run.measure();
            if let (Some(outcome), Some(ending)) = (m.outcome, run.ending()) {
                top.line(Line::from(vec![
                    Span::styled(format!("{}  ", env.t(T::Outcome)), stage.label),
                    Span::styled(i18n::outcome(env.lang, outcome), stage.say),
                ]));
                para(&mut top, &ending.summary, stage.text);
            }
        }
        Some((_, c)) => {
            para(
                &mut top,
                &env.tf(
                    T::PresentChoiceOfPath,
                    &[
                        ("n", &page.to_string()),
                        ("count", &taken.len().to_string()),
                    ],
                ),
                stage.label,
            );
            top.hanging("  ", "  ", &format!("“{}”", c.say), stage.say);
            if let Some(text) = &c.feedback {
                top.hanging_styled(
                    &format!("{}  ", env.t(T::PresentForEveryone)),
                    stage.label,
                    "",
                    text,
                    stage.text,
                );
            }
        }
    }
    top.blank();
    // Only the whole run's page needs the debrief; the styles' words need no turning point.
    let debrief = choice.is_none().then(|| Debrief::without_turn(run));
    let rows = (top.len() as u16).min(area.height / 3);
    render_doc(&top, 0, take_top(&mut area, rows), buf);

    let foot = Rect {
        y: area.bottom().saturating_sub(2),
        height: 2.min(area.height),
        ..area
    };
    area.height = area.height.saturating_sub(3);
    let columns: [Rect; 4] = area.layout(&Layout::horizontal([Constraint::Fill(1); 4]).spacing(3));
    for (style, col) in Disc::ALL.into_iter().zip(columns.iter()) {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(stage.label)
            .title(Span::styled(
                format!(" {} ", i18n::style(env.lang, style)),
                stage.label,
            ));
        let inner = block.inner(*col);
        block.render(*col, buf);
        let mut doc = Doc::new(inner.width);
        match texts {
            Some(texts) => {
                let voice = Voice::new(texts, Some(LearnerStyle::Pure(style)));
                let parts = match (choice, &debrief) {
                    (None, Some(debrief)) => voice
                        .debrief(debrief, model, None, customer)
                        .parts()
                        .filter(|p| p.kind != PartKind::MeetCustomer)
                        .cloned()
                        .collect(),
                    (None, None) => Vec::new(),
                    (Some((t, c)), _) => voice.after_choice(
                        c.feedback.as_deref(),
                        &run.effect_of(t),
                        model,
                        &c.style_tips,
                    ),
                };
                style_column(env, stage, &mut doc, &parts);
            }
            // No style file in this language: the author's words for the style, if any.
            None => match choice.and_then(|(_, c)| c.style_tips.get(&style)) {
                Some(tip) => para(&mut doc, tip, stage.text),
                None => para(&mut doc, env.t(T::PresentNoTip), stage.dim),
            },
        }
        let from = scroll.min(max_offset(doc.len(), usize::from(inner.height)));
        doc.lines.drain(..from);
        render_cut(&mut doc, inner, buf);
    }
    let mut doc = Doc::new(foot.width);
    para(&mut doc, env.t(T::PresentSameMeasure), stage.dim);
    render_doc(&doc, 0, foot, buf);
}

/// One style's parts in a narrow column: each lead on its own line above its text; the
/// shared message only marked where this style places it.
fn style_column(env: &Env, stage: &Stage, doc: &mut Doc, parts: &[FeedbackPart]) {
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            doc.blank();
        }
        if part.kind == PartKind::Framed(Part::Message) {
            para(doc, env.t(T::PresentMessageHere), stage.dim);
            continue;
        }
        match &part.lead {
            // A one-line text follows its lead; a list starts below it.
            Some(lead) if !part.text.contains('\n') => run_in(doc, lead, &part.text, stage),
            lead => {
                if let Some(lead) = lead {
                    para(doc, lead, stage.label);
                }
                for line in part.text.lines() {
                    para(doc, line, stage.text);
                }
            }
        }
    }
}

/// A run-in lead: "Fix: the text…" wrapped as one paragraph, the lead in the label style, so a
/// narrow column spends no row on it.
fn run_in(doc: &mut Doc, lead: &str, text: &str, stage: &Stage) {
    let lead = clean(lead);
    let mut in_lead = lead.chars().count();
    let full = format!("{lead} {}", clean(text));
    for line in crate::tui::text::wrap(&full, doc.width()) {
        let split = line
            .char_indices()
            .nth(in_lead)
            .map_or(line.len(), |(at, _)| at);
        in_lead = in_lead.saturating_sub(line[..split].chars().count() + 1);
        doc.line(Line::from(vec![
            Span::styled(line[..split].to_owned(), stage.label),
            Span::styled(line[split..].to_owned(), stage.text),
        ]));
    }
}

/// Draws `doc` in `area`; what does not fit is cut, and the last row says so.
fn render_cut(doc: &mut Doc, area: Rect, buf: &mut Buffer) {
    let rows = usize::from(area.height);
    if doc.len() > rows && rows > 0 {
        doc.lines.truncate(rows - 1);
        doc.lines.push(Line::from("…"));
    }
    render_doc(doc, 0, area, buf);
}

fn map(screen: &PresentScreen, env: &Env, stage: &Stage, mut area: Rect, buf: &mut Buffer) {
    let row = take_top(&mut area, 2);
    Paragraph::new(Span::styled(
        env.tf(
            T::PresentMapTitle,
            &[("n", &screen.explored.len().max(1).to_string())],
        ),
        stage.title,
    ))
    .render(Rect { height: 1, ..row }, buf);
    let rows = screen.map_rows();
    let selected = screen.map.unwrap_or(0);
    let mut doc = doc_for(area);
    let mut sel_rows = 0..0;
    for (i, r) in rows.iter().enumerate() {
        let start = doc.len();
        let indent = "   ".repeat(r.prefix.len());
        let (mark, mark_style) = match r.here {
            Here::Now => ("▶", stage.good),
            Here::OnPath => ("●", stage.label),
            Here::Elsewhere => ("○", stage.text),
        };
        let mut after = String::new();
        if let Some(outcome) = r.outcome {
            after.push_str(&format!("  [{}]", i18n::outcome(env.lang, outcome)));
        }
        if r.here == Here::Now {
            after.push_str(&format!("  ← {}", env.t(T::PresentHere)));
        }
        let text = match &r.via {
            // One row per moment: the choice's words are cut to leave room for the rest.
            Some((n, words)) => {
                let fixed = width(&indent) + 2 + width(&n.to_string()) + 2 + 2 + 3;
                let room = doc
                    .width()
                    .saturating_sub(fixed + width(&r.node) + width(&after))
                    .clamp(12, 60);
                format!(
                    "{n}  “{}” → {}{after}",
                    truncate(&clean(words), room),
                    r.node
                )
            }
            None => format!("{}{after}", r.node),
        };
        let style = if i == selected {
            stage.selected
        } else {
            stage.text
        };
        doc.hanging_styled(
            &format!("{indent}{mark} "),
            mark_style,
            &format!("{indent}  "),
            &text,
            style,
        );
        if i == selected {
            sel_rows = start..doc.len();
        }
    }
    let offset = scroll_to_show(0, usize::from(area.height), sel_rows.start, sel_rows.end);
    render_doc(&doc, offset, area, buf);
}

/// The facilitator's keys for this moment, on one quiet line, from the same bindings the keys
/// go through; with what is switched on.
fn hint_line(screen: &PresentScreen, env: &Env, stage: &Stage, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut used = 0;
    let max = usize::from(area.width);
    let items: Vec<(String, String)> = screen
        .keys()
        .iter()
        .filter(|b| b.bar)
        .map(|b| (b.label.to_owned(), env.t(b.bar_what()).to_owned()))
        .collect();
    // The help lists every key, so it keeps its place when the others do not all fit.
    let help = ("?".to_owned(), env.t(T::Help).to_owned());
    let item_w = |(key, what): &(String, String)| width(key) + width(what) + 3;
    let help_w = item_w(&help);
    // In the order of the table, which is their priority: one that does not fit is left out
    // and the next, perhaps shorter, still tried.
    let fitting: Vec<_> = items
        .into_iter()
        .filter(|item| {
            let fits = used + item_w(item) + help_w <= max;
            if fits {
                used += item_w(item);
            }
            fits
        })
        .collect();
    let help = (used + help_w <= max).then(|| {
        used += help_w;
        help
    });
    for (key, what) in fitting.into_iter().chain(help) {
        spans.push(Span::styled(format!(" {key} "), stage.label));
        spans.push(Span::styled(format!("{what} "), stage.dim));
    }
    if screen.notes && used + 12 < max {
        spans.push(Span::styled(
            format!("  [{}]", env.t(T::PresentNotesOn)),
            stage.note,
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}
