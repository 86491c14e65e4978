//! Table layout: header rows (with column and row spans) repeated on every page,
//! body rows wrapped per cell, split across pages when tall, moved whole when short.

use super::layout::{CellBox, Cursor, Item, Rule, LEADING};
use super::lines::{break_lines, LineBox, Measure};
use crate::flow::{Align, Cell, Run, TableBlock};

/// Sizes of one table's text.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    pub size: f32,
    /// Inner padding of a cell, in points.
    pub pad: f32,
    pub lh: f32,
}

impl TableStyle {
    pub fn new(size: f32) -> TableStyle {
        TableStyle {
            size,
            pad: (size * 0.3).max(2.0),
            lh: size * LEADING,
        }
    }

    fn height(&self, lines: usize) -> f32 {
        lines.max(1) as f32 * self.lh + 2.0 * self.pad
    }
}

/// Rows of at most this many lines never split across pages.
const SHORT_ROW_LINES: usize = 4;

/// A cell wrapped to its column width.
#[derive(Debug, Clone)]
struct Prepared {
    col: usize,
    span: usize,
    rowspan: usize,
    /// Header row index (0 for body cells).
    row: usize,
    lines: Vec<LineBox>,
    /// Font size; header cells shrink so their longest word fits the column.
    size: f32,
}

impl Prepared {
    fn lh(&self) -> f32 {
        self.size * LEADING
    }

    fn height(&self, pad: f32) -> f32 {
        self.lines.len().max(1) as f32 * self.lh() + 2.0 * pad
    }
}

/// A table's geometry and wrapped cells.
struct Grid<'a> {
    style: &'a TableStyle,
    /// Left edge of each column, plus the right edge of the last.
    xs: Vec<f32>,
    header: Vec<Prepared>,
    header_heights: Vec<f32>,
    body: Vec<Vec<Prepared>>,
    index: usize,
}

impl Grid<'_> {
    fn header_height(&self) -> f32 {
        self.header_heights.iter().sum()
    }

    fn inner_width(&self, col: usize, span: usize) -> f32 {
        let (_, w) = self.x_span(col, span);
        (w - 2.0 * self.style.pad).max(1.0)
    }

    fn wrap(&self, cell: &Cell, col: usize, span: usize, size: f32) -> Vec<LineBox> {
        let width = self.inner_width(col, span);
        let run = Run {
            text: cell.text.clone(),
            bold: cell.bold,
        };
        let m = Measure {
            size,
            first_width: width,
            width,
            align: cell.align,
        };
        break_lines(&[run], m)
    }

    /// The size at which a header cell's longest unbreakable piece fits its column
    /// (at most 25% smaller); pieces end at spaces, hyphens, slashes and before `(`.
    fn fitting_size(&self, cell: &Cell, col: usize, span: usize) -> f32 {
        let size = self.style.size;
        let face = super::font::fonts().face(cell.bold);
        let longest = cell
            .text
            .replace('(', " (")
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/'))
            .map(|w| face.width(w, size))
            .fold(0.0, f32::max);
        let width = self.inner_width(col, span);
        if longest > width {
            (size * width / longest).max(size * 0.75)
        } else {
            size
        }
    }

    fn x_span(&self, col: usize, span: usize) -> (f32, f32) {
        let end = (col + span.max(1)).min(self.xs.len() - 1);
        (self.xs[col], self.xs[end] - self.xs[col])
    }
}

/// Lays a table out at the cursor, adding pages as needed.
pub fn layout_table(cur: &mut Cursor, t: &TableBlock, style: &TableStyle, index: usize) {
    let mut grid = Grid {
        style,
        xs: column_edges(t, cur.frame.left, cur.frame.text_width()),
        header: Vec::new(),
        header_heights: Vec::new(),
        body: Vec::new(),
        index,
    };
    prepare_header(&mut grid, &t.header);
    grid.body = t.rows.iter().map(|r| prepare_row(&grid, r)).collect();
    if cur.room() < grid.header_height() + style.height(2) && !cur.at_top() {
        cur.break_page();
    }
    draw_header(cur, &grid);
    for (i, row) in grid.body.iter().enumerate() {
        place_row(cur, &grid, row, i);
    }
}

