//! `kohtaa explain [CODE]`: what a diagnostic code means and how to fix it.
//!
//! Each explanation is a document, one per code per language, as rustc keeps
//! `error_codes/E0XXX.md`: `docs/codes/<lang>/<code>.md`, embedded into the binary. A document
//! is a `# title` line, a blank line and the explanation, printed as written (its line breaks
//! included). `docs/codes/README.md` has the recipe for adding a code, and
//! `tests/it/explain_docs.rs` keeps the documents and the codes in step.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Args;
use include_dir::{Dir, include_dir};

use super::{Context, Error, Lang};
use crate::content::{Code, Level};
use crate::i18n::{T, t, tf};
use crate::l10n;

/// Every code's explanation in every language: `<lang>/<code>.md`, e.g. `fi/K0302.md`.
static DOCUMENTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/docs/codes");

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as K0302 (without one: list every code).
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

pub fn run(ctx: &Context, args: &ExplainArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    let mut out = std::io::stdout().lock();
    let Some(code) = &args.code else {
        let width = Code::ALL
            .iter()
            .map(|c| level_in(c.level(), lang).chars().count())
            .max()
            .unwrap_or(0);
        for code in Code::ALL {
            let _ = writeln!(
                out,
                "{}  {:<width$}  {}",
                code.as_str(),
                level_in(code.level(), lang),
                title_in(*code, lang)
            );
        }
        return Ok(ExitCode::SUCCESS);
    };
    match Code::parse(code.trim()) {
        Some(code) => {
            let _ = write!(out, "{}", explain_in(code, lang));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let code = crate::content::text::display_safe(code);
            Err(Error::usage(tf(
                lang,
                T::ExplainNoSuchCode,
                &[("code", &code)],
            )))
        }
    }
}

/// The full English text for one code: headline, then what it means and how to fix it.
pub fn explain(code: Code) -> String {
    explain_in(code, Lang::En)
}

/// The full text for one code in `lang`.
pub fn explain_in(code: Code, lang: Lang) -> String {
    format!(
        "{} ({}): {}\n\n{}\n",
        code.as_str(),
        level_in(code.level(), lang),
        title_in(code, lang),
        text_in(code, lang)
    )
}

/// The code's short title in `lang`, as the list shows it.
pub fn title_in(code: Code, lang: Lang) -> &'static str {
    document(code, lang).map_or(code.title(), |(title, _)| title)
}

/// What the code means and how to fix it, in `lang`.
pub fn text_in(code: Code, lang: Lang) -> &'static str {
    document(code, lang).map_or("", |(_, text)| text)
}

/// The title and explanation of `code` in `lang`, from the bundle. A code without a document
/// in `lang` falls back to English; `tests/it/explain_docs.rs` sees that none does.
fn document(code: Code, lang: Lang) -> Option<(&'static str, &'static str)> {
    if lang.is_pseudo() {
        return pseudo_document(code);
    }
    let read = |lang: Lang| {
        let path = format!("{}/{}.md", lang.code(), code.as_str());
        DOCUMENTS
            .get_file(path)
            .and_then(|file| file.contents_utf8())
            .and_then(parse_document)
    };
    read(lang).or_else(|| read(Lang::En))
}

/// The English document decorated as the pseudo-locale decorates the catalogue, made once.
fn pseudo_document(code: Code) -> Option<(&'static str, &'static str)> {
    static DECORATED: OnceLock<BTreeMap<Code, (String, String)>> = OnceLock::new();
    let all = DECORATED.get_or_init(|| {
        Code::ALL
            .iter()
            .filter_map(|&c| {
                let (title, text) = document(c, Lang::En)?;
                Some((c, (l10n::pseudo(title), l10n::pseudo(text))))
            })
            .collect()
    });
    all.get(&code)
        .map(|(title, text)| (title.as_str(), text.as_str()))
}

/// A document's title (its `# ` line) and explanation (the rest, trimmed), or `None` when it
/// does not start with a `# ` line or either part is empty.
pub fn parse_document(source: &str) -> Option<(&str, &str)> {
    let (heading, rest) = source.split_once('\n')?;
    let title = heading.strip_prefix("# ")?.trim();
    let text = rest.trim();
    (!title.is_empty() && !text.is_empty()).then_some((title, text))
}

/// The word for a level in `lang`.
pub fn level_in(level: Level, lang: Lang) -> &'static str {
    t(
        lang,
        match level {
            Level::Error => T::ExplainLevelError,
            Level::Warning => T::ExplainLevelWarning,
            Level::Note => T::ExplainLevelNote,
        },
    )
}
