//! Whole-screen snapshots of every screen over `TestBackend`, in English and Finnish, from
//! the fixture library (never the bundled one, whose content changes).

use crate::support::tui::{choose_by_text, fixtures, key, rows, screen, typed};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use kohtaa::i18n::Lang;
use kohtaa::tui::screens::Screen;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::style::{Color, Modifier};

fn app(lang: Lang, theme: Theme, w: u16, h: u16) -> App {
    let mut app = App::new(Env::new(lang, theme, fixtures(), Some(3)));
    app.update(Action::Resize(w, h));
    app
}

/// The late-parcel fixture, found by filtering, on its before-run screen.
fn to_briefing(app: &mut App, lang: Lang) {
    typed(
        app,
        if lang == Lang::En {
            "parcel"
        } else {
            "paketti"
        },
    );
    key(app, KeyCode::Enter);
}

fn to_play(app: &mut App, lang: Lang) {
    to_briefing(app, lang);
    key(app, KeyCode::Enter);
}

const GOOD_EN: &[&str] = &["Hello", "Oh no", "It's at"];
const BAD_EN: &[&str] = &["Tracking", "It's only", "It's in"];
const GOOD_FI: &[&str] = &["Hei", "Voi ei", "Se on varastolla"];
const BAD_FI: &[&str] = &["Seuranta", "Vain", "Se on lajittelu"];

fn langs() -> [(Lang, &'static str); 2] {
    [(Lang::En, "en"), (Lang::Fi, "fi")]
}

#[test]
fn library() {
    for (lang, code) in langs() {
        let app = app(lang, Theme::default_colors(), 80, 24);
        assert_snapshot!(format!("library_{code}"), screen(&app).backend());
    }
}

#[test]
fn library_filtered_to_nothing() {
    let mut app = app(Lang::En, Theme::default_colors(), 80, 24);
    typed(&mut app, "zzz");
    assert_snapshot!(screen(&app).backend());
}

#[test]
fn question_mark_opens_the_help_in_the_library_too() {
    let mut app = app(Lang::En, Theme::default_colors(), 80, 24);
    key(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_some(), "the help is open");
    let Screen::Library(library) = &app.screen else {
        panic!("still on the library");
    };
    assert_eq!(library.filter, "", "`?` is not typed into the filter");
}

#[test]
fn briefing() {
    for (lang, code) in langs() {
        let mut app = app(lang, Theme::default_colors(), 80, 24);
        to_briefing(&mut app, lang);
        assert_snapshot!(format!("briefing_{code}"), screen(&app).backend());
    }
}

#[test]
fn play_choosing_and_feedback() {
    for (lang, code) in langs() {
        let mut app = app(lang, Theme::default_colors(), 80, 24);
        to_play(&mut app, lang);
        key(&mut app, KeyCode::Down);
        assert_snapshot!(format!("play_{code}"), screen(&app).backend());
        // The second shown choice, by number.
        key(&mut app, KeyCode::Char('2'));
        assert_snapshot!(format!("play_feedback_{code}"), screen(&app).backend());
    }
}

#[test]
fn debrief_after_a_good_and_a_bad_run() {
    for (lang, code) in langs() {
        let (good, bad) = if lang == Lang::En {
            (GOOD_EN, BAD_EN)
        } else {
            (GOOD_FI, BAD_FI)
        };
        let mut app = app(lang, Theme::default_colors(), 80, 24);
        to_play(&mut app, lang);
        choose_by_text(&mut app, good);
        assert_snapshot!(format!("ending_good_{code}"), screen(&app).backend());
        key(&mut app, KeyCode::Enter);
        assert_snapshot!(format!("debrief_good_{code}"), screen(&app).backend());

        let mut app = self::app(lang, Theme::default_colors(), 80, 24);
        to_play(&mut app, lang);
        choose_by_text(&mut app, bad);
        key(&mut app, KeyCode::Enter);
        assert_snapshot!(format!("debrief_bad_{code}"), screen(&app).backend());
        key(&mut app, KeyCode::End);
        assert_snapshot!(format!("debrief_bad_end_{code}"), screen(&app).backend());
    }
}

#[test]
fn help_overlay_and_leave_question() {
    for (lang, code) in langs() {
        let mut app = app(lang, Theme::default_colors(), 80, 24);
        to_play(&mut app, lang);
        key(&mut app, KeyCode::F(1));
        assert_snapshot!(format!("help_play_{code}"), screen(&app).backend());
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('q'));
        assert_snapshot!(format!("confirm_leave_{code}"), screen(&app).backend());
    }
}

