//! The high-contrast theme: nothing carried by dim, italic or blue; NO_COLOR still drops the
//! colours; whole screens at 80x24 with their styles; `--theme` parsed, saved in the profile
//! (not with `--no-save`) and used next time; old and newer profile files still load.

use crate::support::cli::transcript;
use crate::support::tui::{choose_by_text, fixtures, key, screen, typed};
use assert_cmd::Command;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use kohtaa::i18n::Lang;
use kohtaa::store::profile::{self, Profile, ProfileState};
use kohtaa::tui::theme::{Theme, ThemeChoice};
use kohtaa::tui::{Action, App, Env};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};

const STRONG: Modifier = Modifier::BOLD
    .union(Modifier::UNDERLINED)
    .union(Modifier::REVERSED);

fn named_or_reset(c: Option<Color>) -> bool {
    !matches!(c, Some(Color::Rgb(..) | Color::Indexed(_)))
}

fn is_blue(c: Option<Color>) -> bool {
    matches!(c, Some(Color::Blue | Color::LightBlue))
}

/// Every style of both high-contrast themes: no dim, no italic, no blue at all; a style that
/// differs from the base differs by bold, underline or reverse, never by colour alone; only
/// the 16 named colours; and the states still differ from each other with colour taken away.
#[test]
fn no_style_of_high_contrast_leans_on_dim_italic_blue_or_colour_alone() {
    for (name, theme) in [
        ("high-contrast", Theme::high_contrast()),
        ("high-contrast without colour", Theme::high_contrast_mono()),
    ] {
        let base = theme.base;
        for (field, style) in theme.styles() {
            let mods = style.add_modifier;
            assert!(
                !mods.intersects(Modifier::DIM | Modifier::ITALIC),
                "{name}.{field} uses dim or italic: {style:?}"
            );
            assert!(
                !is_blue(style.fg) && !is_blue(style.bg),
                "{name}.{field} uses blue: {style:?}"
            );
            assert!(
                named_or_reset(style.fg) && named_or_reset(style.bg),
                "{name}.{field} uses a colour outside the 16 named: {style:?}"
            );
            assert!(
                style == base || mods.intersects(STRONG),
                "{name}.{field} differs from the base text by colour alone: {style:?}"
            );
            assert!(
                style.bg.is_none_or(|c| c == Color::Reset),
                "{name}.{field} paints a background (light and dark terminals differ): {style:?}"
            );
        }
        let plain = |s: Style| s.add_modifier;
        let states = [
            ("good", plain(theme.good)),
            ("bad", plain(theme.bad)),
            ("warn", plain(theme.warn)),
            ("selected", plain(theme.selected)),
        ];
        for (i, (a, ma)) in states.iter().enumerate() {
            assert!(ma.intersects(STRONG), "{name}.{a} has no bold/underline");
            for (b, mb) in &states[i + 1..] {
                assert_ne!(ma, mb, "{name}: {a} and {b} differ by colour alone");
            }
        }
    }
    for (_, style) in Theme::high_contrast_mono().styles() {
        assert!(style.fg.is_none_or(|c| c == Color::Reset), "{style:?}");
        assert!(style.bg.is_none_or(|c| c == Color::Reset), "{style:?}");
    }
}

/// NO_COLOR wins over colour in every theme; mono is what NO_COLOR gives.
#[test]
fn no_color_drops_the_colours_of_every_choice() {
    use ThemeChoice::*;
    assert_eq!(Theme::for_choice(Default, false), Theme::default_colors());
    assert_eq!(Theme::for_choice(Default, true), Theme::mono());
    assert_eq!(Theme::for_choice(Mono, false), Theme::mono());
    assert_eq!(Theme::for_choice(Mono, true), Theme::mono());
    assert_eq!(
        Theme::for_choice(HighContrast, false),
        Theme::high_contrast()
    );
    let hc = Theme::for_choice(HighContrast, true);
    assert_eq!(hc, Theme::high_contrast_mono());
    assert!(hc.mono, "the presenter keeps the terminal's colours too");
    // The same bold, reverse and underline as with colour.
    for ((f, a), (_, b)) in hc.styles().into_iter().zip(Theme::high_contrast().styles()) {
        assert_eq!(a.add_modifier, b.add_modifier, "{f}");
    }
    for c in [Default, HighContrast, Mono] {
        assert_eq!(ThemeChoice::parse(c.name()), Some(c));
    }
    assert_eq!(ThemeChoice::parse("solarized"), None);
}

