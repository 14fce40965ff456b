//! The report as CSV for a spreadsheet: each table a section of its own (its name on a line,
//! its header row, its rows; a blank line between), a UTF-8 byte-order mark first so that
//! Excel reads the letters right, and the separator and decimal mark of the interface
//! language's convention: `;` and `75,50` where the decimal mark is a comma (Finnish), `,`
//! and `75.50` elsewhere.

use super::Lang;
use super::report_tables::{Cell, Table};
use crate::content::text::display_safe;
use crate::i18n::decimal;

const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The field separator for `lang`: a spreadsheet whose decimal mark is a comma takes `;`
/// between fields, as Excel does in a Finnish locale.
pub fn separator(lang: Lang) -> u8 {
    if decimal(lang, 0.5, 1).contains(',') {
        b';'
    } else {
        b','
    }
}

/// A text cell from text the report did not write (ids, choice words): escaped for a
/// terminal, and neutralised as OWASP recommends against formula injection. A cell that
/// starts (after any spaces) with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
/// full-width forms) would be run as a formula by a spreadsheet: it gets a `'` in front.
/// Quoting is the csv writer's. Numbers the report computes (a mood of -0.50) are written
/// as they are.
pub fn neutralised(text: &str) -> String {
    let text = display_safe(text);
    let formula = text.trim_start_matches(' ').starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ]);
    if formula {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

fn field(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(text) => neutralised(text),
        Cell::Count(n) => n.to_string(),
        Cell::Average(v) => v.map_or_else(String::new, |v| average(v, lang)),
    }
}

/// Two decimals with the language's mark and an ASCII minus, so that the spreadsheet reads
/// a number; never `-0.00` for an average a hair below zero.
fn average(v: f64, lang: Lang) -> String {
    let text = decimal(lang, v, 2);
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || !c.is_ascii_digit()) => rest.to_owned(),
        _ => text,
    }
}

/// The tables as one CSV text, each a section.
pub fn render(tables: &[Table], lang: Lang) -> Vec<u8> {
    let mut out = BYTE_ORDER_MARK.as_bytes().to_vec();
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(separator(lang))
            // The section's title is a row of one field.
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let rows = std::iter::once(vec![neutralised(&table.name)])
            .chain(std::iter::once(
                table.header.iter().map(|h| neutralised(h)).collect(),
            ))
            .chain(
                table
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|c| field(c, lang)).collect()),
            );
        for row in rows {
            writer
                .write_record(&row)
                .expect("writing to memory does not fail");
        }
        out.extend(
            writer
                .into_inner()
                .expect("writing to memory does not fail"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_have_the_languages_mark_and_a_plain_minus() {
        assert_eq!(average(-2.0, Lang::Fi), "-2,00");
        assert_eq!(average(75.5, Lang::En), "75.50");
        assert_eq!(average(-0.001, Lang::Fi), "0,00");
        assert_eq!((separator(Lang::Fi), separator(Lang::En)), (b';', b','));
    }

    #[test]
    fn formulas_get_a_quote_mark_in_front() {
        for cell in ["=1+1", " +1", "-2", "@x", "\u{ff1d}1"] {
            assert!(neutralised(cell).starts_with('\''), "{cell}");
        }
        assert_eq!(neutralised("front-desk"), "front-desk");
    }
}
