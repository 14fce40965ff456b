//! Every command speaks the interface language: Finnish with `--lang fi` or a Finnish locale,
//! English otherwise. Machine formats (JSON, CSV, DOT syntax) stay the same in both.

use std::path::Path;

use crate::support::cli::kohtaa;
use crate::support::records::run_on;
use crate::support::{self, root};
use assert_cmd::Command;
use kohtaa::content::Style;
use kohtaa::practice::StepResult;
use kohtaa::practice::record::{FocusRecord, RunStatus};
use kohtaa::store::history::Store;

struct Out {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn run(cmd: &mut Command) -> Out {
    let out = cmd.output().unwrap();
    Out {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code(),
    }
}

/// Runs `args` with `--lang fi`, then with `--lang en`.
fn both(data: &Path, args: &[&str]) -> (Out, Out) {
    (
        run(kohtaa(data).args(["--lang", "fi"]).args(args)),
        run(kohtaa(data).args(["--lang", "en"]).args(args)),
    )
}

fn fixture(rel: &str) -> String {
    support::fixture(rel).display().to_string()
}

#[test]
fn check_summarises_in_finnish_with_the_right_plural_forms() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(
        data.path(),
        &["check", &fixture("check/k0302_unknown_next.ron")],
    );
    assert_eq!(fi.code, Some(1));
    assert!(
        fi.stdout
            .contains("tarkistettiin 1 tiedosto, 1 skenaario: 1 virhe, 0 varoitusta"),
        "{}",
        fi.stdout
    );
    assert!(
        fi.stdout
            .contains("Koodin selityksen saat komennolla `kohtaa explain K")
    );
    assert!(
        en.stdout
            .contains("checked 1 file, 1 scenario: 1 error, 0 warnings")
    );
    assert!(
        en.stdout
            .contains("To learn more about a code, run `kohtaa explain K")
    );

    // A Finnish locale is enough; many files and errors take the partitive.
    let fi = run(kohtaa(data.path())
        .env("LANG", "fi_FI.UTF-8")
        .args(["check", &fixture("check")]));
    let last = fi.stdout.lines().last().unwrap();
    assert!(last.starts_with("tarkistettiin "), "{last}");
    assert!(
        last.contains(" tiedostoa, ")
            && last.contains(" skenaariota: ")
            && last.contains(" virhettä"),
        "{last}"
    );

    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "check", "no-such-thing"]));
    assert_eq!(fi.code, Some(2));
    assert!(
        fi.stderr
            .contains("virhe: tiedostoa tai kansiota ei ole: no-such-thing")
    );
}

#[test]
fn analyze_reports_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(data.path(), &["analyze", &fixture("authoring/lints.ron")]);
    for line in [
        "  koko: 3 solmua, 4 valintaa, 1 lopetus, 0 reittiä; 48 sanaa",
        "Lopetukset ja polut (tarkat)",
        "  saavutettavat lopetukset: happy (Resolved)",
        "  saavuttamattomat lopetukset: ei yhtään",
        "Mallin mukaisuus ja mieliala",
        "  paras mallin mukaisuus 100 %: open 1 → middle 1 → happy",
        "Pedagogiikka",
        "  varoitus[K0607]: mikään valinta ei noudata painopisteaskelta `close`",
        "  huomautuksia: 2; ne näyttää `kohtaa analyze --notes`",
    ] {
        assert!(fi.stdout.contains(line), "{line}\n{}", fi.stdout);
    }
    assert!(!fi.stdout.contains("warning"), "{}", fi.stdout);
    assert!(
        en.stdout
            .contains("  size: 3 nodes, 4 choices, 1 ending, 0 routes; 48 words")
    );
    assert!(
        en.stdout
            .contains("  warning[K0607]: focus step `close` is fitted by no choice")
    );

    // A loop: unbounded paths and a trap, in Finnish.
    let (fi, _) = both(data.path(), &["analyze", &fixture("authoring/trap.ron")]);
    assert!(
        fi.stdout
            .contains("  ANSA: silmukka, josta ei pääse ulos (spin-a, spin-b)")
    );
    assert!(fi.stdout.contains("  kokonaisia polkuja: rajattomasti"));

    // JSON is an interface: the same in both languages.
    let (fi, en) = both(
        data.path(),
        &[
            "analyze",
            "--format",
            "json",
            &fixture("authoring/lints.ron"),
        ],
    );
    assert_eq!(fi.stdout, en.stdout);
}

