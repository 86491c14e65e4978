//! Layout as plain data: a [`FlowDoc`] → pages of positioned text and rules.
//!
//! Coordinates are points from the page's top-left corner; `emit` flips them for
//! PDF. Tables repeat their header rows on every page and split tall rows cleanly
//! across pages (short rows move whole), which is what printpdf's own HTML layout
//! got wrong.

use super::lines::{break_lines, LineBox, Measure};
use super::table::{layout_table, TableStyle};
use crate::flow::{Align, Block, FlowDoc, PageSetup, Para, Run};

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.2;
const MM: f32 = 72.0 / 25.4;

/// A run of text drawn at a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

/// A straight line (cell border), from the top-left origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
}

/// What a page holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(Text),
    Rule(Rule),
}

/// Where a table cell (or the part of it on this page) was drawn, and its text there.
#[derive(Debug, Clone, PartialEq)]
pub struct CellBox {
    /// Index of the table among the document's tables.
    pub table: usize,
    /// Body row index, `None` for a header cell.
    pub row: Option<usize>,
    /// First grid column.
    pub col: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// The cell's lines on this page.
    pub lines: Vec<String>,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub setup: PageSetup,
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
    pub cells: Vec<CellBox>,
}

/// Page size and the text area for a setup.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    /// A4, with the margins of Kazakh official documents (wide left binding margin
    /// in portrait; even margins in landscape, where the table needs the width).
    pub fn of(setup: PageSetup) -> Frame {
        let (w, h) = (210.0 * MM, 297.0 * MM);
        match setup {
            PageSetup::A4Portrait => Frame {
                width: w,
                height: h,
                left: 25.0 * MM,
                right: w - 15.0 * MM,
                top: 18.0 * MM,
                bottom: h - 18.0 * MM,
            },
            PageSetup::A4Landscape => Frame {
                width: h,
                height: w,
                left: 12.0 * MM,
                right: h - 12.0 * MM,
                top: 12.0 * MM,
                bottom: w - 14.0 * MM,
            },
        }
    }

    pub fn text_width(&self) -> f32 {
        self.right - self.left
    }
}

/// The pages being filled and the cursor on the last one.
pub struct Cursor {
    pub pages: Vec<Page>,
    pub frame: Frame,
    pub y: f32,
    pub tables: usize,
}

impl Cursor {
    fn new(setup: PageSetup) -> Cursor {
        let mut c = Cursor {
            pages: Vec::new(),
            frame: Frame::of(setup),
            y: 0.0,
            tables: 0,
        };
        c.new_page(setup);
        c
    }

    /// Starts a new page in `setup`.
    pub fn new_page(&mut self, setup: PageSetup) {
        self.frame = Frame::of(setup);
        self.y = self.frame.top;
        self.pages.push(Page {
            setup,
            width: self.frame.width,
            height: self.frame.height,
            items: Vec::new(),
            cells: Vec::new(),
        });
    }

    /// Starts a new page like the current one.
    pub fn break_page(&mut self) {
        let setup = self.page().setup;
        self.new_page(setup);
    }

    pub fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a cursor always has a page")
    }

    /// Room left on the current page, in points.
    pub fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    /// Whether the cursor stands at the top of its page.
    pub fn at_top(&self) -> bool {
        self.y <= self.frame.top + 0.01
    }

    /// Draws a laid-out line with its top at `top` and left edge at `x`.
    pub fn draw_line(&mut self, line: &LineBox, x: f32, top: f32, size: f32) {
        let baseline = top + baseline_offset(size);
        let items = &mut self.page().items;
        for s in line.segs.iter().filter(|s| !s.text.is_empty()) {
            items.push(Item::Text(Text {
                x: x + s.x,
                y: baseline,
                size,
                bold: s.bold,
                text: s.text.clone(),
            }));
        }
    }
}

/// Distance from a line's top to its baseline, centring the face's ascent+descent in the leading.
pub fn baseline_offset(size: f32) -> f32 {
    let f = super::font::fonts();
    let (asc, desc) = (f.regular.ascent / 1000.0, f.regular.descent / 1000.0);
    (LEADING - asc - desc) * size / 2.0 + asc * size
}

/// Lays a whole document out into pages.
pub fn layout(doc: &FlowDoc) -> Vec<Page> {
    let mut pages = layout_body(doc);
    if doc.page_numbers {
        number_pages(&mut pages);
    }
    pages
}

/// The pages of a document without their page numbers, which depend on the
/// document the pages end up in (see [`page_number`]).
pub fn layout_body(doc: &FlowDoc) -> Vec<Page> {
    let mut cur = Cursor::new(doc.setup);
    for block in &doc.blocks {
        place_block(&mut cur, block, doc.size);
    }
    cur.pages
}

fn place_block(cur: &mut Cursor, block: &Block, default: f32) {
    match block {
        Block::Para(p) => place_para(cur, p, default),
        Block::Table(t) => {
            let style = TableStyle::new(size_or(t.size, default));
            let index = cur.tables;
            cur.tables += 1;
            layout_table(cur, t, &style, index);
        }
        Block::Space(pt) => cur.y = (cur.y + pt).min(cur.frame.bottom),
        Block::PageBreak => cur.break_page(),
        Block::NewPage(setup) => new_page_unless_blank(cur, *setup),
        Block::LeftRight { left, right } => place_left_right(cur, left, right, default),
    }
}

/// A new page in `setup`, reusing the current one if nothing was drawn on it yet.
fn new_page_unless_blank(cur: &mut Cursor, setup: PageSetup) {
    if cur.page().items.is_empty() {
        cur.pages.pop();
    }
    cur.new_page(setup);
}

fn size_or(size: f32, default: f32) -> f32 {
    if size > 0.0 {
        size
    } else {
        default
    }
}

