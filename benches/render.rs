//! One full frame at 200x60 over ratatui's TestBackend: the library list (bundled, and a
//! thousand files with a filter being typed), the before-run screen and a play screen.
//!
//! `cargo bench --bench render`. Budget (issue #9): one frame at most 1 ms.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kohtaa::content::Library;
use kohtaa::i18n::Lang;
use kohtaa::store::library::{self, LoadOptions};
use kohtaa::tui::render::render;
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(library: Library) -> App {
    let mut app = App::new(Env::new(
        Lang::En,
        Theme::default_colors(),
        library,
        Some(3),
    ));
    app.update(Action::Resize(200, 60));
    app
}

fn frame(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal.draw(|f| render(black_box(app), f)).unwrap();
        })
    });
}

fn frames(c: &mut Criterion) {
    let mut a = app(library::bundled());
    frame(c, "frame 200x60/library, bundled", &a);
    a.update(Action::Select);
    frame(c, "frame 200x60/before a run", &a);
    a.update(Action::Select);
    frame(c, "frame 200x60/play", &a);
    a.update(Action::Pick(1));
    frame(c, "frame 200x60/play, feedback", &a);

    let dir = tempfile::tempdir().unwrap();
    common::library(dir.path(), 1000);
    let big = app(library::load(&LoadOptions {
        bundled_scenarios: true,
        folders: vec![dir.path().to_path_buf()],
        paths: Vec::new(),
    }));
    frame(c, "frame 200x60/library, 1000 files", &big);
    // Typing a filter: each key press is an update and a frame.
    let mut typed = app(big.env.library.clone());
    c.bench_function("frame 200x60/library, 1000 files, a key typed", |b| {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        b.iter(|| {
            typed.update(Action::Type('1'));
            terminal.draw(|f| render(&typed, f)).unwrap();
            typed.update(Action::Erase);
        })
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