#[test]
fn graph_labels_are_finnish_and_the_syntax_is_the_same() {
    let data = tempfile::tempdir().unwrap();
    let file = fixture("authoring/mood-route.ron");
    let (fi, en) = both(data.path(), &["graph", &file]);
    assert!(
        fi.stdout
            .contains(r#"n0 [label="talk\nalku · 2 valintaa", penwidth=2];"#)
    );
    assert!(
        fi.stdout
            .contains(r#"[label="won-over\nlopetus: Resolved""#)
    );
    assert!(
        fi.stdout
            .contains(r#"n0 -> n1 [label="1 jos mieliala ≥ 2", style=dashed];"#)
    );
    assert!(
        fi.stdout
            .contains(r#"[label="1 muuten: +listen, mieliala +1"]"#)
    );
    assert!(
        en.stdout
            .contains(r#"n0 [label="talk\nstart · 2 choices", penwidth=2];"#)
    );
    // Only the words differ: the same statements, line by line.
    assert_eq!(fi.stdout.lines().count(), en.stdout.lines().count());
    for (a, b) in fi.stdout.lines().zip(en.stdout.lines()) {
        assert_eq!(a.split(" [").next(), b.split(" [").next());
    }

    let (fi, en) = both(data.path(), &["graph", "nowhere.ron"]);
    assert!(fi.stderr.contains("virhe: tiedostoa ei ole: nowhere.ron"));
    assert!(en.stderr.contains("error: no such file: nowhere.ron"));
    let model = root()
        .join("scenarios/models/default.fi.ron")
        .display()
        .to_string();
    let (fi, _) = both(data.path(), &["graph", &model]);
    assert!(
        fi.stderr.contains("ei ole skenaariotiedosto"),
        "{}",
        fi.stderr
    );
}

#[test]
fn test_reports_failures_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let failing = fixture("authoring/playtests/linear-failing.tests.ron");
    let (fi, en) = both(data.path(), &["test", &failing]);
    assert_eq!(fi.code, Some(1));
    for line in [
        "(skenaario `linear`)",
        "  HYLÄTTY  wrong ending",
        "           kuljettu polku: first 1 → second 2 → bad",
        "           lopetus: odotettiin `good`, saavutettiin `bad`",
        "           askel `acknowledge`: odotettiin näkyvän, mutta rikkoutui",
        "           loppumieliala: odotettiin vähintään 0, saatiin −1",
        "polun kohta 2: polussa on solmu `second`, mutta harjoitus on solmussa `cold`",
        "hyväksytty: 0, hylätty: 12",
    ] {
        assert!(fi.stdout.contains(line), "{line}\n{}", fi.stdout);
    }
    assert!(
        en.stdout
            .contains("  FAIL  wrong ending\n        path taken: first 1 → second 2 → bad")
    );
    assert!(en.stdout.contains("0 passed, 12 failed"));

    let passing = fixture("authoring/playtests/linear.tests.ron");
    let fi = run(kohtaa(data.path())
        .env("LANG", "fi_FI.UTF-8")
        .args(["test", &passing]));
    assert_eq!(fi.code, Some(0));
    assert!(fi.stdout.contains("  ok       "), "{}", fi.stdout);
    assert!(fi.stdout.contains("hyväksytty: 3, hylätty: 0"));

    let lonely = tempfile::tempdir().unwrap();
    let scenario = lonely.path().join("lonely.ron");
    std::fs::copy(fixture("authoring/playtests/linear.ron"), &scenario).unwrap();
    let (fi, _) = both(data.path(), &["test", &scenario.display().to_string()]);
    assert!(fi.stdout.contains("skenaariotestejä ei löytynyt"));
    assert!(
        fi.stdout
            .contains("lisää testejä kirjoittamalla sen viereen")
    );
}

#[test]
fn new_says_what_it_wrote_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dir_arg = dir.path().display().to_string();
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "new", "oma", "--dir", &dir_arg]));
    assert_eq!(fi.code, Some(0));
    assert!(fi.stdout.starts_with("kirjoitettiin "), "{}", fi.stdout);
    assert!(
        fi.stdout
            .contains("seuraavaksi: muokkaa tiedostoa ja aja sitten `kohtaa check ")
    );
    let again = run(kohtaa(data.path()).args(["--lang", "fi", "new", "oma", "--dir", &dir_arg]));
    assert_eq!(again.code, Some(1));
    assert!(
        again.stderr.contains("on jo olemassa, eikä sitä korvata"),
        "{}",
        again.stderr
    );
    let (fi, en) = both(data.path(), &["new", "Bad"]);
    assert!(fi.stderr.contains("virhe: `Bad` ei kelpaa id:ksi"));
    assert!(en.stderr.contains("error: `Bad` is not a valid id"));
}

