//! What a demanding learner would notice on the app's screens: keys offered only when they do
//! something, hints that match what is on screen, nothing hidden below the fold unmarked,
//! and mood wording at the end of the scale. Fixture library only; nothing is saved.

use crate::support::tui::{choose_by_text, fixtures, key, rows, typed};
use crate::support::{fixture, library_of};
use crossterm::event::KeyCode;
use kohtaa::content::Library;
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

fn app(lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::new(Env::new(lang, Theme::default_colors(), fixtures(), Some(3)));
    app.update(Action::Resize(w, h));
    app
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

/// A library of these folders under tests/fixtures (or any path given whole).
fn load(paths: &[&str]) -> Library {
    library_of(paths.iter().map(|p| fixture(p)))
}

/// The debrief's text after one answer in the scenario the filter finds.
fn debrief_after(library: &Library, lang: Lang, filter: &str, answer: &str) -> String {
    let mut app = App::new(Env::new(
        lang,
        Theme::default_colors(),
        library.clone(),
        Some(3),
    ));
    app.update(Action::Resize(100, 60));
    // The scenario may be in another language than the interface: list those too.
    key(&mut app, KeyCode::F(3));
    typed(&mut app, filter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    choose_by_text(&mut app, &[answer]);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Debrief(_)), "{lang:?}");
    // The path section, with each choice's mood change.
    key(&mut app, KeyCode::Char('5'));
    rows(&app).join("\n")
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
    assert!(hint_bar(&app).contains(" w replay the turn"));
    key(&mut app, KeyCode::Char('w'));
    let Screen::Play(play) = &app.screen else {
        panic!("w replays");
    };
    // Facts before a greeting closed off the greeting for good: the run turned at its first
    // choice, so the replay starts before it.
    assert_eq!(play.run.taken().len(), 0, "back at the turning point");
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

/// Every key of a section, as the help shows it: its label and what it does.
fn help_lines(bindings: &[kohtaa::tui::keymap::Binding], lang: Lang) -> Vec<(String, String)> {
    bindings
        .iter()
        .map(|b| (b.label.to_owned(), kohtaa::i18n::t(lang, b.what).to_owned()))
        .collect()
}

/// All the help says, scrolled through to its end.
fn whole_help(app: &mut App) -> String {
    key(app, KeyCode::F(1));
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen.extend(rows(app));
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Esc);
    seen.join("\n")
}

#[test]
fn the_library_bar_keeps_its_keys_at_80_columns_and_the_help_lists_them_all() {
    use kohtaa::tui::keymap::GLOBAL;
    use kohtaa::tui::screens::library::{FILTER_KEYS, KEYS};
    for lang in [Lang::En, Lang::Fi] {
        let mut app = app(lang, 80, 24);
        let bar = hint_bar(&app);
        for key in [" Enter ", " Tab ", " F2 ", " q ", " F5 ", " ?/F1 "] {
            assert!(bar.contains(key), "{lang:?}: {key:?} missing from {bar:?}");
        }
        let help = whole_help(&mut app);
        for (label, what) in help_lines(KEYS, lang)
            .into_iter()
            .chain(help_lines(GLOBAL, lang))
        {
            let listed = help
                .lines()
                .any(|l| l.contains(&label) && l.contains(&what));
            assert!(listed, "{lang:?}: the help lists {label} {what}:\n{help}");
        }
        // A typed filter: Esc clears it (q is a letter now), and the bar says so.
        typed(&mut app, "a");
        let bar = hint_bar(&app);
        for key in [" Enter ", " Tab ", " F2 ", " Esc ", " F5 ", " ?/F1 "] {
            assert!(bar.contains(key), "{lang:?}: {key:?} missing from {bar:?}");
        }
        assert!(!bar.contains("Esc/q"), "{bar}");
        let help = whole_help(&mut app);
        for (label, what) in help_lines(FILTER_KEYS, lang) {
            let listed = help
                .lines()
                .any(|l| l.contains(&label) && l.contains(&what));
            assert!(listed, "{lang:?}: the help lists {label} {what}:\n{help}");
        }
        key(&mut app, KeyCode::Esc);
        let Screen::Library(library) = &app.screen else {
            panic!("Esc with a filter stays in the library");
        };
        assert_eq!(library.filter, "");
    }
}