/// Column edges scaled from the relative widths to the text width.
fn column_edges(t: &TableBlock, left: f32, width: f32) -> Vec<f32> {
    let n = t
        .rows
        .iter()
        .chain(&t.header)
        .map(|r| grid_width(r))
        .max()
        .unwrap_or(1);
    let rel: Vec<f32> = if t.widths.len() == n && t.widths.iter().all(|w| *w > 0.0) {
        t.widths.clone()
    } else {
        vec![1.0; n.max(1)]
    };
    let total: f32 = rel.iter().sum();
    let mut xs = vec![left];
    let mut x = left;
    for w in rel {
        x += w / total * width;
        xs.push(x);
    }
    xs
}

fn grid_width(row: &[Cell]) -> usize {
    row.iter().map(|c| c.colspan.max(1)).sum()
}

/// Places header cells on the grid (honouring spans) and sizes the header rows.
fn prepare_header(grid: &mut Grid, rows: &[Vec<Cell>]) {
    let ncols = grid.xs.len() - 1;
    let mut taken = vec![vec![false; ncols]; rows.len()];
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in row {
            while col < ncols && taken[r][col] {
                col += 1;
            }
            if col >= ncols {
                break;
            }
            let span = cell.colspan.max(1).min(ncols - col);
            let rowspan = cell.rowspan.max(1).min(rows.len() - r);
            for row_taken in taken.iter_mut().skip(r).take(rowspan) {
                row_taken[col..col + span]
                    .iter_mut()
                    .for_each(|t| *t = true);
            }
            let size = grid.fitting_size(cell, col, span);
            let lines = grid.wrap(cell, col, span, size);
            cells.push(Prepared {
                col,
                span,
                rowspan,
                row: r,
                lines,
                size,
            });
            col += span;
        }
    }
    grid.header_heights = header_heights(&cells, rows.len(), grid.style);
    grid.header = cells;
}

/// Row heights fitting single-row cells, grown at the bottom for taller spanning cells.
fn header_heights(cells: &[Prepared], nrows: usize, style: &TableStyle) -> Vec<f32> {
    let mut h = vec![style.height(1); nrows];
    for c in cells.iter().filter(|c| c.rowspan == 1) {
        h[c.row] = h[c.row].max(c.height(style.pad));
    }
    for c in cells.iter().filter(|c| c.rowspan > 1) {
        let have: f32 = h[c.row..c.row + c.rowspan].iter().sum();
        let need = c.height(style.pad);
        if need > have {
            h[c.row + c.rowspan - 1] += need - have;
        }
    }
    h
}

fn prepare_row(grid: &Grid, row: &[Cell]) -> Vec<Prepared> {
    let ncols = grid.xs.len() - 1;
    let mut col = 0;
    let mut out = Vec::new();
    for cell in row {
        if col >= ncols {
            break;
        }
        let span = cell.colspan.max(1).min(ncols - col);
        let size = grid.style.size;
        let lines = grid.wrap(cell, col, span, size);
        out.push(Prepared {
            col,
            span,
            rowspan: 1,
            row: 0,
            lines,
            size,
        });
        col += span;
    }
    out
}

/// Draws the header rows at the cursor, each cell boxed, text centred vertically.
fn draw_header(cur: &mut Cursor, grid: &Grid) {
    let top = cur.y;
    let mut row_tops = vec![top];
    for h in &grid.header_heights {
        row_tops.push(row_tops.last().copied().unwrap_or(top) + h);
    }
    for c in &grid.header {
        let (x, w) = grid.x_span(c.col, c.span);
        let (y, bottom) = (row_tops[c.row], row_tops[c.row + c.rowspan]);
        boxed(cur, x, y, w, bottom - y);
        let content = c.lines.len() as f32 * c.lh();
        let text_top = y + ((bottom - y) - content) / 2.0;
        draw_lines(cur, grid, c, 0..c.lines.len(), (x, text_top));
        record(cur, grid, c, None, (x, y, w, bottom - y), 0..c.lines.len());
    }
    cur.y = top + grid.header_height();
}

/// Places one body row, splitting it over pages when it does not fit.
fn place_row(cur: &mut Cursor, grid: &Grid, row: &[Prepared], index: usize) {
    let style = grid.style;
    let mut from = 0;
    let total = row.iter().map(|c| c.lines.len()).max().unwrap_or(0).max(1);
    loop {
        let rest = total - from;
        let fits = ((cur.room() - 2.0 * style.pad) / style.lh).floor().max(0.0) as usize;
        if rest <= fits {
            draw_fragment(cur, grid, row, index, from, rest);
            return;
        }
        if should_move_whole(cur, grid, rest, fits) {
            continue_on_new_page(cur, grid);
            continue;
        }
        draw_fragment(cur, grid, row, index, from, fits);
        from += fits;
        continue_on_new_page(cur, grid);
    }
}

