//! The facilitator's files: `report --format xlsx` opened by an independent reader
//! (calamine) and compared with the JSON report of the same exports, and `--format csv` read
//! back by a CSV reader, in Finnish and in English.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use crate::support::cli::kohtaa;

const FIXTURES: &str = "tests/fixtures/progress";

/// `kohtaa --lang LANG report ARGS... learner-a learner-b`; its exit code must be 0.
fn report(data: &Path, lang: &str, args: &[&str]) -> Vec<u8> {
    let out = kohtaa(data)
        .args([
            "--lang",
            lang,
            "--scenarios",
            &format!("{FIXTURES}/scenarios"),
        ])
        .arg("report")
        .args(args)
        .arg(format!("{FIXTURES}/learner-a.jsonl"))
        .arg(format!("{FIXTURES}/learner-b.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    out.stdout
}

fn json_report(data: &Path) -> Value {
    serde_json::from_slice(&report(data, "en", &["--format", "json"])).unwrap()
}

/// The rows of a sheet, each cell as calamine reads it.
fn sheet(workbook: &mut Xlsx<std::io::Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = workbook.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(v: &Value) -> Data {
    match v {
        Value::Null => Data::Empty,
        v => Data::String(v.as_str().unwrap().to_owned()),
    }
}

fn number(v: &Value) -> Data {
    match v {
        Value::Null => Data::Empty,
        v => Data::Float(v.as_f64().unwrap()),
    }
}

fn strings(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

/// The choice rows the JSON report gives, as the sheet should hold them.
fn expected_choices(json: &Value) -> Vec<Vec<Data>> {
    let mut rows = Vec::new();
    for s in json["scenarios"].as_array().unwrap() {
        for c in s["choices"].as_array().unwrap() {
            rows.push(vec![
                text(&s["scenario"]),
                text(&s["language"]),
                text(&c["node"]),
                number(&c["choice"]),
                text(&c["text"]),
                number(&c["chosen"]),
                number(&c["avg_fit"]),
                number(&c["avg_final_mood"]),
            ]);
        }
    }
    rows
}

#[test]
fn xlsx_has_a_sheet_per_table_in_the_interface_language_with_the_json_reports_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let json = json_report(dir.path());
    let headers = [
        (
            "fi",
            ["Valinnat", "Askeleet"],
            "skenaario|kieli|solmu|valinta|teksti|valittu|mukaisuus ka. %|loppumieliala ka.",
            "askel|nimi|harjoituksia|näkyi|rikkoutui|puuttui",
        ),
        (
            "en",
            ["Choices", "Steps"],
            "scenario|language|node|choice|text|chosen|avg fit %|avg final mood",
            "step|name|runs|shown|broken|missed",
        ),
    ];
    for (lang, names, choice_header, step_header) in headers {
        let file = dir.path().join(format!("report-{lang}.xlsx"));
        let stdout = report(
            dir.path(),
            lang,
            &["--format", "xlsx", "-o", file.to_str().unwrap()],
        );
        assert!(stdout.is_empty(), "the workbook goes to the file only");
        let bytes = std::fs::read(&file).unwrap();
        let mut workbook = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
        assert_eq!(workbook.sheet_names(), names);

        let choices = sheet(&mut workbook, names[0]);
        assert_eq!(strings(&choices[0]).join("|"), choice_header);
        assert_eq!(choices[1..], expected_choices(&json)[..], "{lang}");

        let steps = sheet(&mut workbook, names[1]);
        assert_eq!(strings(&steps[0]).join("|"), step_header);
        let json_steps = json["steps"].as_array().unwrap();
        assert_eq!(steps.len(), json_steps.len() + 1);
        for (row, s) in steps[1..].iter().zip(json_steps) {
            let counts = ["in_play", "shown", "broken", "missed"].map(|k| number(&s[k]));
            assert_eq!(row[0], text(&s["step"]));
            assert_eq!(row[2..], counts[..], "{lang}");
        }
        // Step names come from the scenario's model (the fixture is English).
        assert_eq!(steps[1][1], Data::String("Listen to the end".into()));

        // The chart: broken and missed per step, from the steps sheet.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut chart = String::new();
        zip.by_name("xl/charts/chart1.xml")
            .expect("a chart")
            .read_to_string(&mut chart)
            .unwrap();
        let last = json_steps.len() + 1;
        for range in [
            format!("$B$2:$B${last}"),
            format!("$E$2:$E${last}"),
            format!("$F$2:$F${last}"),
        ] {
            assert!(
                chart.contains(&format!("{}!{range}", names[1])),
                "{range} in {chart}"
            );
        }
        assert!(chart.contains("<c:grouping val=\"stacked\"/>"), "{chart}");
    }
}

#[test]
fn xlsx_goes_to_standard_output_when_it_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = report(dir.path(), "en", &["--format", "xlsx"]);
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let choices = sheet(&mut workbook, "Choices");
    assert_eq!(choices[1..], expected_choices(&json_report(dir.path()))[..]);
}

#[cfg(unix)]
#[test]
fn xlsx_is_refused_on_a_terminal_with_how_to_write_it() {
    use expectrl::Session;
    use expectrl::process::unix::WaitStatus;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    for (lang, says) in [("en", "-o FILE.xlsx"), ("fi", "-o TIEDOSTO.xlsx")] {
        let mut cmd = crate::support::cli::command(dir.path());
        cmd.args(["--lang", lang, "report", "--format", "xlsx"])
            .arg(format!("{FIXTURES}/learner-a.jsonl"));
        let mut session = Session::spawn(cmd).expect("spawn kohtaa in a pty");
        let start = Instant::now();
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        let code = loop {
            while let Ok(n @ 1..) = session.try_read(&mut buf) {
                seen.extend_from_slice(&buf[..n]);
            }
            if let WaitStatus::Exited(_, code) = session.get_process().status().unwrap() {
                break code;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no end");
            std::thread::sleep(Duration::from_millis(20));
        };
        while let Ok(n @ 1..) = session.try_read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
        }
        let seen = String::from_utf8_lossy(&seen);
        assert_eq!(code, 2, "{seen}");
        assert!(seen.contains(says), "{seen}");
        assert!(!seen.contains("PK"), "no workbook bytes: {seen}");
    }
}

/// A CSV report read back as its sections: each a title, a header and rows.
fn sections(bytes: &[u8], separator: u8) -> Vec<Vec<Vec<String>>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    text.split("\n\n")
        .map(|section| {
            csv::ReaderBuilder::new()
                .delimiter(separator)
                .has_headers(false)
                .flexible(true)
                .from_reader(section.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                .collect()
        })
        .collect()
}

#[test]
fn csv_is_a_section_per_table_in_the_spreadsheet_convention_of_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let json = json_report(dir.path());
    for (lang, separator, mark) in [("fi", b';', ","), ("en", b',', ".")] {
        let bytes = report(dir.path(), lang, &["--format", "csv"]);
        let sections = sections(&bytes, separator);
        assert_eq!(sections.len(), 2, "{lang}");
        let (choices, steps) = (&sections[0], &sections[1]);
        let names = if lang == "fi" {
            ["Valinnat", "Askeleet"]
        } else {
            ["Choices", "Steps"]
        };
        assert_eq!(
            (&choices[0][..], &steps[0][..]),
            (&[names[0].to_owned()][..], &[names[1].to_owned()][..])
        );
        assert_eq!(choices[1].len(), 8);
        assert_eq!(steps[1].len(), 6);
        // Every row of a table has the table's columns, and the numbers are the JSON's,
        // with two decimals and the language's decimal mark.
        let expected = expected_choices(&json);
        assert_eq!(choices.len() - 2, expected.len());
        for (row, want) in choices[2..].iter().zip(&expected) {
            assert_eq!(row.len(), 8);
            for (cell, want) in row.iter().zip(want) {
                let want = match want {
                    Data::Float(v) if v.fract() != 0.0 || cell.contains(mark) => {
                        format!("{v:.2}").replace('.', mark)
                    }
                    other => other.to_string(),
                };
                assert_eq!(cell, &want, "{lang}: {row:?}");
            }
        }
        let json_steps = json["steps"].as_array().unwrap();
        for (row, s) in steps[2..].iter().zip(json_steps) {
            assert_eq!(row[0], s["step"].as_str().unwrap());
            assert_eq!(row[3], s["shown"].to_string());
            assert_eq!(row[5], s["missed"].to_string());
        }
    }
}

#[test]
fn csv_titles_and_headers_come_from_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = report(dir.path(), "en-XA", &["--format", "csv"]);
    let sections = sections(&bytes, b',');
    for section in &sections {
        // The pseudo-locale decorates a whole message: the title, and the header's columns
        // from the first to the last.
        assert!(
            section[0][0].starts_with('[') && section[0][0].ends_with(']'),
            "{section:?}"
        );
        let header = &section[1];
        assert!(header[0].starts_with('['), "{header:?}");
        assert!(header[header.len() - 1].ends_with(']'), "{header:?}");
    }
}

#[test]
fn output_goes_to_the_file_given_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.csv");
    let stdout = report(
        dir.path(),
        "fi",
        &["--format", "csv", "-o", file.to_str().unwrap()],
    );
    assert!(stdout.is_empty());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        report(dir.path(), "fi", &["--format", "csv"])
    );

    // A folder that cannot be made (a file stands in its place): said, exit 1, nothing left.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file").unwrap();
    let target = blocked.join("report.xlsx");
    let out = crate::support::cli::run(
        kohtaa(dir.path())
            .args(["report", "--format", "xlsx", "-o", target.to_str().unwrap()])
            .arg(format!("{FIXTURES}/learner-a.jsonl")),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("error: cannot write") && out.stderr.contains("report.xlsx"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}