/// The rows of the library's list on screen (below the filter, practise-next and message
/// rows, above the hint bar), and the one that says what is below, if any.
fn list_rows(app: &App) -> (Vec<String>, Option<String>) {
    let all = rows(app);
    let mut list: Vec<String> = all[4..all.len() - 1].to_vec();
    let more = list
        .last()
        .filter(|l| l.trim_start().starts_with('↓'))
        .cloned();
    if more.is_some() {
        list.pop();
    }
    (list, more)
}

/// A list row that continues an entry (its customer, focus or tags), not its title.
fn continues_an_entry(row: &str) -> bool {
    // The last columns hold the scrollbar.
    let text = row.trim_end_matches([' ', '█', '║']);
    text.starts_with("     ") && !text.trim().is_empty()
}

#[test]
fn the_library_never_cuts_an_entry_at_the_top_and_says_what_is_below() {
    use kohtaa::tui::screens::LibraryScreen;
    for lang in [Lang::En, Lang::Fi] {
        // 17 rows: the fixture list does not fit, whatever is selected.
        let mut app = app(lang, 80, 17);
        let count = match &app.screen {
            Screen::Library(l) => l.entries(&app.env).len(),
            _ => unreachable!(),
        };
        let check = |app: &App, what: &str| {
            let (list, more) = list_rows(app);
            let screen = rows(app).join("\n");
            assert!(
                !continues_an_entry(&list[0]),
                "{what}: cut at the top:\n{screen}"
            );
            let title = list
                .iter()
                .position(|r| r.contains('▶'))
                .expect("selected in sight");
            // The selected entry whole: its title, customer, focus and tags (none wrap here).
            let Screen::Library(library) = &app.screen else {
                panic!("on the library");
            };
            let s = &library.selected_scenario(&app.env).expect("a row").value;
            // "Practise next" is one line; a scenario's entry has its details.
            let lines = if library.on_practise_next(&app.env) {
                1
            } else {
                2 + usize::from(!s.focus.is_empty()) + usize::from(!s.tags.is_empty())
            };
            let shown = 1 + list[title + 1..]
                .iter()
                .take_while(|r| continues_an_entry(r))
                .count();
            assert_eq!(shown, lines, "{what}: selected entry cut:\n{screen}");
            if let Some(more) = more {
                assert!(more.contains("↓"), "{more}");
            }
        };
        for _ in 0..count {
            check(&app, "down");
            key(&mut app, KeyCode::Down);
        }
        for _ in 0..count {
            key(&mut app, KeyCode::Up);
            check(&app, "up");
        }
        key(&mut app, KeyCode::End);
        check(&app, "end");
        key(&mut app, KeyCode::Home);
        check(&app, "home");
        assert!(
            list_rows(&app).1.is_some(),
            "more below at the top of the list"
        );

        // Opened at an entry far down (back from a run, or the recommended one): it comes
        // whole, with nothing cut above it.
        let scenarios: Vec<_> = app
            .env
            .library
            .scenarios
            .iter()
            .map(|s| s.value.clone())
            .collect();
        for scenario in &scenarios {
            app.screen = Screen::Library(LibraryScreen::at(&app.env, scenario));
            check(&app, &scenario.title);
            let (list, _) = list_rows(&app);
            assert!(
                list.iter()
                    .any(|r| r.contains(&format!("▶ {}", scenario.title))),
                "{} selected and in sight",
                scenario.title
            );
        }
    }
}

