//! The words plain mode says, in English and Finnish, kept in one place until they move into
//! the interface catalogue (`src/i18n`). Same shape as the catalogue: `w(lang, W::Key)`, and
//! `wf` for entries with `{name}` placeholders.

use crate::cli::Lang;
use crate::content::Outcome;
use crate::practice::StepResult;

macro_rules! words {
    ($($key:ident => $en:expr, $fi:expr;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum W { $($key,)* }

        impl W {
            pub const ALL: &'static [W] = &[$(W::$key,)*];

            pub fn en(self) -> &'static str {
                match self { $(W::$key => $en,)* }
            }

            pub fn fi(self) -> &'static str {
                match self { $(W::$key => $fi,)* }
            }
        }
    };
}

words! {
    PlainRole => "Your role: {role}", "Roolisi: {role}";
    PlainCustomer => "Customer: {name}. Mood at the start: {mood}, on a scale from −5 (furious) to +5 (delighted).",
        "Asiakas: {name}. Mieliala alussa: {mood} asteikolla −5 (raivoissaan) … +5 (ilahtunut).";
    PlainMoodValue => "{word} ({value})", "{word} ({value})";
    PlainDecision => "Decision {n}", "Päätös {n}";
    PlainSays => "{name} says: {line}", "{name} sanoo: {line}";
    PlainChoiceOf => "Choice {n} of {count}: {text}", "Vaihtoehto {n}/{count}: {text}";
    PlainPrompt => "Your answer (1–{count}; u takes back, q quits):", "Vastauksesi (1–{count}; u peruu, q lopettaa):";
    PlainNotAChoice => "“{answer}” is not a choice: type a number from 1 to {count}.", "”{answer}” ei ole vaihtoehto: kirjoita numero 1–{count}.";
    PlainYouSaid => "You said: {text}", "Sanoit: {text}";
    PlainFeedback => "Feedback: {text}", "Palaute: {text}";
    PlainShown => "Shown: {steps}", "Näkyi: {steps}";
    PlainBroken => "Broken: {steps}", "Rikkoutui: {steps}";
    PlainPitfalls => "Pitfalls: {pitfalls}", "Sudenkuopat: {pitfalls}";
    PlainNoStep => "No step of the model shown or broken.", "Mikään mallin askel ei näkynyt eikä rikkoutunut.";
    PlainMoodChange => "Mood: {change}, from {from} to {to}.", "Mieliala: {change}, {from} → {to}.";
    PlainMoodBetter => "better by {n}", "parani {n}";
    PlainMoodWorse => "worse by {n}", "huononi {n}";
    PlainMoodSame => "no change", "ei muutosta";
    PlainTakenBack => "Took back your last choice.", "Viimeisin valinta peruttu.";
    PlainNothingToTakeBack => "There is no choice to take back.", "Ei peruttavaa valintaa.";
    PlainQuit => "Stopped at node {node}; no debrief for an unfinished run.", "Lopetettu kohdassa {node}; keskeneräisestä harjoituksesta ei tehdä yhteenvetoa.";
    PlainInputEnded => "input ended before the scenario did; stopping at node {node}", "syöte loppui ennen harjoitusta; lopetetaan kohdassa {node}";
    PlainTooManyInvalid => "{n} answers in a row were not choices; stopping at node {node}", "{n} vastausta peräkkäin ei ollut vaihtoehtoja; lopetetaan kohdassa {node}";
    PlainDebrief => "Debrief", "Yhteenveto";
    PlainOutcome => "Outcome: {outcome}. {summary}", "Lopputulos: {outcome}. {summary}";
    PlainFit => "Model fit: {fit} % ({shown} of {scored} steps in play shown).", "Mallin mukaisuus: {fit} % ({shown}/{scored} mukana olleesta askeleesta näkyi).";
    PlainFitNone => "Model fit: no step of the model was in play.", "Mallin mukaisuus: mikään mallin askel ei ollut mukana.";
    PlainStepsTitle => "Steps of the encounter model ({count}):", "Kohtaamismallin askeleet ({count}):";
    PlainStepLine => "Step {n} of {count}: {step}: {result}", "Askel {n}/{count}: {step}: {result}";
    PlainThreadLine => "Throughout, {n} of {count}: {step}: {result}", "Läpi kohtaamisen, {n}/{count}: {step}: {result}";
    PlainOrderTitle => "Order:", "Järjestys:";
    PlainOrderNote => "“{early}” came before “{late}”.", "”{early}” tuli ennen kuin ”{late}”.";
    PlainOrderNone => "Order: the steps came in the model's order.", "Järjestys: askeleet tulivat mallin järjestyksessä.";
    PlainPitfallsTitle => "Pitfalls ({count}):", "Sudenkuopat ({count}):";
    PlainPitfallLine => "{name} (step: {step}). {description}", "{name} (askel: {step}). {description}";
    PlainPitfallsNone => "Pitfalls: none.", "Sudenkuopat: ei yhtään.";
    PlainMoodTrajectory => "Mood, choice by choice: {moods}.", "Mieliala valinta valinnalta: {moods}.";
    PlainMoodSummary => "From {from} to {to}.", "Alussa {from}, lopussa {to}.";
    PlainPathTitle => "Your path ({count} choices):", "Polkusi ({count} valintaa):";
    PlainPathLine => "Choice {n} of {count}, at {node}: {text}", "Valinta {n}/{count}, kohdassa {node}: {text}";
    PlainTurningPoint => "Where it turned: choice {n}.", "Käännekohta: valinta {n}.";
    PlainPickScenario => "Scenarios ({count}):", "Harjoitukset ({count}):";
    PlainScenarioLine => "Scenario {n} of {count}: {title} ({id})", "Harjoitus {n}/{count}: {title} ({id})";
    PlainScenarioPrompt => "Your answer (1–{count}):", "Vastauksesi (1–{count}):";
    Shown => "shown", "näkyi";
    Broken => "broken", "rikkoutui";
    Missed => "missed", "jäi puuttumaan";
    NotInPlay => "not in play", "ei mukana";
    Resolved => "Resolved", "Ratkesi";
    Partial => "Partly resolved", "Ratkesi osittain";
    Unresolved => "Unresolved", "Jäi ratkaisematta";
    Escalated => "Escalated", "Kärjistyi";
    MoodFurious => "furious", "raivoissaan";
    MoodAngry => "angry", "vihainen";
    MoodAnnoyed => "annoyed", "ärtynyt";
    MoodNeutral => "neutral", "neutraali";
    MoodCalm => "calm", "rauhallinen";
    MoodPleased => "pleased", "tyytyväinen";
    MoodDelighted => "delighted", "ilahtunut";
}

