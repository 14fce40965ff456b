//! The style files: the bundled ones are complete and clean; each problem in an edited copy is
//! reported with its code at the spot; a user's file replaces the bundled one.

use kohtaa::lang::Lang;
use std::path::{Path, PathBuf};

use kohtaa::content::{Code, Library};
use kohtaa::store::library::{self, LoadOptions};

use crate::support::bundled;
use crate::support::library_of;

const EN: &str = include_str!("../../scenarios/styles/disc.en.ron");

fn load_paths(paths: Vec<PathBuf>) -> Library {
    library_of(paths)
}

/// Writes `text` as `styles/disc.en.ron` in a new temporary folder.
fn fixture(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("styles").join("disc.en.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// The edited copy with `from` replaced by `to` (which must occur once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(EN.matches(from).count(), 1, "{from:?} occurs once");
    EN.replace(from, to)
}

/// 1-based line and column of the first occurrence of `needle`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

fn only(lib: &Library, code: Code) -> &kohtaa::content::Diagnostic {
    let found: Vec<_> = lib.diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "one {code}: {:#?}", lib.diagnostics);
    found[0]
}

#[test]
fn bundled_style_files_are_clean_and_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/styles");
    let lib = load_paths(vec![root]);
    assert!(lib.diagnostics.is_empty(), "{:#?}", lib.diagnostics);
    let bundled = bundled();
    for lang in ["en", "fi"] {
        let texts = bundled.styles_for(lang).unwrap();
        assert_eq!(texts.language, lang);
        assert!(texts.self_check.statements.len() >= 12);
        assert!(texts.disclaimer.contains("John Wiley & Sons"));
    }
    assert!(bundled.styles_for("sv").is_none());
}

#[test]
fn a_missing_watch_out_tip_is_reported_at_its_row() {
    let line = "            C: \"You share a love of detail; watch for jargon and for burying the answer under facts.\",\n";
    let text = edited(line, "");
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::StyleIncomplete);
    assert!(
        d.message_in(Lang::En).contains("learner C with customer C"),
        "{}",
        d.message_in(Lang::En)
    );
    // The diagnostic points at learner C's row of tips.
    assert_eq!(
        d.start(),
        position(&text, "{\n            D: \"Bottom line first")
    );
}

#[test]
fn an_unknown_placeholder_is_an_error_at_its_text() {
    let text = edited("fit: \"{fit} %", "fit: \"{fitt} %");
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::UnknownPlaceholder);
    assert!(d.message_in(Lang::En).contains("{fitt}"));
    assert!(d.notes_in(Lang::En)[0].contains("{fit}"));
    assert_eq!(d.start(), position(&text, "\"{fitt}"));
}

#[test]
fn the_scale_needs_five_labels() {
    let text = edited("            \"Strongly agree\",\n", "");
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::ScaleLabels);
    assert_eq!(
        d.start(),
        position(&text, "[\n            \"Strongly disagree\"")
    );
}

#[test]
fn the_self_check_needs_twelve_to_sixteen_statements() {
    let statement = "            Statement(text: \"A bit of small talk with a customer comes naturally to me.\", agree: People),\n";
    let text = edited(statement, "");
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::StyleQuestionCount);
    assert!(d.message_in(Lang::En).contains("11 statements"));
    assert_eq!(d.start(), position(&text, "[\n            Statement("));
}

#[test]
fn a_pole_with_one_statement_is_a_warning() {
    let text = edited(
        "comes naturally to me.\", agree: People)",
        "comes naturally to me.\", agree: Task)",
    )
    .replace(
        "on good terms with me.\", agree: People)",
        "on good terms with me.\", agree: Fast)",
    );
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::SelfCheckUnbalanced);
    assert!(d.message_in(Lang::En).contains("People"));
    assert!(!d.is_error());
}

#[test]
fn a_framing_must_keep_the_message() {
    let text = edited(
        "after_choice: [Message, Worked, Change, Impact]",
        "after_choice: [Worked, Change, Impact]",
    );
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::FramingLeavesOut);
    assert!(d.message_in(Lang::En).contains("Message"));
    assert_eq!(d.start(), position(&text, "[Worked, Change, Impact]"));
}

#[test]
fn a_blend_of_opposites_is_an_unknown_value_with_a_suggestion() {
    let text = edited(
        "                Di: \"Mostly D",
        "                DS: \"Mostly D",
    );
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::UnknownVariant);
    assert!(
        d.message_in(Lang::En).contains("`DS`"),
        "{}",
        d.message_in(Lang::En)
    );
    assert_eq!(d.start(), position(&text, "DS: \"Mostly"));
}

#[test]
fn a_user_style_file_replaces_the_bundled_one_of_its_language() {
    let text = edited(
        "disclaimer: \"DiSC is",
        "disclaimer: \"Our own words. DiSC is",
    );
    let (dir, _path) = fixture(&text);
    let lib = library::load(&LoadOptions {
        bundled_scenarios: true,
        folders: vec![dir.path().to_path_buf()],
        paths: Vec::new(),
    });
    assert!(
        lib.styles_for("en")
            .unwrap()
            .disclaimer
            .starts_with("Our own words.")
    );
    assert!(
        lib.styles_for("fi")
            .unwrap()
            .disclaimer
            .starts_with("DiSC on")
    );
    assert_eq!(lib.styles.len(), 2);
}

#[test]
fn a_broken_user_style_file_leaves_the_bundled_one_in_place() {
    let text = edited("fit: \"{fit} %", "fit: \"{fitt} %");
    let (dir, _path) = fixture(&text);
    let lib = library::load(&LoadOptions {
        bundled_scenarios: true,
        folders: vec![dir.path().to_path_buf()],
        paths: Vec::new(),
    });
    assert_eq!(
        only(&lib, Code::UnknownPlaceholder).code,
        Code::UnknownPlaceholder
    );
    assert!(lib.styles_for("en").unwrap().words.fit.starts_with("{fit}"));
}

#[test]
fn closings_by_result_are_checked_like_the_other_texts() {
    // The S framing without its `closing`: its closings by result must cover every result.
    let closing = "                closing: \"One answer does not decide a whole conversation; there is room to put it right.\",\n";
    let poor = "                    Poor: \"This run is a good one to learn from. Start with the one change named here, and play it again at your own pace.\",\n";
    let text = edited(closing, "").replace(poor, "");
    assert_eq!(
        text.len() + closing.len() + poor.len(),
        EN.len(),
        "both removed"
    );
    let (_dir, path) = fixture(&text);
    let lib = load_paths(vec![path]);
    let d = only(&lib, Code::EmptyText);
    assert!(
        d.message_in(Lang::En).contains("Poor"),
        "{}",
        d.message_in(Lang::En)
    );
    assert!(
        !d.message_in(Lang::En).contains("Good"),
        "{}",
        d.message_in(Lang::En)
    );

    // With every result covered, no `closing` is needed.
    let (_dir, path) = fixture(&edited(closing, ""));
    assert!(load_paths(vec![path]).diagnostics.is_empty());

    // A closing takes no placeholder.
    let (_dir, path) = fixture(&edited(
        "Good: \"Same again next time.\"",
        "Good: \"Same again, {name}.\"",
    ));
    let lib = load_paths(vec![path]);
    only(&lib, Code::UnknownPlaceholder);
}