// --- Whole screens -----------------------------------------------------------------------

fn app(theme: Theme) -> App {
    let mut app = App::new(Env::new(Lang::En, theme, fixtures(), Some(3)));
    app.update(Action::Resize(80, 24));
    app
}

fn to_play(app: &mut App) {
    typed(app, "parcel");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
}

fn mods(m: Modifier) -> String {
    [
        (Modifier::BOLD, "bold"),
        (Modifier::UNDERLINED, "underline"),
        (Modifier::REVERSED, "reverse"),
        (Modifier::DIM, "DIM"),
        (Modifier::ITALIC, "ITALIC"),
    ]
    .iter()
    .filter(|(f, _)| m.contains(*f))
    .map(|(_, n)| *n)
    .collect::<Vec<_>>()
    .join("+")
}

/// The screen's text, then every run of styled cells: row, columns, modifiers and colour.
fn with_styles(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = format!(
        "{}\n--- styles (row: columns modifiers colour)\n",
        terminal.backend()
    );
    for y in 0..buf.area.height {
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let mut label = mods(cell.modifier);
            if cell.fg != Color::Reset {
                label = format!("{label} {:?}", cell.fg);
            }
            if cell.bg != Color::Reset {
                label = format!("{label} on {:?}", cell.bg);
            }
            match runs.last_mut() {
                Some((_, end, l)) if *l == label && *end + 1 == x => *end = x,
                _ => runs.push((x, x, label)),
            }
        }
        for (start, end, label) in runs.into_iter().filter(|r| !r.2.is_empty()) {
            out.push_str(&format!("{y:>2}: {start}-{end} {}\n", label.trim()));
        }
    }
    out
}

/// No cell of a screen is dim, italic or blue.
fn assert_no_weak_cells(terminal: &Terminal<TestBackend>, what: &str) {
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.modifier.intersects(Modifier::DIM | Modifier::ITALIC),
            "{what}: {:?} is dim or italic",
            cell.symbol()
        );
        assert!(
            !is_blue(Some(cell.fg)) && !is_blue(Some(cell.bg)),
            "{what}: {:?} is blue",
            cell.symbol()
        );
    }
}

#[test]
fn play_and_debrief_in_high_contrast_at_80x24() {
    let mut app = app(Theme::high_contrast());
    to_play(&mut app);
    key(&mut app, KeyCode::Down);
    let t = screen(&app);
    assert_no_weak_cells(&t, "play");
    assert_snapshot!("hc_play_en", with_styles(&t));
    key(&mut app, KeyCode::Char('2'));
    let t = screen(&app);
    assert_no_weak_cells(&t, "feedback");
    assert_snapshot!("hc_play_feedback_en", with_styles(&t));

    let mut app = self::app(Theme::high_contrast());
    to_play(&mut app);
    choose_by_text(&mut app, &["Tracking", "It's only", "It's in"]);
    key(&mut app, KeyCode::Enter);
    let t = screen(&app);
    assert_no_weak_cells(&t, "debrief");
    assert_snapshot!("hc_debrief_bad_en", with_styles(&t));
    // The steps section: every result keeps its symbol beside its style.
    key(&mut app, KeyCode::Char('1'));
    let t = screen(&app);
    assert_no_weak_cells(&t, "debrief steps");
    assert_snapshot!("hc_debrief_steps_en", with_styles(&t));
}

// --- The flag, the profile and the real binary -------------------------------------------

fn kohtaa(dir: &std::path::Path) -> Command {
    let mut cmd = crate::support::cli::kohtaa(dir);
    cmd.env("LANG", "en_GB.UTF-8");
    cmd
}

