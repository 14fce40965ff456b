//! The content layer: scenario, model, style and test files, from text to checked values.
//! No terminal code lives here.

pub mod codes;
pub mod coverage;
pub mod diagnostic;
pub mod file;
pub mod hygiene;
pub mod json;
pub mod library;
pub mod outline;
pub mod parse;
pub mod styles;
pub mod suggest;
pub mod tests_file;
pub mod text;
pub mod types;
pub mod validate;

pub use codes::Code;
pub use diagnostic::{Bilingual, Diagnostic, Language, Level, Source};
pub use library::{Library, LoadOptions, Loaded, Origin};
pub use types::*;
