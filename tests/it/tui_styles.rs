//! The learner's style in the app: first start, the self-check, the profile screen, and the
//! style-worded debrief, driven through `App::update` and snapshotted at 80x24 in both
//! languages. The profile goes to a temporary folder, never the real home.

use std::path::Path;
use std::sync::Arc;

use kohtaa::content::Library;
use kohtaa::content::styles::{LearnerStyle, Pole};
use kohtaa::lang::Lang;
use kohtaa::practice::Run;
use kohtaa::store::profile::{self, ProfileState};
use kohtaa::tui::screens::{DebriefScreen, ProfileScreen, Screen};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

use crate::support::tui::screen_at;
use crate::support::{fixture, library_of};

fn library() -> Library {
    library_of([fixture("styles"), fixture("frozen/en/doctor-today.ron")])
}

fn app(lang: Lang, dir: &Path, learner: Option<&str>) -> App {
    let mut env = Env::new(lang, Theme::mono(), library(), Some(7));
    env.profile_dir = Some(dir.to_path_buf());
    env.learner = learner.and_then(LearnerStyle::parse);
    App::new(env)
}

fn screen(app: &App) -> String {
    screen_at(app, 80, 24).backend().to_string()
}

fn lang_name(lang: Lang) -> &'static str {
    lang.code()
}

/// Answers every statement pointing to `fast` and `task` (true) or their opposites.
fn answer_all(app: &mut App, fast: bool, task: bool) {
    let texts = app.env.library.styles_for(app.env.lang.code()).unwrap();
    let answers: Vec<usize> = texts
        .self_check
        .statements
        .iter()
        .map(|s| {
            let agree = match s.agree {
                Pole::Fast => fast,
                Pole::Reflective => !fast,
                Pole::Task => task,
                Pole::People => !task,
            };
            if agree { 5 } else { 1 }
        })
        .collect();
    for a in answers {
        app.update(Action::Pick(a));
    }
}

#[test]
fn first_start_self_check_then_change_the_style() {
    for lang in [Lang::En, Lang::Fi] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(lang, dir.path(), None);
        app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
        insta::assert_snapshot!(format!("welcome_{}", lang_name(lang)), screen(&app));

        // The first item takes the self-check.
        app.update(Action::Select);
        assert!(matches!(app.screen, Screen::SelfCheck(_)));
        insta::assert_snapshot!(format!("selfcheck_first_{}", lang_name(lang)), screen(&app));

        answer_all(&mut app, false, true);
        insta::assert_snapshot!(
            format!("selfcheck_result_{}", lang_name(lang)),
            screen(&app)
        );

        // Use the result: it is saved, with the answers.
        app.update(Action::Select);
        assert_eq!(app.env.learner, LearnerStyle::parse("C"));
        let ProfileState::Found(saved) = profile::load(dir.path()).unwrap() else {
            panic!("profile saved");
        };
        assert_eq!(saved.style, LearnerStyle::parse("C"));
        assert_eq!(
            saved.self_check.unwrap().suggested,
            LearnerStyle::parse("C")
        );

        // Change it by hand on the profile screen: "Not set" is item 2, then D, i, S, C.
        app.update(Action::Profile);
        assert!(matches!(app.screen, Screen::Profile(_)));
        for _ in 0..3 {
            app.update(Action::Down);
        }
        app.update(Action::Select);
        assert_eq!(app.env.learner, LearnerStyle::parse("i"));
        insta::assert_snapshot!(format!("profile_{}", lang_name(lang)), screen(&app));

        // Delete it, after a yes.
        let delete_at = ProfileScreen::new(&app.env, false)
            .items()
            .iter()
            .position(|i| *i == kohtaa::tui::screens::profile::Item::Delete)
            .unwrap();
        // The cursor is on "i" (item 3).
        for _ in 3..delete_at {
            app.update(Action::Down);
        }
        app.update(Action::Select);
        app.update(Action::Answer(true));
        assert_eq!(app.env.learner, None);
        assert_eq!(profile::load(dir.path()).unwrap(), ProfileState::Missing);
    }
}

#[test]
fn skipping_on_first_start_saves_not_set() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(Lang::En, dir.path(), None);
    app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Library(_)));
    assert_eq!(
        profile::load(dir.path()).unwrap(),
        ProfileState::Found(profile::Profile::new(None))
    );
}

