//! Presenter mode, screen by screen, at a projector's 120x35, in English and Finnish; and what
//! the facilitator's keys do.

use std::sync::Arc;

use insta::assert_snapshot;
use kohtaa::content::Library;
use kohtaa::lang::Lang;
use kohtaa::tui::action::Action;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::screens::present::{Cue, Origin, PresentScreen, Stage};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{App, Env};
use rusty_fork::rusty_fork_test;

use crate::support::tui::screen_at;
use crate::support::{fixture, library_of};

const SEED: u64 = 7;

/// Frozen copies of two bundled scenarios (en and fi): the library's content changes.
fn library() -> Library {
    library_of([fixture("frozen")])
}

fn env(lang: Lang, theme: Theme) -> Env {
    Env::new(lang, theme, library(), Some(SEED))
}

/// The app in presenter mode on `id` (or on the picker), as `kohtaa present` opens it.
fn app(lang: Lang, id: Option<&str>) -> App {
    app_with(lang, id, Theme::default_colors())
}

fn app_with(lang: Lang, id: Option<&str>, theme: Theme) -> App {
    let env = env(lang, theme);
    let screen = match id {
        None => PresentScreen::pick(Origin::Command),
        Some(id) => {
            let loaded = env
                .library
                .scenario(id, lang.code())
                .expect("fixture scenario");
            let model = env.library.model_for(&loaded.value).expect("model").clone();
            PresentScreen::new(
                &env,
                Origin::Command,
                Arc::new(loaded.value.clone()),
                Arc::new(model),
            )
            .expect("run")
        }
    };
    let mut app = App::new(env);
    app.screen = Screen::Present(Box::new(screen));
    app.update(Action::Resize(120, 35));
    app
}

fn keys(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

fn screen(app: &App) -> String {
    screen_at(app, 120, 35).backend().to_string()
}

fn present(app: &App) -> &PresentScreen {
    match &app.screen {
        Screen::Present(p) => p,
        _ => panic!("not in presenter mode"),
    }
}

const REVEAL: Action = Action::Present(Cue::RevealNext);
const ALL: Action = Action::Present(Cue::RevealAll);
const BEGIN: Action = Action::Select;

fn each_language(name: &str, id: Option<&str>, actions: &[Action]) {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fi, "fi")] {
        let mut app = app(lang, id);
        keys(&mut app, actions);
        assert_snapshot!(format!("{name}_{code}"), screen(&app));
    }
}

#[test]
fn picker() {
    each_language("present_pick", None, &[]);
}

#[test]
fn title_card() {
    each_language("present_title", Some("doctor-today"), &[]);
}

#[test]
fn the_customer_speaks_first() {
    each_language("present_say", Some("doctor-today"), &[BEGIN]);
}

#[test]
fn choices_revealed_one_by_one() {
    each_language(
        "present_reveal",
        Some("doctor-today"),
        &[BEGIN, REVEAL, REVEAL],
    );
}

#[test]
fn votes_as_a_bar_chart() {
    each_language(
        "present_votes",
        Some("doctor-today"),
        &[
            BEGIN,
            ALL,
            Action::Pick(3),
            Action::Pick(3),
            Action::Pick(3),
            Action::Pick(1),
            Action::Pick(2),
            Action::Pick(3),
        ],
    );
}

#[test]
fn facilitator_note_on_a_key() {
    each_language(
        "present_note",
        Some("decision-letter"),
        &[BEGIN, ALL, Action::Present(Cue::Notes)],
    );
}

#[test]
fn feedback_on_the_choice_followed() {
    each_language(
        "present_feedback",
        Some("doctor-today"),
        &[BEGIN, ALL, Action::Pick(3), Action::Pick(3), Action::Select],
    );
}

/// Two branches from the first decision, the room now on the second.
const EXPLORE: &[Action] = &[
    BEGIN,
    ALL,
    Action::Pick(3),
    Action::Select,
    Action::Select,
    ALL,
    Action::Pick(1),
    Action::Select,
    Action::Present(Cue::Map),
    Action::Up,
    Action::Up,
    Action::Select,
    Action::Pick(2),
    Action::Select,
    Action::Present(Cue::Map),
];

#[test]
fn branch_map() {
    each_language("present_map", Some("doctor-today"), EXPLORE);
}

/// A short way to a partly resolved ending in doctor-today with seed 7: shown 2 three times.
const TO_DEBRIEF: &[Action] = &[
    BEGIN,
    ALL,
    Action::Pick(2),
    Action::Select,
    Action::Select,
    ALL,
    Action::Pick(2),
    Action::Select,
    Action::Select,
    ALL,
    Action::Pick(2),
    Action::Select,
    Action::Select,
];

