//! The practice app with a history: runs are saved (finished and abandoned), the reflection is
//! kept and its plan shown before the next run, the progress view and "practise next".
//! Snapshots are whole screens at 80x24 in both languages.

use std::path::Path;

use crate::support::{fixture, library_of};

use kohtaa::content::Library;
use kohtaa::i18n::Lang;
use kohtaa::practice::record::RunStatus;
use kohtaa::store::history::Store;
use kohtaa::store::library::{self, LoadOptions};
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use time::macros::datetime;

fn library() -> Library {
    library_of([fixture("progress/scenarios")])
}

fn app(lang: Lang, data: &Path, save: bool, day: u8) -> App {
    let mut env = Env::new(lang, Theme::mono(), library(), Some(7))
        .with_store(Store::in_data_dir(data, save));
    env.clock = Some(datetime!(2025-03-03 09:00 UTC).replace_day(day).unwrap());
    App::new(env)
}

fn screen_text(app: &App) -> String {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    kohtaa::tui::render::draw(app, area, &mut buf);
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// From the library: start the selected scenario, choose the shown choice `n` at every node
/// until the debrief.
fn play_to_debrief(app: &mut App, n: usize) {
    app.update(Action::Select); // briefing
    app.update(Action::Select); // play
    while !matches!(app.screen, Screen::Debrief(_)) {
        app.update(Action::Pick(n));
        app.update(Action::Select);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

#[test]
fn a_finished_run_and_its_reflection_are_saved_and_the_plan_is_shown_next_time() {
    let data = tempfile::tempdir().unwrap();
    let mut a = app(Lang::En, data.path(), true, 3);
    play_to_debrief(&mut a, 1);
    let saved = Store::in_data_dir(data.path(), true).load();
    assert_eq!(saved.records.len(), 1);
    assert_eq!(saved.records[0].status, RunStatus::Finished);
    assert_eq!(saved.records[0].seed, 7);

    a.update(Action::Back); // to the reflection
    assert!(matches!(a.screen, Screen::Reflect(_)));
    type_text(&mut a, "She waited; I greeted her.");
    a.update(Action::Select);
    a.update(Action::Select); // "what worked" skipped
    type_text(&mut a, "Ask what she needs first.");
    a.update(Action::Select);
    insta::assert_snapshot!("reflect_usefulness_en", screen_text(&a));
    a.update(Action::Pick(4));
    assert!(matches!(a.screen, Screen::Library(_)));

    let saved = Store::in_data_dir(data.path(), true).load();
    assert_eq!(saved.records.len(), 1, "the same run, rewritten");
    let r = &saved.records[0];
    assert_eq!(
        r.reflection.what_happened.as_deref(),
        Some("She waited; I greeted her.")
    );
    assert_eq!(r.reflection.what_worked, None);
    assert_eq!(
        r.reflection.next_time.as_deref(),
        Some("Ask what she needs first.")
    );
    assert_eq!(r.usefulness, Some(4));

    // Start again, as a new session: the plan is shown before the run.
    let mut b = app(Lang::En, data.path(), true, 4);
    b.update(Action::Select);
    let briefing = screen_text(&b);
    assert!(briefing.contains("Last time you planned"), "{briefing}");
    assert!(briefing.contains("Ask what she needs first."), "{briefing}");
}

#[test]
fn leaving_a_run_keeps_it_as_abandoned_only_when_confirmed() {
    let data = tempfile::tempdir().unwrap();
    // The play fixtures: longer than one choice.
    let library = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: vec![],
        paths: vec!["tests/fixtures/play".into()],
    });
    let env = Env::new(Lang::En, Theme::mono(), library, Some(7))
        .with_store(Store::in_data_dir(data.path(), true));
    let mut a = App::new(env);
    type_text(&mut a, "late parcel");
    a.update(Action::Select);
    a.update(Action::Select);
    a.update(Action::Pick(1));
    a.update(Action::Select);
    assert!(matches!(a.screen, Screen::Play(_)));
    assert!(
        screen_text(&a).contains("What do you say?"),
        "not yet at an ending"
    );
    a.update(Action::Back);
    a.update(Action::Answer(false));
    assert!(
        Store::in_data_dir(data.path(), true)
            .load()
            .records
            .is_empty()
    );
    a.update(Action::Back);
    a.update(Action::Answer(true));
    assert!(matches!(a.screen, Screen::Library(_)));
    let saved = Store::in_data_dir(data.path(), true).load();
    assert_eq!(saved.records.len(), 1);
    assert_eq!(saved.records[0].status, RunStatus::Abandoned);
}

#[test]
fn leaving_at_the_ending_keeps_the_run_as_finished() {
    for quit in [false, true] {
        let data = tempfile::tempdir().unwrap();
        let library = library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: vec!["tests/fixtures/play".into()],
            paths: vec!["tests/fixtures/play/en/lost-key.ron".into()],
        });
        let env = Env::new(Lang::En, Theme::mono(), library, Some(7))
            .with_store(Store::in_data_dir(data.path(), true));
        let mut a = App::new(env);
        a.update(Action::Select); // briefing
        a.update(Action::Select); // play
        a.update(Action::Pick(1)); // its one choice
        a.update(Action::Select); // the ending, before the debrief
        let text = screen_text(&a);
        assert!(text.contains("Press Enter to see the debrief."), "{text}");
        assert!(text.contains("Enter open the debrief"), "{text}");
        assert!(!text.contains("1-9 choose"), "{text}");
        if quit {
            a.update(Action::Quit);
        } else {
            a.update(Action::Back);
            assert!(matches!(a.screen, Screen::Library(_)), "no question");
        }
        let saved = Store::in_data_dir(data.path(), true).load();
        assert_eq!(saved.records.len(), 1, "quit: {quit}");
        assert_eq!(saved.records[0].status, RunStatus::Finished);
    }
}