#[test]
fn coverage_tables_are_finnish_for_the_finnish_library() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(data.path(), &["coverage"]);
    assert!(
        fi.stdout
            .starts_with("Askeleet × skenaariot: N = hyvä valinta noudattaa askelta")
    );
    assert!(fi.stdout.contains("| askel | "));
    assert!(fi.stdout.contains("| noudattavia | rikkovia |"));
    assert!(
        fi.stdout.contains("(Kunnioita, läpi kohtaamisen)"),
        "{}",
        fi.stdout
    );
    assert!(fi.stdout.contains("\nAsiakkaiden tyylit × skenaariot:\n"));
    assert!(
        fi.stdout
            .contains("\nSkenaariot:\n\n| skenaario | asiakas | vaikeus |")
    );
    assert!(
        en.stdout
            .starts_with("Steps × scenarios: F = a good choice fits the step")
    );
    assert!(en.stdout.contains("| step | "));
}

fn save_runs(data: &Path) {
    let store = Store::in_data_dir(data, true);
    let mut done = run_on(
        0,
        "water-bill",
        Style::I,
        &[("listen", StepResult::Shown), ("close", StepResult::Missed)],
    );
    done.language = "fi".into();
    done.focus = Some(FocusRecord {
        step: "listen".into(),
        result: Some(StepResult::Shown),
    });
    store.save(&mut done).unwrap();
    let mut left = run_on(1, "water-bill", Style::I, &[("listen", StepResult::Broken)]);
    left.language = "fi".into();
    left.status = RunStatus::Abandoned;
    store.save(&mut left).unwrap();
}

#[test]
fn history_lists_runs_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    save_runs(data.path());
    std::fs::write(data.path().join("runs/broken.json"), "{\"format\": 1, \"sc").unwrap();
    let fi = run(kohtaa(data.path())
        .env("LANG", "fi_FI.UTF-8")
        .arg("history"));
    assert_eq!(fi.code, Some(0));
    let header = fi.stdout.lines().next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        [
            "aika",
            "harjoitus",
            "kieli",
            "tulos",
            "mukaisuus",
            "painopiste",
            "hyöty"
        ]
    );
    assert!(fi.stdout.contains("keskeytetty"), "{}", fi.stdout);
    // The focus step by its name in the scenario's model.
    assert!(fi.stdout.contains("Kuuntele loppuun: "), "{}", fi.stdout);
    assert!(fi.stdout.contains("50\u{a0}%"), "{}", fi.stdout);
    assert!(
        fi.stdout.contains("\n2 harjoitusta hakemistossa "),
        "{}",
        fi.stdout
    );
    assert!(
        fi.stderr.contains("varoitus: tallennettu harjoitus ")
            && fi.stderr.contains("on vioittunut"),
        "{}",
        fi.stderr
    );

    let en = run(kohtaa(data.path()).arg("history"));
    assert!(en.stdout.starts_with("when "));
    assert!(en.stdout.contains("abandoned"));
    assert!(en.stdout.contains("\n2 runs in "));

    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "history", "--forget"]));
    assert_eq!(fi.code, Some(2));
    assert!(
        fi.stderr
            .contains("virhe: ilman päätettä ei voi kysyä; lisää --yes")
    );
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "history", "--forget", "--yes"]));
    assert_eq!(fi.code, Some(0));
    // Two runs and the damaged file set aside.
    assert!(
        fi.stdout
            .starts_with("poistettiin 3 tiedostoa hakemistosta "),
        "{}",
        fi.stdout
    );
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "history"]));
    assert!(
        fi.stdout
            .starts_with("ei tallennettuja harjoituksia hakemistossa ")
    );
}

#[test]
fn export_notes_are_finnish_and_the_lines_are_the_same() {
    let data = tempfile::tempdir().unwrap();
    save_runs(data.path());
    let (fi, en) = both(data.path(), &["export", "--with-style"]);
    assert_eq!(fi.stdout, en.stdout);
    assert_eq!(fi.stdout.lines().count(), 2);
    assert!(
        fi.stderr
            .contains("huom.: tyyliprofiilia ei ole tallennettu"),
        "{}",
        fi.stderr
    );
    assert!(en.stderr.contains("note: no style profile saved"));
}