/// Asserts that `actions` end on the debrief (with or without the four styles), in both
/// languages, so a snapshot named for the debrief shows it.
fn ends_on_debrief(actions: &[Action], styles: bool) {
    for lang in [Lang::En, Lang::Fi] {
        let mut app = app(lang, Some("doctor-today"));
        keys(&mut app, actions);
        let p = present(&app);
        assert!(
            matches!(p.stage, Stage::Debrief { styles: s, .. } if s == styles),
            "{lang:?}: {:?}",
            p.stage
        );
        assert_eq!(p.run.as_ref().unwrap().taken().len(), 3);
    }
}

#[test]
fn debrief_measurement() {
    ends_on_debrief(TO_DEBRIEF, false);
    each_language("present_debrief", Some("doctor-today"), TO_DEBRIEF);
}

#[test]
fn debrief_four_styles() {
    let mut actions = TO_DEBRIEF.to_vec();
    actions.push(Action::Present(Cue::Page));
    ends_on_debrief(&actions, true);
    each_language("present_styles", Some("doctor-today"), &actions);
    // Then the feedback on each choice of the path: here the second.
    actions.push(Action::Down);
    actions.push(Action::Down);
    each_language("present_styles_choice", Some("doctor-today"), &actions);
}

#[test]
fn help_lists_the_presenter_keys() {
    each_language(
        "present_help",
        Some("doctor-today"),
        &[BEGIN, ALL, Action::Help],
    );
}

#[test]
fn without_colour() {
    let mut app = app_with(Lang::En, Some("doctor-today"), Theme::mono());
    keys(&mut app, &[BEGIN, ALL, Action::Pick(1)]);
    assert_snapshot!("present_mono_en", screen(&app));
}

#[test]
fn blank_shows_nothing_and_other_keys_wait() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN, ALL, Action::Present(Cue::Blank)]);
    let text = screen(&app);
    assert!(
        text.lines()
            .all(|l| l.trim_matches(|c| c == '"' || c == ' ').is_empty()),
        "{text}"
    );
    // While blank, a vote or a follow does nothing.
    keys(&mut app, &[Action::Pick(1), Action::Select]);
    let p = present(&app);
    assert!(p.blank);
    assert!(matches!(&p.stage, Stage::Decision { votes, .. } if votes.iter().all(|&v| v == 0)));
    app.update(Action::Present(Cue::Blank));
    assert!(screen(&app).contains("Jari Heikkilä"));
}

#[test]
fn the_note_is_off_by_default_and_toggles() {
    let mut app = app(Lang::En, Some("decision-letter"));
    keys(&mut app, &[BEGIN]);
    assert!(!screen(&app).contains("Ask the room"));
    app.update(Action::Present(Cue::Notes));
    assert!(screen(&app).contains("Ask the room"));
    app.update(Action::Present(Cue::Notes));
    assert!(!screen(&app).contains("Ask the room"));
}

#[test]
fn votes_are_added_removed_and_cleared() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(
        &mut app,
        &[
            BEGIN,
            // Votes for choices not yet on screen are not taken.
            Action::Pick(1),
            ALL,
            Action::Pick(2),
            Action::Pick(2),
            // A digit counts a vote and leaves the selection where it was (on 1).
            Action::Present(Cue::VoteAdd),
            Action::Down,
            Action::Present(Cue::VoteAdd),
            Action::Present(Cue::VoteRemove),
            Action::Present(Cue::VoteRemove),
        ],
    );
    let votes = |app: &App| match &present(app).stage {
        Stage::Decision { votes, .. } => votes.clone(),
        _ => panic!("not at a decision"),
    };
    assert_eq!(votes(&app), vec![1, 1, 0]);
    app.update(Action::Present(Cue::VotesClear));
    assert_eq!(votes(&app), vec![0, 0, 0]);
}

/// The choice a run at a decision followed, by its place in the shown order.
fn followed(app: &App) -> usize {
    let run = present(app).run.as_ref().unwrap();
    let taken = run.taken().last().expect("a choice was followed");
    let mut before = run.clone();
    before.undo();
    before
        .choice_order()
        .iter()
        .position(|&i| i == taken.choice)
        .unwrap()
}

