//! kohtaa's rules, with no file system and no terminal: `content` reads and checks the files
//! authors write (from text the caller hands it), `practice` runs and measures an encounter
//! and keeps the rules for progress, `authoring` proves things about scenarios; `l10n` holds
//! every word the program says (Fluent files in `locales/`, one set per language of `lang`),
//! and `i18n` puts the core's own types into words. See ARCHITECTURE.md at the repository's
//! root.

pub mod authoring;
pub mod content;
pub mod i18n;
pub mod l10n;
pub mod lang;
pub mod practice;

pub use lang::Lang;
