//! The languages kohtaa speaks: one type for the interface, diagnostics and content.
//!
//! # Adding a language
//!
//! 1. Write its catalogue: `crates/kohtaa-core/locales/<code>/kohtaa.ftl` (the interface)
//!    and `diagnostics.ftl` (what `kohtaa check` says), with exactly the English files'
//!    message ids, each with the same variables (a test in `l10n` checks both).
//! 2. Add one line to the `languages!` list below: `Sv => "sv",`.
//!
//! Nothing else must change: every word the program says comes from the catalogue, through
//! `l10n`. Code explanations (`docs/codes/<code>/`) and the starting file of
//! `kohtaa new` fall back to English until they are written; scenarios in the language are
//! content, written as any other.
//!
//! Besides the languages offered there is [`Lang::Pseudo`] (`--lang en-XA`, never listed):
//! English with every interface word decorated, so that a test can see text that does not
//! come from the catalogue.

use std::fmt;
use std::str::FromStr;

macro_rules! languages {
    ($($(#[$attr:meta])* $variant:ident => $code:literal,)*) => {
        /// An interface language.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lang {
            $($(#[$attr])* $variant,)*
            /// The pseudo-locale `en-XA`, for tests: English content, and interface text
            /// decorated (`[Šçéñåŕîöš]`) so that any text not from the catalogue stands out.
            /// Never offered, never detected from the system's locale.
            #[doc(hidden)]
            Pseudo,
        }

        impl Lang {
            /// Every language, in the order they are offered (not the pseudo-locale).
            pub const ALL: [Lang; [$($code),*].len()] = [$(Lang::$variant),*];

            /// How many values [`Lang`] has, the pseudo-locale included: the size of a table
            /// indexed by `lang as usize`.
            pub const COUNT: usize = Lang::ALL.len() + 1;

            /// The language's code, as scenario files write it (`language: "fi"`). The
            /// pseudo-locale's content is English: `en`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Lang::$variant => $code,)*
                    Lang::Pseudo => "en",
                }
            }

            /// The language's tag for `--lang` and the catalogue: the code, or `en-XA`.
            pub fn tag(self) -> &'static str {
                match self {
                    Lang::Pseudo => PSEUDO_TAG,
                    _ => self.code(),
                }
            }

            /// The language's Fluent files, embedded (the pseudo-locale reads English's).
            pub(crate) fn catalogue_files(self) -> &'static [&'static str] {
                match self {
                    $(Lang::$variant => &[
                        include_str!(concat!(
                            env!("CARGO_MANIFEST_DIR"), "/locales/", $code, "/kohtaa.ftl"
                        )),
                        include_str!(concat!(
                            env!("CARGO_MANIFEST_DIR"), "/locales/", $code, "/diagnostics.ftl"
                        )),
                    ],)*
                    Lang::Pseudo => Lang::En.catalogue_files(),
                }
            }
        }
    };
}

// The one list of languages: a variant and its code, in the order they are offered; the
// default (`#[default]`) is the language of a locale kohtaa does not speak. See the module's
// doc.
languages! {
    Fi => "fi",
    #[default]
    En => "en",
}

/// The pseudo-locale's tag (`--lang en-XA`): the region code CLDR keeps for pseudo-locales.
const PSEUDO_TAG: &str = "en-XA";

impl Lang {
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

    /// Whether this is the test-only pseudo-locale.
    pub fn is_pseudo(self) -> bool {
        self == Lang::Pseudo
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

    /// A code alone, in either case: `fi`, `FI`, `en`; or the pseudo-locale's `en-XA`.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let lower = s.trim().to_ascii_lowercase();
        if lower == PSEUDO_TAG.to_ascii_lowercase() {
            return Ok(Lang::Pseudo);
        }
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

    #[test]
    fn the_pseudo_locale_is_chosen_only_by_name() {
        assert_eq!("en-XA".parse::<Lang>(), Ok(Lang::Pseudo));
        assert_eq!("en-xa".parse::<Lang>(), Ok(Lang::Pseudo));
        assert_eq!(Lang::from_locale("en_XA.UTF-8"), Some(Lang::En));
        assert!(!Lang::ALL.contains(&Lang::Pseudo));
        assert_eq!(Lang::Pseudo.code(), "en");
        for (i, lang) in Lang::ALL.into_iter().chain([Lang::Pseudo]).enumerate() {
            assert_eq!(lang as usize, i, "a table indexed by `lang as usize` fits");
        }
    }
}