/// Whether a row that does not fit should go whole to the next page instead of splitting:
/// when it is short, or a split would leave fewer than three lines here or two there,
/// provided it then fits an empty page.
fn should_move_whole(cur: &Cursor, grid: &Grid, rest: usize, fits: usize) -> bool {
    let fresh = cur.frame.bottom - cur.frame.top - grid.header_height();
    let fits_fresh = grid.style.height(rest) <= fresh;
    let awkward = rest <= SHORT_ROW_LINES || fits < 3 || rest - fits < 2;
    fits == 0 || (awkward && fits_fresh)
}

fn continue_on_new_page(cur: &mut Cursor, grid: &Grid) {
    cur.break_page();
    draw_header(cur, grid);
}

/// Draws lines `from..from+count` of every cell of a row as one boxed band.
fn draw_fragment(
    cur: &mut Cursor,
    grid: &Grid,
    row: &[Prepared],
    index: usize,
    from: usize,
    count: usize,
) {
    let style = grid.style;
    let top = cur.y;
    let h = style.height(count);
    let (left, right) = (grid.xs[0], grid.xs[grid.xs.len() - 1]);
    rule(cur, left, top, right, top);
    rule(cur, left, top + h, right, top + h);
    rule(cur, left, top, left, top + h);
    for c in row {
        let (x, w) = grid.x_span(c.col, c.span);
        rule(cur, x + w, top, x + w, top + h);
        let range = from.min(c.lines.len())..(from + count).min(c.lines.len());
        draw_lines(cur, grid, c, range.clone(), (x, top + style.pad));
        record(cur, grid, c, Some(index), (x, top, w, h), range);
    }
    cur.y = top + h;
}

fn draw_lines(
    cur: &mut Cursor,
    grid: &Grid,
    c: &Prepared,
    range: std::ops::Range<usize>,
    at: (f32, f32),
) {
    let (x, top) = at;
    for (k, line) in c.lines[range].iter().enumerate() {
        let y = top + k as f32 * c.lh();
        cur.draw_line(line, x + grid.style.pad, y, c.size);
    }
}

fn record(
    cur: &mut Cursor,
    grid: &Grid,
    c: &Prepared,
    row: Option<usize>,
    rect: (f32, f32, f32, f32),
    range: std::ops::Range<usize>,
) {
    let (x, y, w, h) = rect;
    let lines = c.lines[range].iter().map(LineBox::text).collect();
    cur.page().cells.push(CellBox {
        table: grid.index,
        row,
        col: c.col,
        x,
        y,
        w,
        h,
        lines,
    });
}

fn boxed(cur: &mut Cursor, x: f32, y: f32, w: f32, h: f32) {
    rule(cur, x, y, x + w, y);
    rule(cur, x, y + h, x + w, y + h);
    rule(cur, x, y, x, y + h);
    rule(cur, x + w, y, x + w, y + h);
}

fn rule(cur: &mut Cursor, x1: f32, y1: f32, x2: f32, y2: f32) {
    cur.page().items.push(Item::Rule(Rule { x1, y1, x2, y2 }));
}

