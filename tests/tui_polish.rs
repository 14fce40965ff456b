//! What a demanding learner would notice on the app's screens: keys offered only when they do
//! something, hints that match what is on screen, nothing hidden below the fold unmarked,
//! and mood wording at the end of the scale. Fixture library only; nothing is saved.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kohtaa::content::{Library, LoadOptions};
use kohtaa::i18n::Lang;
use kohtaa::tui::render::render;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixtures() -> Library {
    Library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into()],
    })
}

fn app(lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::new(Env::new(lang, Theme::default_colors(), fixtures(), Some(3)));
    app.update(Action::Resize(w, h));
    app
}

fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.action_for(&event) {
        app.update(action);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The screen as text, one string per row.
fn rows(app: &App) -> Vec<String> {
    let (w, h) = app.env.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect())
        .collect()
}

fn hint_bar(app: &App) -> String {
    rows(app).last().cloned().unwrap_or_default()
}

/// The late-parcel fixture's play screen.
fn to_play(app: &mut App) {
    typed(app, "parcel");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
}

/// Plays the choices whose `say` starts with each prefix.
fn choose_by_text(app: &mut App, prefixes: &[&str]) {
    for prefix in prefixes {
        let Screen::Play(play) = &app.screen else {
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

const GOOD: &[&str] = &["Hello", "Oh no", "It's at"];
const BAD: &[&str] = &["Tracking", "It's only", "It's in"];

#[test]
fn replay_from_the_turn_is_offered_only_when_something_went_wrong() {
    let mut app = app(Lang::En, 80, 24);
    to_play(&mut app);
    choose_by_text(&mut app, GOOD);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Debrief(_)));
    assert!(!hint_bar(&app).contains(" w "), "{}", hint_bar(&app));
    key(&mut app, KeyCode::F(1));
    let help = rows(&app).join("\n");
    assert!(help.contains("play again"), "the help is open:\n{help}");
    assert!(!help.contains("replay from where it turned"), "{help}");
    key(&mut app, KeyCode::Esc);
    // Pressed anyway: nothing happens.
    key(&mut app, KeyCode::Char('w'));
    assert!(matches!(app.screen, Screen::Debrief(_)));

    let mut app = self::app(Lang::En, 80, 24);
    to_play(&mut app);
    choose_by_text(&mut app, BAD);
    key(&mut app, KeyCode::Enter);
    assert!(hint_bar(&app).contains(" w replay from where it turned"));
    key(&mut app, KeyCode::Char('w'));
    let Screen::Play(play) = &app.screen else {
        panic!("w replays");
    };
    assert_eq!(play.run.taken().len(), 1, "back at the turning point");
}

#[test]
fn the_digit_hint_counts_the_choices_on_screen() {
    for lang in [Lang::En, Lang::Fi] {
        let mut app = app(lang, 80, 24);
        if lang == Lang::En {
            to_play(&mut app);
        } else {
            typed(&mut app, "paketti");
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Enter);
        }
        // Three choices at the counter, two in the next moment.
        assert!(hint_bar(&app).starts_with(" 1-3 "), "{}", hint_bar(&app));
        key(&mut app, KeyCode::F(1));
        assert!(rows(&app).iter().any(|r| r.contains("  1-3  ")));
        assert!(!rows(&app).iter().any(|r| r.contains("1-9")));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Enter);
        assert!(hint_bar(&app).starts_with(" 1-2 "), "{}", hint_bar(&app));
    }
}