/// Lays out a paragraph, breaking pages between its lines.
fn place_para(cur: &mut Cursor, p: &Para, default: f32) {
    let size = size_or(p.size, default);
    let width = cur.frame.text_width() - p.left_indent;
    let m = Measure {
        size,
        first_width: width - p.first_indent,
        width,
        align: p.align,
    };
    let lh = size * LEADING;
    for (i, line) in break_lines(&p.runs, m).iter().enumerate() {
        if cur.room() < lh && !cur.at_top() {
            cur.break_page();
        }
        let indent = p.left_indent + if i == 0 { p.first_indent } else { 0.0 };
        let (x, y) = (cur.frame.left + indent, cur.y);
        cur.draw_line(line, x, y, size);
        cur.y += lh;
    }
    cur.y = (cur.y + p.space_after).min(cur.frame.bottom);
}

/// Lays out a left text and a right-aligned text side by side, line by line.
fn place_left_right(cur: &mut Cursor, left: &[Run], right: &[Run], size: f32) {
    let half = cur.frame.text_width() / 2.0;
    let measure = |align| Measure {
        size,
        first_width: half - 6.0,
        width: half - 6.0,
        align,
    };
    let l = break_lines(left, measure(Align::Left));
    let r = break_lines(right, measure(Align::Right));
    let lh = size * LEADING;
    let empty = LineBox::default();
    for i in 0..l.len().max(r.len()) {
        if cur.room() < lh && !cur.at_top() {
            cur.break_page();
        }
        let (x, y) = (cur.frame.left, cur.y);
        cur.draw_line(l.get(i).unwrap_or(&empty), x, y, size);
        cur.draw_line(r.get(i).unwrap_or(&empty), x + half + 6.0, y, size);
        cur.y += lh;
    }
}

/// Adds "n / N" centred in the bottom margin of every page.
pub fn number_pages(pages: &mut [Page]) {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.items
            .push(Item::Text(page_number(page.setup, i + 1, total)));
    }
}

/// Size of the page numbers, in points.
pub const PAGE_NUMBER_SIZE: f32 = 9.0;

/// "n / N" centred in the bottom margin of a page in `setup`.
pub fn page_number(setup: PageSetup, n: usize, total: usize) -> Text {
    let frame = Frame::of(setup);
    let size = PAGE_NUMBER_SIZE;
    let text = format!("{n} / {total}");
    let w = super::font::fonts().regular.width(&text, size);
    Text {
        x: (frame.width - w) / 2.0,
        y: frame.bottom + (frame.height - frame.bottom) / 2.0 + size / 3.0,
        size,
        bold: false,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Cell, TableBlock};

    fn doc(blocks: Vec<Block>) -> FlowDoc {
        FlowDoc {
            setup: PageSetup::A4Portrait,
            title: "t".into(),
            size: 12.0,
            blocks,
            page_numbers: true,
        }
    }

    fn para(text: &str) -> Block {
        Block::Para(Para {
            runs: vec![Run::plain(text)],
            align: Align::Justify,
            first_indent: 20.0,
            ..Default::default()
        })
    }

    #[test]
    fn long_text_flows_onto_more_pages_within_the_margins() {
        let text = "Қарасай ауданында қоғамдық жұмыстар ұйымдастырылсын. ".repeat(400);
        let pages = layout(&doc(vec![para(&text)]));
        assert!(pages.len() >= 3, "{}", pages.len());
        let frame = Frame::of(PageSetup::A4Portrait);
        for p in &pages {
            for it in &p.items {
                if let Item::Text(t) = it {
                    assert!(t.y <= p.height && t.x >= frame.left - 0.01);
                }
            }
        }
    }

    #[test]
    fn numbers_every_page_n_of_total() {
        let text = "сөз ".repeat(3000);
        let pages = layout(&doc(vec![para(&text)]));
        let n = pages.len();
        for (i, p) in pages.iter().enumerate() {
            let want = format!("{} / {}", i + 1, n);
            assert!(p
                .items
                .iter()
                .any(|it| matches!(it, Item::Text(t) if t.text == want)));
        }
    }

    #[test]
    fn new_page_switches_orientation_without_a_blank_page() {
        let table = TableBlock {
            widths: vec![1.0, 1.0],
            header: vec![vec![
                Cell {
                    text: "A".into(),
                    ..Default::default()
                },
                Cell {
                    text: "B".into(),
                    ..Default::default()
                },
            ]],
            rows: vec![vec![
                Cell {
                    text: "1".into(),
                    ..Default::default()
                },
                Cell {
                    text: "2".into(),
                    ..Default::default()
                },
            ]],
            size: 0.0,
        };
        let pages = layout(&doc(vec![
            Block::NewPage(PageSetup::A4Landscape),
            Block::Table(table),
            para("соңы"),
            Block::NewPage(PageSetup::A4Portrait),
            para("келесі"),
        ]));
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].setup, PageSetup::A4Landscape);
        assert!(pages[0].width > pages[0].height);
        assert_eq!(pages[1].setup, PageSetup::A4Portrait);
    }

    #[test]
    fn left_right_puts_the_name_flush_right_on_the_positions_line() {
        let pages = layout(&doc(vec![Block::LeftRight {
            left: vec![Run::bold("Аудан әкімі")],
            right: vec![Run::bold("А. Дәуренбаев")],
        }]));
        let texts: Vec<&Text> = pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if t.text.contains('ә') || t.text.contains('Д') => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[0].y, texts[1].y);
        let frame = Frame::of(PageSetup::A4Portrait);
        let w = super::super::font::fonts().bold.width(&texts[1].text, 12.0);
        assert!((texts[1].x + w - frame.right).abs() < 0.1);
    }
}
