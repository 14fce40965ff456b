//! Every diagnostic code has a fixture under tests/fixtures/check/, reported at its exact
//! line and column with its exact message.

use kohtaa::lang::Lang;
use kohtaa::store::library::{self, LoadOptions};
use std::path::PathBuf;

use kohtaa::content::{Code, Library, Source};

use crate::support::{self, library_of};

fn fixture(rel: &str) -> PathBuf {
    support::fixture("check").join(rel)
}

fn load(paths: &[&str]) -> Library {
    library_of(paths.iter().map(|p| fixture(p)))
}

/// Loading `paths` reports `code` at `line:column` with exactly `message`.
#[track_caller]
fn reports(paths: &[&str], code: &str, line: usize, column: usize, message: &str) {
    let lib = load(paths);
    let found = lib.diagnostics.iter().find(|d| d.code.as_str() == code);
    let Some(d) = found else {
        let all: Vec<String> = lib.diagnostics.iter().map(|d| d.headline()).collect();
        panic!("{code} not reported for {paths:?}; got {all:#?}");
    };
    assert_eq!(
        (d.start(), d.message_in(Lang::En).as_str()),
        ((line, column), message),
        "{}",
        d.headline()
    );
    assert!(d.source.name.ends_with(paths[0]), "{}", d.source.name);
}

macro_rules! cases {
    ($($name:ident: [$($path:literal),+] $code:literal at $line:literal:$col:literal $msg:literal;)*) => {
        $(
            #[test]
            fn $name() {
                reports(&[$($path),+], $code, $line, $col, $msg);
            }
        )*

        /// Every code a user can meet has a case above (those built elsewhere excepted).
        #[test]
        fn every_code_has_a_fixture() {
            let tested = [$($code),*];
            let elsewhere = [
                "K0107", "K0108", "K0110", // need a file too large, too deep or unreadable: tests below
                "K0606", // needs a user folder: check_cli.rs
                "K0704", // playthroughs are run by `kohtaa test`
                // `kohtaa analyze` raises these: authoring_analyze.rs and
                // authoring_clues.rs
                "K0901", "K0902", "K0903", "K0904", "K0905", "K0906", "K0907", "K0908", "K0909",
            ];
            for code in Code::ALL {
                assert!(
                    tested.contains(&code.as_str()) || elsewhere.contains(&code.as_str()),
                    "no fixture for {code}"
                );
            }
        }
    };
}

