//! Every list moves the same way, from one shared set of bindings: ↑↓ j k, Home/g to the
//! first item and End/G to the last (Home and End alone in the library, where letters type
//! into the filter), and ← goes back where that is natural: from a list, never in a text
//! field, a run in progress, the library (the top screen) or the first start's welcome.
//! The help lists exactly these keys.

use crate::support::tui::{choose_by_text, fixtures, key, rows, screen, typed};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::{ProfileScreen, Screen};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

fn app(lang: Lang) -> App {
    let mut app = App::new(Env::new(lang, Theme::mono(), fixtures(), Some(3)));
    app.update(Action::Resize(80, 24));
    app
}

fn text(app: &App) -> String {
    rows(app).join("\n")
}

/// The profile screen's selected row.
fn profile_selected(app: &App) -> usize {
    match &app.screen {
        Screen::Profile(p) => p.selected,
        _ => panic!("not on the style screen:\n{}", text(app)),
    }
}

#[test]
fn home_end_g_and_shift_g_go_to_the_first_and_last_item_of_every_list() {
    let mut app = app(Lang::En);

    // The style screen (F2).
    key(&mut app, KeyCode::F(2));
    let last = ProfileScreen::new(&app.env, false).items().len() - 1;
    for (code, want) in [
        (KeyCode::End, last),
        (KeyCode::Home, 0),
        (KeyCode::Char('G'), last),
        (KeyCode::Char('g'), 0),
    ] {
        key(&mut app, code);
        assert_eq!(profile_selected(&app), want, "{code:?} on the style screen");
    }
    // The last item is in view when End selects it.
    key(&mut app, KeyCode::End);
    assert!(text(&app).contains("▶     Done"), "{}", text(&app));

    // The self-check: its scale, then its result's three actions.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    let cursor = |app: &App| match &app.screen {
        Screen::SelfCheck(s) => s.cursor,
        _ => panic!("not on the self-check:\n{}", text(app)),
    };
    key(&mut app, KeyCode::End);
    assert_eq!(cursor(&app), 4);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(cursor(&app), 0);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(cursor(&app), 4);
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Esc);

    // The library: Home and End; g is a letter for the filter there.
    key(&mut app, KeyCode::Esc);
    let Screen::Library(l) = &app.screen else {
        panic!("on the library:\n{}", text(&app))
    };
    let last_title = l.entries(&app.env).last().unwrap().value.title.clone();
    key(&mut app, KeyCode::End);
    let Screen::Library(l) = &app.screen else {
        unreachable!()
    };
    assert_eq!(
        l.selected_scenario(&app.env).unwrap().value.title,
        last_title
    );
    key(&mut app, KeyCode::Home);
    let Screen::Library(l) = &app.screen else {
        unreachable!()
    };
    assert_eq!(l.selected, 0);
    typed(&mut app, "g");
    let Screen::Library(l) = &app.screen else {
        unreachable!()
    };
    assert_eq!(l.filter, "g", "letters type into the filter");
    key(&mut app, KeyCode::Esc);

    // The briefing's focus steps.
    typed(&mut app, "parcel");
    key(&mut app, KeyCode::Enter);
    let focus = |app: &App| match &app.screen {
        Screen::Briefing(b) => (b.selected, b.steps.len()),
        _ => panic!("not on the briefing:\n{}", text(app)),
    };
    key(&mut app, KeyCode::End);
    let (selected, steps) = focus(&app);
    assert!(steps > 1);
    assert_eq!(selected, steps - 1);
    key(&mut app, KeyCode::Home);
    assert_eq!(focus(&app).0, 0);

    // The choices of a run: a move, never an answer.
    key(&mut app, KeyCode::Enter);
    let play = |app: &App| match &app.screen {
        Screen::Play(p) => (p.cursor, p.run.choice_order().len(), p.run.taken().len()),
        _ => panic!("not playing:\n{}", text(app)),
    };
    key(&mut app, KeyCode::End);
    let (cursor, choices, answered) = play(&app);
    assert_eq!((cursor, answered), (Some(choices - 1), 0));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(play(&app).0, Some(0));
    assert_eq!(play(&app).2, 0, "a move answers nothing");

    // The progress view's runs.
    choose_by_text(&mut app, &["Hello", "Oh no", "It's at"]);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Esc);
    // Back on the library: the same scenario again.
    key(&mut app, KeyCode::Esc);
    typed(&mut app, "parcel");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    choose_by_text(&mut app, &["Hello", "Oh no", "It's at"]);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Tab);
    let selected = |app: &App| match &app.screen {
        Screen::Progress(p) => p.selected,
        _ => panic!("not on the progress view:\n{}", text(app)),
    };
    assert_eq!(selected(&app), 1, "the newest run first");
    key(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), 0);
    key(&mut app, KeyCode::End);
    assert_eq!(selected(&app), 1);
}

#[test]
fn left_goes_back_from_lists_only() {
    let mut app = app(Lang::En);
    let on_library = |app: &App| matches!(app.screen, Screen::Library(_));

    // The library is the top screen: ← neither quits nor clears the filter.
    typed(&mut app, "parcel");
    key(&mut app, KeyCode::Left);
    assert!(on_library(&app) && !app.quit);
    let Screen::Library(l) = &app.screen else {
        unreachable!()
    };
    assert_eq!(l.filter, "parcel");

    // The briefing goes back to the library as it was.
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Briefing(_)));
    key(&mut app, KeyCode::Left);
    assert!(on_library(&app));

    // A run in progress: ← neither leaves nor asks.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Left);
    assert!(matches!(app.screen, Screen::Play(_)) && app.overlay.is_none());
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(on_library(&app));
    key(&mut app, KeyCode::Esc);

    // The style screen and the progress view go back to the library.
    for open in [KeyCode::F(2), KeyCode::Tab] {
        key(&mut app, open);
        assert!(!on_library(&app));
        key(&mut app, KeyCode::Left);
        assert!(on_library(&app), "{open:?}: ← goes back\n{}", text(&app));
    }

    // The self-check: ← is the previous statement.
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Left);
    let Screen::SelfCheck(s) = &app.screen else {
        panic!("on the self-check:\n{}", text(&app))
    };
    assert_eq!(
        (s.at, s.cursor),
        (1, 3),
        "back at statement 2, its answer selected"
    );

    // The first start's welcome: Esc skips, as it says; ← does not.
    let mut app = self::app(Lang::En);
    app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    key(&mut app, KeyCode::Left);
    assert!(matches!(app.screen, Screen::Profile(_)));
}

#[test]
fn the_help_lists_the_list_keys() {
    for (lang, code, first, last) in [
        (Lang::En, "en", "to the first item", "to the last item"),
        (Lang::Fi, "fi", "ensimmäiseen kohtaan", "viimeiseen kohtaan"),
    ] {
        let mut app = app(lang);
        key(&mut app, KeyCode::F(2));
        key(&mut app, KeyCode::Char('?'));
        let help = text(&app);
        for (keys, what) in [("Home/g", first), ("End/G", last), ("←", "")] {
            assert!(
                help.lines()
                    .any(|l| l.contains(&format!(" {keys} ")) && l.contains(what)),
                "{lang:?}: {keys} in\n{help}"
            );
        }
        assert_snapshot!(format!("help_profile_{code}"), screen(&app).backend());
        // The library's own: Home and End without the letters.
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('?'));
        let help = text(&app);
        assert!(
            help.lines()
                .any(|l| l.contains(" Home ") && l.contains(first) && !l.contains("Home/g")),
            "{help}"
        );
    }
}