fn debrief(app: &mut App, id: &str, lang: &str, path: &[usize]) {
    let lib = &app.env.library;
    let scenario = lib.scenario(id, lang).unwrap().value.clone();
    let model = lib.model_for(&scenario).unwrap().clone();
    let mut run = Run::new(Arc::new(scenario), Arc::new(model), 7).unwrap();
    for &c in path {
        run.choose(c).unwrap();
    }
    app.screen = Screen::Debrief(DebriefScreen::new(run));
}

#[test]
fn the_debrief_is_worded_for_the_learner() {
    let cases = [
        (Lang::En, "doctor-today", "en", &[0, 0, 1, 0, 1, 0, 0][..]),
        (Lang::Fi, "laskun-selvitys", "fi", &[1, 0][..]),
    ];
    for (lang, id, content, path) in cases {
        let mut screens = Vec::new();
        for style in ["D", "S"] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app(lang, dir.path(), Some(style));
            debrief(&mut app, id, content, path);
            let shown = screen(&app);
            insta::assert_snapshot!(format!("debrief_{style}_{}", lang_name(lang)), shown);
            // Further down, in the tips section once it is opened: the watch-out tip and the
            // meeting hint.
            app.update(Action::Pick(6));
            let Screen::Debrief(d) = &app.screen else {
                unreachable!()
            };
            let doc: String = d
                .document(&app.env, 78)
                .lines
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join("\n");
            let texts = app.env.library.styles_for(content).unwrap();
            let customer = app
                .env
                .library
                .scenario(id, content)
                .unwrap()
                .value
                .customer
                .style;
            let learner = LearnerStyle::parse(style).unwrap();
            let tip = &texts.watch_outs[&learner.main()][&customer];
            let first_words: String = tip.split(' ').take(3).collect::<Vec<_>>().join(" ");
            assert!(doc.contains(&first_words), "{first_words} in\n{doc}");
            screens.push(shown);
        }
        assert_ne!(screens[0], screens[1]);
    }
}

/// With the meeting hint the briefing is taller than 80x24: it opens at the top, so the
/// situation is read first, and keeps the focus step in view once the learner moves it.
#[test]
fn a_long_briefing_opens_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(Lang::En, dir.path(), Some("D"));
    for c in "doctor".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Select);
    assert!(matches!(app.screen, Screen::Briefing(_)));
    let first = screen(&app);
    assert!(first.contains("Situation"), "{first}");
    assert!(first.contains("Meeting this customer"), "{first}");
    assert!(
        !first.contains("(•)"),
        "the focus list is below the fold: {first}"
    );
    // The first press brings the list into view with the suggested step still chosen.
    app.update(Action::Down);
    let shown = screen(&app);
    assert!(!shown.contains("Situation"), "{shown}");
    let chosen = |text: &str| {
        text.lines()
            .find(|l| l.contains("(•)"))
            .unwrap_or_else(|| panic!("a chosen step: {text}"))
            .to_owned()
    };
    assert!(chosen(&shown).contains("(suggested)"), "{shown}");
    // From then on the keys move the choice.
    app.update(Action::Down);
    let moved = screen(&app);
    assert!(!chosen(&moved).contains("(suggested)"), "{moved}");
}

#[test]
fn what_was_saved_is_said_on_that_visit_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(Lang::En, dir.path(), None);
    app.update(Action::Profile);
    for _ in 0..3 {
        app.update(Action::Down);
    }
    app.update(Action::Select);
    assert!(screen(&app).contains("Saved."), "said when it happens");
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Library(_)));
    app.update(Action::Profile);
    assert!(
        !screen(&app).contains("Saved."),
        "an old notice is not news on the next visit:\n{}",
        screen(&app)
    );
}

#[test]
fn on_a_tall_terminal_the_first_press_moves_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(Lang::En, dir.path(), Some("D"));
    app.update(Action::Resize(200, 60));
    for c in "doctor".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Select);
    let selected = |app: &App| match &app.screen {
        Screen::Briefing(b) => b.selected,
        _ => panic!("on the briefing"),
    };
    let before = selected(&app);
    app.update(Action::Down);
    assert_eq!(selected(&app), before + 1, "the list was in view already");
}