pub fn w(lang: Lang, key: W) -> &'static str {
    match lang {
        Lang::En => key.en(),
        Lang::Fi => key.fi(),
    }
}

pub fn wf(lang: Lang, key: W, args: &[(&str, &str)]) -> String {
    let mut text = w(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    w(
        lang,
        match outcome {
            Outcome::Resolved => W::Resolved,
            Outcome::Partial => W::Partial,
            Outcome::Unresolved => W::Unresolved,
            Outcome::Escalated => W::Escalated,
        },
    )
}

pub fn step_result(lang: Lang, result: StepResult) -> &'static str {
    w(
        lang,
        match result {
            StepResult::Shown => W::Shown,
            StepResult::Broken => W::Broken,
            StepResult::Missed => W::Missed,
            StepResult::NotInPlay => W::NotInPlay,
        },
    )
}

pub fn mood(lang: Lang, mood: i32) -> &'static str {
    w(
        lang,
        match mood {
            i32::MIN..=-5 => W::MoodFurious,
            -4..=-3 => W::MoodAngry,
            -2..=-1 => W::MoodAnnoyed,
            0 => W::MoodNeutral,
            1..=2 => W::MoodCalm,
            3..=4 => W::MoodPleased,
            5..=i32::MAX => W::MoodDelighted,
        },
    )
}

pub fn signed(n: i32) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}
