//! Driving the app in tests: the fixture library, keys, and the screen it draws.

#![allow(dead_code)] // each test file uses its own share

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kohtaa::content::Library;
use kohtaa::store::library::{self, LoadOptions};
use kohtaa::tui::App;
use kohtaa::tui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The small fixture library (never the bundled one, whose content changes).
pub fn fixtures() -> Library {
    library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into()],
    })
}

pub fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.action_for(&event) {
        app.update(action);
    }
}

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The app drawn once at its size.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.env.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal
}

/// The screen as text, one string per row.
pub fn rows(app: &App) -> Vec<String> {
    let terminal = screen(app);
    let buf = terminal.backend().buffer();
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Plays the choices whose `say` starts with each prefix.
pub fn choose_by_text(app: &mut App, prefixes: &[&str]) {
    for prefix in prefixes {
        let kohtaa::tui::screens::Screen::Play(play) = &app.screen else {
            panic!("not on the play screen");
        };
        let choices = play.run.node().choice_list();
        let at = play
            .run
            .choice_order()
            .iter()
            .position(|&i| choices[i].say.starts_with(prefix))
            .unwrap_or_else(|| panic!("no choice starting {prefix:?}"));
        key(
            app,
            KeyCode::Char(char::from_digit(at as u32 + 1, 10).unwrap()),
        );
        key(app, KeyCode::Enter);
    }
}
