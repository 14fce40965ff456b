//! Mood words that fit the person: the default scale in both languages, a scenario's own
//! `mood_words` on every view that names a mood, the checks of that field, and moods signed
//! the same way in every text view.

use kohtaa::store::library::{self, LoadOptions};
use std::sync::Arc;

use crate::support::cli::{self, Output};
use crate::support::tui::{choose_by_text, key, text as screen_text, typed};
use crate::support::{fixture, library_of};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use kohtaa::content::{Library, Scenario};
use kohtaa::i18n;
use kohtaa::lang::Lang;
use kohtaa::plain::transcript;
use kohtaa::practice::Run;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

/// The birthday-parcel scenario (its customer has words of her own) and the mini model.
fn library() -> Library {
    library_of([fixture("mood"), fixture("play/models")])
}

fn scenario(lib: &Library, language: &str) -> Scenario {
    lib.scenario("birthday-parcel", language)
        .expect("the fixture loads")
        .value
        .clone()
}

fn scale(lang: Lang) -> Vec<&'static str> {
    (-5..=5).map(|m| i18n::default_mood_word(lang, m)).collect()
}

#[test]
fn the_default_scale_names_feelings_not_anger_in_both_languages() {
    assert_eq!(
        scale(Lang::En),
        [
            "very upset",
            "upset",
            "troubled",
            "uneasy",
            "wary",
            "neutral",
            "open",
            "reassured",
            "at ease",
            "pleased",
            "satisfied"
        ]
    );
    assert_eq!(
        scale(Lang::Fi),
        [
            "aivan tolaltaan",
            "pahalla mielellä",
            "huolissaan",
            "epävarma",
            "varautunut",
            "neutraali",
            "avoin",
            "rauhoittunut",
            "levollinen",
            "luottavainen",
            "tyytyväinen"
        ]
    );
    // Beyond the ends of the scale, the end's word.
    assert_eq!(i18n::default_mood_word(Lang::En, -9), "very upset");
    assert_eq!(i18n::default_mood_word(Lang::Fi, 9), "tyytyväinen");
}

#[test]
fn a_scenario_without_words_of_its_own_uses_the_default_scale_in_the_interface_language() {
    let lib = crate::support::tui::fixtures();
    let s = &lib.scenario("late-parcel", "fi").expect("fixture").value;
    assert_eq!(i18n::mood_word(Lang::En, s, -2), "uneasy");
    assert_eq!(i18n::mood_word(Lang::Fi, s, -2), "epävarma");
}

#[test]
fn a_scenarios_own_words_are_used_and_the_rest_of_the_scale_follows_its_language() {
    let lib = library();
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    let fi = scenario(&lib, "fi");
    let en = scenario(&lib, "en");
    // Whatever the interface language, her own words stand.
    assert_eq!(i18n::mood_word(Lang::En, &fi, -2), "itku kurkussa");
    assert_eq!(i18n::mood_word(Lang::Fi, &en, -5), "in tears");
    // A mood she has no word for: the default word, in the scenario's language.
    assert_eq!(i18n::mood_word(Lang::En, &fi, 3), "levollinen");
    assert_eq!(i18n::mood_word(Lang::Fi, &en, 0), "neutral");
    // Beyond the ends of the scale, the end's word.
    assert_eq!(i18n::mood_word(Lang::Fi, &fi, 8), "helpottunut");
}

fn briefing(lang: Lang) -> App {
    let mut app = App::new(Env::new(lang, Theme::mono(), library(), Some(3)));
    app.update(Action::Resize(80, 24));
    typed(&mut app, "birthday");
    key(&mut app, KeyCode::Enter);
    app
}

#[test]
fn the_briefing_and_the_play_screen_use_the_customers_own_words() {
    let mut app = briefing(Lang::En);
    assert!(
        screen_text(&app).contains("Mood at the start: close to tears (−2)"),
        "{}",
        screen_text(&app)
    );
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("close to tears (−2)"), "{text}");
    choose_by_text(&mut app, &["Hello"]);
    let text = screen_text(&app);
    assert!(text.contains("worried (−1)"), "the meter: {text}");

    let mut app = briefing(Lang::Fi);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("itku kurkussa (−2)"), "{text}");
}

fn kohtaa(args: &[&str], input: &str) -> (i32, String, String) {
    let data = tempfile::tempdir().expect("tempdir");
    let Output {
        code,
        stdout,
        stderr,
    } = cli::run(
        cli::kohtaa(data.path())
            .args(args)
            .write_stdin(input.to_owned()),
    );
    (code, stdout, stderr)
}

