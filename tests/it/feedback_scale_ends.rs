//! Feedback at the ends of the mood scale. A harmful answer to a customer already at −5 (a
//! helpful one at +5) leaves the meter where it is, yet it is not a neutral answer, and the
//! feedback after the choice must not call it one; a neutral answer still gets `mood_same`.
//! Style files written before `mood_floor` and `mood_ceiling` existed still load.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use insta::assert_snapshot;
use kohtaa::content::codes::Code;
use kohtaa::content::styles::{LearnerStyle, Part, StyleTexts};
use kohtaa::content::{Library, Style};
use kohtaa::i18n::Lang;
use kohtaa::plain::transcript;
use kohtaa::practice::Run;
use kohtaa::practice::feedback::{PartKind, Voice};
use kohtaa::practice::run::ScaleEnd;

use crate::support::{cli, library_of, root};

/// The scenario whose customer starts at −5, with its model, and any `extra` files.
fn library(extra: &[PathBuf]) -> Library {
    let mut paths = vec![
        root().join("tests/fixtures/polish"),
        root().join("tests/fixtures/play/models"),
    ];
    paths.extend_from_slice(extra);
    library_of(paths)
}

/// Choices of the fixture, by how their text starts, in each language.
struct Answers {
    lang: &'static str,
    /// Mood −2.
    harmful: &'static str,
    /// Mood +2.
    helpful: &'static str,
    /// Mood 0.
    neutral: &'static str,
}

const LANGS: [Answers; 2] = [
    Answers {
        lang: "en",
        harmful: "Please calm",
        helpful: "Six weeks",
        neutral: "The letter means",
    },
    Answers {
        lang: "fi",
        harmful: "Rauhoittukaa",
        helpful: "Kuusi viikkoa",
        neutral: "Kirje tarkoittaa",
    },
];

/// A run of the fixture with the customer starting at `mood`.
fn run_at(lib: &Library, lang: &str, mood: i64) -> Run {
    let mut scenario = lib
        .scenario("long-lines", lang)
        .expect("fixture")
        .value
        .clone();
    scenario.customer.mood = mood;
    let model = lib.model_for(&scenario).expect("mini model").clone();
    Run::new(Arc::new(scenario), Arc::new(model), 3).expect("run starts")
}

/// Takes the choice whose text starts with `prefix`.
fn choose(run: &mut Run, prefix: &str) {
    let index = run
        .node()
        .choice_list()
        .iter()
        .position(|c| c.say.starts_with(prefix))
        .unwrap_or_else(|| panic!("no choice starting {prefix:?}"));
    run.choose(index).expect("choose");
}

fn learners() -> [Option<LearnerStyle>; 5] {
    [
        None,
        Some(LearnerStyle::Pure(Style::D)),
        Some(LearnerStyle::Pure(Style::I)),
        Some(LearnerStyle::Pure(Style::S)),
        Some(LearnerStyle::Pure(Style::C)),
    ]
}

/// The `Impact` text shown after taking `prefix` at `mood`, worded for `learner`.
fn impact(
    lib: &Library,
    texts: &StyleTexts,
    learner: Option<LearnerStyle>,
    lang: &str,
    mood: i64,
    prefix: &str,
) -> String {
    let mut run = run_at(lib, lang, mood);
    choose(&mut run, prefix);
    let taken = run.taken()[0].clone();
    let choice = run.choice_of(&taken).expect("the choice");
    let parts = Voice::new(texts, learner).after_choice(
        choice.feedback.as_deref(),
        &run.effect_of(&taken),
        run.model(),
        &choice.style_tips,
    );
    parts
        .iter()
        .find(|p| p.kind == PartKind::Framed(Part::Impact))
        .unwrap_or_else(|| panic!("{lang} {learner:?}: no Impact part in {parts:?}"))
        .text
        .clone()
}

#[test]
fn the_run_keeps_the_choices_own_change_beside_the_applied_one() {
    let lib = library(&[]);
    let cases = [
        // (start mood, answer, applied change, the choice's own change, held by)
        (-5, "Please calm", 0, -2, Some(ScaleEnd::Lowest)),
        (-4, "Please calm", -1, -2, None),
        (-5, "The letter means", 0, 0, None),
        (5, "Six weeks", 0, 2, Some(ScaleEnd::Highest)),
        (4, "Six weeks", 1, 2, None),
        (5, "Please calm", -2, -2, None),
    ];
    for (mood, answer, applied, own, held) in cases {
        let mut run = run_at(&lib, "en", mood);
        choose(&mut run, answer);
        let effect = run.effect_of(&run.taken()[0]);
        assert_eq!(
            (
                effect.mood_delta,
                effect.choice_mood,
                effect.held_by_scale()
            ),
            (applied, own, held),
            "{answer:?} at {mood}"
        );
    }
}