/// "Saved." is news only when the learner picked something new: choosing the style already
/// chosen, or leaving the self-check to pick one by hand, says nothing.
#[test]
fn saved_is_said_only_when_a_new_style_was_picked() {
    for (lang, saved) in [(Lang::En, "Saved."), (Lang::Fi, "Tallennettu.")] {
        // The first start: the self-check, then "I'll pick one myself".
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(lang, dir.path(), None);
        app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
        app.update(Action::Select);
        answer_all(&mut app, false, true);
        app.update(Action::Pick(2));
        assert!(matches!(app.screen, Screen::Profile(_)));
        assert!(!screen(&app).contains(saved), "{}", screen(&app));
        // The answers are kept all the same, and the style is still not set.
        let ProfileState::Found(p) = profile::load(dir.path()).unwrap() else {
            panic!("profile saved");
        };
        assert_eq!(p.style, None);
        assert!(p.self_check.is_some());

        // The style already chosen ("Not set", item 2), chosen again: nothing new.
        app.update(Action::Down);
        app.update(Action::Select);
        assert!(!screen(&app).contains(saved), "{}", screen(&app));

        // A new one is saved and said, in view below the list wherever it was chosen.
        app.update(Action::Down);
        app.update(Action::Select);
        assert_eq!(app.env.learner, LearnerStyle::parse("D"));
        assert!(screen(&app).contains(saved), "{}", screen(&app));
        for _ in 0..30 {
            app.update(Action::Down);
        }
        assert!(screen(&app).contains(saved), "{}", screen(&app));
        // Chosen again, it is old news.
        for _ in 0..30 {
            app.update(Action::Up);
        }
        app.update(Action::Down);
        app.update(Action::Down);
        app.update(Action::Select);
        assert!(!screen(&app).contains(saved), "{}", screen(&app));
    }
}

/// The style screen shows the app's theme and changes it, remembered in the profile just as
/// `--theme` remembers it; the rest of the profile is kept.
#[test]
fn the_theme_is_shown_and_changed_on_the_style_screen() {
    use kohtaa::tui::screens::profile::Item;
    use kohtaa::tui::theme::ThemeChoice;
    for (lang, now, high, saved) in [
        (
            Lang::En,
            "Theme: Default colours",
            "Theme: High contrast",
            "Saved.",
        ),
        (
            Lang::Fi,
            "Teema: Oletusvärit",
            "Teema: Suuri kontrasti",
            "Tallennettu.",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        profile::set_learner(dir.path(), LearnerStyle::parse("D"), None).unwrap();
        let mut app = app(lang, dir.path(), Some("D"));
        app.env.set_theme(ThemeChoice::Default, false);
        app.update(Action::Profile);
        assert!(screen(&app).contains(now), "{}", screen(&app));

        let items = ProfileScreen::new(&app.env, false).items();
        let at = items
            .iter()
            .position(|i| *i == Item::Theme(ThemeChoice::HighContrast))
            .unwrap();
        for _ in 0..at {
            app.update(Action::Down);
        }
        app.update(Action::Select);
        assert_eq!(app.env.theme_choice, ThemeChoice::HighContrast);
        assert_eq!(app.env.theme, Theme::high_contrast(), "drawn in it at once");
        let ProfileState::Found(p) = profile::load(dir.path()).unwrap() else {
            panic!("profile kept");
        };
        assert_eq!(p.theme.as_deref(), Some("high-contrast"));
        assert_eq!(p.style, LearnerStyle::parse("D"), "the style is kept");
        assert!(screen(&app).contains(saved), "{}", screen(&app));
        insta::assert_snapshot!(format!("profile_theme_{}", lang_name(lang)), screen(&app));
        let to_top = |app: &mut App| {
            for _ in 0..30 {
                app.update(Action::Up);
            }
        };
        to_top(&mut app);
        assert!(screen(&app).contains(high), "{}", screen(&app));

        // Under NO_COLOR the choice is kept and said to show no colour.
        app.env.set_theme(ThemeChoice::HighContrast, true);
        for _ in 0..=at {
            app.update(Action::Down);
        }
        app.update(Action::Select);
        assert_eq!(app.env.theme_choice, ThemeChoice::Mono);
        app.update(Action::Up);
        app.update(Action::Select);
        assert_eq!(app.env.theme, Theme::high_contrast_mono());
        to_top(&mut app);
        assert!(
            screen(&app).contains(if lang == Lang::En {
                "NO_COLOR is set"
            } else {
                "NO_COLOR on käytössä"
            }),
            "{}",
            screen(&app)
        );
    }
}
