//! Tools for scenario authors: load a draft, draw its graph, prove things about every path,
//! start a new file, run its playthrough tests, and generate large scenarios for benchmarks.
//! No terminal code lives here: the `cli` commands print what these functions return.

pub mod analyze;
pub mod draft;
pub mod generate;
pub mod graph;
pub mod playtest;
pub mod template;