#[test]
fn enter_follows_the_rooms_vote_not_the_last_digit_typed() {
    let mut app = app(Lang::En, Some("doctor-today"));
    let votes = [3, 3, 3, 1].map(Action::Pick);
    keys(&mut app, &[BEGIN, ALL]);
    keys(&mut app, &votes);
    assert!(screen(&app).contains("◀"), "the winner is marked");
    app.update(Action::Select);
    assert_eq!(followed(&app), 2, "choice 3 had three votes of four");
}

#[test]
fn a_tie_asks_and_then_follows_the_facilitators_pick() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN, ALL, Action::Pick(1), Action::Pick(3)]);
    assert!(!screen(&app).contains("◀"), "no winner in a tie");
    app.update(Action::Select);
    assert!(present(&app).run.as_ref().unwrap().taken().is_empty());
    assert!(
        screen(&app).contains("tied between 1, 3"),
        "{}",
        screen(&app)
    );
    keys(&mut app, &[Action::Down, Action::Down, Action::Select]);
    assert_eq!(followed(&app), 2);
}

#[test]
fn following_needs_every_choice_on_screen() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN, REVEAL, Action::Select]);
    // The first Enter reveals the rest instead of following the only one shown.
    let p = present(&app);
    assert!(matches!(p.stage, Stage::Decision { revealed: 3, .. }));
    assert!(p.run.as_ref().unwrap().taken().is_empty());
    app.update(Action::Select);
    assert_eq!(present(&app).run.as_ref().unwrap().taken().len(), 1);
}

#[test]
fn exploring_keeps_every_path_and_goes_back_to_any_decision() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, EXPLORE);
    let p = present(&app);
    assert_eq!(p.explored.len(), 2);
    let rows = p.map_rows();
    // The start, two branches from it, and one step further on the first branch.
    assert_eq!(rows.len(), 4);
    assert_eq!(rows.iter().filter(|r| r.prefix.len() == 1).count(), 2);
    let now: Vec<_> = rows
        .iter()
        .filter(|r| r.here == kohtaa::tui::screens::present_map::Here::Now)
        .collect();
    assert_eq!(now.len(), 1);
    assert_eq!(
        now[0].prefix,
        p.run
            .as_ref()
            .unwrap()
            .taken()
            .iter()
            .map(|t| t.choice)
            .collect::<Vec<_>>()
    );
}

rusty_fork_test! {
    // Its own process: it sets an environment variable, and the other tests share this one.
    #[test]
    fn nothing_is_saved() {
        let data = tempfile::tempdir().unwrap();
        // SAFETY: set before anything reads it, in this test's own process.
        unsafe { std::env::set_var("KOHTAA_DATA_DIR", data.path()) };
        let mut app = app(Lang::En, Some("doctor-today"));
        keys(&mut app, TO_DEBRIEF);
        keys(
            &mut app,
            &[Action::Back, Action::Answer(true), Action::Back],
        );
        assert!(app.quit);
        assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
    }
}

#[test]
fn the_map_keeps_each_moment_on_one_row() {
    // Two decisions deep, the row where the room is has the longest tail; the choice's words
    // are cut to leave room for it, rather than the marker wrapping to a row of its own.
    for (lang, here) in [
        (Lang::En, "← the room is here"),
        (Lang::Fi, "← ryhmä on tässä"),
    ] {
        let mut app = app(lang, Some("doctor-today"));
        keys(
            &mut app,
            &[
                BEGIN,
                ALL,
                Action::Pick(3),
                Action::Select,
                Action::Select,
                ALL,
                Action::Pick(1),
                Action::Select,
                Action::Present(Cue::Map),
            ],
        );
        let shown = screen(&app);
        assert!(
            shown.lines().any(|l| l.contains("▶") && l.contains(here)),
            "the room's row holds its marker whole:\n{shown}"
        );
    }
}

#[test]
fn leaving_asks_only_when_the_room_has_explored_a_path() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN]);
    app.update(Action::Back);
    assert!(app.overlay.is_none(), "nothing explored: nothing to lose");
    let mut app = app_explored();
    app.update(Action::Back);
    assert!(
        app.overlay.is_some(),
        "explored paths would be lost: it asks"
    );
}

fn app_explored() -> App {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN, ALL, Action::Select]);
    assert_eq!(present(&app).explored.len(), 1);
    app
}

#[test]
fn a_single_vote_is_not_called_one_of_one() {
    let mut app = app(Lang::En, Some("doctor-today"));
    keys(&mut app, &[BEGIN, ALL, Action::Pick(2), Action::Select]);
    let shown = screen(&app);
    assert!(
        shown.contains("The room chose 2 (the only vote)"),
        "{shown}"
    );
    assert!(!shown.contains("1 of 1"), "{shown}");
}