#[test]
fn with_no_save_nothing_is_written_but_the_session_remembers() {
    let data = tempfile::tempdir().unwrap();
    let mut a = app(Lang::En, data.path(), false, 3);
    play_to_debrief(&mut a, 1);
    a.update(Action::Back);
    type_text(&mut a, "x");
    a.update(Action::Back);
    a.update(Action::Progress);
    assert!(screen_text(&a).contains("Runs: 1"));
    assert!(!data.path().join("runs").exists());
}

#[test]
fn a_damaged_record_is_reported_on_the_library_screen() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("runs")).unwrap();
    std::fs::write(data.path().join("runs/cut.json"), "{\"format\":1,").unwrap();
    let a = app(Lang::En, data.path(), true, 3);
    let text = screen_text(&a);
    // Said whole, in words: which file, and what became of it.
    assert!(text.contains("Saved run cut.json was damaged"), "{text}");
    assert!(text.contains("moved aside as cut.json.damaged-1"), "{text}");
    assert!(text.contains("other runs are kept."), "{text}");
    std::fs::write(data.path().join("runs/cut2.json"), "{\"format\":1,").unwrap();
    let fi = screen_text(&app(Lang::Fi, data.path(), true, 3));
    assert!(fi.contains("cut2.json oli vioittunut"), "{fi}");
    assert!(
        !fi.contains("EOF"),
        "no English in the Finnish notice:\n{fi}"
    );
    assert!(data.path().join("runs/cut.json.damaged-1").exists());
}

/// Two runs: one that went well, one that broke greet, on day 3; the app opened on day 4.
fn with_history(lang: Lang, data: &Path) -> App {
    let mut a = app(lang, data, true, 3);
    for (n, hour) in [(1, 9), (2, 10)] {
        a.env.clock = Some(datetime!(2025-03-03 00:00 UTC).replace_hour(hour).unwrap());
        play_to_debrief(&mut a, n);
        a.update(Action::Back);
        a.update(Action::Back);
    }
    app(lang, data, true, 4)
}

#[test]
fn library_progress_and_a_reopened_debrief() {
    for lang in [Lang::En, Lang::Fi] {
        let data = tempfile::tempdir().unwrap();
        let mut a = with_history(lang, data.path());
        let name = format!("{lang:?}").to_lowercase();
        insta::assert_snapshot!(format!("library_practise_next_{name}"), screen_text(&a));
        a.update(Action::Progress);
        insta::assert_snapshot!(format!("progress_{name}"), screen_text(&a));
        a.update(Action::Up);
        a.update(Action::Select);
        assert!(matches!(a.screen, Screen::Debrief(_)));
        let bar = screen_text(&a).lines().last().unwrap().to_owned();
        let back = kohtaa::i18n::t(lang, kohtaa::i18n::T::ToProgress);
        assert!(
            bar.contains(back),
            "the hint bar says where back goes: {bar}"
        );
        a.update(Action::Back);
        assert!(
            matches!(a.screen, Screen::Progress(_)),
            "back to the progress view"
        );
    }
}
