//! Flows of the appendix (A4 landscape table) and the whole decree (A4 portrait
//! text, then the appendix on landscape pages), built from the output view.

use super::layout::Frame;
use crate::flow::{Align, Block, Cell, FlowDoc, PageSetup, Para, Run, TableBlock};
use crate::model::Decree;
use crate::view::{AppendixView, DecreeView, TableView};

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
    let rows = t
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| Cell {
                    text: c.joined(),
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
        })
        .collect();
    TableBlock {
        widths: crate::view::COLUMN_WIDTHS.to_vec(),
        header,
        rows,
        size: TABLE_SIZE,
    }
}
