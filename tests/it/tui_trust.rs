//! Keys a learner can trust: no answer is preselected, Enter never answers a question the
//! learner has not looked at, only `y` confirms, restarting asks, and feedback that overflows
//! the screen scrolls.

use crate::support::tui::{fixtures, key, rows, typed};
use crossterm::event::KeyCode;
use kohtaa::content::Style;
use kohtaa::content::styles::LearnerStyle;
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

fn playing(w: u16, h: u16) -> App {
    let mut env = Env::new(Lang::En, Theme::mono(), fixtures(), Some(3));
    // The S framing is the longest: step by step, with the reasons.
    env.learner = Some(LearnerStyle::Pure(Style::S));
    let mut app = App::new(env);
    app.update(Action::Resize(w, h));
    typed(&mut app, "parcel");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Play(_)));
    app
}

fn answers(app: &App) -> usize {
    match &app.screen {
        Screen::Play(p) => p.run.taken().len(),
        _ => panic!("not playing"),
    }
}

/// Answers with the digit of the choice that starts with `prefix`, and stays on its feedback.
fn pick(app: &mut App, prefix: &str) {
    let Screen::Play(play) = &app.screen else {
        panic!("not playing")
    };
    let choices = play.run.node().choice_list();
    let at = play
        .run
        .choice_order()
        .iter()
        .position(|&i| choices[i].say.starts_with(prefix))
        .unwrap();
    key(
        app,
        KeyCode::Char(char::from_digit(at as u32 + 1, 10).unwrap()),
    );
}

#[test]
fn enter_alone_never_answers_a_new_question() {
    let mut app = playing(80, 24);
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app), 0, "nothing was selected");
    // A digit answers; the feedback's Enter continues; the next Enter finds nothing selected.
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(answers(&app), 1);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app), 1, "Enter twice answered an unseen question");
    // A deliberate move, then Enter, answers.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app), 2);
}

#[test]
fn only_y_confirms_leaving_a_run() {
    let mut app = playing(80, 24);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    for not_yes in [KeyCode::Enter, KeyCode::Char('k'), KeyCode::Esc] {
        key(&mut app, KeyCode::Char('q'));
        assert!(app.overlay.is_some(), "leaving asks");
        key(&mut app, not_yes);
        if app.overlay.is_some() {
            // A key that is not an answer leaves the question open; `n` closes it.
            key(&mut app, KeyCode::Char('n'));
        }
        assert!(app.overlay.is_none());
        assert_eq!(answers(&app), 1, "{not_yes:?} left the run");
    }
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.screen, Screen::Library(_)));
}

#[test]
fn restarting_asks_first_and_no_keeps_the_answers() {
    let mut app = playing(80, 24);
    key(&mut app, KeyCode::Char('r'));
    assert!(app.overlay.is_none(), "nothing to lose: nothing to ask");
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    assert!(rows(&app).join("\n").contains("Start this run again"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app), 1, "Enter keeps the answers");
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(answers(&app), 0);
}

#[test]
fn feedback_taller_than_the_screen_scrolls_to_its_end() {
    let mut app = playing(60, 16);
    pick(&mut app, "Hello");
    key(&mut app, KeyCode::Enter);
    // Minimising: the S framing explains the step it broke, with its standard.
    pick(&mut app, "It's only");
    let hint = "Press Enter to continue";
    let text = rows(&app).join("\n");
    assert!(
        !text.contains(hint),
        "the feedback fits; the test needs a smaller screen:\n{text}"
    );
    assert!(text.contains("more below"), "{text}");
    key(&mut app, KeyCode::End);
    let text = rows(&app).join("\n");
    assert!(text.contains(hint), "{text}");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Down);
    let first = rows(&app)[3].clone();
    key(&mut app, KeyCode::Up);
    assert_ne!(rows(&app)[3], first, "↓ and ↑ move the feedback");
    assert!(
        rows(&app).last().unwrap().contains("scroll"),
        "the key bar says so"
    );
}

#[test]
fn the_reflection_field_edits_where_the_cursor_is() {
    let mut app = playing(80, 24);
    for prefix in ["Hello", "Oh no", "It's at"] {
        pick(&mut app, prefix);
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    assert!(
        matches!(app.screen, Screen::Reflect(_)),
        "the reflection follows the debrief"
    );
    typed(&mut app, "abc");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    typed(&mut app, "X");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Backspace);
    let Screen::Reflect(r) = &app.screen else {
        unreachable!()
    };
    assert_eq!(r.answers[0], "Xb");
    assert!(rows(&app).join("\n").contains("Xb▏"));
}

#[test]
fn a_narrow_terminal_cuts_the_focus_with_an_ellipsis() {
    let app = playing(60, 16);
    let status = rows(&app)[1].trim_end().to_owned();
    assert!(status.ends_with('…'), "{status}");
}

/// The help scrolls as every long view does, and stops at its last row: ↑ after too many ↓
/// moves at once.
#[test]
fn the_help_scrolls_with_the_shared_keys_and_stops_at_its_end() {
    let mut app = playing(60, 16);
    key(&mut app, KeyCode::Char('?'));
    let top = rows(&app).join("\n");
    assert!(top.contains("more below"), "{top}");
    key(&mut app, KeyCode::End);
    let end = rows(&app).join("\n");
    assert!(
        end.contains("Ctrl-C"),
        "the last key is shown at the end:\n{end}"
    );
    for _ in 0..50 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(rows(&app).join("\n"), end, "↓ stops at the end");
    key(&mut app, KeyCode::Up);
    assert_ne!(rows(&app).join("\n"), end, "one ↑ moves at once");
    key(&mut app, KeyCode::PageDown);
    assert_eq!(rows(&app).join("\n"), end);
    key(&mut app, KeyCode::Home);
    assert_eq!(rows(&app).join("\n"), top);
    key(&mut app, KeyCode::Esc);
    assert!(
        !rows(&app).join("\n").contains("Ctrl-C"),
        "Esc closes the help"
    );
}
