//! Flows of the appendix (A4 landscape table) and the whole decree (A4 portrait
//! text, then the appendix on landscape pages), built from the output view.

use super::layout::Frame;
use super::lines::{break_lines, Measure};
use super::table::TableStyle;
use crate::flow::{Align, Block, Cell, FlowDoc, PageSetup, Para, Run, TableBlock};
use crate::model::Decree;
use crate::view::{AppendixView, CellView, DecreeView, TableView, COLUMN_WIDTHS};

const BODY_SIZE: f32 = 12.0;
const TABLE_SIZE: f32 = 9.0;

/// The appendix (or appendices) alone, A4 landscape, page numbers "1 / 2".
pub fn appendix_flow(d: &Decree) -> FlowDoc {
    let view = DecreeView::new(d);
    let title = view
        .appendices
        .first()
        .map_or_else(|| view.title.clone(), |a| a.title.clone());
    let mut blocks = Vec::new();
    for (i, a) in view.appendices.iter().enumerate() {
        if i > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(appendix_blocks(a));
    }
    FlowDoc {
        setup: PageSetup::A4Landscape,
        title,
        size: BODY_SIZE,
        blocks,
        page_numbers: true,
    }
}

/// The whole decree on A4 portrait, then each appendix on A4 landscape pages.
pub fn decree_flow(d: &Decree) -> FlowDoc {
    let view = DecreeView::new(d);
    let mut blocks = decree_text_blocks(&view);
    for a in &view.appendices {
        blocks.push(Block::NewPage(PageSetup::A4Landscape));
        blocks.extend(appendix_blocks(a));
    }
    FlowDoc {
        setup: PageSetup::A4Portrait,
        title: view.title.clone(),
        size: BODY_SIZE,
        blocks,
        page_numbers: true,
    }
}

fn para(runs: Vec<Run>, align: Align, size: f32, space_after: f32) -> Block {
    Block::Para(Para {
        runs,
        align,
        size,
        space_after,
        ..Default::default()
    })
}

/// A justified body paragraph with the first-line indent of official documents.
fn body(runs: Vec<Run>, size: f32) -> Block {
    Block::Para(Para {
        runs,
        align: Align::Justify,
        first_indent: 28.0,
        size,
        space_after: 4.0,
        ..Default::default()
    })
}

/// Title, status, header, notes, preamble, clauses and signatory.
fn decree_text_blocks(v: &DecreeView) -> Vec<Block> {
    let mut b = vec![
        para(vec![Run::bold(&v.title)], Align::Center, 14.0, 4.0),
        para(vec![Run::plain(&v.status_text)], Align::Center, 10.0, 8.0),
        body(vec![Run::plain(&v.header_text)], 11.0),
    ];
    b.extend(v.notes.iter().map(|n| body(vec![Run::plain(n)], 10.0)));
    b.push(Block::Space(6.0));
    b.push(body(vec![Run::plain(&v.preamble)], 0.0));
    for c in &v.clauses {
        b.push(body(
            vec![
                Run::bold(format!("{}.", c.number)),
                Run::plain(format!(" {}", c.text)),
            ],
            0.0,
        ));
    }
    b.push(Block::Space(24.0));
    b.push(Block::LeftRight {
        left: vec![Run::bold(&v.signatory_position)],
        right: vec![Run::bold(&v.signatory_name)],
    });
    b
}

/// Approval block (right side), centred bold title, and the table.
fn appendix_blocks(a: &AppendixView) -> Vec<Block> {
    let width = Frame::of(PageSetup::A4Landscape).text_width();
    vec![
        Block::Para(Para {
            runs: vec![Run::plain(&a.approval)],
            align: Align::Center,
            left_indent: width * 0.62,
            size: 10.0,
            space_after: 10.0,
            ..Default::default()
        }),
        para(vec![Run::bold(&a.title)], Align::Center, 11.0, 8.0),
        Block::Table(table_block(&a.table)),
    ]
}

