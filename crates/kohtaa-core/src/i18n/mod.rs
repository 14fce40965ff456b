//! The interface's words for the core's own types (outcomes, settings, styles, moods,
//! numbers and dates), over the catalogue of [`crate::l10n`], whose `t`, `tf`, `count` and
//! keys `T` are re-exported here for the program's views.
//!
//! Every word the program itself says on screen comes from the catalogue files
//! (`crates/kohtaa-core/locales/<lang>/`); scenario and model text (step names, feedback) is
//! content and comes from the content files.

pub use crate::l10n::{T, count, t};
pub use crate::lang::Lang;

use std::borrow::Cow;

use crate::content::text::{for_screen, terminal_safe};
use crate::content::{MOOD_MAX, MOOD_MIN, Outcome, Scenario, Setting, Style};
use crate::practice::StepResult;
pub use crate::practice::feedback::signed;
use crate::practice::recommend::{Reason, Recommendation};

/// The text of `key` with each `{name}` replaced by its value. Values are set in made safe
/// for a terminal ([`terminal_safe`]): a path, an id or a system's error message holding an
/// escape sequence shows it as `\u{1b}`, never runs it, wherever the message is printed.
pub fn tf(lang: Lang, key: T, args: &[(&str, &str)]) -> String {
    let safe: Vec<(&str, Cow<str>)> = args
        .iter()
        .map(|(name, value)| (*name, terminal_safe(value)))
        .collect();
    let args: Vec<(&str, &str)> = safe.iter().map(|(n, v)| (*n, v.as_ref())).collect();
    crate::l10n::tf(lang, key, &args)
}

/// A day for columns that line up, the same in every language: "2026-12-05".
pub fn iso_date(when: time::OffsetDateTime) -> String {
    when.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// A moment for tables and logs, the same in every language: "2026-12-05 14:03".
pub fn date_time(when: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    when.format(format).unwrap_or_default()
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

/// Why a scenario is recommended, in words: the step that is due, a first scenario, or
/// something not played lately.
pub fn recommendation_reason(
    lang: Lang,
    next: &Recommendation,
    step_name: &dyn Fn(&str) -> String,
) -> String {
    match &next.reason {
        Reason::Due { .. } => tf(
            lang,
            T::NextDue,
            &[(
                "step",
                &next.step.as_deref().map(step_name).unwrap_or_default(),
            )],
        ),
        Reason::FirstRun => t(lang, T::NextFirst).to_owned(),
        Reason::NothingDue { .. } => t(lang, T::NextNothingDue).to_owned(),
    }
}

/// The words for a scenario's setting.
pub fn setting(lang: Lang, setting: Setting) -> &'static str {
    t(
        lang,
        match setting {
            Setting::ServicePoint => T::SettingServicePoint,
            Setting::Phone => T::SettingPhone,
            Setting::HealthCare => T::SettingHealthCare,
            Setting::Supervisor => T::SettingSupervisor,
            Setting::Workshop => T::SettingWorkshop,
            Setting::Internal => T::SettingInternal,
            Setting::Business => T::SettingBusiness,
            Setting::Written => T::SettingWritten,
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
            StepResult::NotReached => T::NotReached,
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

/// The default scale's word for a mood on the -5..=5 scale (beyond an end, the end's word).
/// Views name a mood through [`mood_word`], which lets a scenario speak for its customer.
pub fn default_mood_word(lang: Lang, mood: i32) -> &'static str {
    t(
        lang,
        match mood {
            i32::MIN..=-5 => T::MoodVeryUpset,
            -4 => T::MoodUpset,
            -3 => T::MoodTroubled,
            -2 => T::MoodUneasy,
            -1 => T::MoodWary,
            0 => T::MoodNeutral,
            1 => T::MoodOpen,
            2 => T::MoodReassured,
            3 => T::MoodAtEase,
            4 => T::MoodPleased,
            5..=i32::MAX => T::MoodSatisfied,
        },
    )
}

/// The word for `mood` in `scenario`: its customer's own word where the scenario gives one,
/// else the default scale's. Every view that names a mood asks here, so a scale reads the
/// same on every screen. A scenario's word is made fit for one line of any terminal.
pub fn mood_word<'a>(lang: Lang, scenario: &'a Scenario, mood: i32) -> Cow<'a, str> {
    let mood = mood.clamp(MOOD_MIN, MOOD_MAX);
    let customer = &scenario.customer;
    if let Some(word) = customer.mood_word(mood) {
        return Cow::Owned(for_screen(word).replace('\n', " "));
    }
    // A scale partly in the scenario's words goes on in the scenario's language: "in tears"
    // next to "huolissaan" would read as a slip.
    let lang = match scenario.language.parse::<Lang>() {
        Ok(content) if !customer.mood_words.is_empty() && content.code() != lang.code() => content,
        _ => lang,
    };
    Cow::Borrowed(default_mood_word(lang, mood))
}

/// An average mood to one decimal, signed as [`signed`] signs: "+1.5", "0.0", "−2.3"; Finnish
/// writes a decimal comma.
pub fn signed_decimal(lang: Lang, v: f64) -> String {
    let digits = format!("{:.1}", v.abs());
    let sign = match () {
        _ if digits == "0.0" => "",
        _ if v < 0.0 => "−",
        _ => "+",
    };
    format!("{sign}{}", decimal_mark(lang, &digits))
}

/// `x` with `places` decimals, with the language's decimal mark: "2.5", "2,5".
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    decimal_mark(lang, &format!("{x:.places$}"))
}

fn decimal_mark(lang: Lang, digits: &str) -> String {
    digits.replace('.', t(lang, T::DecimalSeparator))
}

/// `n` with its digits grouped in threes by the language's separator: "1,234,567" in
/// English, "1 234 567" (no-break spaces) in Finnish.
pub fn thousands(lang: Lang, n: u128) -> String {
    let separator = t(lang, T::ThousandsSeparator);
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A day as the language writes it ("2025-03-14", "14.3.2025"): the catalogue's
/// `date-format` is a format description of the `time` crate.
pub fn date(lang: Lang, day: time::Date) -> String {
    let format = time::format_description::parse_borrowed::<2>(t(lang, T::DateFormat))
        .expect("every catalogue's date-format is a valid format description");
    day.format(&format)
        .expect("a calendar date formats with a date-only description")
}

/// Why a file could not be read or written, in `lang`: the catalogue's words for the common
/// kinds of failure, else the system's own message.
pub fn io_error(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match error.kind() {
        ErrorKind::NotFound => T::IoNotFound,
        ErrorKind::PermissionDenied => T::IoPermissionDenied,
        ErrorKind::AlreadyExists => T::IoAlreadyExists,
        ErrorKind::IsADirectory => T::IoIsADirectory,
        ErrorKind::NotADirectory => T::IoNotADirectory,
        ErrorKind::StorageFull => T::IoStorageFull,
        ErrorKind::ReadOnlyFilesystem => T::IoReadOnly,
        _ => return error.to_string(),
    };
    t(lang, key).to_owned()
}
