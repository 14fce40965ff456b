//! Playing a draft (`kohtaa play FILE`): the play and debrief screens over a file the author
//! is editing. F5 or Ctrl-R reloads the file and replays the choices made so far, as far as
//! they still exist (the way ink's editor does). A file with errors shows its diagnostics
//! here instead of a run; fixing it and reloading goes back to playing.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{DebriefScreen, PlayScreen, Screen, Step, debrief, play};
use crate::diagnostics::Render;
use crate::i18n::{Lang, T};
use crate::practice::Run;
use crate::store::draft::{self, Draft, DraftError};
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    self, BACK, Binding, Key, PAGE_DOWN, PAGE_UP, SCROLL_DOWN, SCROLL_UP, TO_END, TO_TOP, bind,
};
use crate::tui::text::{Doc, clean};
use crate::tui::widgets::{inset, max_offset, render_doc, scrolled};

const RELOAD: Binding = bind(
    &[Key::Code(KeyCode::F(5)), Key::Ctrl('r')],
    "F5/Ctrl-R",
    Action::Reload,
    T::DraftReload,
    true,
);

/// `first`, then `rest`: a screen's own key section with the reload key in front.
const fn prepend<const N: usize>(first: Binding, rest: &[Binding]) -> [Binding; N] {
    let mut out = [first; N];
    let mut i = 0;
    while i < rest.len() {
        out[i + 1] = rest[i];
        i += 1;
    }
    out
}

/// [`play::KEYS_BY_COUNT`] with the reload key in front of each.
static CHOOSING: [[Binding; play::KEYS.len() + 1]; 10] = {
    let mut out = [[RELOAD; play::KEYS.len() + 1]; 10];
    let mut n = 0;
    while n < 10 {
        out[n] = prepend(RELOAD, &play::KEYS_BY_COUNT[n]);
        n += 1;
    }
    out
};
const FEEDBACK: [Binding; play::FEEDBACK_KEYS.len() + 1] = prepend(RELOAD, play::FEEDBACK_KEYS);
const DEBRIEF: [Binding; debrief::KEYS.len() + 1] = prepend(RELOAD, debrief::KEYS);
const DEBRIEF_NO_TURN: [Binding; debrief::KEYS_NO_TURN.len() + 1] =
    prepend(RELOAD, debrief::KEYS_NO_TURN);

/// Keys while the draft has errors.
#[rustfmt::skip]
pub const BROKEN_KEYS: &[Binding] = &[
    RELOAD,
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    TO_TOP,
    TO_END,
    bind(BACK, "q/Esc", Action::Back, T::Quit, true),
];

enum Inner {
    Play(PlayScreen),
    Debrief(Box<DebriefScreen>),
    /// The file cannot be played: its diagnostics, rendered plain, one string per line.
    Broken {
        lines: Vec<String>,
        scroll: u16,
    },
}

pub struct DraftScreen {
    path: PathBuf,
    /// Folders to find models in (`--scenarios`).
    folders: Vec<PathBuf>,
    start: Option<String>,
    seed: u64,
    inner: Inner,
    /// The choices made so far, (node id, choice index in file order): kept while the file
    /// is broken, so that the next good reload still replays them.
    remembered: Vec<(String, usize)>,
    /// What the last reload did, shown under the screen.
    status: Option<String>,
}

impl DraftScreen {
    pub fn open(
        env: &Env,
        path: PathBuf,
        folders: Vec<PathBuf>,
        start: Option<String>,
    ) -> DraftScreen {
        let mut screen = DraftScreen {
            path,
            folders,
            start,
            seed: env.next_seed(),
            inner: Inner::Broken {
                lines: Vec::new(),
                scroll: 0,
            },
            remembered: Vec::new(),
            status: None,
        };
        screen.reload(env);
        screen.status = None;
        screen
    }