/// The view's header rows and cells as a flow table.
pub fn table_block(t: &TableView) -> TableBlock {
    let header = t
        .header_rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|h| Cell {
                    text: h.text.clone(),
                    colspan: h.colspan,
                    rowspan: h.rowspan,
                    bold: true,
                    align: Align::Center,
                })
                .collect()
        })
        .collect();
    let rows = t.rows.iter().map(|row| body_row(row)).collect();
    TableBlock {
        widths: COLUMN_WIDTHS.to_vec(),
        header,
        rows,
        size: TABLE_SIZE,
    }
}

/// Columns whose items pair up: each kind of work beside its volume.
const PAIRED: (usize, usize) = (2, 3);

/// A body row as flow cells; paired items padded with blank lines to start level.
fn body_row(row: &[CellView]) -> Vec<Cell> {
    let mut texts: Vec<String> = row.iter().map(CellView::joined).collect();
    if let (Some(a), Some(b)) = (row.get(PAIRED.0), row.get(PAIRED.1)) {
        if a.lines.len() == b.lines.len() && a.lines.len() > 1 {
            let widths = (inner_width(PAIRED.0), inner_width(PAIRED.1));
            let (ta, tb) = align_items(&a.lines, &b.lines, widths);
            texts[PAIRED.0] = ta;
            texts[PAIRED.1] = tb;
        }
    }
    row.iter()
        .zip(texts)
        .map(|(c, text)| Cell {
            text,
            colspan: 1,
            rowspan: 1,
            bold: false,
            align: if c.kind == "num" {
                Align::Center
            } else {
                Align::Left
            },
        })
        .collect()
}

/// Text width inside a cell of appendix column `col`, as the table layout computes it.
fn inner_width(col: usize) -> f32 {
    let total: f32 = COLUMN_WIDTHS.iter().sum();
    let width = Frame::of(PageSetup::A4Landscape).text_width() * COLUMN_WIDTHS[col] / total;
    width - 2.0 * TableStyle::new(TABLE_SIZE).pad
}

fn line_count(text: &str, width: f32) -> usize {
    let m = Measure {
        size: TABLE_SIZE,
        first_width: width,
        width,
        align: Align::Left,
    };
    break_lines(&[Run::plain(text)], m).len().max(1)
}

/// Joins two lists of paired items, adding blank lines after the shorter of each
/// pair so that item `i` of both columns starts on the same line.
fn align_items(a: &[String], b: &[String], widths: (f32, f32)) -> (String, String) {
    let (mut ta, mut tb) = (String::new(), String::new());
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if i > 0 {
            ta.push('\n');
            tb.push('\n');
        }
        ta.push_str(x);
        tb.push_str(y);
        if i + 1 < a.len() {
            let (na, nb) = (line_count(x, widths.0), line_count(y, widths.1));
            ta.extend(std::iter::repeat_n('\n', nb.saturating_sub(na)));
            tb.extend(std::iter::repeat_n('\n', na.saturating_sub(nb)));
        }
    }
    (ta, tb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::layout;

    #[test]
    fn each_volume_starts_on_the_line_of_its_kind_of_work() {
        let d = crate::yaml::gold_decree("t0001");
        let pages = layout(&appendix_flow(&d));
        let mut checked = 0;
        for (r, row) in d.appendices[0].table.rows.iter().enumerate() {
            let cell = |col: usize| {
                pages
                    .iter()
                    .flat_map(|p| &p.cells)
                    .filter(|c| c.row == Some(r) && c.col == col)
                    .flat_map(|c| c.lines.clone())
                    .collect::<Vec<String>>()
            };
            let (works, volumes) = (cell(2), cell(3));
            for w in &row.works {
                // An item starts on the first line that is a prefix of it.
                let first = |lines: &[String], item: &str| {
                    lines
                        .iter()
                        .position(|l| !l.is_empty() && item.starts_with(l.as_str()))
                };
                if let (Some(i), Some(j)) = (first(&works, &w.kind), first(&volumes, &w.volume)) {
                    if row.works.len() > 1 {
                        assert_eq!(i, j, "row {}: `{}` / `{}`", row.number, w.kind, w.volume);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10, "{checked}");
    }
}
