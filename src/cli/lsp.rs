//! `kohtaa lsp`: the language server (the protocol is `crate::lsp`'s). Before it starts,
//! each code's explanation is written where a diagnostic's link can point.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::explain::explain_in;
use super::{Context, Error};
use crate::content::Code;
use crate::i18n::T;
use crate::lsp::{Cache, Settings, serve};

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Standard input and output, the only transport (accepted because some clients add it).
    #[arg(long, hide = true)]
    pub stdio: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

pub fn run(ctx: &Context, _args: &LspArgs) -> Result<ExitCode, Error> {
    let dir = cache_dir(ctx);
    let written = write_explanations(&dir, ctx).is_ok();
    let settings = Settings {
        lang: ctx.lang,
        folders: ctx.user_folders(),
        cache: Cache {
            dir: written.then_some(dir),
            explanations: ctx.lang.tag().to_owned(),
        },
    };
    serve(settings).map_err(|e| {
        let error = crate::content::text::display_safe(&e);
        Error::failed(ctx.tf(T::LspConnectionFailed, &[("error", &error)]))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The data folder's `lsp`, else one in the system's temporary folder.
fn cache_dir(ctx: &Context) -> PathBuf {
    match &ctx.data_dir {
        Some(dir) => dir.join("lsp"),
        None => std::env::temp_dir().join("kohtaa-lsp"),
    }
}

/// `explain/<lang>/KXXXX.md` for every code, in the interface language (servers in two
/// languages may run at once); a file already as it should be is left alone.
fn write_explanations(dir: &Path, ctx: &Context) -> std::io::Result<()> {
    let folder = dir.join("explain").join(ctx.lang.tag());
    std::fs::create_dir_all(&folder)?;
    for code in Code::ALL {
        let path = folder.join(format!("{}.md", code.as_str()));
        let text = explain_in(*code, ctx.lang);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)?;
        }
    }
    Ok(())
}
