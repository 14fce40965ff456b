//! The learner's progress: per step a strip over time and a small table, the pitfalls hit most,
//! the model fit per run, and the runs list, from which a past run's debrief opens again.
//! The numbers come from `practice::progress`; this screen only draws them.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::debrief::DebriefScreen;
use super::library::LibraryScreen;
use super::{Screen, Step};
use crate::content::EncounterModel;
use crate::i18n::{self, T};
use crate::practice::progress::{Progress, progress};
use crate::practice::record::{RunRecord, RunStatus};
use crate::practice::{Run, StepResult};
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    BACK, Binding, ENTER, FIRST_ITEM, LAST_ITEM, LIST_DOWN, LIST_UP, bind, left_back,
};
use crate::tui::text::{Doc, clean, truncate, width};
use crate::tui::theme::{NO_POINTER, POINTER, result_symbol};
use crate::tui::widgets::{inset, render_doc_more, scroll_to_show_more};

pub const KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::OpenDebrief, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(BACK, "q/Esc", Action::Back, T::ToLibrary, true),
    left_back(T::ToLibrary),
];

pub struct ProgressScreen {
    /// The selected run, as an index into the runs list (oldest first).
    pub selected: usize,
    pub message: Option<String>,
}

impl ProgressScreen {
    /// The view with the newest run selected.
    pub fn new(env: &Env) -> ProgressScreen {
        ProgressScreen {
            selected: env.runs.len().saturating_sub(1),
            message: None,
        }
    }

    /// The view with run `id` selected (coming back from its debrief).
    pub fn at(env: &Env, id: Option<&str>) -> ProgressScreen {
        let mut screen = ProgressScreen::new(env);
        let p = progress(&env.runs);
        if let Some(i) = id.and_then(|id| p.runs.iter().position(|r| r.id == id)) {
            screen.selected = i;
        }
        screen
    }

