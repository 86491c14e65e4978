//! Part 1 of the table (number, organization, works, volume, conditions): rows
//! found by their printed numbers, cells by printed order, torn rows rebuilt.

use super::blocks::{Block, Frag};
use super::classify::Profiles;
use super::Log;
use crate::model::RepairKind;

/// Data columns of part 1 after the number.
pub const ORG: usize = 0;
pub const NCOLS: usize = 4;

/// One row of part 1 as fragments per column, before rendering.
#[derive(Debug, Clone, Default)]
pub struct RawRow {
    pub number: u32,
    /// Raw line of the row's printed number.
    pub line: usize,
    pub cells: Vec<Vec<Frag>>,
    /// Columns that got text printed before the row's number (previous page).
    pub before_number: Vec<bool>,
    /// The row's number is the first thing on its page.
    pub number_after_break: bool,
    /// The last raw line printed before the next row's number.
    pub tail_line: usize,
}

impl RawRow {
    fn empty() -> RawRow {
        RawRow {
            cells: vec![Vec::new(); NCOLS],
            before_number: vec![false; NCOLS],
            ..RawRow::default()
        }
    }

    /// An empty row carrying only its number (part 1 not found).
    pub fn numbered(number: u32) -> RawRow {
        RawRow {
            number,
            ..RawRow::empty()
        }
    }

    fn put(&mut self, col: usize, frags: &[Frag]) {
        self.cells[col].extend_from_slice(frags);
        self.cells[col].sort_by_key(|f| (f.no, f.part));
    }
}

/// A row number and the blocks printed after it, up to the next number.
struct Segment<'a> {
    number: u32,
    anchor: &'a Block,
    /// The anchor's text after the number (an organization name's rest).
    rest: Vec<Frag>,
    blocks: Vec<&'a Block>,
}

/// Whether the block starts with row number `n`: alone on its line, or, right
/// after a page break, followed by the rest of a cell.
fn anchor_rest(block: &Block, n: u32) -> Option<Vec<Frag>> {
    let first = block.frags.first()?;
    let mut tokens = first.text.splitn(2, ' ');
    let num = tokens.next()?;
    if num.parse::<u32>().ok()? != n {
        return None;
    }
    let rest = tokens.next().unwrap_or("").trim();
    if !rest.is_empty() && !block.page_break_before {
        return None;
    }
    let mut frags = Vec::new();
    if !rest.is_empty() {
        frags.push(Frag {
            text: rest.to_string(),
            ..first.clone()
        });
    }
    frags.extend(block.frags[1..].iter().cloned());
    Some(frags)
}

/// Finds the row numbers 1, 2, 3, … in order; returns the index of each anchor
/// block and the text following its number.
fn anchors(blocks: &[&Block]) -> Vec<(usize, Vec<Frag>)> {
    let mut out = Vec::new();
    let mut next = 1;
    for (i, b) in blocks.iter().enumerate() {
        if let Some(rest) = anchor_rest(b, next) {
            out.push((i, rest));
            next += 1;
        }
    }
    out
}

/// Part 1 rows rebuilt from the blocks between the header and the continuation
/// marker; returns the rows and the indices of blocks before row 1.
pub fn part1(blocks: &[&Block], log: &mut Log) -> (Vec<RawRow>, usize) {
    let found = anchors(blocks);
    let Some(&(first, _)) = found.first() else {
        return (Vec::new(), blocks.len());
    };
    let segs: Vec<Segment> = found
        .iter()
        .enumerate()
        .map(|(k, (i, rest))| Segment {
            number: k as u32 + 1,
            anchor: blocks[*i],
            rest: rest.clone(),
            blocks: blocks[i + 1..found.get(k + 1).map_or(blocks.len(), |n| n.0)].to_vec(),
        })
        .collect();
    let profiles = learn(&segs);
    let mut rows = Vec::new();
    let mut pending: Option<RawRow> = None;
    for seg in &segs {
        let mut row = pending.take().unwrap_or_else(RawRow::empty);
        pending = build_row(&mut row, seg, &profiles, log);
        rows.push(row);
    }
    if let Some(p) = pending {
        for f in p.cells.iter().flatten() {
            log.unplaced(
                f.no,
                &f.text,
                "text after the last row that belongs to no row",
            );
        }
    }
    (rows, first)
}

