//! `kohtaa play`: a draft in the app, reloaded after edits, replaying the choices made.

use crossterm::event::{KeyCode, KeyModifiers};
use kohtaa::authoring::template;
use kohtaa::content::{Library, Style};
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::{DraftScreen, Screen};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{App, Env};

use crate::support::tui::{key, press, screen_at};

fn screen_text(app: &App) -> String {
    let terminal = screen_at(app, 100, 30);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn draft_app(path: &std::path::Path) -> App {
    let env = Env::new(Lang::En, Theme::mono(), Library::default(), Some(1));
    let draft = DraftScreen::open(&env, path.to_path_buf(), Vec::new(), None);
    let mut app = App::new(env);
    app.update(kohtaa::tui::Action::Resize(100, 30));
    app.screen = Screen::Draft(draft);
    app
}

fn taken(app: &App) -> Vec<(String, usize)> {
    match &app.screen {
        Screen::Draft(d) => d
            .run()
            .map(|r| {
                r.taken()
                    .iter()
                    .map(|t| (t.node.clone(), t.choice))
                    .collect()
            })
            .unwrap_or_default(),
        _ => panic!("left the draft screen"),
    }
}

/// Picks the choice whose text starts with `prefix`, whatever the shuffled order.
fn choose(app: &mut App, prefix: &str) {
    let text = screen_text(app);
    let line = text
        .lines()
        .find(|l| l.contains(prefix))
        .unwrap_or_else(|| panic!("no choice {prefix:?} in\n{text}"));
    let digit = line
        .chars()
        .find(|c| c.is_ascii_digit())
        .expect("numbered choice");
    key(app, KeyCode::Char(digit));
    key(app, KeyCode::Enter);
}

#[test]
fn reload_replays_the_choices_that_still_exist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    std::fs::write(&path, template::new_scenario("draft", "en", Style::S)).unwrap();
    let mut app = draft_app(&path);
    choose(&mut app, "That letter has clearly");
    assert_eq!(taken(&app), [("opening".to_owned(), 0)]);
    assert!(screen_text(&app).contains("So what does it actually mean for me?"));

    // An edit to the text: F5 reloads, the choice is replayed, the new words are shown.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("So what does it actually mean", "What does this mean"),
    )
    .unwrap();
    key(&mut app, KeyCode::F(5));
    assert_eq!(taken(&app), [("opening".to_owned(), 0)]);
    let shown = screen_text(&app);
    assert!(shown.contains("What does this mean for me?"), "{shown}");
    assert!(shown.contains("Reloaded: 1 of 1 choices replayed."));

    // A syntax error: the diagnostics are shown in the app, nothing crashes.
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replacen("    title:", "    titel:", 1)).unwrap();
    press(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let shown = screen_text(&app);
    assert!(shown.contains("Errors in"), "{shown}");
    assert!(shown.contains("error: unknown field `titel`"), "{shown}");
    // The note is longer than the screen is wide: it wraps, and its end is read too.
    assert!(shown.contains("`start` or `nodes`"), "{shown}");
    assert!(!app.quit);

    // Fixed again: the remembered choice is replayed.
    std::fs::write(&path, &good).unwrap();
    key(&mut app, KeyCode::F(5));
    assert_eq!(taken(&app), [("opening".to_owned(), 0)]);

    // The node the path went through is renamed: replay stops where the path no longer fits.
    choose(&mut app, "It means the application");
    assert_eq!(taken(&app).len(), 2);
    std::fs::write(&path, good.replace("\"reading\"", "\"reading-it\"")).unwrap();
    key(&mut app, KeyCode::F(5));
    assert_eq!(taken(&app), [("opening".to_owned(), 0)]);
    assert!(screen_text(&app).contains("Reloaded: 1 of 2 choices replayed."));
}

#[test]
fn a_draft_that_does_not_parse_opens_on_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Scenario(id: \"x\",").unwrap();
    let mut app = draft_app(&path);
    let shown = screen_text(&app);
    assert!(shown.contains("This draft cannot be played yet"), "{shown}");
    assert!(shown.contains("[K0101]"), "{shown}");
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}
