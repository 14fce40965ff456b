//! `kohtaa generate` (hidden): a large seeded scenario on stdout, for benchmarks.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Context, Error};
use crate::content::generate;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many nodes (at least 4).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub nodes: usize,
    #[command(flatten)]
    pub seed: super::SeedFlag,
}

/// The seed is the global `--seed` (default 0).
pub fn run(ctx: &Context, args: &GenerateArgs) -> Result<ExitCode, Error> {
    let text = generate::scenario(args.nodes, ctx.seed.unwrap_or(0));
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