#[test]
fn a_harmful_answer_at_the_lowest_mood_is_not_called_neutral() {
    let lib = library(&[]);
    for a in LANGS {
        let texts = lib.styles_for(a.lang).expect("bundled style file");
        for learner in learners() {
            let f = texts.framing(learner);
            let floor = f.mood_floor.as_deref().expect("the bundled file words it");
            assert_ne!(floor, f.mood_same);
            let said = impact(&lib, texts, learner, a.lang, -5, a.harmful);
            assert_eq!(said, floor, "{} {learner:?}", a.lang);
        }
    }
    let en = lib.styles_for("en").unwrap();
    assert!(impact(&lib, en, None, "en", -5, LANGS[0].harmful).contains("already at its lowest"));
    let fi = lib.styles_for("fi").unwrap();
    assert!(impact(&lib, fi, None, "fi", -5, LANGS[1].harmful).contains("jo alimmillaan"));
}

#[test]
fn a_helpful_answer_at_the_highest_mood_is_not_called_neutral() {
    let lib = library(&[]);
    for a in LANGS {
        let texts = lib.styles_for(a.lang).expect("bundled style file");
        for learner in learners() {
            let f = texts.framing(learner);
            let ceiling = f
                .mood_ceiling
                .as_deref()
                .expect("the bundled file words it");
            assert_ne!(ceiling, f.mood_same);
            let said = impact(&lib, texts, learner, a.lang, 5, a.helpful);
            assert_eq!(said, ceiling, "{} {learner:?}", a.lang);
        }
    }
    let en = lib.styles_for("en").unwrap();
    assert!(impact(&lib, en, None, "en", 5, LANGS[0].helpful).contains("already at its highest"));
    let fi = lib.styles_for("fi").unwrap();
    assert!(impact(&lib, fi, None, "fi", 5, LANGS[1].helpful).contains("jo ylimmillään"));
}

#[test]
fn a_neutral_answer_still_holds_steady_and_a_move_away_from_an_end_is_a_move() {
    let lib = library(&[]);
    for a in LANGS {
        let texts = lib.styles_for(a.lang).expect("bundled style file");
        for learner in learners() {
            let f = texts.framing(learner);
            for mood in [-5, 0, 5] {
                let said = impact(&lib, texts, learner, a.lang, mood, a.neutral);
                assert_eq!(said, f.mood_same, "{} {learner:?} at {mood}", a.lang);
            }
            // Away from the end the scale stops nothing: the usual words, with the number.
            let up = impact(&lib, texts, learner, a.lang, -5, a.helpful);
            assert_eq!(up, f.mood_up.replace("{n}", "2"));
            let down = impact(&lib, texts, learner, a.lang, 5, a.harmful);
            assert_eq!(down, f.mood_down.replace("{n}", "2"));
        }
    }
}

/// The bundled style file of `lang`, its lines passed through `edit` (`None` drops a line),
/// written as a user style file in `dir`.
fn user_style_file(dir: &Path, lang: &str, edit: impl Fn(&str) -> Option<String>) -> PathBuf {
    let bundled = std::fs::read_to_string(root().join(format!("scenarios/styles/disc.{lang}.ron")))
        .expect("bundled style file");
    let edited: Vec<String> = bundled.lines().filter_map(&edit).collect();
    let edited = edited.join("\n");
    assert_ne!(edited, bundled, "the edit changed something");
    let path = dir.join(format!("disc.{lang}.ron"));
    std::fs::write(&path, edited).expect("write the user style file");
    path
}

fn without_new_fields(line: &str) -> Option<String> {
    let field = line.trim_start();
    (!field.starts_with("mood_floor:") && !field.starts_with("mood_ceiling:"))
        .then(|| line.to_owned())
}

