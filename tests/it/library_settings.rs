//! A scenario's settings: shown in the library and the briefing in the interface language, and
//! found by the library's filter in either language.

use crate::support::bundled;
use crate::support::tui::{key, rows, typed};
use crossterm::event::KeyCode;
use kohtaa::content::Setting;
use kohtaa::i18n::Lang;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

fn app(lang: Lang) -> App {
    let mut app = App::new(Env::new(lang, Theme::mono(), bundled().clone(), Some(1)));
    app.update(Action::Resize(100, 40));
    app
}

#[test]
fn the_filter_finds_a_scenario_by_its_setting_in_either_language() {
    let library = bundled();
    let on_phone = |lang: &str| {
        let mut titles: Vec<String> = library
            .scenarios
            .iter()
            .filter(|s| s.value.language == lang && s.value.settings.contains(&Setting::Phone))
            .map(|s| s.value.title.clone())
            .collect();
        titles.sort();
        titles
    };
    for (lang, code, word) in [(Lang::Fi, "fi", "phone"), (Lang::En, "en", "puhelin")] {
        let expected = on_phone(code);
        assert!(
            !expected.is_empty(),
            "some bundled scenario happens on the phone"
        );
        let mut app = app(lang);
        typed(&mut app, word);
        let screen = rows(&app).join("\n");
        for title in &expected {
            assert!(
                screen.contains(title.as_str()),
                "{word}: {title} in\n{screen}"
            );
        }
    }
}

#[test]
fn the_briefing_names_the_setting_in_the_interface_language() {
    let mut app = app(Lang::Fi);
    typed(&mut app, "lääkäri tänään");
    key(&mut app, KeyCode::Enter);
    let screen = rows(&app).join("\n");
    assert!(
        screen.contains("Työympäristö: puhelin, terveydenhuolto"),
        "{screen}"
    );
}
