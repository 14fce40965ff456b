//! Diagnostics drawn for people: rustc-style text with the source line and a caret, in the
//! interface language, coloured when the stream takes colour. Whether it does is decided
//! in one place, [`color_on`], by the conventions of `anstream` (NO_COLOR, CLICOLOR,
//! CLICOLOR_FORCE, TERM=dumb, a terminal or not).

use anstyle::{AnsiColor, Style};

use crate::content::text::display_safe;
use crate::content::{Diagnostic, Level};
use crate::lang::Lang;

/// Whether text written to `stream` should carry colour.
pub fn color_on(stream: &impl anstream::stream::RawStream) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

/// Whether standard output takes colour.
pub fn stdout_color() -> bool {
    color_on(&std::io::stdout())
}

/// Whether standard error takes colour.
pub fn stderr_color() -> bool {
    color_on(&std::io::stderr())
}

/// Drawing a diagnostic as text.
pub trait Render {
    /// The headline, then the source line with a caret under the spot, then the notes, in
    /// English. Ends with a newline; the caller decides the spacing between diagnostics.
    fn render(&self, color: bool) -> String {
        self.render_in(Lang::En, color)
    }

    /// As [`Render::render`], in `lang`. The position line keeps `error` and `warning` in
    /// every language: editors and CI read it.
    fn render_in(&self, lang: Lang, color: bool) -> String;
}

impl Render for Diagnostic {
    fn render_in(&self, lang: Lang, color: bool) -> String {
        let paint = |style: Style, text: &str| {
            if color {
                format!("{style}{text}{style:#}")
            } else {
                text.to_owned()
            }
        };
        let bold = Style::new().bold();
        let level_style = bold.fg_color(Some(
            match self.level {
                Level::Error => AnsiColor::Red,
                Level::Warning => AnsiColor::Yellow,
                Level::Note => AnsiColor::Cyan,
            }
            .into(),
        ));
        let gutter = bold.fg_color(Some(AnsiColor::Blue.into()));
        let (line, col) = self.start();
        let mut out = format!(
            "{} {} {} {}\n",
            paint(
                bold,
                &format!("{}:{line}:{col}:", display_safe(&self.source.name))
            ),
            paint(level_style, &format!("{}:", self.level.name_in(lang))),
            paint(bold, &display_safe(&self.message_in(lang))),
            paint(Style::new().dimmed(), &format!("[{}]", self.code.as_str())),
        );
        let number = line.to_string();
        let pad = " ".repeat(number.len());
        if let Some(snippet) = self.snippet() {
            out.push_str(&paint(gutter, &format!("{pad} |")));
            out.push('\n');
            out.push_str(&paint(gutter, &format!("{number} |")));
            if !snippet.shown.is_empty() {
                out.push(' ');
                out.push_str(&snippet.shown);
            }
            out.push('\n');
            out.push_str(&paint(gutter, &format!("{pad} |")));
            out.push(' ');
            out.push_str(&" ".repeat(snippet.before));
            out.push_str(&paint(level_style, &"^".repeat(snippet.under)));
            out.push('\n');
        }
        for note in self.notes_in(lang) {
            out.push_str(&format!(
                "{pad} {} {}: {}\n",
                paint(gutter, "="),
                Level::Note.name_in(lang),
                display_safe(&note)
            ));
        }
        out
    }
}
