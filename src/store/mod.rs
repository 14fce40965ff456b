//! What kohtaa keeps on the learner's machine: written atomically, never silently lost.

pub mod atomic;
pub mod history;
pub mod profile;