#[test]
fn plain_mode_names_the_scale_and_the_start_in_the_customers_words() {
    let models = fixture("play/models");
    // The start's line: "Mood at the start: close to tears (−2), on a scale from −5 (in tears)
    // to +5 (relieved)."
    for (lang, file) in [
        ("en", "mood/en/birthday-parcel.ron"),
        ("fi", "mood/fi/birthday-parcel.ron"),
    ] {
        let (code, stdout, stderr) = kohtaa(
            &[
                "play",
                "--plain",
                "--lang",
                lang,
                "--seed",
                "3",
                "--scenarios",
                models.to_str().unwrap(),
                fixture(file).to_str().unwrap(),
            ],
            "q\n",
        );
        assert_eq!(code, 0, "{stderr}");
        assert_snapshot!(format!("plain_start_{lang}"), stdout);
    }
}

#[test]
fn plain_mode_feedback_and_debrief_use_the_customers_words_and_true_signs() {
    let lib = library();
    let s = Arc::new(scenario(&lib, "en"));
    let model = Arc::new(lib.model_for(&s).expect("model").clone());
    let mut run = Run::new(s.clone(), model, 1).expect("run");
    let hello = s.nodes[0]
        .choice_list()
        .iter()
        .position(|c| c.say.starts_with("Hello"))
        .expect("choice");
    run.choose(hello).expect("choose");
    let taken = run.taken()[0].clone();
    let lines = transcript::feedback(&run, &taken, Lang::En, None);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("Mood: better by 1, from close to tears (−2) to worried (−1).")
    );
    while !run.is_finished() {
        run.choose(0).expect("choose");
    }
    let debrief = transcript::debrief(&run, Lang::En, None);
    let trajectory = debrief
        .iter()
        .find(|l| l.starts_with("Mood, choice by choice:"))
        .expect("trajectory");
    assert!(
        trajectory.starts_with("Mood, choice by choice: −2, −1, "),
        "{trajectory}"
    );
    let moods = trajectory["Mood, choice by choice: ".len()..].trim_end_matches('.');
    for mood in moods.split(", ") {
        assert!(
            mood == "0" || mood.starts_with(['+', '−']),
            "positive moods carry +, negative a true minus: {trajectory}"
        );
    }
}

#[test]
fn mood_words_are_checked_at_their_line_and_column() {
    let lib = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![fixture("check/mood_words_bad.ron")],
    });
    let found: Vec<(&str, (usize, usize), String)> = lib
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() != "K0605")
        .map(|d| (d.code.as_str(), d.start(), d.message_in(Lang::En)))
        .collect();
    let found: Vec<(&str, (usize, usize), &str)> = found
        .iter()
        .map(|(c, at, m)| (*c, *at, m.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "K0201",
                (12, 13),
                "mood -6 in `mood_words` is out of range: it must be -5 to 5"
            ),
            ("K0205", (13, 16), "the mood word for 0 is empty"),
            ("K0501", (14, 22), "control character U+0007 in text"),
        ]
    );
}

#[test]
fn a_mood_given_twice_is_reported_in_finnish_too_with_where_it_was_first() {
    let lib = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![fixture("check/k0207_mood_word_twice.ron")],
    });
    let d = lib
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "K0207")
        .expect("K0207");
    assert_eq!(
        d.message_in(Lang::Fi),
        "mielialalle -2 on annettu kaksi sanaa (`mood_words`)"
    );
    assert_eq!(d.notes_in(Lang::En), ["first given at line 13"]);
}

#[test]
fn every_bundled_file_still_loads_and_the_new_codes_are_explained_in_both_languages() {
    let lib = library::load(&LoadOptions::default());
    assert!(lib.diagnostics.iter().all(|d| d.code.as_str() != "K0104"));
    for code in ["K0207", "K0208", "K0209"] {
        for lang in ["en", "fi"] {
            let (status, stdout, _) = kohtaa(&["--lang", lang, "explain", code], "");
            assert_eq!(status, 0);
            assert_snapshot!(format!("explain_{code}_{lang}"), stdout);
        }
    }
}

#[test]
fn average_moods_are_signed_like_every_other_mood() {
    assert_eq!(i18n::signed(-3), "−3");
    assert_eq!(i18n::signed(0), "0");
    assert_eq!(i18n::signed(5_i64), "+5");
    assert_eq!(i18n::signed_decimal(Lang::En, -0.5), "−0.5");
    assert_eq!(i18n::signed_decimal(Lang::En, 1.25), "+1.2");
    assert_eq!(i18n::signed_decimal(Lang::Fi, 1.5), "+1,5");
    // A value that rounds to zero carries no sign.
    assert_eq!(i18n::signed_decimal(Lang::En, -0.04), "0.0");
}

#[test]
fn analyze_writes_final_moods_with_true_signs() {
    let models = fixture("play/models");
    let file = fixture("mood/en/birthday-parcel.ron");
    let (code, stdout, stderr) = kohtaa(
        &[
            "--lang",
            "en",
            "analyze",
            "--scenarios",
            models.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{stderr}");
    // "best final mood +…", "worst final mood −…".
    assert_snapshot!(
        "analyze_en",
        stdout.replace(&crate::support::root().display().to_string(), "[ROOT]")
    );
}
