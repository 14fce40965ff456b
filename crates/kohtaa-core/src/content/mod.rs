//! The content layer: scenario, model, style and test files, from text to checked values.
//! No file system and no terminal: the store hands this layer text, and the program decides
//! how diagnostics are shown.

pub mod codes;
pub mod complete;
pub mod coverage;
pub mod diagnostic;
pub mod generate;
pub mod hygiene;
pub mod json;
pub mod library;
pub mod outline;
pub mod parse;
pub mod styles;
pub mod suggest;
pub mod symbols;
pub mod tests_file;
pub mod text;
pub mod types;
pub mod validate;

pub use codes::Code;
pub use diagnostic::{Diagnostic, Level, Message, Snippet, Source};
pub use library::{Library, Loaded, Origin};
pub use types::*;
