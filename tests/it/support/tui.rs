//! Driving the app in tests: the fixture library, keys, and the screen it draws.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kohtaa::content::Library;
use kohtaa::tui::App;
use kohtaa::tui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The small fixture library (never the bundled one, whose content changes).
pub fn fixtures() -> Library {
    super::library_of([super::fixture("play")])
}

/// A key with modifiers, as the terminal would send it.
pub fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for(&KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The app drawn once at its size.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.env.size;
    screen_at(app, w, h)
}

/// The app drawn once on a terminal of `w` x `h`, whatever size it thinks it has.
pub fn screen_at(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
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

/// The screen as text, its rows joined by newlines.
pub fn text(app: &App) -> String {
    rows(app).join("\n")
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