fn profile_out(dir: &std::path::Path, args: &[&str]) -> String {
    let out = kohtaa(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn saved_theme(dir: &std::path::Path) -> Option<String> {
    match profile::load(dir).unwrap() {
        ProfileState::Found(p) => p.theme,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_theme_flag_is_saved_and_used_next_time_and_the_flag_wins() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert!(profile_out(dir, &["profile"]).contains("Theme: default"));
    // --no-save keeps nothing.
    assert!(
        profile_out(dir, &["--theme", "high-contrast", "--no-save", "profile"])
            .contains("Theme: default")
    );
    assert!(!profile::path(dir).exists());

    let out = profile_out(dir, &["--theme", "high-contrast", "profile"]);
    assert_snapshot!(
        "profile_high_contrast",
        out.replace(&dir.display().to_string(), "[DATA]")
    );
    let json = std::fs::read_to_string(profile::path(dir)).unwrap();
    assert!(json.contains("\"theme\": \"high-contrast\""), "{json}");
    // The next run, without the flag, uses it.
    assert!(profile_out(dir, &["profile"]).contains("Theme: high-contrast"));
    // Setting the style keeps it.
    profile_out(dir, &["profile", "--set", "SC"]);
    assert_eq!(saved_theme(dir).as_deref(), Some("high-contrast"));
    // The flag overrides, and the new choice is remembered; after the command name too.
    assert!(profile_out(dir, &["profile", "--theme", "mono"]).contains("Theme: mono"));
    assert_eq!(saved_theme(dir).as_deref(), Some("mono"));
    assert!(profile_out(dir, &["profile"]).contains("Theme: mono"));

    // A name clap does not know is refused with the three choices.
    let out = transcript(kohtaa(dir).args(["--theme", "pink", "profile"]), &[]);
    assert_snapshot!("unknown_theme", out);
    assert_eq!(saved_theme(dir).as_deref(), Some("mono"));
}

#[test]
fn an_old_profile_without_a_theme_still_loads() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // As kohtaa wrote it before themes.
    let old = "{\n  \"version\": 1,\n  \"style\": \"SC\",\n  \"self_check\": null\n}\n";
    std::fs::write(profile::path(dir), old).unwrap();
    let ProfileState::Found(p) = profile::load(dir).unwrap() else {
        panic!("the old profile did not load");
    };
    assert_eq!(p.theme, None);
    assert_eq!(p.style.map(|s| s.code()).as_deref(), Some("SC"));
    let out = profile_out(dir, &["profile"]);
    assert!(out.contains("Theme: default"), "{out}");
    assert!(out.contains("SC"), "{out}");
    // Without a theme, nothing new is written: the file stays as it was.
    assert_eq!(std::fs::read_to_string(profile::path(dir)).unwrap(), old);
    // And a profile saved without a theme is written as before, with no theme field.
    profile::save(dir, &Profile::new(None)).unwrap();
    let json = std::fs::read_to_string(profile::path(dir)).unwrap();
    assert!(!json.contains("theme"), "{json}");
}

#[test]
fn a_newer_profile_with_unknown_fields_loads_and_keeps_them() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let newer = r#"{"version": 1, "style": "D", "self_check": null,
        "theme": "solarized", "font_size": {"big": true}}"#;
    std::fs::write(profile::path(dir), newer).unwrap();
    let ProfileState::Found(p) = profile::load(dir).unwrap() else {
        panic!("a newer field set the profile aside");
    };
    assert_eq!(p.theme.as_deref(), Some("solarized"));
    // A theme this version does not know reads as the default ...
    let out = profile_out(dir, &["profile"]);
    assert!(out.contains("Theme: default"), "{out}");
    // ... and saving here (a new style) keeps what it did not know.
    profile_out(dir, &["profile", "--set", "i"]);
    let json = std::fs::read_to_string(profile::path(dir)).unwrap();
    assert!(json.contains("\"font_size\""), "{json}");
    assert!(json.contains("\"solarized\""), "{json}");
    assert!(json.contains("\"style\": \"i\""), "{json}");
}