    pub fn keys(&self) -> &'static [Binding] {
        KEYS
    }

    pub fn title(&self, env: &Env) -> String {
        env.t(T::ProgressTitle).to_owned()
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let count = env.runs.len();
        self.message = None;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Home => self.selected = 0,
            Action::End => self.selected = count.saturating_sub(1),
            Action::Back => return Step::go(Screen::Library(LibraryScreen::new(env))),
            Action::Select => return self.open(env),
            _ => {}
        }
        Step::Stay
    }

    /// Replays the selected run's choices to show its debrief again.
    fn open(&mut self, env: &Env) -> Step {
        let id = {
            let p = progress(&env.runs);
            match p.runs.get(self.selected) {
                Some(r) => r.id.clone(),
                None => return Step::Stay,
            }
        };
        let record = env.runs.iter().find(|r| r.id == id).cloned();
        match record.and_then(|r| replay(env, &r).map(|run| (r, run))) {
            Some((record, run)) => {
                let mut debrief = DebriefScreen::new(run);
                debrief.record = Some(record);
                debrief.from_history = true;
                Step::go(Screen::Debrief(debrief))
            }
            None => {
                self.message = Some(env.t(T::CannotReopen).to_owned());
                Step::Stay
            }
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let area = inset(area);
        let runs = &env.runs;
        let p = progress(runs);
        let (doc, selected_rows) = self.document(env, &p, area.width.saturating_sub(1));
        let offset = scroll_to_show_more(
            doc.len(),
            0,
            usize::from(area.height),
            selected_rows.start,
            selected_rows.end,
        );
        render_doc_more(&doc, offset, area, buf, env.theme.key, |_| {
            env.t(T::MoreBelow).to_owned()
        });
    }

    fn document(&self, env: &Env, p: &Progress, width_: u16) -> (Doc, std::ops::Range<usize>) {
        let theme = env.theme;
        let mut doc = Doc::new(width_);
        let cells = usize::from(width_);
        if let Some(message) = &self.message {
            doc.para(message, theme.bad);
            doc.blank();
        }
        if !env.store.is_enabled() {
            doc.para(env.t(T::NotSaved), theme.dim);
        }
        if p.runs.is_empty() {
            doc.para(env.t(T::NoRuns), theme.dim);
            return (doc, 0..0);
        }
        doc.para(
            &env.tf(T::RunsCount, &[("n", &p.runs.len().to_string())]),
            theme.heading,
        );
        doc.blank();
        let model = model_for(env);
        let step_name = |id: &str| {
            model
                .and_then(|m| m.step(id))
                .map_or_else(|| clean(id), |s| clean(&s.name))
        };

        // Per step: a small table (shown / broken / missed) and the results over time.
        doc.para(env.t(T::StepsOverTime), theme.heading);
        // Steps no run has had in play would be rows of dots.
        let steps: Vec<_> = p.steps.iter().filter(|s| s.in_play() > 0).collect();
        let names: Vec<String> = steps.iter().map(|s| step_name(&s.step)).collect();
        let name_w = names
            .iter()
            .map(|n| width(n))
            .chain([width(env.t(T::StepCol))])
            .max()
            .unwrap_or(0)
            .min(cells / 3);
        let counts_w = 4 * 3;
        let strip_w = cells.saturating_sub(name_w + counts_w + 3).max(1);
        doc.line(Line::from(vec![
            Span::styled(pad(env.t(T::StepCol), name_w), theme.dim),
            Span::styled(
                format!(
                    " {:>3} {:>3} {:>3}  ",
                    result_symbol(StepResult::Shown),
                    result_symbol(StepResult::Broken),
                    result_symbol(StepResult::Missed)
                ),
                theme.dim,
            ),
            Span::styled(env.t(T::OverTime).to_owned(), theme.dim),
        ]));
        for (s, name) in steps.iter().zip(&names) {
            // The latest runs when there are more than fit.
            let skip = s.results.len().saturating_sub(strip_w);
            let mut spans = vec![
                Span::styled(pad(name, name_w), theme.base),
                Span::styled(
                    format!(" {:>3} {:>3} {:>3}  ", s.shown, s.broken, s.missed),
                    theme.base,
                ),
            ];
            for r in &s.results[skip..] {
                spans.push(Span::styled(result_symbol(*r), theme.result(*r)));
            }
            doc.line(Line::from(spans));
        }
        doc.para(env.t(T::Legend), theme.dim);
        doc.blank();

        // Pitfalls
        doc.para(env.t(T::PitfallsMost), theme.heading);
        if p.pitfalls.is_empty() {
            doc.para(env.t(T::NoPitfalls), theme.dim);
        }
        for (id, n) in p.pitfalls.iter().take(5) {
            let label = match model.and_then(|m| m.pitfall(id)) {
                Some((step, pitfall)) => {
                    format!("{} ({})", clean(&pitfall.name), clean(&step.name))
                }
                None => clean(id),
            };
            doc.hanging_styled(
                &format!("{n:>3}× "),
                theme.bad,
                "      ",
                &label,
                theme.base,
            );
        }
        doc.blank();

        // Fit per run, and the runs list
        doc.para(env.t(T::FitPerRun), theme.heading);
        doc.para(env.t(T::RunsList), theme.dim);
        const BAR: usize = 10;
        let mut selected_rows = 0..0;
        for (i, r) in p.runs.iter().enumerate() {
            let start = doc.len();
            let chosen = i == self.selected;
            let when = r.ended;
            let date = crate::i18n::iso_date(when);
            let title = env
                .library
                .scenario(&r.scenario, &r.language)
                .map_or_else(|| clean(&r.scenario), |s| clean(&s.value.title));
            let mark = if r.measured_now { ' ' } else { '*' };
            let (bar, fit) = match r.fit {
                Some(f) => {
                    // (Records are range-checked on load; a bar never outgrows its cells.)
                    let full = (f.min(100) as usize * BAR + 50) / 100;
                    (
                        format!("{}{}", "█".repeat(full), "░".repeat(BAR - full.min(BAR))),
                        format!("{f:>3} %{mark}"),
                    )
                }
                None => (" ".repeat(BAR), format!("  – {mark}")),
            };
            let status = match (r.status, r.outcome) {
                (RunStatus::Abandoned, _) => env.t(T::Abandoned).to_owned(),
                (RunStatus::Finished, Some(o)) => i18n::outcome(env.lang, o).to_owned(),
                (RunStatus::Finished, None) => String::new(),
            };
            let fixed = 2 + 10 + 2 + BAR + 1 + 5 + 2;
            let title_w = cells.saturating_sub(fixed + 2 + width(&status)).max(8);
            doc.line(Line::from(vec![
                Span::styled(if chosen { POINTER } else { NO_POINTER }, theme.key),
                Span::styled(format!("{date}  "), theme.dim),
                Span::styled(bar, theme.good),
                Span::styled(format!(" {fit} "), theme.base),
                Span::styled(
                    pad(&truncate(&title, title_w), title_w),
                    if chosen { theme.selected } else { theme.say },
                ),
                Span::styled(format!("  {status}"), theme.dim),
            ]));
            if chosen {
                selected_rows = start..doc.len();
            }
        }
        if p.runs.iter().any(|r| !r.measured_now) {
            doc.para(env.t(T::OlderRules), theme.dim);
        }
        (doc, selected_rows)
    }
}

/// The encounter model of the interface language, for step and pitfall names.
fn model_for(env: &Env) -> Option<&EncounterModel> {
    let lang = env.lang.code();
    let models = &env.library.models;
    models
        .iter()
        .find(|m| m.value.language == lang && m.value.id == "default")
        .or_else(|| models.iter().find(|m| m.value.language == lang))
        .map(|m| &m.value)
}

/// The run a record describes, replayed choice by choice; `None` when the scenario is gone or
/// its choices no longer lead the same way.
pub fn replay(env: &Env, record: &RunRecord) -> Option<Run> {
    let loaded = env.library.scenario(&record.scenario, &record.language)?;
    let model = env.library.model_for(&loaded.value)?;
    let mut run = Run::new(
        Arc::new(loaded.value.clone()),
        Arc::new(model.clone()),
        record.seed,
    )
    .ok()?;
    run.focus = record.focus.as_ref().map(|f| f.step.clone());
    for c in &record.choices {
        if run.node().id != c.node {
            return None;
        }
        run.choose(c.choice).ok()?;
    }
    Some(run)
}

fn pad(text: &str, cells: usize) -> String {
    let text = truncate(text, cells);
    let fill = cells.saturating_sub(width(&text));
    format!("{text}{}", " ".repeat(fill))
}
