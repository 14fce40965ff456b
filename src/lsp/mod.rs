//! `kohtaa lsp`: a language server over standard input and output for scenario, model,
//! style and tests files. The checks are `kohtaa check`'s own; this module speaks the
//! protocol: positions in the client's unit, problems as the author types, navigation,
//! completion and quick fixes. What a file means (where ids are defined and used, what may
//! be written where) is core's (`content::symbols`, `content::complete`).
//!
//! Nothing may be printed here: standard output is the protocol's.

mod actions;
mod check;
mod completion;
mod context;
mod document;
mod navigation;
pub mod positions;
mod server;
pub mod uri;

pub use check::Cache;
pub use server::{Settings, serve};