#[test]
fn a_style_file_without_the_new_fields_loads_and_says_mood_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    for a in LANGS {
        let file = user_style_file(dir.path(), a.lang, without_new_fields);
        let lib = library(&[file]);
        assert_eq!(
            lib.diagnostics.len(),
            0,
            "{:?}",
            lib.diagnostics
                .iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>()
        );
        let texts = lib.styles_for(a.lang).expect("the user style file");
        for learner in learners() {
            let f = texts.framing(learner);
            assert_eq!(f.mood_floor, None, "the user file replaced the bundled one");
            assert_eq!(f.mood_ceiling, None);
            assert_eq!(f.mood_floor(), f.mood_same);
            assert_eq!(
                impact(&lib, texts, learner, a.lang, -5, a.harmful),
                f.mood_same
            );
            assert_eq!(
                impact(&lib, texts, learner, a.lang, 5, a.helpful),
                f.mood_same
            );
        }
    }
}

#[test]
fn the_new_fields_are_checked_like_the_other_mood_texts() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The neutral framing is the last with these fields: its lines are the last of each.
    let bundled = std::fs::read_to_string(root().join("scenarios/styles/disc.en.ron")).unwrap();
    let last = |field: &str| {
        bundled
            .lines()
            .rfind(|l| l.trim_start().starts_with(field))
            .unwrap()
            .to_owned()
    };
    let (floor, ceiling) = (last("mood_floor:"), last("mood_ceiling:"));
    let file = user_style_file(dir.path(), "en", |line| {
        Some(if line == floor {
            "        mood_floor: \"lower by {n} if it could.\",".to_owned()
        } else if line == ceiling {
            "        mood_ceiling: \" \",".to_owned()
        } else {
            line.to_owned()
        })
    });
    let lib = library(&[file]);
    let found: Vec<(Code, String)> = lib
        .diagnostics
        .iter()
        .map(|d| (d.code, d.source.text[d.span.clone()].to_owned()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                Code::UnknownPlaceholder,
                "\"lower by {n} if it could.\"".to_owned()
            ),
            (Code::EmptyText, "\" \"".to_owned()),
        ]
    );
}

/// The number a learner types to take `prefix` in a plain run of the fixture with `seed`.
fn typed(lang: &str, seed: u64, prefix: &str) -> String {
    let lib = library(&[]);
    let scenario = lib
        .scenario("long-lines", lang)
        .expect("fixture")
        .value
        .clone();
    let model = lib.model_for(&scenario).expect("mini model").clone();
    let run = Run::new(Arc::new(scenario), Arc::new(model), seed).expect("run starts");
    let choices = run.node().choice_list();
    let shown = run
        .choice_order()
        .iter()
        .position(|&i| choices[i].say.starts_with(prefix))
        .expect("a choice of the node");
    format!("{}\n", shown + 1)
}

fn plain(lang: &str, prefix: &str) -> String {
    let data = tempfile::tempdir().expect("tempdir");
    let file = root().join(format!("tests/fixtures/polish/{lang}/long-lines.ron"));
    let models = root().join("tests/fixtures/play/models");
    let out = cli::kohtaa(data.path())
        .args([
            "play",
            "--plain",
            "--lang",
            lang,
            "--seed",
            "7",
            "--scenarios",
        ])
        .arg(&models)
        .arg(&file)
        .write_stdin(typed(lang, 7, prefix))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn plain_mode_says_the_mood_was_already_at_its_lowest() {
    for a in LANGS.iter() {
        let harmful = plain(a.lang, a.harmful);
        // The mood is said once, in the plain line with the customer's words ("Mood: still
        // very upset (−5), already at its lowest; this answer would have lowered it."): the
        // style's own mood sentence ("Effect: mood already at its lowest; …") is left out.
        assert_snapshot!(format!("lowest_harmful_{}", a.lang), harmful);
        // A neutral answer at −5 is still "no change".
        let neutral = plain(a.lang, a.neutral);
        assert_snapshot!(format!("lowest_neutral_{}", a.lang), neutral);
    }
}

#[test]
fn plain_mode_says_the_mood_was_already_at_its_highest() {
    let lib = library(&[]);
    for (a, line) in LANGS.iter().zip([
        "Mood: still satisfied (+5), already at its highest; this answer would have raised it.",
        "Mieliala: edelleen tyytyväinen (+5), jo ylimmillään; tämä vastaus olisi nostanut sitä.",
    ]) {
        let lang = if a.lang == "fi" { Lang::Fi } else { Lang::En };
        let mut run = run_at(&lib, a.lang, 5);
        choose(&mut run, a.helpful);
        let taken = run.taken()[0].clone();
        // Without style texts, as with them: the mood line is the plain catalogue's.
        let lines = transcript::feedback(&run, &taken, lang, None);
        assert_eq!(lines.last().map(String::as_str), Some(line));
    }
}
