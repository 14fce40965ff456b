//! The library's keys as users of gitui, lazygit or helix expect them: Esc never quits from
//! the top screen, `q` quits only with no filter (and `/` lets a filter start with "q"), the
//! list opens at its top with "Practise next" as a row, other languages wait behind one key,
//! the filter survives a briefing, and matches are marked.

use crate::support::tui::{choose_by_text, fixtures, key, rows, screen, typed};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::{LibraryScreen, Screen};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::style::Modifier;

fn app(lang: Lang) -> App {
    let mut app = App::new(Env::new(lang, Theme::mono(), fixtures(), Some(3)));
    app.update(Action::Resize(80, 24));
    app
}

fn library(app: &App) -> &LibraryScreen {
    match &app.screen {
        Screen::Library(l) => l,
        _ => panic!("not on the library:\n{}", rows(app).join("\n")),
    }
}

fn text(app: &App) -> String {
    rows(app).join("\n")
}

fn bar(app: &App) -> String {
    rows(app).last().unwrap().clone()
}

#[test]
fn esc_without_a_filter_stays_and_says_that_q_quits() {
    for (lang, says) in [
        (Lang::En, "Press q to quit."),
        (Lang::Fi, "Lopeta painamalla q."),
    ] {
        let mut app = app(lang);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        assert!(!app.quit, "{lang:?}: Esc never quits from the library");
        library(&app);
        assert!(text(&app).contains(says), "{lang:?}:\n{}", text(&app));
        assert!(bar(&app).contains(" q "), "{}", bar(&app));
        // Any other key and the note is gone.
        key(&mut app, KeyCode::Down);
        assert!(!text(&app).contains(says));
        key(&mut app, KeyCode::Char('q'));
        assert!(app.quit, "{lang:?}: q quits with no filter");
    }
}

