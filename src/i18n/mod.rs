//! The one catalogue of interface words, in English and Finnish.
//!
//! Every word the program itself says on screen comes from here; scenario and model text
//! (step names, feedback) is content and comes from the files. Each entry is written once
//! with both languages side by side, so a missing translation does not compile.
//!
//! Use: `t(lang, T::Quit)`, or `tf(lang, T::MoodChange, &[("from", "-2"), ("to", "0")])`
//! for entries with `{name}` placeholders.
//!
//! To add a string: add one line to the `catalogue!` list below (a variant name, the English,
//! the Finnish). Keep keys grouped by the screen that uses them.

pub use crate::cli::Lang;

use crate::content::{Outcome, Style};
use crate::practice::StepResult;

macro_rules! catalogue {
    ($($key:ident => $en:expr, $fi:expr;)*) => {
        /// A key of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for tests that check the catalogue as a whole.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en,)* }
            }

            pub fn fi(self) -> &'static str {
                match self { $(T::$key => $fi,)* }
            }
        }
    };
}

catalogue! {
    // Shared
    AppName => "kohtaa", "kohtaa";
    Quit => "quit", "lopeta";
    Back => "back", "takaisin";
    Help => "help", "ohje";
    Move => "move", "liiku";
    Select => "select", "valitse";
    Scroll => "scroll", "vieritä";
    PageUp => "page up", "sivu ylös";
    PageDown => "page down", "sivu alas";
    ToTop => "to the top", "alkuun";
    ToEnd => "to the end", "loppuun";
    Continue => "continue", "jatka";
    TooSmall => "Terminal too small: {w}×{h} (need {min_w}×{min_h}). Make the window larger, or press Ctrl-C to quit.",
        "Pääte on liian pieni: {w}×{h} (tarvitaan {min_w}×{min_h}). Suurenna ikkunaa tai lopeta painamalla Ctrl-C.";
    HelpTitle => "Keys", "Näppäimet";
    HelpClose => "Press ?, F1 or Esc to close", "Sulje painamalla ?, F1 tai Esc";
    HelpEverywhere => "Everywhere", "Kaikkialla";
    QuitNow => "quit the program", "lopeta ohjelma";
    Yes => "yes", "kyllä";
    No => "no", "ei";
    ConfirmLeaveRun => "Leave this run? Your choices so far are not kept.",
        "Keskeytetäänkö harjoitus? Tähänastisia valintoja ei säilytetä.";
    // Library
    LibraryTitle => "Scenarios", "Harjoitukset";
    FilterPrompt => "Filter", "Suodata";
    FilterHint => "type to filter", "kirjoita suodattaaksesi";
    ClearFilter => "clear filter / quit", "tyhjennä suodatin / lopeta";
    EraseChar => "erase", "pyyhi";
    Start => "start", "aloita";
    NoScenarios => "No scenarios found.", "Harjoituksia ei löytynyt.";
    NoMatch => "No scenario matches the filter.", "Mikään harjoitus ei vastaa suodatinta.";
    Difficulty => "Difficulty", "Vaikeus";
    Focus => "Focus", "Painopiste";
    Tags => "Tags", "Tunnisteet";
    Customer => "Customer", "Asiakas";
    OtherLanguages => "In other languages", "Muilla kielillä";
    BrokenFiles => "Files with errors (fix them and restart; `kohtaa check` shows all problems)",
        "Virheelliset tiedostot (korjaa ja käynnistä uudelleen; `kohtaa check` näyttää kaikki ongelmat)";
    NoModel => "This scenario's encounter model `{model}` ({lang}) was not found.",
        "Harjoituksen kohtaamismallia `{model}` ({lang}) ei löytynyt.";
    RunFailed => "This scenario cannot be played: {error}", "Harjoitusta ei voi pelata: {error}";
    // Before a run
    BriefingTitle => "Before you start", "Ennen kuin aloitat";
    Situation => "Situation", "Tilanne";
    YourRole => "Your role", "Roolisi";
    AboutCustomer => "About the customer", "Asiakkaasta";
    StartMood => "Mood at the start", "Mieliala alussa";
    PickFocus => "Pick one step to focus on in this attempt:", "Valitse yksi askel, johon keskityt tällä kerralla:";
    Suggested => "suggested", "suositeltu";
    StartRun => "start the run", "aloita harjoitus";
    // Play
    Mood => "Mood", "Mieliala";
    YourChoice => "What do you say?", "Mitä sanot?";
    YouSaid => "You said", "Sanoit";
    ChoiceFeedback => "Feedback", "Palaute";
    StepsShown => "Shown", "Näkyi";
    StepsBroken => "Broken", "Rikkoutui";
    PitfallsHit => "Pitfalls", "Sudenkuopat";
    MoodChange => "Mood {from} → {to}", "Mieliala {from} → {to}";
    NoSteps => "(no step of the model)", "(ei mallin askelta)";
    ContinueHint => "Press Enter to continue, u to take it back.", "Jatka painamalla Enter, peru painamalla u.";
    ToDebrief => "Press Enter to see the debrief.", "Katso yhteenveto painamalla Enter.";
    Choose => "choose", "valitse";
    Undo => "undo", "peru";
    Restart => "restart", "alusta";
    LeaveRun => "leave run", "keskeytä";
    FocusOn => "Your focus: {step}", "Painopisteesi: {step}";
    ChoiceCount => "Choice {n}", "Valinta {n}";
    // Playing a draft (kohtaa play)
    DraftReload => "reload the file", "lataa tiedosto uudelleen";
    DraftReloaded => "Reloaded: {done} of {all} choices replayed.", "Ladattu uudelleen: {done}/{all} valintaa toistettu.";
    DraftErrorsTitle => "Errors in {file}", "Virheitä: {file}";
    DraftFixHint => "This draft cannot be played yet. Fix the file, save it and press F5 (or Ctrl-R) to reload; q quits.",
        "Luonnosta ei voi vielä pelata. Korjaa tiedosto, tallenna ja lataa se uudelleen painamalla F5 (tai Ctrl-R); q lopettaa.";
    DraftNotAScenario => "The file is not a scenario file.", "Tiedosto ei ole skenaariotiedosto.";
    // Debrief
    DebriefTitle => "Debrief", "Yhteenveto";
    Outcome => "Outcome", "Lopputulos";
    ModelMap => "The encounter model", "Kohtaamismalli";
    ModelFit => "Model fit", "Mallin mukaisuus";
    FitNone => "no step of the model was in play", "mikään mallin askel ei ollut mukana";
    FitValue => "{fit} % ({shown} shown of {scored} in play)", "{fit} % ({shown}/{scored} mukana olleesta näkyi)";
    OrderNotes => "Order", "Järjestys";
    OrderNote => "“{early}” came before “{late}”.", "”{early}” tuli ennen kuin ”{late}”.";
    OrderNone => "The steps came in the model's order.", "Askeleet tulivat mallin järjestyksessä.";
    MoodChart => "Mood, choice by choice", "Mieliala valinta valinnalta";
    StartShort => "start", "alku";
    PathTitle => "Your path", "Polkusi";
    FocusResult => "Your focus step", "Painopisteesi";
    NoFocus => "No focus step was chosen.", "Painopistettä ei valittu.";
    TurningPoint => "Where it turned: choice {n}. Press w to replay from there.",
        "Käännekohta: valinta {n}. Pelaa siitä uudelleen painamalla w.";
    NoTurningPoint => "Nothing went wrong on this path.", "Tällä polulla mikään ei mennyt vikaan.";
    ReplayTurn => "replay from where it turned", "pelaa käännekohdasta";
    PlayAgain => "play again", "pelaa uudelleen";
    ToLibrary => "to the library", "harjoituksiin";
    NotEnded => "The run has not reached an ending.", "Harjoitus ei päättynyt.";
    Seed => "seed", "siemen";
    // Measurement words
    Shown => "shown", "näkyi";
    Broken => "broken", "rikkoutui";
    Missed => "missed", "jäi puuttumaan";
    NotInPlay => "not in play", "ei mukana";
    Thread => "All the way through", "Koko kohtaamisen ajan";
    Resolved => "Resolved", "Ratkesi";
    Partial => "Partly resolved", "Ratkesi osittain";
    Unresolved => "Unresolved", "Jäi ratkaisematta";
    Escalated => "Escalated", "Kärjistyi";
    // Moods, from -5 to 5 in steps
    MoodFurious => "furious", "raivoissaan";
    MoodAngry => "angry", "vihainen";
    MoodAnnoyed => "annoyed", "ärtynyt";
    MoodNeutral => "neutral", "neutraali";
    MoodCalm => "calm", "rauhallinen";
    MoodPleased => "pleased", "tyytyväinen";
    MoodDelighted => "delighted", "ilahtunut";
    // DiSC styles, short labels (the styles file holds the full texts)
    StyleD => "D – direct", "D – suora";
    StyleI => "i – influencing", "i – innostava";
    StyleS => "S – steady", "S – vakaa";
    StyleC => "C – conscientious", "C – tarkka";
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: T) -> &'static str {
    match lang {
        Lang::En => key.en(),
        Lang::Fi => key.fi(),
    }
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: T, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    t(
        lang,
        match outcome {
            Outcome::Resolved => T::Resolved,
            Outcome::Partial => T::Partial,
            Outcome::Unresolved => T::Unresolved,
            Outcome::Escalated => T::Escalated,
        },
    )
}