/// Column profiles from the rows that printed exactly one block per column.
fn learn(segs: &[Segment]) -> Profiles {
    let mut p = Profiles::new(NCOLS);
    for seg in segs {
        let start = usize::from(!seg.rest.is_empty());
        if seg.blocks.iter().any(|b| b.page_break_before) || seg.blocks.len() + start != NCOLS {
            continue;
        }
        if start == 1 {
            p.add(ORG, &seg.rest);
        }
        for (k, b) in seg.blocks.iter().enumerate() {
            p.add(start + k, &b.frags);
        }
    }
    p
}

/// Fills `row` from its segment; returns the next row's text printed before
/// the next number (a row torn by a page break), if any.
fn build_row(
    row: &mut RawRow,
    seg: &Segment,
    profiles: &Profiles,
    log: &mut Log,
) -> Option<RawRow> {
    row.number = seg.number;
    row.line = seg.anchor.first_line();
    row.number_after_break = seg.anchor.page_break_before;
    let start = usize::from(!seg.rest.is_empty());
    if start == 1 {
        row.put(ORG, &seg.rest);
    }
    row.tail_line = seg
        .blocks
        .last()
        .map_or(row.line, |b| b.frags.last().map_or(0, |f| f.no));
    let mut portions = split_pages(&seg.blocks);
    let first = portions.remove(0);
    let free = NCOLS - start;
    let next = if first.len() > free {
        let (own, extra) = first.split_at(free);
        place_in_order(row, own, start);
        Some(early_part(extra, profiles, seg.number + 1, log))
    } else {
        place(row, &first, start, profiles, log);
        None
    };
    for portion in portions {
        place(row, &portion, 0, profiles, log);
    }
    next
}

fn split_pages<'a>(blocks: &[&'a Block]) -> Vec<Vec<&'a Block>> {
    let mut out: Vec<Vec<&Block>> = vec![Vec::new()];
    for b in blocks {
        if b.page_break_before && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
        }
        out.last_mut().expect("never empty").push(b);
    }
    out
}

fn place_in_order(row: &mut RawRow, blocks: &[&Block], start: usize) {
    for (k, b) in blocks.iter().enumerate() {
        row.put(start + k, &b.frags);
    }
}

/// Places blocks by their words, in increasing column order from `start`.
fn place(row: &mut RawRow, blocks: &[&Block], start: usize, profiles: &Profiles, log: &mut Log) {
    if blocks.len() + start == NCOLS {
        return place_in_order(row, blocks, start);
    }
    let frags: Vec<&[Frag]> = blocks.iter().map(|b| b.frags.as_slice()).collect();
    match profiles.assign(&frags, start) {
        Some(cols) => {
            for (b, c) in blocks.iter().zip(cols) {
                row.put(c, &b.frags);
            }
        }
        None => {
            log.warn(
                row.line,
                format!(
                    "row {} has more cell blocks than columns; extra text kept in conditions",
                    row.number
                ),
            );
            for b in blocks {
                row.put(NCOLS - 1, &b.frags);
            }
        }
    }
}

/// The next row's cells printed at the bottom of the page before its number.
fn early_part(blocks: &[&Block], profiles: &Profiles, number: u32, log: &mut Log) -> RawRow {
    let mut row = RawRow::empty();
    row.number = number;
    let frags: Vec<&[Frag]> = blocks.iter().map(|b| b.frags.as_slice()).collect();
    let cols = profiles
        .assign(&frags, 0)
        .unwrap_or_else(|| vec![NCOLS - 1; blocks.len()]);
    for (b, c) in blocks.iter().zip(cols) {
        row.put(c, &b.frags);
        row.before_number[c] = true;
        let text: Vec<&str> = b.frags.iter().map(|f| f.text.as_str()).collect();
        log.repair(
            RepairKind::PageBreakRow,
            b.first_line(),
            text.join(" "),
            format!("moved to row {number}, column {}", c + 2),
        );
    }
    row
}
