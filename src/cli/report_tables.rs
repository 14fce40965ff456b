//! The report as the tables a spreadsheet shows: one table of choices, one of steps, with
//! headers in the interface language and every number kept a number. CSV and xlsx are both
//! written from these, so the two cannot disagree.

use super::Lang;
use crate::i18n::{T, t};
use crate::practice::report::Report;

/// One cell: text from the exports or the library (not yet made safe for any output), a
/// count, or an average (`None` where no run gave a value).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    Average(Option<f64>),
}

pub struct Table {
    /// The table's name in the interface language: a CSV section's title, a sheet's name.
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The columns of a table, from a catalogue entry that lists them split by `|`.
fn columns(lang: Lang, key: T) -> Vec<String> {
    t(lang, key).split('|').map(str::to_owned).collect()
}

/// Choices per scenario, then the steps the group misses most (most first: the order the
/// chart draws them in).
pub fn tables(report: &Report, lang: Lang) -> [Table; 2] {
    let text = |s: &str| Cell::Text(s.to_owned());
    let choices = report
        .scenarios
        .iter()
        .flat_map(|s| {
            s.choices.iter().map(|c| {
                vec![
                    text(&s.scenario),
                    text(&s.language),
                    text(&c.node),
                    Cell::Count(c.choice),
                    text(c.text.as_deref().unwrap_or_default()),
                    Cell::Count(c.chosen),
                    Cell::Average(c.avg_fit),
                    Cell::Average(c.avg_final_mood),
                ]
            })
        })
        .collect();
    let steps = report
        .steps
        .iter()
        .map(|s| {
            vec![
                text(&s.step),
                // As the text report names it: the model's name, else its id.
                text(s.name.as_deref().unwrap_or(&s.step)),
                Cell::Count(s.in_play),
                Cell::Count(s.shown),
                Cell::Count(s.broken),
                Cell::Count(s.missed),
            ]
        })
        .collect();
    [
        Table {
            name: t(lang, T::ReportTableChoices).to_owned(),
            header: columns(lang, T::ReportTableChoiceColumns),
            rows: choices,
        },
        Table {
            name: t(lang, T::ReportTableSteps).to_owned(),
            header: columns(lang, T::ReportTableStepColumns),
            rows: steps,
        },
    ]
}

/// Where in the steps table the chart finds its figures.
pub mod step_columns {
    pub const NAME: u16 = 1;
    pub const BROKEN: u16 = 4;
    pub const MISSED: u16 = 5;
}