pub fn step_result(lang: Lang, result: StepResult) -> &'static str {
    t(
        lang,
        match result {
            StepResult::Shown => T::Shown,
            StepResult::Broken => T::Broken,
            StepResult::Missed => T::Missed,
            StepResult::NotInPlay => T::NotInPlay,
        },
    )
}

pub fn style(lang: Lang, style: Style) -> &'static str {
    t(
        lang,
        match style {
            Style::D => T::StyleD,
            Style::I => T::StyleI,
            Style::S => T::StyleS,
            Style::C => T::StyleC,
        },
    )
}

/// A word for a mood on the -5..=5 scale.
pub fn mood(lang: Lang, mood: i32) -> &'static str {
    t(
        lang,
        match mood {
            i32::MIN..=-5 => T::MoodFurious,
            -4..=-3 => T::MoodAngry,
            -2..=-1 => T::MoodAnnoyed,
            0 => T::MoodNeutral,
            1..=2 => T::MoodCalm,
            3..=4 => T::MoodPleased,
            5..=i32::MAX => T::MoodDelighted,
        },
    )
}

/// A mood as a signed number, "+2", "0", "−3" (a true minus sign reads better than "-").
pub fn signed(n: i32) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_and_the_same_placeholders() {
        for key in T::ALL {
            assert!(!key.en().is_empty() && !key.fi().is_empty(), "{key:?}");
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(holes(key.en()), holes(key.fi()), "{key:?}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            tf(Lang::En, T::MoodChange, &[("from", "−2"), ("to", "+1")]),
            "Mood −2 → +1"
        );
    }
}