#[test]
fn large_terminal() {
    let mut app = app(Lang::En, Theme::default_colors(), 200, 50);
    assert_snapshot!("library_large", screen(&app).backend());
    to_play(&mut app, Lang::En);
    choose_by_text(&mut app, BAD_EN);
    key(&mut app, KeyCode::Enter);
    assert_snapshot!("debrief_large", screen(&app).backend());
}

#[test]
fn too_small_and_tiny_terminals() {
    for (lang, code) in langs() {
        let app = app(lang, Theme::default_colors(), 59, 15);
        assert_snapshot!(format!("too_small_{code}"), screen(&app).backend());
    }
    // No size panics, on any screen, down to nothing.
    for (w, h) in [(0, 0), (1, 1), (3, 40), (200, 2), (60, 16)] {
        let mut app = app(Lang::Fi, Theme::default_colors(), w, h);
        screen(&app);
        to_play(&mut app, Lang::Fi);
        screen(&app);
        choose_by_text(&mut app, BAD_FI);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::End);
        screen(&app);
    }
}

#[test]
fn monochrome_theme_carries_state_without_colour() {
    let mut app = app(Lang::En, Theme::mono(), 80, 24);
    to_play(&mut app, Lang::En);
    choose_by_text(&mut app, BAD_EN);
    key(&mut app, KeyCode::Enter);
    // The steps section, opened by its number.
    key(&mut app, KeyCode::Char('1'));
    for step in [screen(&app)] {
        let buf = step.backend().buffer();
        for cell in buf.content() {
            assert_eq!(
                cell.fg,
                Color::Reset,
                "no foreground colour in {:?}",
                cell.symbol()
            );
            assert_eq!(
                cell.bg,
                Color::Reset,
                "no background colour in {:?}",
                cell.symbol()
            );
        }
        // Broken steps carry their symbol, so no colour is needed to read them.
        assert!(
            step.backend()
                .to_string()
                .contains("✗ Acknowledge – broken")
        );
    }
    // A new question has nothing selected; once the learner moves, the selected choice is
    // shown by reverse video and a pointer.
    let mut app = self::app(Lang::En, Theme::mono(), 80, 24);
    to_play(&mut app, Lang::En);
    let t = screen(&app);
    assert!((0..24).all(|y| t.backend().buffer()[(1, y)].symbol() != "▶"));
    key(&mut app, KeyCode::Down);
    let t = screen(&app);
    let buf = t.backend().buffer();
    let row = (0..24)
        .find(|&y| buf[(1, y)].symbol() == "▶")
        .expect("a pointer on the selected choice");
    assert!(buf[(6, row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_debrief_scrolls_to_its_last_line_on_a_wide_terminal() {
    // The text is at most 100 columns wide however wide the terminal is, so the debrief is
    // longer than the terminal's width alone would make it; End must still reach its end.
    for (w, h) in [(80, 24), (200, 24), (200, 50)] {
        let mut app = app(Lang::En, Theme::default_colors(), w, h);
        to_play(&mut app, Lang::En);
        choose_by_text(&mut app, BAD_EN);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::End);
        let Screen::Debrief(debrief) = &app.screen else {
            panic!("on the debrief");
        };
        let text_width = w.saturating_sub(2).min(100) - 1;
        let doc = debrief.document(&app.env, text_width);
        let last = doc
            .lines
            .iter()
            .rev()
            .map(|l| l.to_string())
            .find(|l| !l.trim().is_empty())
            .unwrap();
        let shown = screen(&app).backend().to_string();
        assert!(
            shown.contains(last.trim()),
            "{w}x{h}: the last line {last:?} is on screen after End:\n{shown}"
        );
    }
}

/// The first screen of the debrief at 80x24 holds what the learner needs first: outcome, fit,
/// the focus step, one thing kept, one to change, and the better answer at the turning point,
/// in both languages and without colour (NO_COLOR).
#[test]
fn the_debrief_first_screen_teaches_at_80x24() {
    for (lang, code) in langs() {
        let (good, bad) = if lang == Lang::En {
            (GOOD_EN, BAD_EN)
        } else {
            (GOOD_FI, BAD_FI)
        };
        // Greet and listen, then make it small, then explain well: one thing to change.
        let mixed: Vec<&str> = vec![good[0], bad[1], good[2]];
        let mut app = app(lang, Theme::mono(), 80, 24);
        to_play(&mut app, lang);
        choose_by_text(&mut app, &mixed);
        key(&mut app, KeyCode::Enter);
        let shown = rows(&app).join("\n");
        assert_snapshot!(format!("debrief_first_{code}_mono"), shown);
        let expected: &[&str] = if lang == Lang::En {
            &[
                "Outcome: Resolved",
                "Model fit: 75 %",
                "Your focus step: ✗ Acknowledge (broken)",
                "Shown: Greet",
                "To work on: Acknowledge (Minimises)",
                "at choice 2 you said",
                "“It's only a day or two more.”",
                "A better answer there",
                "“Oh no, with the birthday tomorrow that's stressful.”",
                "You named the worry.",
            ]
        } else {
            &[
                "Lopputulos: Ratkesi",
                "Mallin mukaisuus: 75 %",
                "Painopisteesi: ✗ Ymmärrä (rikkoutui)",
                "valinnassa 2 sanoit",
                "Parempi vastaus siinä kohdassa",
            ]
        };
        for text in expected {
            assert!(
                shown.contains(text),
                "{code}: {text:?} on the first screen:\n{shown}"
            );
        }
    }
}

#[test]
fn debrief_sections_open_close_and_jump_by_key() {
    let mut app = app(Lang::En, Theme::default_colors(), 80, 24);
    to_play(&mut app, Lang::En);
    choose_by_text(&mut app, BAD_EN);
    key(&mut app, KeyCode::Enter);
    let text = |app: &App| rows(app).join("\n");
    assert!(text(&app).contains("▸ 2 Pitfalls (3)"), "closed at first");
    assert!(!text(&app).contains("Office words."));

    // A number opens its section and brings it into view.
    key(&mut app, KeyCode::Char('2'));
    let shown = text(&app);
    assert!(shown.contains("▾ 2 Pitfalls (3)"), "{shown}");
    assert!(
        shown.contains("! Jargon (Explain): Office words."),
        "{shown}"
    );
    assert_snapshot!("debrief_pitfalls_open_en", screen(&app).backend());

    // Enter closes the selected one again.
    key(&mut app, KeyCode::Enter);
    assert!(!text(&app).contains("Office words."));
    assert!(text(&app).contains("▶ ▸ 2 Pitfalls (3)"));

    // Tab moves to the next heading; Enter (or Space) opens it.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert!(text(&app).contains("▶ ▸ 4 Mood (2)"));
    key(&mut app, KeyCode::Char(' '));
    let shown = text(&app);
    assert!(shown.contains("▾ 4 Mood (2)"), "{shown}");
    assert!(
        shown.contains("Choice 1: −2 → −2") || shown.contains("Choice 2: −2 → −3"),
        "{shown}"
    );
    key(&mut app, KeyCode::BackTab);
    assert!(text(&app).contains("▶ ▸ 3 Order (0)"));

    // With the path open too, the debrief overflows: it scrolls, and says there is more.
    key(&mut app, KeyCode::Char('5'));
    key(&mut app, KeyCode::Home);
    assert!(text(&app).contains("↓ more below"));
    key(&mut app, KeyCode::End);
    assert!(text(&app).contains("seed 3"));
    key(&mut app, KeyCode::Char('g'));
    assert!(text(&app).contains("Outcome: Escalated"));

    // The help lists the section keys.
    key(&mut app, KeyCode::Char('?'));
    let help = text(&app);
    for k in ["Tab", "Shift-Tab", "Enter", "Space", "1-6", "PgDn", "End/G"] {
        assert!(help.contains(k), "{k} in the help:\n{help}");
    }
}
