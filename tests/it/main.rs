//! The integration tests, as one crate: one module per subject, and `support` with what
//! several of them share (the program as a command, fixture paths and libraries, the app
//! driven by keys and drawn to text, run records built by hand).
//!
//! One crate links the program once instead of once per file; `cargo test --test it NAME`
//! runs the tests whose path contains NAME (e.g. `check_codes::` or `explain`).
//! Tests run on threads of one process: a test that needs the process to itself (setting an
//! environment variable, say) runs in a child process of its own (see `support`).
//!
//! A new test file goes in this folder with a `mod` line below (a file directly in `tests/`
//! would be a crate of its own again); its snapshots are `snapshots/it__<module>__<name>.snap`.

mod support;

mod architecture;
mod authoring_analyze;
mod authoring_clues;
mod authoring_graph;
mod authoring_new;
mod authoring_play;
mod authoring_test;
mod check_cli;
mod check_codes;
mod check_finnish;
mod check_fixes;
mod check_props;
mod check_watch;
mod cli_config;
mod cli_conventions;
mod cli_exit_codes;
mod cli_finnish;
mod debrief_turn;
mod engine;
mod explain_docs;
mod explain_fi;
mod feedback_scale_ends;
mod hardening;
mod history_processes;
mod history_remeasure;
mod large_files;
mod library_bar;
mod library_cache;
mod library_filter;
mod library_keys;
mod library_playthroughs;
mod library_settings;
mod limits;
mod lsp_client;
mod lsp_neovim;
mod measure_v2;
mod mood_words;
mod outline_lazy;
mod plain_input;
mod plain_loop;
mod plain_play;
mod present_screens;
mod progress_cli;
mod progress_recommend;
mod progress_schedule;
mod progress_store;
mod progress_tui;
mod progress_view;
mod pseudo_locale;
mod pty_play;
mod readme_coverage;
mod report_files;
mod report_scale;
mod schemas;
mod styles_content;
mod styles_feedback;
mod styles_profile;
mod styles_selfcheck;
mod theme_contrast;
mod theme_pty;
mod tui_lists;
mod tui_polish;
mod tui_screens;
mod tui_styles;
mod tui_trust;
mod xapi;
