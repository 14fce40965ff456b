//! The library screen keeps its list between frames: after typing, erasing, moving, resizing
//! or changing the language, a frame of the same app is the frame a fresh app in that state
//! draws.

use kohtaa::i18n::Lang;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::buffer::Buffer;

use crate::support::tui::{fixtures, screen};

fn frame(app: &App) -> Buffer {
    screen(app).backend().buffer().clone()
}

/// A new app brought to the same state by the same actions, drawn once.
fn fresh(lang: Lang, actions: &[Action]) -> Buffer {
    let mut app = App::new(Env::new(lang, Theme::default_colors(), fixtures(), Some(3)));
    for a in actions {
        app.update(*a);
    }
    frame(&app)
}

#[test]
fn a_frame_after_any_change_is_the_frame_of_a_fresh_app() {
    let steps: Vec<Vec<Action>> = vec![
        vec![Action::Resize(100, 30)],
        vec![Action::Type('p')],
        vec![Action::Type('a')],
        vec![Action::Erase],
        vec![Action::Erase],
        vec![Action::Down],
        vec![Action::Resize(160, 40)],
        vec![Action::Resize(70, 24)],
        vec![Action::Type('z'), Action::Type('z'), Action::Type('z')],
        vec![Action::Back],
        vec![Action::End],
    ];
    let mut app = App::new(Env::new(
        Lang::En,
        Theme::default_colors(),
        fixtures(),
        Some(3),
    ));
    let mut done = Vec::new();
    let mut frames = Vec::new();
    for step in steps {
        for a in step {
            app.update(a);
            done.push(a);
        }
        let drawn = frame(&app);
        assert_eq!(drawn, fresh(Lang::En, &done), "after {done:?}");
        frames.push(drawn);
    }
    // The changes showed: not every frame was the same.
    frames.dedup();
    assert!(frames.len() > 5, "{} distinct frames", frames.len());

    // And the list follows the filter (a fresh app replaying the same keys would share a
    // list that failed to).
    let text = |b: &Buffer| b.content().iter().map(|c| c.symbol()).collect::<String>();
    let mut filtered = App::new(Env::new(
        Lang::En,
        Theme::default_colors(),
        fixtures(),
        Some(3),
    ));
    filtered.update(Action::Resize(100, 30));
    let all = text(&frame(&filtered));
    assert!(all.contains("The late parcel") && all.contains("A lost key card"));
    for c in "card".chars() {
        filtered.update(Action::Type(c));
    }
    let card = text(&frame(&filtered));
    assert!(card.contains("A lost key card") && !card.contains("The late parcel"));
    filtered.update(Action::Type('z'));
    assert!(text(&frame(&filtered)).contains("No scenario matches the filter."));
    filtered.update(Action::Back);
    assert_eq!(text(&frame(&filtered)), all);

    // The language changes under the same screen: the list follows.
    app.env.lang = Lang::Fi;
    assert_eq!(frame(&app), fresh(Lang::Fi, &done));
}
