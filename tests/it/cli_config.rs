//! Configuration: `config.toml`, the environment and the flags, in that order of strength;
//! `kohtaa config` saying what is in force and where it came from; a broken file said clearly
//! and left alone; and the system-wide library folder an organisation installs into.

use std::path::Path;

use insta::assert_snapshot;

use crate::support::cli::{kohtaa, run, transcript};

/// `kohtaa` with its configuration file (`<data>/config.toml`) holding `config`.
fn with_config(data: &Path, config: &str) -> assert_cmd::Command {
    std::fs::write(data.join("config.toml"), config).unwrap();
    kohtaa(data)
}

/// The line of `kohtaa config`'s output that starts with `label`.
fn line<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{out}"))
}

#[test]
fn with_nothing_set_config_shows_the_defaults_and_where_files_would_be() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(data.path()).arg("config"),
        &[(data.path(), "[DATA]")],
    );
    assert_snapshot!("config_defaults_en", out);
    let out = transcript(
        kohtaa(data.path()).args(["config", "--lang", "fi"]),
        &[(data.path(), "[DATA]")],
    );
    assert_snapshot!("config_defaults_fi", out);
}

#[test]
fn a_flag_wins_over_the_environment_which_wins_over_the_file() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let file = "lang = \"fi\"\ntheme = \"mono\"\nsave = false\nscenarios = [\"from-file\"]\n";

    // The file alone.
    let out = run(with_config(dir, file).arg("config"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(line(&out.stdout, "Kieli:"), "Kieli: fi (asetustiedosto)");
    assert_eq!(line(&out.stdout, "Teema:"), "Teema: mono (asetustiedosto)");
    assert_eq!(
        line(&out.stdout, "Tallennus:"),
        "Tallennus: pois päältä (asetustiedosto)"
    );
    assert!(
        out.stdout.contains(&format!(
            "  {} (kansiota ei ole)",
            dir.join("from-file").display()
        )),
        "a relative folder is taken from the file's folder:\n{}",
        out.stdout
    );

    // The environment over the file.
    let out = run(with_config(dir, file)
        .env("KOHTAA_LANG", "EN")
        .env("KOHTAA_THEME", "high-contrast")
        .env("KOHTAA_SAVE", "yes")
        .env(
            "KOHTAA_SCENARIOS",
            std::env::join_paths(["/env/a", "/env/b"]).unwrap(),
        )
        .arg("config"));
    assert_eq!(
        line(&out.stdout, "Language:"),
        "Language: en (environment variable KOHTAA_LANG)"
    );
    assert_eq!(
        line(&out.stdout, "Theme:"),
        "Theme: high-contrast (environment variable KOHTAA_THEME)"
    );
    assert_eq!(
        line(&out.stdout, "Saving:"),
        "Saving: on (environment variable KOHTAA_SAVE)"
    );
    let folders = line(&out.stdout, "Your scenario folders");
    assert_eq!(
        folders,
        "Your scenario folders (environment variable KOHTAA_SCENARIOS):"
    );
    assert!(
        out.stdout
            .contains("  /env/a (not there)\n  /env/b (not there)\n")
    );
    assert!(!out.stdout.contains("from-file"), "{}", out.stdout);

    // The flags over both.
    let out = run(with_config(dir, file)
        .env("KOHTAA_LANG", "en")
        .env("KOHTAA_THEME", "high-contrast")
        .env("KOHTAA_SCENARIOS", "/env/a")
        .args([
            "config",
            "--lang",
            "FI",
            "--theme",
            "Default",
            "--no-save",
            "--scenarios",
            "/flag/c",
        ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(line(&out.stdout, "Kieli:"), "Kieli: fi (--lang)");
    assert_eq!(line(&out.stdout, "Teema:"), "Teema: default (--theme)");
    assert_eq!(
        line(&out.stdout, "Tallennus:"),
        "Tallennus: pois päältä (--no-save)"
    );
    assert!(
        out.stdout
            .contains("Omat skenaariokansiosi (--scenarios):\n  /flag/c")
    );
    assert!(!out.stdout.contains("/env/a"), "{}", out.stdout);
}

#[test]
fn the_files_settings_are_used_by_the_commands() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // The language: `list` puts the interface language first; `explain` speaks it.
    let out = run(with_config(dir, "lang = \"fi\"\n").args(["explain", "K0102"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("tuntematon kenttä"), "{}", out.stdout);
    // Saving off: the profile cannot be set.
    let out = run(with_config(dir, "save = false\n").args(["profile", "--set", "D"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!kohtaa::store::profile::path(dir).exists());
    // A theme saved in the profile stands over the file's, and under the environment's.
    let file = "theme = \"mono\"\n";
    let out = run(with_config(dir, file).args(["profile", "--theme", "high-contrast"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(with_config(dir, file).arg("config"));
    assert_eq!(
        line(&out.stdout, "Theme:"),
        "Theme: high-contrast (saved in your profile)"
    );
    let out = run(with_config(dir, file)
        .env("KOHTAA_THEME", "mono")
        .arg("config"));
    assert_eq!(
        line(&out.stdout, "Theme:"),
        "Theme: mono (environment variable KOHTAA_THEME)"
    );
}

#[test]
fn a_broken_file_is_an_error_at_its_line_and_column_and_is_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let broken = "# ours\nlang = \"fi\"\nsave = maybe\n";
    for args in [&["list"][..], &["config"], &[]] {
        let out = transcript(with_config(dir, broken).args(args), &[(dir, "[DATA]")]);
        assert_snapshot!("config_broken_en", out);
    }
    let out = transcript(
        with_config(dir, broken).args(["--lang", "fi", "list"]),
        &[(dir, "[DATA]")],
    );
    assert_snapshot!("config_broken_fi", out);
    assert_eq!(
        std::fs::read_to_string(dir.join("config.toml")).unwrap(),
        broken
    );
    // Where it is can still be asked.
    let out = run(with_config(dir, broken).args(["config", "--path"]));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        format!("{}\n", dir.join("config.toml").display())
    );

    // An unknown key, a value kohtaa does not know, a value of the environment.
    let out = run(with_config(dir, "langauge = \"fi\"\n").arg("list"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("line 1, column 1"), "{}", out.stderr);
    assert!(out.stderr.contains("langauge"), "{}", out.stderr);
    let out = run(with_config(dir, "lang = \"sv\"\n").arg("list"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("lang = \"sv\""), "{}", out.stderr);
    let out = run(with_config(dir, "")
        .env("KOHTAA_SAVE", "perhaps")
        .arg("list"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("KOHTAA_SAVE = \"perhaps\""),
        "{}",
        out.stderr
    );
}

#[test]
fn the_commented_example_changes_nothing_as_it_is() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let example = run(kohtaa(dir).args(["config", "--example"]));
    assert_eq!(example.code, 0);
    assert!(
        example.stdout.contains("# lang = \"fi\""),
        "{}",
        example.stdout
    );
    let before = run(kohtaa(dir).arg("config")).stdout;
    let after = run(with_config(dir, &example.stdout).arg("config")).stdout;
    assert_eq!(
        after.replace(
            " (not there; `kohtaa config --example` prints one to start from)",
            ""
        ),
        before.replace(
            " (not there; `kohtaa config --example` prints one to start from)",
            ""
        )
    );
}

#[test]
fn an_organisations_library_in_the_system_folder_is_there_for_every_user() {
    let data = tempfile::tempdir().unwrap();
    let system = tempfile::tempdir().unwrap();
    let folder = system.path().join("kohtaa").join("scenarios").join("en");
    std::fs::create_dir_all(&folder).unwrap();
    let out = run(kohtaa(data.path())
        .args(["new", "org-greeting", "--dir"])
        .arg(&folder));
    assert_eq!(out.code, 0, "{}", out.stderr);

    let other = tempfile::tempdir().unwrap();
    let dirs = std::env::join_paths([other.path(), system.path()]).unwrap();
    let out = run(kohtaa(data.path()).env("XDG_DATA_DIRS", &dirs).arg("list"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("org-greeting") && l.contains("  en  ")),
        "{}",
        out.stdout
    );
    let out = run(kohtaa(data.path())
        .env("XDG_DATA_DIRS", &dirs)
        .arg("config"));
    let expected = format!(
        "System-wide library folders (read for every user):\n  {} (not there)\n  {}\n",
        other.path().join("kohtaa").join("scenarios").display(),
        system.path().join("kohtaa").join("scenarios").display()
    );
    assert!(out.stdout.ends_with(&expected), "{}", out.stdout);
    // Checked with the library like the user's own folders.
    let out = run(kohtaa(data.path()).env("XDG_DATA_DIRS", &dirs).arg("check"));
    assert!(out.stdout.contains("org-greeting"), "{}", out.stdout);
    // Without the variable, the folder is not read.
    let out = run(kohtaa(data.path()).arg("list"));
    assert!(!out.stdout.contains("org-greeting"), "{}", out.stdout);
}
