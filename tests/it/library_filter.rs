//! The library's filter: diacritics do not matter, and a match in the title ranks first.

use crate::support::bundled;
use crate::support::tui::{rows, typed};
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

fn app(lang: Lang) -> App {
    let mut app = App::new(Env::new(lang, Theme::mono(), bundled().clone(), Some(1)));
    app.update(Action::Resize(100, 40));
    app
}

/// The titles the list shows, top to bottom.
fn listed(app: &App) -> Vec<String> {
    let Screen::Library(_) = &app.screen else {
        panic!("not in the library")
    };
    let titles: Vec<String> = bundled()
        .scenarios
        .iter()
        .map(|s| s.value.title.clone())
        .collect();
    let mut shown: Vec<(usize, String)> = Vec::new();
    for (row, line) in rows(app).iter().enumerate() {
        for t in &titles {
            if line.contains(&format!(" {t}  ")) && !shown.iter().any(|(_, s)| s == t) {
                shown.push((row, t.clone()));
            }
        }
    }
    shown.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn letters_without_their_dots_still_match() {
    let mut app = app(Lang::Fi);
    typed(&mut app, "laak");
    assert!(
        listed(&app).iter().any(|t| t == "Lääkäri tänään"),
        "{}",
        rows(&app).join("\n")
    );
}

#[test]
fn a_title_match_comes_before_a_match_elsewhere() {
    let mut app = app(Lang::En);
    typed(&mut app, "ring");
    let list = listed(&app);
    let first = list.first().expect("something matches").to_lowercase();
    assert!(first.contains("ring"), "{list:?}");
}
