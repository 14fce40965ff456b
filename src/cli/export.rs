//! `kohtaa export`: the learner's saved runs as JSON lines, for a facilitator's `report`.
//!
//! The style profile is personal data (pedagogy.md, rule 3): it is left out unless the learner
//! asks for it with `--with-style`.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use super::history::load_reporting;
use super::{Context, Error};
use crate::i18n::{T, t, tf};
use crate::practice::{export, xapi};
use crate::store::profile;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only runs started on or after this day (YYYY-MM-DD) or moment (RFC 3339).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<Since>,
    /// Include your style profile in every line (left out by default: it is personal).
    #[arg(long)]
    pub with_style: bool,
    /// Output format: the runs as JSON lines (for `kohtaa report`), or as xAPI 1.0.3
    /// statements in one JSON array (for a learning record store; see docs/xapi.md).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// xAPI: your pseudonym in the learning record store (never your e-mail or user name).
    #[arg(long, value_name = "NAME")]
    pub account_name: Option<String>,
    /// xAPI: the address of the system the pseudonym belongs to, e.g. https://lms.example.org.
    #[arg(long, value_name = "URL")]
    pub account_homepage: Option<String>,
    /// xAPI: the address every scenario's activity id starts with (default: the account's
    /// homepage followed by /kohtaa).
    #[arg(long, value_name = "URL")]
    pub activity_base: Option<String>,
    /// Print the JSON Schema of an export line (or of `report --format json` with
    /// `--schema report`) instead of any runs.
    #[arg(long, value_enum, value_name = "OF", num_args = 0..=1, default_missing_value = "export")]
    pub schema: Option<Schema>,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Xapi,
}

/// Which output's schema `--schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Schema {
    Export,
    Report,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Day(Date),
    Moment(OffsetDateTime),
}

impl Since {
    pub fn admits(self, started: OffsetDateTime) -> bool {
        match self {
            Since::Day(day) => started.date() >= day,
            Since::Moment(t) => started >= t,
        }
    }
}

pub fn parse_since(text: &str) -> Result<Since, String> {
    let day = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = Date::parse(text, &day) {
        return Ok(Since::Day(d));
    }
    OffsetDateTime::parse(text, &Rfc3339)
        .map(Since::Moment)
        .map_err(|_| "expected a day like 2025-03-01 or a time like 2025-03-01T09:00:00Z".into())
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    if let Some(of) = args.schema {
        let schema = match of {
            Schema::Export => crate::practice::schema::export(),
            Schema::Report => crate::practice::schema::report(),
        };
        let _ = writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::content::json::to_string_pretty(&schema)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let actor = match args.format {
        // A learning record store is no place for a personality profile.
        Format::Xapi if args.with_style => {
            return Err(Error::usage(ctx.t(T::ExportXapiNoStyle).to_owned()));
        }
        Format::Xapi => Some(xapi_actor(args, lang)?),
        Format::Jsonl => None,
    };
    let library = ctx.library();
    let history = load_reporting(&ctx.store(), lang, &library);
    if let Some(actor) = actor {
        let statements: Vec<serde_json::Value> = history
            .records
            .iter()
            .filter(|r| args.since.is_none_or(|s| s.admits(r.started)))
            .map(|r| {
                let scenario = library.scenario(&r.scenario, &r.language);
                xapi::statement(r, scenario.map(|s| s.value.title.as_str()), &actor)
            })
            .collect();
        let _ = writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::content::json::to_string_pretty(&statements)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let profile = if args.with_style {
        read_profile(ctx)
    } else {
        None
    };
    let mut out = std::io::stdout().lock();
    for record in &history.records {
        if args.since.is_some_and(|s| !s.admits(record.started)) {
            continue;
        }
        let value = export::line(record, profile.as_ref())
            .map_err(|e| Error::failed(tf(lang, T::CliError, &[("message", &e.to_string())])))?;
        if writeln!(out, "{}", crate::content::json::to_string(&value)).is_err() {
            // A closed pipe (`| head`) is not an error worth a message.
            return Ok(ExitCode::SUCCESS);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The account the statements name, from the flags: both parts required, the homepage a
/// full address.
fn xapi_actor(args: &ExportArgs, lang: crate::lang::Lang) -> Result<xapi::Actor, Error> {
    fn given(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
    let (Some(name), Some(homepage)) = (given(&args.account_name), given(&args.account_homepage))
    else {
        return Err(Error::usage(t(lang, T::ExportXapiNeedsAccount)));
    };
    for url in [Some(homepage), given(&args.activity_base)]
        .into_iter()
        .flatten()
    {
        if !is_absolute_url(url) {
            let shown = crate::content::text::display_safe(url);
            return Err(Error::usage(tf(
                lang,
                T::ExportXapiBadUrl,
                &[("url", &shown)],
            )));
        }
    }
    Ok(xapi::Actor::new(name, homepage, given(&args.activity_base)))
}

/// `scheme://host...`, with nothing blank in it: what an LRS takes as an IRL.
fn is_absolute_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    scheme_ok && !rest.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The style profile's raw JSON object, if the file is there and reads.
fn read_profile(ctx: &Context) -> Option<serde_json::Value> {
    let lang = ctx.lang;
    let path = profile::path(ctx.data_dir.as_ref()?);
    let shown = path.display().to_string();
    // Read as the profile is everywhere: a regular file only, never more than its limit.
    let read = crate::store::file::read_limited(&path, profile::MAX_BYTES);
    let text = match read.map(|b| String::from_utf8_lossy(&b).into_owned()) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => {
            eprintln!("{}", t(lang, T::ExportNoProfile));
            return None;
        }
        Err(e) => {
            eprintln!(
                "{}",
                tf(
                    lang,
                    T::ExportCannotRead,
                    &[("path", &shown), ("error", &e.in_lang(lang))]
                )
            );
            return None;
        }
    };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(v) if v.is_object() => Some(v),
        _ => {
            eprintln!("{}", tf(lang, T::ExportNotObject, &[("path", &shown)]));
            None
        }
    }
}
