//! The table of the bundled fixture, rebuilt and checked against what a careful
//! reader sees in the raw text (fixtures/karasai-2014-public-works/input.txt).

use qauly::lines::Line;
use qauly::model::{Language, RepairKind, Row};
use qauly::table::{reconstruct, TableOutput};

const FIXTURE: &str = include_str!("../fixtures/karasai-2014-public-works/input.txt");

/// Lines from the first table-header line ("№ …") to the end: 1-based numbers,
/// a page break before a line that starts with a form feed or follows 3+ blank lines.
fn table_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blanks = 0;
    let mut started = false;
    for (i, raw) in text.lines().enumerate() {
        let ff = raw.starts_with('\u{c}');
        let t = raw.trim_start_matches('\u{c}');
        started |= t.trim_start().starts_with('№');
        if started {
            out.push(Line { no: i + 1, text: t.to_string(), page_break_before: ff || blanks >= 3 });
        }
        blanks = if t.trim().is_empty() { blanks + 1 } else { 0 };
    }
    out
}

fn table() -> TableOutput {
    reconstruct(&table_lines(FIXTURE), Language::Kk)
}

fn row(out: &TableOutput, n: u32) -> &Row {
    out.table.rows.iter().find(|r| r.number == n).expect("row exists")
}

#[test]
fn has_29_rows_numbered_in_order() {
    let out = table();
    let numbers: Vec<u32> = out.table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=29).collect::<Vec<_>>());
}

#[test]
fn head_counts_add_up() {
    let out = table();
    let demand: u32 = out.table.rows.iter().map(|r| r.demand.unwrap()).sum();
    let supply: u32 = out.table.rows.iter().map(|r| r.supply.unwrap()).sum();
    assert_eq!(demand, 608);
    assert_eq!(supply, 608);
    assert_eq!((row(&out, 1).demand, row(&out, 4).demand, row(&out, 29).demand), (Some(10), Some(2), Some(6)));
}

#[test]
fn dump() {
    let out = table();
    for r in &out.table.rows {
        println!("{r:#?}");
    }
    println!("{:#?}\n{:#?}\n{:#?}", out.table.columns, out.table.column_groups, out.residue);
    for w in &out.warnings {
        println!("W {w:?}");
    }
    for r in &out.repairs {
        if r.kind != RepairKind::SpacedLetters {
            println!("R {r:?}");
        }
    }
}
