//! The report as an Excel workbook: a sheet per table (named in the interface language),
//! headers in bold and frozen, counts and averages as numbers, and beside the steps a stacked
//! column chart of how often each step was broken and missed, the step missed most first.
//!
//! The tables are aggregates (a row per choice and per step), so the workbook is small
//! whatever the input: it is built in memory, not in rust_xlsxwriter's constant-memory mode.

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use super::report_tables::{Cell, Table, step_columns};
use crate::content::text::display_safe;

/// The characters a sheet name may not hold, and its longest length.
const NOT_IN_SHEET_NAMES: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
const SHEET_NAME_MAX: usize = 31;

/// `name` as Excel allows a sheet's name.
fn sheet_name(name: &str) -> String {
    let name: String = name
        .chars()
        .filter(|c| !NOT_IN_SHEET_NAMES.contains(c) && !c.is_control())
        .take(SHEET_NAME_MAX)
        .collect();
    let name = name.trim().trim_matches('\'').to_owned();
    if name.is_empty() {
        "-".to_owned()
    } else {
        name
    }
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let average = Format::new().set_num_format("0.00");
    for (col, title) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                // A string cell is never read as a formula, so it needs no `'`.
                Cell::Text(text) => {
                    sheet.write_string(r, col, display_safe(text))?;
                }
                Cell::Count(n) => {
                    sheet.write_number(r, col, *n as f64)?;
                }
                Cell::Average(Some(v)) => {
                    sheet.write_number_with_format(r, col, *v, &average)?;
                }
                Cell::Average(None) => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(400);
    sheet.autofit();
    Ok(())
}

/// The chart of the steps the group misses most, from the steps table on sheet `sheet`.
fn steps_chart(sheet: &str, table: &Table, title: &str) -> Chart {
    let last = table.rows.len() as u32;
    let mut chart = Chart::new(ChartType::ColumnStacked);
    chart.title().set_name(title);
    for col in [step_columns::BROKEN, step_columns::MISSED] {
        chart
            .add_series()
            .set_name((sheet, 0, col))
            .set_categories((sheet, 1, step_columns::NAME, last, step_columns::NAME))
            .set_values((sheet, 1, col, last, col));
    }
    chart
}

/// The workbook of `tables` (choices, then steps), the steps sheet with its chart titled
/// `chart_title`.
pub fn render(tables: &[Table; 2], chart_title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for table in tables {
        let name = sheet_name(&table.name);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        write_table(sheet, table)?;
    }
    let steps = &tables[1];
    if !steps.rows.is_empty() {
        let name = sheet_name(&steps.name);
        let chart = steps_chart(&name, steps, chart_title);
        let sheet = workbook.worksheet_from_index(1)?;
        sheet.insert_chart(1, steps.header.len() as u16 + 1, &chart)?;
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_lose_what_excel_refuses() {
        assert_eq!(sheet_name("[Ćĥöîçéš]"), "Ćĥöîçéš");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        assert_eq!(sheet_name("[]"), "-");
    }
}