cases! {
    k0101: ["k0101_syntax.ron"] "K0101" at 5:38 "expected comma";
    k0102: ["k0102_unknown_field.ron"] "K0102" at 5:5
        "unknown field `titel` in `Scenario`; did you mean `title`?";
    k0103: ["k0103_missing_field.ron"] "K0103" at 28:1 "missing field `start` in `Scenario`";
    k0104: ["k0104_wrong_type.ron"] "K0104" at 9:17 "expected integer";
    k0105: ["k0105_unknown_variant.ron"] "K0105" at 8:54 "unknown value `X` in `Style`";
    k0106: ["k0106_duplicate_field.ron"] "K0106" at 6:5 "field `title` given twice in `Scenario`";
    k0109: ["k0109_not_utf8.ron"] "K0109" at 8:42 "file is not valid UTF-8 here; save it as UTF-8";
    k0111: ["k0111_unknown_kind.ron"] "K0111" at 2:1
        "`Survey(` starts no kind of content file kohtaa knows";
    k0201: ["k0201_out_of_range.ron"] "K0201" at 9:17 "difficulty 4 is out of range: it must be 1 to 3";
    k0202: ["k0202_bad_id.ron"] "K0202" at 3:9
        "malformed scenario id `Parcel Lost`: use lower-case letters a-z, digits and hyphens; did you mean `parcel-lost`?";
    k0203: ["k0203_duplicate_id.ron"] "K0203" at 24:17 "node id `hello` is used twice";
    k0203_model: ["models/k0203_duplicate_step.en.ron"] "K0203" at 8:18 "step id `greet` is used twice";
    k0204: ["k0204_bad_language.ron"] "K0204" at 4:15
        "malformed language tag `EN`: use a two- or three-letter code such as `en` or `fi`; did you mean `en`?";
    k0205: ["k0205_empty_text.ron"] "K0205" at 6:14 "summary is empty";
    k0206: ["fi/k0206_wrong_folder.ron"] "K0206" at 4:15 "scenario in language `en` is in the folder `fi`";
    k0207: ["k0207_mood_word_twice.ron"] "K0207" at 14:13 "mood -2 is given two words in `mood_words`";
    k0208: ["k0208_mood_word_lines.ron"] "K0208" at 13:17
        "the mood word for +1 runs over more than one line: it stands on one line beside the mood meter";
    k0209: ["k0209_long_mood_word.ron"] "K0209" at 13:17
        "the mood word for +5 is 38 characters long: keep it to 30 or fewer, it stands beside the mood meter";
    k0301: ["k0301_unknown_start.ron"] "K0301" at 9:12 "start `helo` names no node; did you mean `hello`?";
    k0302: ["k0302_unknown_next.ron"] "K0302" at 17:27 "next `dnoe` names no node; did you mean `done`?";
    k0303: ["k0303_unknown_route_target.ron"] "K0303" at 20:55 "route `thanks` names no node";
    k0304: ["k0304_choices_and_ending.ron"] "K0304" at 14:13
        "node `hello` has both `choices` and an `ending`";
    k0305: ["k0305_no_choices_no_ending.ron"] "K0305" at 24:17
        "node `done` has neither `choices` nor an `ending`";
    k0306: ["k0306_choice_count.ron"] "K0306" at 51:17 "node `hello` has 7 choices; at most 6 are allowed";
    k0307: ["k0307_nothing_said.ron"] "K0307" at 24:17 "node `done` has neither `narration` nor `say`";
    k0308: ["k0308_route_without_bound.ron"] "K0308" at 20:30
        "route without `min_mood` or `max_mood`: it would always be taken";
    k0309: ["k0309_route_never_matches.ron"] "K0309" at 20:46
        "route can never be taken: `min_mood` 3 is above `max_mood` -3";
    k0401: ["k0401_unknown_step.ron"] "K0401" at 18:28 "unknown step `greeet`; did you mean `greet`?";
    k0402: ["k0402_unknown_pitfall.ron"] "K0402" at 19:32
        "unknown pitfall `minimize`: the model `default` has no such pitfall; did you mean `minimise`?";
    k0403: ["k0403_unknown_model.ron"] "K0403" at 9:12 "no encounter model `acme` in language `en`";
    k0404: ["models/k0404_duplicate_pitfall.en.ron"] "K0404" at 20:29
        "pitfall id `rush` is used twice in the model";
    k0405: ["k0405_fits_and_breaks.ron"] "K0405" at 19:30
        "this choice both fits and breaks the step `greet`";
    k0406: ["models/k0406_empty_model.en.ron"] "K0406" at 6:12 "model `empty` has no steps";
    k0501_escape: ["k0501_control_escape.ron"] "K0501" at 13:40 "control character U+001B in text";
    k0501_raw: ["k0501_control_raw.ron"] "K0501" at 13:40 "control character U+001B in text";
    k0502_escape: ["k0502_bidi_escape.ron"] "K0502" at 19:60
        "bidirectional control character U+202E in text";
    k0502_raw: ["k0502_bidi_raw.ron"] "K0502" at 19:60 "bidirectional control character U+202E in text";
    k0503: ["k0503_invisible.ron"] "K0503" at 8:35 "invisible character U+200B in text";
    k0601: ["k0601_unreachable.ron"] "K0601" at 28:18 "node `lost` cannot be reached from `hello`";
    k0602: ["k0602_no_ending_reachable.ron"] "K0602" at 12:17 "no ending can be reached from node `hello`";
    k0603: ["k0603_untagged_choice.ron"] "K0603" at 21:29
        "choice has neither `fits`, `breaks` nor `feedback`: it teaches nothing";
    k0604: ["k0604_no_step_practised.ron"] "K0604" at 3:9
        "scenario `no-step-practised` practises no step: no choice lists a step in `fits`";
    k0605: ["k0605_one_language.ron"] "K0605" at 4:15 "scenario `one-language` exists in `en` only";
    k0607: ["k0607_focus_not_fitted.ron"] "K0607" at 9:13
        "focus step `explain` is not in the `fits` of any choice";
    k0608: ["k0608_no_feedback.ron"] "K0608" at 16:26
        "choice without `feedback`: the learner is not told why it worked or not";
    k0701: ["en/k0701_unknown_scenario.tests.ron", "en/parcel.ron"] "K0701" at 3:15
        "no scenario `parcle` in `en`; did you mean `parcel`?";
    k0702: ["en/k0702_unknown_node.tests.ron", "en/parcel.ron"] "K0702" at 5:43
        "scenario `parcel` has no node `helo`; did you mean `hello`?";
    k0703: ["en/k0703_bad_choice.tests.ron", "en/parcel.ron"] "K0703" at 5:52
        "no choice 2 here: node `hello` has 1 choice";
    k0801: ["styles/k0801_missing_tip.en.ron"] "K0801" at 139:12
        "no watch-out tip for learner C with customer C";
    k0802: ["styles/k0802_statement_count.en.ron"] "K0802" at 175:21
        "the self-check has 11 statements; it needs 12 to 16";
    k0803: ["styles/k0803_unknown_placeholder.en.ron"] "K0803" at 157:14
        "unknown placeholder `{fitt}`";
    k0804: ["styles/k0804_scale_labels.en.ron"] "K0804" at 168:16
        "the scale has 4 labels; it needs 5, from disagree to agree";
    k0805: ["styles/k0805_unbalanced.en.ron"] "K0805" at 175:21
        "only 1 statement(s) point to People; give each pole at least two";
    k0806: ["styles/k0806_framing_leaves_out.en.ron"] "K0806" at 104:23
        "`after_choice` leaves out the part `Message`";
}

