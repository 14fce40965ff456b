//! kohtaa: practise difficult customer encounters in the terminal.
//!
//! This crate is the program people run: the command line (`cli`), the terminal app (`tui`)
//! and the screen-reader friendly plain mode (`plain`). The rules live in `kohtaa-core` and
//! the files in `kohtaa-store`; they are re-exported here under the names the program uses.
//! Only `tui` and `cli` touch the terminal. See ARCHITECTURE.md.

pub use kohtaa_core::{authoring, content, i18n, l10n, lang, practice};
pub use kohtaa_store as store;

pub mod cli;
pub mod diagnostics;
pub mod lsp;
pub mod plain;
pub mod tui;
