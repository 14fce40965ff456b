//! `kohtaa completions SHELL` and `kohtaa man`: what a shell and `man` need, made from the
//! same argument definitions the program parses with, so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, CommandFactory};

use super::{Cli, Error};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, ignore_case = true)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {}

pub fn completions(args: &CompletionsArgs) -> Result<ExitCode, Error> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "kohtaa", &mut out);
    // A closed pipe is not worth a message.
    let _ = std::io::stdout().lock().write_all(&out);
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode, Error> {
    let mut out = Vec::new();
    // Writing into memory does not fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    let _ = std::io::stdout().lock().write_all(&out);
    Ok(ExitCode::SUCCESS)
}