#[test]
fn esc_with_a_filter_clears_it_and_q_is_a_letter_there() {
    let mut app = app(Lang::En);
    typed(&mut app, "lat");
    assert!(bar(&app).contains(" Esc clear "), "{}", bar(&app));
    assert!(!bar(&app).contains(" q "), "{}", bar(&app));
    key(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    let l = library(&app);
    assert_eq!((l.filter.as_str(), l.editing), ("", false));
    assert!(l.on_practise_next(&app.env), "back at the top");
    // Typed, then erased: the filter keeps the keys, so q still types until Esc.
    typed(&mut app, "a");
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(library(&app).filter, "q");
    // Ctrl-C always quits, a filter typed or not.
    app.update(
        app.action_for(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
            .unwrap(),
    );
    assert!(app.quit);
}

#[test]
fn a_filter_starting_with_q_is_typed_after_a_slash() {
    for lang in [Lang::En, Lang::Fi] {
        let mut app = app(lang);
        key(&mut app, KeyCode::Char('/'));
        assert!(bar(&app).contains(" Esc "), "{}", bar(&app));
        typed(&mut app, "queue");
        assert!(!app.quit, "{lang:?}");
        let l = library(&app);
        assert_eq!(l.filter, "queue", "`/` itself is not typed");
        assert!(text(&app).contains("queue▏"), "{}", text(&app));
        // The help says the rule.
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::F(1));
        let help = text(&app);
        let rule = kohtaa::i18n::t(lang, kohtaa::i18n::T::FocusFilter);
        assert!(
            help.lines().any(|l| l.contains(" / ") && l.contains(rule)),
            "{help}"
        );
        // The arrows are one line, "↑↓", not a second line for the down arrow alone (on a
        // screen tall enough for the whole help).
        let moving = kohtaa::i18n::t(lang, kohtaa::i18n::T::Move);
        let tall = crate::support::tui::screen_at(&app, 100, 80);
        let buffer = tall.backend().buffer();
        let help: String = (0..buffer.area.height)
            .map(|y| {
                let row: String = (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect();
                row + "\n"
            })
            .collect();
        let lines: Vec<&str> = help
            .lines()
            .map(|l| {
                l.trim_start_matches(|c: char| c != '│')
                    .trim_start_matches('│')
            })
            .filter(|l| l.trim_start().starts_with(['↑', '↓']) && l.contains(moving))
            .collect();
        assert_eq!(lines.len(), 1, "{help}");
        assert!(lines[0].contains("↑↓"), "{help}");
    }
}

#[test]
fn the_library_opens_at_its_top_and_enter_opens_practise_next() {
    for (lang, lead) in [
        (Lang::En, "▶ Practise next: "),
        (Lang::Fi, "▶ Harjoittele seuraavaksi: "),
    ] {
        let mut app = app(lang);
        let l = library(&app);
        assert_eq!(l.selected, 0);
        assert!(l.on_practise_next(&app.env));
        let next = l.selected_scenario(&app.env).unwrap().value.title.clone();
        let screen = text(&app);
        assert!(screen.contains(&format!("{lead}{next}")), "{screen}");
        // Every scenario of the interface language is in sight: nothing hidden above.
        for s in library(&app).entries(&app.env) {
            assert!(
                screen.contains(&s.value.title),
                "{}:\n{screen}",
                s.value.title
            );
        }
        key(&mut app, KeyCode::Enter);
        let Screen::Briefing(b) = &app.screen else {
            panic!("Enter on Practise next opens its briefing");
        };
        assert_eq!(b.scenario.title, next);
    }
}

#[test]
fn other_languages_are_counted_and_shown_by_one_key() {
    for (lang, hidden, shown) in [
        (
            Lang::En,
            "2 scenarios in other languages: F3 shows them",
            "2 scenarios in other languages, listed last: F3 hides them",
        ),
        (
            Lang::Fi,
            "2 harjoitusta muilla kielillä: F3 näyttää ne",
            "2 harjoitusta muilla kielillä, luettelon lopussa: F3 piilottaa ne",
        ),
    ] {
        let mut app = app(lang);
        let code = lang.code();
        let l = library(&app);
        assert!(
            l.entries(&app.env).iter().all(|s| s.value.language == code),
            "only the interface language by default"
        );
        assert_eq!(l.other_matches(&app.env), 2);
        assert!(text(&app).contains(hidden), "{}", text(&app));
        key(&mut app, KeyCode::F(3));
        let l = library(&app);
        assert_eq!(l.entries(&app.env).len(), 4);
        assert!(text(&app).contains(shown), "{}", text(&app));
        assert!(l.on_practise_next(&app.env), "the selection stays");
        // The count follows the filter: one match, in the other language only.
        key(&mut app, KeyCode::F(3));
        typed(&mut app, if lang == Lang::En { "myöh" } else { "visitor" });
        assert!(library(&app).entries(&app.env).is_empty(), "{}", text(&app));
        let one = if lang == Lang::En {
            "1 scenario in another language: F3 shows it"
        } else {
            "1 harjoitus muulla kielellä: F3 näyttää sen"
        };
        assert!(text(&app).contains(one), "{}", text(&app));
        key(&mut app, KeyCode::F(3));
        assert_eq!(library(&app).entries(&app.env).len(), 1);
        key(&mut app, KeyCode::Enter);
        assert!(matches!(app.screen, Screen::Briefing(_)));
    }
}

#[test]
fn the_filter_and_selection_are_kept_after_a_briefing() {
    let mut app = app(Lang::En);
    // "a" matches both English scenarios; take the second.
    typed(&mut app, "a");
    key(&mut app, KeyCode::Down);
    let before = library(&app)
        .selected_scenario(&app.env)
        .unwrap()
        .value
        .title
        .clone();
    key(&mut app, KeyCode::Enter);
    let Screen::Briefing(b) = &app.screen else {
        panic!("on the briefing")
    };
    assert_eq!(b.scenario.title, before);
    key(&mut app, KeyCode::Esc);
    let l = library(&app);
    assert_eq!(l.filter, "a");
    assert!(l.editing, "the filter still has the keys");
    assert_eq!(l.selected, 1);
    assert_eq!(l.selected_scenario(&app.env).unwrap().value.title, before);
    assert!(text(&app).contains("Filter: a▏"), "{}", text(&app));
    // The same from a filter on other languages.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::F(3));
    typed(&mut app, "avain");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    let l = library(&app);
    assert_eq!((l.filter.as_str(), l.others), ("avain", true));
}

/// The filter, whether other languages show, and the selected title: what must survive.
fn kept(app: &App) -> (String, bool, bool, String) {
    let l = library(app);
    let title = l
        .selected_scenario(&app.env)
        .map_or_else(String::new, |s| s.value.title.clone());
    (l.filter.clone(), l.editing, l.others, title)
}

#[test]
fn the_filter_is_kept_after_a_run_the_presenter_progress_and_the_style_screen() {
    let mut app = app(Lang::En);
    typed(&mut app, "parcel");
    let before = kept(&app);
    assert_eq!(
        before,
        ("parcel".into(), true, false, "The late parcel".into())
    );

    // A whole run, its debrief and the reflection skipped.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    choose_by_text(&mut app, &["Hello", "Oh no", "It's at"]);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Debrief(_)));
    key(&mut app, KeyCode::Char('q'));
    assert!(matches!(app.screen, Screen::Reflect(_)));
    key(&mut app, KeyCode::Esc);
    assert_eq!(kept(&app), before, "after a run\n{}", text(&app));
    assert!(text(&app).contains("Filter: parcel▏"), "{}", text(&app));

    // A run left half-way.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(kept(&app), before, "after a run left");

    // The presenter, the progress view and the style screen.
    for (open, leave) in [
        (KeyCode::F(5), KeyCode::Esc),
        (KeyCode::Tab, KeyCode::Esc),
        (KeyCode::F(2), KeyCode::Esc),
    ] {
        key(&mut app, open);
        assert!(
            !matches!(app.screen, Screen::Library(_)),
            "{open:?} opens its screen"
        );
        key(&mut app, leave);
        if app.overlay.is_some() {
            key(&mut app, KeyCode::Char('y'));
        }
        assert_eq!(kept(&app), before, "after {open:?}");
    }

    // Other languages shown and a selection below the first row are kept as well.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::F(3));
    typed(&mut app, "a");
    key(&mut app, KeyCode::End);
    let before = kept(&app);
    assert!(before.2);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Esc);
    assert_eq!(kept(&app), before);
    assert_eq!(library(&app).filter, "a");
}

/// The modifiers of the cells of row `y` that spell `word`, from its first occurrence.
fn word_cells(app: &App, word: &str) -> Vec<(String, Modifier)> {
    let terminal = screen(app);
    let buf = terminal.backend().buffer();
    let all = rows(app);
    let (y, row) = all
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains(word))
        .unwrap_or_else(|| panic!("{word} on screen:\n{}", all.join("\n")));
    let x = row[..row.find(word).unwrap()].chars().count() as u16;
    (0..word.chars().count() as u16)
        .map(|i| {
            let cell = &buf[(x + i, y as u16)];
            (cell.symbol().to_owned(), cell.modifier)
        })
        .collect()
}

