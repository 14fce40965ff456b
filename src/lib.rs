//! kohtaa: practise difficult customer encounters in the terminal.
//!
//! Three layers: `content` reads and checks the files authors write, `practice` runs and
//! measures an encounter, `tui` draws it. Only `tui` and `cli` touch the terminal.

pub mod authoring;
pub mod cli;
pub mod content;
pub mod i18n;
pub mod practice;
pub mod store;
pub mod tui;
