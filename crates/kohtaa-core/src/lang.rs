//! The languages kohtaa speaks: one type for the interface, diagnostics and content.

use std::fmt;
use std::str::FromStr;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fi,
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order they are offered.
    pub const ALL: [Lang; 2] = [Lang::Fi, Lang::En];

    /// The language's code, as scenario files write it (`language: "fi"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::En => "en",
        }
    }

    /// The language a code or locale names (`fi`, `FI`, `fi_FI.UTF-8`, `en-GB`), if kohtaa
    /// speaks it.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let primary = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code kohtaa does not speak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        write!(
            f,
            "unknown language `{}` (known: {})",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// A code alone, in either case: `fi`, `FI`, `en`.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let lower = s.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == lower)
            .ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_locales_name_their_language() {
        assert_eq!("FI".parse::<Lang>(), Ok(Lang::Fi));
        assert_eq!(" en ".parse::<Lang>(), Ok(Lang::En));
        assert!("sv".parse::<Lang>().is_err());
        assert_eq!(Lang::from_locale("fi_FI.UTF-8"), Some(Lang::Fi));
        assert_eq!(Lang::from_locale("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
    }
}
