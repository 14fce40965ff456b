//! Tools for scenario authors: draw a scenario's graph, prove things about every path, start
//! a new file, run its playthrough tests. Loading a draft from disk is the store's
//! (`kohtaa_store::draft`); the `cli` commands print what these functions return.

pub mod analyze;
pub mod graph;
pub mod lint_diagnostics;
pub mod playtest;
pub mod template;
