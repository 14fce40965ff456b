//! `kohtaa check` in Finnish: every diagnostic has its Finnish wording, shown under `--lang fi`
//! or a Finnish locale, while English output stays as it was.

use kohtaa::diagnostics::Render;
use kohtaa::store::library::{self, LoadOptions};
use std::path::Path;

use assert_cmd::Command;
use kohtaa::content::parse::parse;
use kohtaa::content::{Diagnostic, Scenario, Source};
use kohtaa::lang::Lang;

use crate::support::{cli, fixture as fixtures};

/// The binary with a throwaway data directory and no locale of the machine's own.
fn kohtaa(data: &Path) -> Command {
    let mut cmd = cli::kohtaa(data);
    cmd.env("NO_COLOR", "1");
    cmd
}

fn check_fixtures(cmd: &mut Command) -> String {
    let out = cmd
        .current_dir(fixtures("check"))
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

/// The position line of the report for `code` in `file`.
#[track_caller]
fn headline<'a>(out: &'a str, file: &str, code: &str) -> &'a str {
    let tag = format!("[{code}]");
    out.lines()
        .find(|l| l.starts_with(&format!("./{file}:")) && l.ends_with(&tag))
        .unwrap_or_else(|| panic!("no {code} for {file} in:\n{out}"))
}

/// Reports for several codes of each group, K01 to K08, read as a Finnish trainer reads them.
#[test]
fn check_speaks_finnish_under_lang_fi() {
    let data = tempfile::tempdir().unwrap();
    let out = check_fixtures(kohtaa(data.path()).args(["--lang", "fi"]));
    let cases = [
        // K01: RON itself, including a syntax error and a did-you-mean.
        (
            "k0101_syntax.ron",
            "K0101",
            "5:38: error: odotettiin pilkkua",
        ),
        (
            "k0102_unknown_field.ron",
            "K0102",
            "5:5: error: tuntematon kenttä `titel` rakenteessa `Scenario`; tarkoititko `title`?",
        ),
        (
            "k0103_missing_field.ron",
            "K0103",
            "error: kenttä `start` puuttuu rakenteessa `Scenario`",
        ),
        (
            "k0104_wrong_type.ron",
            "K0104",
            "error: odotettiin kokonaislukua",
        ),
        (
            "k0106_duplicate_field.ron",
            "K0106",
            "error: kenttä `title` on annettu kahdesti rakenteessa `Scenario`",
        ),
        (
            "k0111_unknown_kind.ron",
            "K0111",
            "error: `Survey(` ei aloita mitään kohtaan tuntemaa sisältötiedostoa",
        ),
        // K02: values.
        (
            "k0201_out_of_range.ron",
            "K0201",
            "error: vaikeustaso 4 on sallitun alueen ulkopuolella: sen on oltava vähintään 1 ja enintään 3",
        ),
        (
            "k0202_bad_id.ron",
            "K0202",
            "error: virheellinen skenaarion tunnus `Parcel Lost`: käytä pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä; tarkoititko `parcel-lost`?",
        ),
        (
            "k0205_empty_text.ron",
            "K0205",
            "error: tiivistelmä on tyhjä",
        ),
        (
            "fi/k0206_wrong_folder.ron",
            "K0206",
            "warning: skenaario on kielellä `en`, mutta se on kansiossa `fi`",
        ),
        // K03: the graph.
        (
            "k0302_unknown_next.ron",
            "K0302",
            "17:27: error: `next` viittaa solmuun `dnoe`, jota ei ole; tarkoititko `done`?",
        ),
        (
            "k0304_choices_and_ending.ron",
            "K0304",
            "error: solmulla `hello` on sekä valinnat (`choices`) että lopetus (`ending`)",
        ),
        (
            "k0309_route_never_matches.ron",
            "K0309",
            "error: reittiä ei voi koskaan valita: `min_mood` 3 on suurempi kuin `max_mood` -3",
        ),
        // K04: the model.
        (
            "k0401_unknown_step.ron",
            "K0401",
            "error: tuntematon askel `greeet`; tarkoititko `greet`?",
        ),
        (
            "k0402_unknown_pitfall.ron",
            "K0402",
            "error: tuntematon sudenkuoppa `minimize`: mallissa `default` ei ole sellaista; tarkoititko `minimise`?",
        ),
        (
            "k0403_unknown_model.ron",
            "K0403",
            "error: kohtaamismallia `acme` ei ole kielellä `en`",
        ),
        (
            "models/k0406_empty_model.en.ron",
            "K0406",
            "error: mallissa `empty` ei ole yhtään askelta",
        ),
        // K05: text hygiene.
        (
            "k0501_control_raw.ron",
            "K0501",
            "error: tekstissä on ohjausmerkki U+001B",
        ),
        (
            "k0502_bidi_escape.ron",
            "K0502",
            "error: tekstissä on kirjoitussuunnan ohjausmerkki U+202E",
        ),
        (
            "k0503_invisible.ron",
            "K0503",
            "warning: tekstissä on näkymätön merkki U+200B",
        ),
        // K06: the scenario as a whole.
        (
            "k0601_unreachable.ron",
            "K0601",
            "warning: solmuun `lost` ei pääse solmusta `hello`",
        ),
        (
            "k0603_untagged_choice.ron",
            "K0603",
            "warning: valinnalla ei ole `fits`-, `breaks`- eikä `feedback`-kenttää: se ei opeta mitään",
        ),
        (
            "k0605_one_language.ron",
            "K0605",
            "warning: skenaario `one-language` on olemassa vain kielellä `en`",
        ),
        // K07: test files.
        (
            "en/k0701_unknown_scenario.tests.ron",
            "K0701",
            "error: skenaariota `parcle` ei ole kielellä `en`; tarkoititko `parcel`?",
        ),
        (
            "en/k0703_bad_choice.tests.ron",
            "K0703",
            "error: tässä ei ole valintaa 2: solmulla `hello` on 1 valinta",
        ),
        // K08: style files.
        (
            "styles/k0802_statement_count.en.ron",
            "K0802",
            "error: pikakyselyssä on 11 väittämää; niitä tarvitaan 12–16",
        ),
        (
            "styles/k0803_unknown_placeholder.en.ron",
            "K0803",
            "error: tuntematon paikkamerkki `{fitt}`",
        ),
        (
            "styles/k0805_unbalanced.en.ron",
            "K0805",
            "warning: ääripäähän People osoittavia väittämiä on vain 1; anna jokaiselle ääripäälle vähintään kaksi",
        ),
    ];
    for (file, code, expected) in cases {
        let line = headline(&out, file, code);
        assert!(
            line.ends_with(&format!("{expected} [{code}]")),
            "{file}: {line}"
        );
    }

    // Notes are Finnish too, under the Finnish word for them.
    let report = out
        .split("\n\n")
        .find(|r| r.starts_with("./k0203_duplicate_id.ron") && r.contains("[K0203]"))
        .unwrap();
    assert!(
        report.ends_with("= huom.: ensimmäisen kerran rivillä 12"),
        "{report}"
    );
    // Nothing of the English wording is left but the level words of the position line,
    // which the format keeps for editors and CI; the summary is Finnish as before.
    for english in ["note:", "did you mean", "names no node"] {
        assert!(!out.contains(english), "`{english}` in:\n{out}");
    }
    for line in out
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
    {
        assert!(
            line.ends_with(']'),
            "a position line ends with its code: {line}"
        );
    }
    assert!(
        !out.contains(": virhe: ") && !out.contains(": varoitus: "),
        "{out}"
    );
    assert!(out.contains("tarkistettiin"), "{out}");
}