#[test]
fn choices_below_the_fold_are_announced_in_words() {
    use kohtaa::practice::Run;
    use kohtaa::tui::screens::PlayScreen;
    use std::sync::Arc;
    // Frozen copies of bundled scenarios and a fixture with a long line over four choices:
    // every moment at 80x24.
    let library = load(&["frozen", "polish", "play/models"]);
    assert!(library.broken.is_empty() && library.scenario("long-lines", "fi").is_some());
    for (lang, one, many) in [
        (Lang::En, "↓ 1 more choice below", "more choices below"),
        (
            Lang::Fi,
            "↓ 1 vaihtoehto lisää alempana",
            "vaihtoehtoa lisää alempana",
        ),
    ] {
        let mut overflowing = 0;
        for loaded in library
            .scenarios
            .iter()
            .filter(|s| s.value.language == lang.code())
        {
            let model = library.model_for(&loaded.value).expect("model").clone();
            for node in loaded
                .value
                .nodes
                .iter()
                .filter(|n| !n.choice_list().is_empty())
            {
                let scenario = Arc::new(loaded.value.clone());
                let mut run = Run::new(scenario, Arc::new(model.clone()), 3).expect("run");
                run.start_at(&node.id).expect("node");
                let total = run.choice_order().len();
                let mut app = App::new(Env::new(
                    lang,
                    Theme::default_colors(),
                    library.clone(),
                    Some(3),
                ));
                app.update(Action::Resize(80, 24));
                app.screen = Screen::Play(PlayScreen::new(run));
                let screen = rows(&app);
                let body = &screen[..screen.len() - 1];
                let numbers = (1..=total)
                    .filter(|n| body.iter().any(|r| r.contains(&format!(" {n}. "))))
                    .count();
                let hidden = total - numbers;
                let marker = body.last().unwrap();
                let text = screen.join("\n");
                match hidden {
                    0 => assert!(
                        !marker.contains("choice") && !marker.contains("vaihtoeh"),
                        "{text}"
                    ),
                    1 => assert!(marker.contains(one), "{text}"),
                    n => assert!(marker.contains(&format!("↓ {n} {many}")), "{text}"),
                }
                if hidden > 0 {
                    overflowing += 1;
                    // Moving down to the last choice brings it into sight (the first move
                    // selects choice 1: nothing is selected before it).
                    for _ in 0..total {
                        key(&mut app, KeyCode::Down);
                    }
                    let screen = rows(&app);
                    let last = format!("▶ {total}. ");
                    assert!(
                        screen.iter().any(|r| r.contains(&last)),
                        "{}",
                        screen.join("\n")
                    );
                }
            }
        }
        assert!(
            overflowing > 0,
            "{lang:?}: some moment is meant to overflow at 80x24"
        );
    }
}

#[test]
fn a_harmful_answer_at_the_lowest_mood_is_called_so_in_the_debrief() {
    let library = load(&["polish", "play/models"]);
    for (lang, filter, harmful, good, mood, words) in [
        (
            Lang::En,
            "complaint",
            "Please calm",
            "Six weeks",
            "Mood",
            "already at its lowest",
        ),
        (
            Lang::Fi,
            "valitus",
            "Rauhoittukaa",
            "Kuusi viikkoa",
            "Mieliala",
            "jo alimmillaan",
        ),
    ] {
        let debrief = |answer: &str| debrief_after(&library, lang, filter, answer);
        // −5, and an answer worth −2: the scale holds it at −5, and the path says why.
        let text = debrief(harmful);
        let line = text
            .lines()
            .find(|l| l.contains(&format!("{mood} −5 → −5")))
            .unwrap_or_else(|| panic!("{lang:?}: the mood change on the path:\n{text}"));
        assert!(line.contains(words), "{lang:?}: {line}");
        // A helpful answer from −5 simply raises it.
        let text = debrief(good);
        assert!(text.contains(&format!("{mood} −5 → −3")), "{text}");
        assert!(!text.contains(words), "{text}");
    }
}

#[test]
fn a_helpful_answer_at_the_highest_mood_is_called_so_in_the_debrief() {
    // The same scenario with the customer at +5.
    let folder = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/polish/en/long-lines.ron"
    );
    let text = std::fs::read_to_string(fixture).unwrap();
    let calm = text.replace("style: D, mood: -5)", "style: D, mood: 5)");
    assert_ne!(calm, text);
    std::fs::create_dir(folder.path().join("en")).unwrap();
    std::fs::write(folder.path().join("en/long-lines.ron"), calm).unwrap();
    // A whole path joined to the fixtures folder is that path.
    let library = load(&[folder.path().to_str().unwrap(), "play/models"]);
    let debrief = |lang: Lang, answer: &str| debrief_after(&library, lang, "complaint", answer);
    for (lang, words) in [
        (Lang::En, "Mood +5 → +5 (already at its highest"),
        (Lang::Fi, "Mieliala +5 → +5 (jo ylimmillään"),
    ] {
        let text = debrief(lang, "Six weeks");
        assert!(text.contains(words), "{lang:?}:\n{text}");
    }
    // A harmful answer from +5 lowers it, and is not said to be held.
    let text = debrief(Lang::En, "Please calm");
    assert!(text.contains("Mood +5 → +3"), "{text}");
    assert!(!text.contains("already at its"), "{text}");
}
