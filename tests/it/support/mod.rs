//! What several test modules share.

pub mod records;
pub mod tui;
