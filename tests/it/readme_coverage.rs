//! The README's coverage tables are the bundled library's, as `kohtaa coverage` prints them.

use crate::support::cli::kohtaa;

#[test]
fn readme_shows_the_current_coverage() {
    let data = tempfile::tempdir().unwrap();
    let out = kohtaa(data.path())
        .args(["coverage", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- coverage:start -->\n")
        .expect("coverage start marker")
        + 24;
    let end = readme
        .find("<!-- coverage:end -->")
        .expect("coverage end marker");
    assert_eq!(
        readme[start..end].trim_end(),
        printed.trim_end(),
        "README's coverage tables are out of date: paste `kohtaa coverage --lang en` between the markers"
    );
}