#[test]
fn k0107_a_file_too_large_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap(); // sparse: no real bytes written
    let lib = library::load(&LoadOptions {
        paths: vec![path],
        ..LoadOptions::default()
    });
    let d = &lib.diagnostics[0];
    assert_eq!(d.code, Code::FileTooLarge);
    assert_eq!(
        d.message_in(Lang::En),
        "file is 17,825,792 bytes; the limit is 16,777,216 bytes (16 MiB)"
    );
}

#[test]
fn k0108_nesting_beyond_the_limit_is_refused() {
    let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let source = Source::new("deep.ron", text);
    let d = kohtaa::content::parse::parse::<ron::Value>(&source).unwrap_err();
    assert_eq!(d.code, Code::TooDeep);
    assert_eq!(d.message_in(Lang::En), "nesting deeper than 64 levels");
}

#[cfg(unix)]
#[test]
fn k0110_an_unreadable_file_is_reported_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.ron"), dir.path().join("a-link.ron")).unwrap();
    std::fs::copy(fixture("k0605_one_language.ron"), dir.path().join("b.ron")).unwrap();
    let lib = library::load(&LoadOptions {
        paths: vec![dir.path().to_path_buf()],
        ..LoadOptions::default()
    });
    let d = lib
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Unreadable)
        .expect("unreadable reported");
    let message = d.message_in(Lang::En);
    assert!(message.starts_with("cannot read: "), "{message}");
    assert!(d.source.name.ends_with("a-link.ron"));
    assert_eq!(lib.scenarios.len(), 1);
}

#[test]
fn duplicates_say_where_the_first_one_is() {
    let lib = load(&["k0203_duplicate_id.ron"]);
    let d = lib
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateId)
        .unwrap();
    assert_eq!(d.notes_in(Lang::En), ["first used at line 12"]);
    let lib = load(&["models/k0404_duplicate_pitfall.en.ron"]);
    let d = &lib
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicatePitfall)
        .unwrap();
    assert_eq!(
        d.notes_in(Lang::En),
        ["first used at line 12 (in step `greet`)"]
    );
}

#[test]
fn the_hostile_file_has_every_unsafe_character_reported_where_it_stands() {
    let lib = load(&["hostile.ron"]);
    let found: Vec<(usize, usize, &str)> = lib
        .diagnostics
        .iter()
        .map(|d| (d.start().0, d.start().1, d.code.as_str()))
        .collect();
    let expected = [
        (6, 26, "K0501"), // \u{1b}[2J
        (6, 35, "K0501"), // \u{1b}[H
        (6, 60, "K0501"), // \x1b]0;  (an OSC: sets the terminal's title)
        (6, 72, "K0501"), // \x07 ending the OSC
        (7, 24, "K0501"), // raw ESC
        (7, 32, "K0501"), // raw ESC
        (7, 50, "K0501"), // raw C1 CSI
        (8, 37, "K0502"), // \xe2\x80\xae: an override spelt as UTF-8 bytes
        (8, 64, "K0502"), // raw right-to-left override
        (8, 71, "K0502"), // raw pop
        (8, 86, "K0502"), // raw isolate
        (8, 91, "K0502"),
        (9, 35, "K0503"),  // zero-width space
        (9, 67, "K0501"),  // \u{7}: bell
        (9, 77, "K0501"),  // \0
        (9, 84, "K0501"),  // \u{7f}: delete
        (16, 33, "K0501"), // \u{9b}: C1 CSI as an escape
        (19, 91, "K0502"), // raw isolate in an ending
    ];
    assert_eq!(found, expected);
    assert!(lib.scenarios.is_empty());
    assert_eq!(lib.broken.len(), 1);
}

#[test]
fn a_broken_file_does_not_stop_the_others() {
    let lib = load(&["k0101_syntax.ron", "k0302_unknown_next.ron", "valid"]);
    assert_eq!(lib.broken.len(), 2);
    let mut ids: Vec<String> = lib
        .scenarios
        .iter()
        .map(|s| format!("{}/{}", s.value.language, s.value.id))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "en/library-fine",
            "en/meter-reading",
            "fi/library-fine",
            "fi/meter-reading"
        ]
    );
}

#[test]
fn files_written_from_the_format_page_load_without_a_single_diagnostic() {
    let lib = load(&["valid"]);
    let all: Vec<String> = lib.diagnostics.iter().map(|d| d.headline()).collect();
    assert!(all.is_empty(), "{all:#?}");
    assert_eq!(lib.scenarios.len(), 4);
    assert_eq!(lib.files_checked, 4);
    let fine = lib.scenario("library-fine", "en").unwrap();
    assert_eq!(fine.value.nodes.len(), 7);
    assert_eq!(
        fine.value.nodes[0].choice_list()[1].routes[0].max_mood,
        Some(-4)
    );
}

#[test]
fn diagnostics_are_sorted_by_file_then_position() {
    let lib = load(&["k0302_unknown_next.ron", "k0101_syntax.ron", "hostile.ron"]);
    let keys: Vec<(String, usize)> = lib
        .diagnostics
        .iter()
        .map(|d| (d.source.name.to_string(), d.span.start))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let mut files: Vec<&str> = keys.iter().map(|(name, _)| name.as_str()).collect();
    files.dedup();
    assert_eq!(files.len(), 3, "{files:?}");
}
