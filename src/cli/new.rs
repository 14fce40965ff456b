//! `kohtaa new`: a commented starting file for a new scenario.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Global, StyleArg, ui_language};
use crate::authoring::template;
use crate::store::atomic;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id: lower-case letters, digits and '-'. Writes ID.ron.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The customer's DiSC style: D, i, S or C.
    #[arg(long, value_enum, ignore_case = true, default_value = "s")]
    pub style: StyleArg,
    /// The folder to write into (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The language of the file is `--lang` (else the locale, else English).
pub fn run(global: &Global, args: &NewArgs) -> ExitCode {
    if !valid_id(&args.id) {
        eprintln!(
            "error: `{}` is not a valid id: use lower-case letters a-z, digits and '-'",
            crate::content::text::display_safe(&args.id)
        );
        return ExitCode::from(2);
    }
    let lang = ui_language(global).code();
    let path = args.dir.join(format!("{}.ron", args.id));
    let text = template::new_scenario(&args.id, lang, args.style.into());
    match atomic::write_new(&path, text.as_bytes()) {
        Ok(true) => {
            println!("wrote {}", path.display());
            println!(
                "next: edit it, then `kohtaa check {0}`, `kohtaa graph {0} | dot -Tpng -o {1}.png`, `kohtaa analyze {0}`",
                path.display(),
                args.id
            );
            ExitCode::SUCCESS
        }
        Ok(false) => {
            eprintln!(
                "error: {} already exists; not overwriting it",
                path.display()
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            ExitCode::from(1)
        }
    }
}