    /// The run on screen, if the draft is playable.
    pub fn run(&self) -> Option<&Run> {
        match &self.inner {
            Inner::Play(p) => Some(&p.run),
            Inner::Debrief(d) => Some(&d.run),
            Inner::Broken { .. } => None,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        match &self.inner {
            Inner::Play(p) if p.phase == play::Phase::Feedback => &FEEDBACK,
            Inner::Play(p) => keymap::for_count(&CHOOSING, p.run.choice_order().len()),
            Inner::Debrief(d) if d.debrief.turn.is_some() => &DEBRIEF,
            Inner::Debrief(_) => &DEBRIEF_NO_TURN,
            Inner::Broken { .. } => BROKEN_KEYS,
        }
    }

    pub fn title(&self, env: &Env) -> String {
        let file = self.path.display().to_string();
        match &self.inner {
            Inner::Play(p) => format!("{} — {}", p.title(env), clean(&file)),
            Inner::Debrief(d) => format!("{} — {}", d.title(env), clean(&file)),
            Inner::Broken { .. } => env.tf(T::DraftErrorsTitle, &[("file", &clean(&file))]),
        }
    }

    /// Reads the file again and replays the remembered choices as far as they still exist.
    pub fn reload(&mut self, env: &Env) {
        self.reload_saying(env, T::DraftReloaded);
    }

    /// The file was saved: reloaded as F5 does, saying why.
    pub fn saved(&mut self, env: &Env) {
        self.reload_saying(env, T::DraftReloadedOnSave);
    }

    /// The file cannot be watched for saves (`error`: the system's reason, if it gave one).
    pub fn cannot_watch(&mut self, env: &Env, error: Option<&std::io::Error>) {
        self.status = Some(match error {
            Some(e) => env.tf(
                T::DraftCannotWatch,
                &[("error", &crate::i18n::io_error(env.lang, e))],
            ),
            None => env.t(T::DraftNotWatched).to_owned(),
        });
    }

    fn reload_saying(&mut self, env: &Env, reloaded: T) {
        if let Some(run) = self.run() {
            self.remembered = run
                .taken()
                .iter()
                .map(|t| (t.node.clone(), t.choice))
                .collect();
        }
        match draft::load(&self.path, &self.folders) {
            Ok(d) if !d.has_errors() => match self.replay(&d, env.lang) {
                Ok((run, done)) => {
                    let all = self.remembered.len();
                    self.status = Some(env.tf(
                        reloaded,
                        &[("done", &done.to_string()), ("all", &all.to_string())],
                    ));
                    self.inner = Inner::Play(PlayScreen::new(run));
                }
                Err(why) => self.broken(vec![why]),
            },
            Ok(d) => self.broken(rendered(env, &d.diagnostics)),
            Err(DraftError::Invalid(diagnostics)) => self.broken(rendered(env, &diagnostics)),
            Err(DraftError::NotAScenario) => {
                self.broken(vec![env.t(T::DraftNotAScenario).to_owned()])
            }
        }
    }

    fn broken(&mut self, lines: Vec<String>) {
        self.status = None;
        self.inner = Inner::Broken { lines, scroll: 0 };
    }

    /// A new run of `d` with the remembered choices taken again, and how many were.
    fn replay(&self, d: &Draft, lang: Lang) -> Result<(Run, usize), String> {
        let mut run = Run::new(Arc::clone(&d.scenario), Arc::clone(&d.model), self.seed)
            .map_err(|e| e.message(lang))?;
        if let Some(start) = &self.start {
            run.start_at(start).map_err(|e| e.message(lang))?;
        }
        let mut done = 0;
        for (node, choice) in &self.remembered {
            if run.is_finished()
                || run.node().id != *node
                || *choice >= run.node().choice_list().len()
                || run.choose(*choice).is_err()
            {
                break;
            }
            done += 1;
        }
        Ok((run, done))
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        if action == Action::Reload {
            self.reload(env);
            return Step::Stay;
        }
        self.status = None;
        let step = match &mut self.inner {
            Inner::Broken { lines, scroll } => {
                if action == Action::Back {
                    return Step::Quit;
                }
                let (w, h) = env.size;
                let area = inset(Rect::new(0, 0, w, h.saturating_sub(2)));
                let rows = broken_doc(env, lines, area.width).len();
                let view = usize::from(area.height);
                let max = max_offset(rows, view);
                if let Some(to) = scrolled(action, usize::from(*scroll), max, view) {
                    *scroll = u16::try_from(to).unwrap_or(u16::MAX);
                }
                return Step::Stay;
            }
            Inner::Play(p) => p.update(env, action),
            Inner::Debrief(d) => d.update(env, action),
        };
        self.keep_here(step)
    }

    /// The play and debrief screens think they are in the app; in a draft, what would go to
    /// another screen stays here, and leaving the run quits.
    fn keep_here(&mut self, step: Step) -> Step {
        match step {
            Step::Go(screen) => match *screen {
                Screen::Play(p) => {
                    self.inner = Inner::Play(p);
                    Step::Stay
                }
                Screen::Debrief(d) => {
                    self.inner = Inner::Debrief(Box::new(d));
                    Step::Stay
                }
                // From the debrief: back to the run's ending, not to the library.
                _ if matches!(self.inner, Inner::Debrief(_)) => {
                    if let Inner::Debrief(d) = &self.inner {
                        self.inner = Inner::Play(PlayScreen::new(d.run.clone()));
                    }
                    Step::Stay
                }
                _ => Step::Quit,
            },
            Step::Confirm { question, then } => Step::Confirm {
                question,
                then: Box::new(self.keep_here(*then)),
            },
            other => other,
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let [body, status_row] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::from(self.status.is_some())),
        ]));
        if let Some(status) = &self.status {
            let row = Rect {
                x: status_row.x + 1,
                width: status_row.width.saturating_sub(2),
                ..status_row
            };
            Paragraph::new(Line::styled(clean(status), env.theme.dim)).render(row, buf);
        }
        match &self.inner {
            Inner::Play(p) => p.render(env, body, buf),
            Inner::Debrief(d) => d.render(env, body, buf),
            Inner::Broken { lines, scroll } => {
                let area = inset(body);
                let doc = broken_doc(env, lines, area.width);
                render_doc(&doc, usize::from(*scroll), area, buf);
            }
        }
    }
}

/// The diagnostics of a draft that does not load, `width` cells wide.
fn broken_doc(env: &Env, lines: &[String], width: u16) -> Doc {
    let mut doc = Doc::new(width);
    doc.para(env.t(T::DraftFixHint), env.theme.key);
    doc.blank();
    for line in lines {
        let body = line.trim_start();
        let snippet = body
            .split_once('|')
            .is_some_and(|(gutter, _)| gutter.trim().chars().all(|c| c.is_ascii_digit()));
        if body.is_empty() {
            doc.blank();
        } else if snippet {
            // Plain and unwrapped, so the caret under the snippet stays in place.
            doc.line(Line::styled(clean(line), env.theme.base));
        } else {
            // The message and its notes wrap, each under its own start.
            let lead = &line[..line.len() - body.len()];
            doc.hanging(lead, lead, body, env.theme.base);
        }
    }
    doc
}

/// The diagnostics as `kohtaa check` prints them, in the interface language.
fn rendered(env: &Env, diagnostics: &[crate::content::Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .flat_map(|d| {
            let text = d.render_in(env.lang, false);
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            lines.push(String::new());
            lines
        })
        .collect()
}