/// A Finnish locale is enough; `--lang en` wins over it and keeps the English of old.
#[test]
fn a_finnish_locale_gives_finnish_and_lang_en_gives_english() {
    let data = tempfile::tempdir().unwrap();
    let finnish = check_fixtures(kohtaa(data.path()).env("LANG", "fi_FI.UTF-8"));
    assert!(
        headline(&finnish, "k0101_syntax.ron", "K0101")
            .ends_with("error: odotettiin pilkkua [K0101]"),
        "{finnish}"
    );
    let english = check_fixtures(
        kohtaa(data.path())
            .env("LANG", "fi_FI.UTF-8")
            .args(["--lang", "en"]),
    );
    assert!(
        headline(&english, "k0302_unknown_next.ron", "K0302")
            .ends_with("17:27: error: next `dnoe` names no node; did you mean `done`? [K0302]"),
        "{english}"
    );
    let plain = check_fixtures(&mut kohtaa(data.path()));
    assert_eq!(plain, english);
}

/// The JSON lines for editors stay in English whatever the interface language.
#[test]
fn json_stays_english() {
    let data = tempfile::tempdir().unwrap();
    let out = kohtaa(data.path())
        .current_dir(fixtures("check"))
        .args([
            "--lang",
            "fi",
            "check",
            "--format",
            "json",
            "k0302_unknown_next.ron",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["message"],
        "next `dnoe` names no node; did you mean `done`?"
    );
}

/// Every diagnostic the fixtures make has its Finnish: not empty, not the English again, with
/// as many notes as in English; and English rendering is what `render` always gave.
#[test]
fn every_diagnostic_from_the_fixtures_has_its_own_finnish() {
    let mut paths = vec![fixtures("check")];
    for dir in [
        "authoring",
        "play",
        "polish",
        "styles",
        "frozen",
        "progress",
    ] {
        let dir = fixtures(dir);
        if dir.exists() {
            paths.push(dir);
        }
    }
    let library = library::load(&LoadOptions {
        paths,
        ..LoadOptions::default()
    });
    let mut codes = std::collections::BTreeSet::new();
    for d in &library.diagnostics {
        assert_finnish(d);
        codes.insert(d.code);
    }
    // The sweep really covers the fixtures of every group.
    for group in ["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08"] {
        assert!(
            codes.iter().any(|c| c.as_str().starts_with(group)),
            "no {group} diagnostic among {codes:?}"
        );
    }
}

#[track_caller]
fn assert_finnish(d: &Diagnostic) {
    let (en, fi) = (d.message_in(Lang::En), d.message_in(Lang::Fi));
    assert!(!fi.trim().is_empty(), "{}", d.headline());
    assert_ne!(en, fi, "{}", d.headline());
    let (notes, notes_fi) = (d.notes_in(Lang::En), d.notes_in(Lang::Fi));
    assert_eq!(notes.len(), notes_fi.len(), "{}", d.headline());
    for (en, fi) in notes.iter().zip(&notes_fi) {
        assert!(!fi.trim().is_empty() && en != fi, "{}: {fi}", d.headline());
    }
    assert_eq!(d.render_in(Lang::En, true), d.render(true));
    let finnish = d.render_in(Lang::Fi, false);
    assert!(finnish.starts_with(&d.headline_in(Lang::Fi)), "{finnish}");
}

/// RON's own errors, from the common to the rare: each has Finnish of its own; the rare ones
/// keep RON's English inside, marked as RON's.
#[test]
fn ron_errors_are_worded_in_finnish() {
    let cases = [
        ("Scenario(", "tiedosto loppui kesken: jotain jäi sulkematta"),
        ("", "odotettiin avaavaa sulkua `(` rakenteelle `Scenario`"),
        (
            "Scenario(id: \"a)",
            "teksti jäi kesken: odotettiin loppulainausmerkkiä `\"`",
        ),
        ("Scenario(id: \"a\" title: \"b\")", "odotettiin pilkkua"),
        (
            "Scenario(id: 5)",
            "odotettiin lainausmerkeissä olevaa tekstiä",
        ),
        (
            "Scenario(id: \"a\", tags: \"b\")",
            "odotettiin avaavaa hakasulkua `[`",
        ),
        (
            "Scenario(id: \"a\", difficulty: \"x\")",
            "odotettiin kokonaislukua",
        ),
        (
            "Scenario(id: \"a\", difficulty: 99999999999999999999)",
            "kokonaisluku on liian suuri tai liian pieni",
        ),
        (
            "Scenario(id: \"a\", id: \"b\")",
            "kenttä `id` on annettu kahdesti rakenteessa `Scenario`",
        ),
        (
            "Scenario(id: \"a\", customer: Custom(name: \"x\"))",
            "odotettiin `Customer(...)`, löytyi `Custom(...)`; tarkoititko `Customer`?",
        ),
        ("/* open", "kommentti `/* … */` jäi sulkematta"),
    ];
    for (text, expected) in cases {
        let source = Source::new("t.ron", text);
        let d = parse::<Scenario>(&source).expect_err(text);
        assert_eq!(
            d.message_in(Lang::Fi),
            expected,
            "{text}: {}",
            d.message_in(Lang::En)
        );
        assert_finnish(&d);
    }
    // A rarer one keeps RON's English inside, said to be RON's.
    let source = Source::new("t.ron", "Scenario(id: \"\\q\")");
    let d = parse::<Scenario>(&source).unwrap_err();
    let fi = d.message_in(Lang::Fi);
    assert!(
        fi.starts_with("virheellinen kenoviivamerkintä (RON: "),
        "{fi}"
    );
    assert_finnish(&d);
}

/// `kohtaa test`, `graph` and `play FILE` print their diagnostics in the interface language.
#[test]
fn other_commands_print_diagnostics_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    for file in ["en/k0702_unknown_node.tests.ron", "en/parcel.ron"] {
        std::fs::copy(fixtures("check").join(file), dir.path().join(file)).unwrap();
    }
    std::fs::copy(
        fixtures("check/k0102_unknown_field.ron"),
        dir.path().join("broken.ron"),
    )
    .unwrap();
    let stderr = |args: &[&str]| {
        let out = kohtaa(data.path())
            .current_dir(dir.path())
            .args(["--lang", "fi"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let test = stderr(&["test", "en/k0702_unknown_node.tests.ron"]);
    assert!(
        test.contains(
            "error: skenaariossa `parcel` ei ole solmua `helo`; tarkoititko `hello`? [K0702]"
        ),
        "{test}"
    );
    let broken = "broken.ron:5:5: error: tuntematon kenttä `titel` rakenteessa `Scenario`; \
                  tarkoititko `title`? [K0102]";
    for args in [
        &["graph", "broken.ron"][..],
        &["play", "--plain", "broken.ron"],
    ] {
        let err = stderr(args);
        assert!(err.starts_with(broken), "{args:?}: {err}");
        assert!(
            err.contains("= huom.: odotettiin jotakin seuraavista: `id`"),
            "{err}"
        );
    }
}