#[test]
fn matches_are_marked_without_colour() {
    for (lang, filter, title, matched) in [
        (Lang::En, "LATE", "The late parcel", "late"),
        // Folded as the filter compares: "myoh" marks "Myöh".
        (Lang::Fi, "myoh", "Myöhässä oleva paketti", "Myöh"),
    ] {
        let mut app = app(lang);
        typed(&mut app, filter);
        // Selected (reverse): the match keeps its underline.
        let cells = word_cells(&app, title);
        let start = title[..title.find(matched).unwrap()].chars().count();
        for (i, (symbol, modifier)) in cells.iter().enumerate() {
            let inside = i >= start && i < start + matched.chars().count();
            assert_eq!(
                modifier.contains(Modifier::UNDERLINED),
                inside,
                "{lang:?}: {symbol:?} at {i} in {title}"
            );
            assert!(modifier.contains(Modifier::BOLD | Modifier::REVERSED));
        }
    }
    // Not selected, every match in the title is marked: "a" in "The late parcel".
    let mut app = app(Lang::En);
    typed(&mut app, "a");
    let title = "The late parcel";
    assert!(
        !library(&app)
            .selected_scenario(&app.env)
            .unwrap()
            .value
            .title
            .eq(title)
    );
    let marked: String = word_cells(&app, title)
        .iter()
        .map(|(s, m)| {
            if m.contains(Modifier::UNDERLINED) {
                s.to_uppercase()
            } else {
                s.clone()
            }
        })
        .collect();
    assert_eq!(marked, "The lAte pArcel");
}

/// Files with errors head the list, and the library opens at its top: the notice says where
/// they are, not which key goes there.
#[test]
fn the_notice_for_broken_files_says_where_they_are() {
    for (lang, notice, heading) in [
        (
            Lang::En,
            "✗ 1 file has errors: it is listed first, above the scenarios.",
            "Files with errors",
        ),
        (
            Lang::Fi,
            "✗ Yhdessä tiedostossa on virheitä: se on luettelon alussa.",
            "Virheelliset tiedostot",
        ),
    ] {
        let app = app(lang);
        let screen = text(&app);
        assert!(screen.contains(notice), "{lang:?}:\n{screen}");
        assert!(!screen.contains("(Home)"), "{screen}");
        let at = |what: &str| {
            screen
                .find(what)
                .unwrap_or_else(|| panic!("{what}: {screen}"))
        };
        assert!(at(heading) < at("broken.ron"), "{screen}");
    }
}

#[test]
fn snapshots_of_the_changed_library() {
    for (lang, code, filter) in [(Lang::En, "en", "a"), (Lang::Fi, "fi", "a")] {
        let mut app = app(lang);
        key(&mut app, KeyCode::Esc);
        assert_snapshot!(format!("library_esc_{code}"), screen(&app).backend());
        key(&mut app, KeyCode::F(3));
        key(&mut app, KeyCode::End);
        assert_snapshot!(format!("library_others_{code}"), screen(&app).backend());
        key(&mut app, KeyCode::F(3));
        typed(&mut app, filter);
        assert_snapshot!(format!("library_filtered_{code}"), screen(&app).backend());
    }
}