#[test]
fn report_is_finnish_and_names_steps_from_the_model_in_the_scenarios_language() {
    let data = tempfile::tempdir().unwrap();
    let runs = data.path().join("runs.jsonl");
    std::fs::write(
        &runs,
        r#"{"scenario":"water-bill","language":"fi","choices":[{"node":"counter","choice":0,"mood_after":1}],"measurement":{"fit":50,"moods":[-3,1],"steps":[{"step":"listen","result":"shown"},{"step":"close","result":"missed"},{"step":"no-such-step","result":"missed"}]}}
{"scenario":"water-bill","language":"fi","choices":[{"node":"counter","choice":0,"mood_after":-1}],"measurement":{"fit":0,"moods":[-3,-1],"steps":[{"step":"close","result":"broken"}]}}
not json
"#,
    )
    .unwrap();
    let file = runs.display().to_string();
    let (fi, en) = both(data.path(), &["report", &file]);
    let expected_fi = "\
water-bill (fi): 2 harjoitusta
  solmu    valinta  valittu  mukaisuus ka.  loppumieliala ka.  teksti
  counter  1        2        25\u{a0}%           0,0                ";
    assert!(fi.stdout.starts_with(expected_fi), "{}", fi.stdout);
    assert!(
        fi.stdout
            .contains("Askeleet, jotka ryhmältä useimmin puuttuvat tai rikkoutuvat\n")
    );
    assert!(fi.stdout.contains("  askel "));
    // Names from the Finnish model; an unknown step keeps its id.
    assert!(fi.stdout.contains("  Varmista ja päätä "), "{}", fi.stdout);
    assert!(fi.stdout.contains("  Kuuntele loppuun "), "{}", fi.stdout);
    assert!(fi.stdout.contains("  no-such-step "), "{}", fi.stdout);
    assert!(
        fi.stdout
            .ends_with("\nluettiin 2 harjoitusta, ohitettiin 1 rivi\n"),
        "{}",
        fi.stdout
    );
    assert!(fi.stderr.contains(":3: ohitettiin: "), "{}", fi.stderr);
    assert!(en.stdout.starts_with("water-bill (fi): 2 runs\n  node "));
    assert!(
        en.stdout.ends_with("\n2 runs read, 1 line skipped\n"),
        "{}",
        en.stdout
    );
    // The scenario is Finnish, so the step names are, whatever the interface language.
    assert!(en.stdout.contains("  Varmista ja päätä "), "{}", en.stdout);

    for format in ["csv", "json"] {
        let (fi, en) = both(data.path(), &["report", "--format", format, &file]);
        assert_eq!(fi.stdout, en.stdout, "{format}");
    }
}

#[test]
fn profile_speaks_finnish() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(data.path(), &["profile"]);
    assert!(
        fi.stdout
            .starts_with("Tyylisi: ei valittu (palaute on neutraalia).")
    );
    assert!(fi.stdout.contains("Profiilia ei ole tallennettu."));
    assert!(en.stdout.starts_with("Your style: not set"));
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "profile", "--set", "C"]));
    assert_eq!(fi.code, Some(0));
    assert!(fi.stdout.starts_with("Tyylisi: "));
    assert!(fi.stdout.contains("\n  Palaute: ") && fi.stdout.contains("\n  Huomaa: "));
    assert!(
        fi.stdout
            .contains("Tallessa vain tällä koneella, tiedostossa ")
    );
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "--no-save", "profile", "--set", "D"]));
    assert_eq!(fi.code, Some(2));
    assert!(fi.stderr.contains("virhe: --no-save on käytössä"));
    let fi = run(kohtaa(data.path())
        .args(["--lang", "fi", "profile", "--forget"])
        .write_stdin("e\n"));
    assert!(fi.stderr.contains("[k/E]"));
    assert!(fi.stdout.contains("Mitään ei poistettu."));
    let fi = run(kohtaa(data.path()).args(["--lang", "fi", "profile", "--forget", "--yes"]));
    assert_eq!(fi.stdout, "Profiilisi poistettiin.\n");
}

#[test]
fn clap_help_and_errors_are_left_as_they_are() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(data.path(), &["--help"]);
    assert_eq!(fi.stdout, en.stdout);
}