/// A header or body cell with text, for builders and tests.
pub fn cell(text: impl Into<String>, align: Align) -> Cell {
    Cell {
        text: text.into(),
        colspan: 1,
        rowspan: 1,
        bold: false,
        align,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Block, FlowDoc, PageSetup};
    use crate::pdf::layout::{layout, Page};

    fn header() -> Vec<Vec<Cell>> {
        let mut group = cell("Топ", Align::Center);
        group.colspan = 2;
        let mut a = cell("№", Align::Center);
        a.rowspan = 2;
        let mut d = cell("Соңғы", Align::Center);
        d.rowspan = 2;
        vec![
            vec![a, group, d],
            vec![cell("Бір", Align::Center), cell("Екі", Align::Center)],
        ]
    }

    fn doc(rows: Vec<Vec<Cell>>) -> FlowDoc {
        FlowDoc {
            setup: PageSetup::A4Landscape,
            title: "t".into(),
            size: 10.0,
            blocks: vec![Block::Table(TableBlock {
                widths: vec![1.0, 3.0, 3.0, 2.0],
                header: header(),
                rows,
                size: 9.0,
            })],
            page_numbers: true,
        }
    }

    fn row(i: usize, words: usize) -> Vec<Cell> {
        let long = format!("ұйым{i} ") + &"жұмыс түрі ".repeat(words);
        vec![
            cell(i.to_string(), Align::Center),
            cell(long.trim(), Align::Left),
            cell(format!("көлемі {i}"), Align::Left),
            cell("бюджет", Align::Left),
        ]
    }

    fn header_cells(p: &Page) -> Vec<(usize, String)> {
        p.cells
            .iter()
            .filter(|c| c.row.is_none())
            .map(|c| (c.col, c.lines.join(" ")))
            .collect()
    }

    #[test]
    fn places_spanning_group_header_over_its_columns() {
        let pages = layout(&doc(vec![row(1, 2)]));
        let cells = &pages[0].cells;
        let group = cells.iter().find(|c| c.lines == ["Топ"]).unwrap();
        let one = cells.iter().find(|c| c.lines == ["Бір"]).unwrap();
        let two = cells.iter().find(|c| c.lines == ["Екі"]).unwrap();
        let num = cells.iter().find(|c| c.lines == ["№"]).unwrap();
        assert_eq!((one.col, two.col, group.col), (1, 2, 1));
        assert!((group.w - (one.w + two.w)).abs() < 0.01);
        assert!((one.y - (group.y + group.h)).abs() < 0.01);
        assert!(
            (num.h - (group.h + one.h)).abs() < 0.01,
            "rowspan covers both rows"
        );
        assert_eq!(cells.iter().find(|c| c.lines == ["Соңғы"]).unwrap().col, 3);
    }

    #[test]
    fn repeats_header_rows_on_every_page() {
        let rows = (1..=80).map(|i| row(i, 6)).collect();
        let pages = layout(&doc(rows));
        assert!(pages.len() >= 3, "{}", pages.len());
        let first = header_cells(&pages[0]);
        assert_eq!(first.len(), 5);
        for p in &pages {
            assert_eq!(header_cells(p), first);
            let top = p.cells.iter().map(|c| c.y).fold(f32::MAX, f32::min);
            let head_top = p
                .cells
                .iter()
                .filter(|c| c.row.is_none())
                .map(|c| c.y)
                .fold(f32::MAX, f32::min);
            assert_eq!(top, head_top, "header comes first on the page");
        }
    }

    #[test]
    fn splits_a_tall_row_across_pages_without_losing_or_repeating_lines() {
        let mut rows: Vec<Vec<Cell>> = (1..=8).map(|i| row(i, 4)).collect();
        rows.push(row(99, 700));
        let pages = layout(&doc(rows));
        let parts: Vec<&CellBox> = pages
            .iter()
            .flat_map(|p| &p.cells)
            .filter(|c| c.row == Some(8) && c.col == 1)
            .collect();
        assert!(parts.len() >= 2, "the tall cell spans pages");
        let joined: Vec<String> = parts.iter().flat_map(|c| c.lines.clone()).collect();
        let want = row(99, 700)[1].text.clone();
        assert_eq!(joined.join(" "), want);
        for p in &pages {
            let frame = crate::pdf::layout::Frame::of(p.setup);
            for c in &p.cells {
                assert!(
                    c.y + c.h <= frame.bottom + 0.01,
                    "cell runs past the bottom margin"
                );
            }
        }
    }

    #[test]
    fn moves_a_short_row_whole_to_the_next_page() {
        let rows: Vec<Vec<Cell>> = (1..=60).map(|i| row(i, 5)).collect();
        let pages = layout(&doc(rows));
        for p in &pages {
            for c in p.cells.iter().filter(|c| c.row.is_some() && c.col == 1) {
                let i = c.row.unwrap() + 1;
                assert_eq!(c.lines.join(" "), row(i, 5)[1].text, "row {i} was split");
            }
        }
    }

    #[test]
    fn body_rows_never_overlap() {
        let rows = (1..=40).map(|i| row(i, i % 9)).collect();
        for p in layout(&doc(rows)) {
            let mut bands: Vec<(f32, f32)> = p
                .cells
                .iter()
                .filter(|c| c.row.is_some() && c.col == 0)
                .map(|c| (c.y, c.y + c.h))
                .collect();
            bands.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in bands.windows(2) {
                assert!(w[1].0 >= w[0].1 - 0.01, "{w:?}");
            }
        }
    }
}
