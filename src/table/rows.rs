//! Part 1 of the table (number, organization, works, volume, conditions): rows
//! found by their printed numbers, cells by printed order, torn rows rebuilt.

use super::blocks::{Block, Frag};
use super::classify::Profiles;
use super::together;
use super::Log;
use crate::repair::split_word::word_core;

/// Data columns of part 1 after the number.
pub const ORG: usize = 0;
/// The volume column (after organization and works).
const VOLUME: usize = 2;
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
    /// Each block's column, when the blocks were dealt out by kind.
    cols: Option<Vec<usize>>,
}

/// Whether the block starts with row number `n`: alone on its line, or
/// followed by the rest of a cell right after a page break, or by the start
/// of an organization's name (pdftotext prints a narrow number column's
/// number on the name's first line: "10 \"Балқаш"; a volume's number is
/// followed by a lowercase unit, "10 адамға").
fn anchor_rest(block: &Block, n: u32) -> Option<Vec<Frag>> {
    let first = block.frags.first()?;
    let mut tokens = first.text.splitn(2, ' ');
    let num = tokens.next()?;
    if num.parse::<u32>().ok()? != n || starts_volume(&block.frags[1..]) {
        return None;
    }
    let rest = tokens.next().unwrap_or("").trim();
    if !rest.is_empty() && !block.page_break_before && !starts_name(rest) {
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

/// Whether a text opens as a name does: a capital letter or an opening quote,
/// and a narrow cell's first line only (a few words, no number): a line that
/// OCR read across the whole row ("1 \"Байзақ Абаттандыруға, 1500 Қоғамдық …")
/// is no name's start.
fn starts_name(text: &str) -> bool {
    const NAME_LINE_WORDS: usize = 5;
    let opens = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '«' | '“' | '„'));
    opens
        && text.split_whitespace().count() <= NAME_LINE_WORDS
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// Lines after a lone number that make it a volume's number, not a row's:
/// a unit word in lowercase ("адамға" / "дейін") ending in "дейін" / "до"
/// within three lines.
pub(super) fn starts_volume(next: &[Frag]) -> bool {
    let lower = next
        .first()
        .and_then(|f| f.text.chars().next())
        .is_some_and(char::is_lowercase);
    lower
        && next.iter().take(3).any(|f| {
            let words: Vec<String> = f.text.split_whitespace().map(word_core).collect();
            let joined: String = f.text.split_whitespace().collect();
            let last = words.last().map(String::as_str).unwrap_or("");
            super::cycle::VOLUME_WORDS.contains(&last)
                || super::cycle::VOLUME_WORDS
                    .iter()
                    .any(|v| joined.ends_with(v) && v.chars().count() > 2)
        })
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
    // Splits come only after row 1's number, so indices before it stay the same.
    let owned = attach_lone_words(split_glued_numbers(blocks));
    let owned = together::split_volume_under_conditions(together::join_cut_conditions(owned));
    let refs: Vec<&Block> = owned.iter().collect();
    part1_on(&refs, log)
}

/// A block of one short lowercase word ("в"), printed apart from the kind of
/// work it belongs to, joins the block before it when that block is a cell's
/// text (not conditions, not a volume): it is no cell of its own.
fn attach_lone_words(blocks: Vec<Block>) -> Vec<Block> {
    let lone = |b: &Block| {
        let t = b.plain();
        b.frags.len() == 1
            && !b.page_break_before
            && t.chars().count() <= 2
            && t.chars().all(char::is_lowercase)
            && !super::cycle::VOLUME_WORDS.contains(&t.as_str())
    };
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        let host = out.last_mut().filter(|p| {
            lone(&b) && super::cycle::kind(p) == super::cycle::Kind::Text && p.frags.len() > 1
        });
        match host {
            Some(p) => p.frags.extend(b.frags),
            None => out.push(b),
        }
    }
    out
}

/// pdftotext prints a row's number right under the previous row's last cell
/// when no blank line parts them ("… төленеді." / "7"): the block is split
/// before the number when it is the next row's number, alone on the block's
/// last line, and the next block is not the rest of a volume ("адамға дейін").
fn split_glued_numbers(blocks: &[&Block]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len() + 8);
    let mut next = 1;
    for (i, b) in blocks.iter().enumerate() {
        if anchor_rest(b, next).is_some() {
            next += 1;
            out.push((*b).clone());
            continue;
        }
        let glued = next > 1
            && b.frags.len() > 1
            && b.frags
                .last()
                .is_some_and(|f| f.text.trim() == next.to_string())
            && !blocks.get(i + 1).is_some_and(|n| starts_volume(&n.frags));
        if !glued {
            out.push((*b).clone());
            continue;
        }
        let (head, num) = b.frags.split_at(b.frags.len() - 1);
        out.push(Block {
            frags: head.to_vec(),
            page_break_before: b.page_break_before,
        });
        out.push(Block {
            frags: num.to_vec(),
            page_break_before: false,
        });
        next += 1;
    }
    out
}

fn part1_on(blocks: &[&Block], log: &mut Log) -> (Vec<RawRow>, usize) {
    let found = anchors(blocks);
    let Some(&(first, _)) = found.first() else {
        return (Vec::new(), blocks.len());
    };
    if higher_number_before(&blocks[..first]) {
        // Row 1 printed after row 10 is a misread "11" (OCR lost a digit, and
        // read the real first rows across their columns): rows counted from it
        // would take other rows' cells. No row is read; the text stays in residue.
        return (Vec::new(), blocks.len());
    }
    let segs: Vec<Segment> = found
        .iter()
        .enumerate()
        .map(|(k, (i, rest))| Segment {
            number: k as u32 + 1,
            anchor: blocks[*i],
            rest: rest.clone(),
            blocks: blocks[i + 1..found.get(k + 1).map_or(blocks.len(), |n| n.0)].to_vec(),
            cols: None,
        })
        .collect();
    let segs = spread_runs(segs);
    let profiles = learn(&segs);
    let mut rows = Vec::new();
    let mut pending: Option<EarlyPart> = None;
    for (k, seg) in segs.iter().enumerate() {
        let next_whole = segs.get(k + 1).is_none_or(has_all_cells);
        let mut row = match pending.take() {
            // Its moves happened only now that a row takes it.
            Some(early) => {
                log.append(early.moves);
                early.row
            }
            None => RawRow::empty(),
        };
        let ctx = (&profiles, rows.last_mut());
        pending = build_row(&mut row, seg, next_whole, ctx, log);
        rows.push(row);
    }
    if let Some(EarlyPart { row: p, .. }) = pending {
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

/// Whether a block before row 1's number is a lone row number of two digits
/// (not a volume's number): then that "1" is not the first row's. (Row 1's
/// number printed after rows 2, 3 … of its page is pdftotext's, and the cycle
/// reading deals with it.)
fn higher_number_before(blocks: &[&Block]) -> bool {
    blocks.iter().enumerate().any(|(i, b)| {
        let [f] = &b.frags[..] else { return false };
        let after = blocks.get(i + 1).map_or(&[][..], |n| &n.frags[..]);
        f.text.trim().parse::<u32>().is_ok_and(|n| n >= 10) && !starts_volume(after)
    })
}

/// Row numbers printed together ("4" / "5" / "6", the number column of a page
/// printed in one piece) leave every number but the last with no cells, and the
/// last with the cells of all of them. Those cells are shared out in order, one
/// row ending at each conditions cell, when there are exactly as many rows'
/// worth of cells as numbers; otherwise they stay where they are.
fn spread_runs(mut segs: Vec<Segment>) -> Vec<Segment> {
    let mut k = 0;
    while k < segs.len() {
        let run = segs[k..]
            .iter()
            .take_while(|s| s.blocks.is_empty() && s.rest.is_empty())
            .count();
        let last = k + run;
        if run == 0 || last >= segs.len() {
            k = last + 1;
            continue;
        }
        let groups = rows_by_conditions(&segs[last].blocks);
        if groups.len() == run + 1 {
            for (seg, g) in segs[k..=last].iter_mut().zip(groups) {
                seg.blocks = g;
            }
        } else if segs[last].rest.is_empty() {
            deal_run(&mut segs, k, last);
        }
        k = last + 1;
    }
    segs
}

/// The run `k..=last` dealt out by the kinds of its pooled cells (see
/// `together::deal`), when the counts fit and the row before can take a
/// conditions continuation that opens the pool.
fn deal_run(segs: &mut [Segment], k: usize, last: usize) {
    let Some(dealt) = together::deal(&segs[last].blocks, last - k + 1) else {
        return;
    };
    if !dealt.before.is_empty() {
        let Some(prev) = k.checked_sub(1).map(|p| &mut segs[p]) else {
            return;
        };
        let start = usize::from(!prev.rest.is_empty());
        if prev.cols.is_some() {
            return;
        }
        if prev.blocks.iter().any(|b| b.page_break_before) {
            // Its last page's blocks are placed by their words.
            prev.blocks.extend(dealt.before);
        } else if prev.blocks.len() + start == NCOLS {
            let mut cols: Vec<usize> = (start..NCOLS).collect();
            cols.extend(dealt.before.iter().map(|_| NCOLS - 1));
            prev.blocks.extend(dealt.before);
            prev.cols = Some(cols);
        } else {
            return;
        }
    }
    for (seg, blocks) in segs[k..=last].iter_mut().zip(dealt.rows) {
        let mut cols: Vec<usize> = (0..NCOLS).collect();
        cols.extend(blocks[NCOLS..].iter().map(|_| NCOLS - 1));
        seg.blocks = blocks;
        seg.cols = Some(cols);
    }
}

/// Blocks cut into rows, each ending at a conditions cell (blocks after the
/// last conditions cell join the last row).
fn rows_by_conditions<'a>(blocks: &[&'a Block]) -> Vec<Vec<&'a Block>> {
    let mut out: Vec<Vec<&Block>> = vec![Vec::new()];
    for b in blocks {
        out.last_mut().expect("never empty").push(b);
        if super::cycle::kind(b) == super::cycle::Kind::Conditions {
            out.push(Vec::new());
        }
    }
    if out.len() > 1 && out.last().is_some_and(Vec::is_empty) {
        out.pop();
    } else if out.len() > 1 {
        let tail = out.pop().expect("checked");
        out.last_mut().expect("checked").extend(tail);
    }
    out
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

/// The next row's cells printed before its number, with the repairs that
/// say so: logged when a next row takes them, dropped with them when none
/// comes (the text then goes to residue, and no move happened).
struct EarlyPart {
    row: RawRow,
    moves: Log,
}

/// Whether a segment printed a block for each of its columns on one page: a
/// row that needs none of the text printed before its number.
fn has_all_cells(seg: &Segment) -> bool {
    let start = usize::from(!seg.rest.is_empty());
    seg.blocks.len() + start == NCOLS && !seg.blocks.iter().any(|b| b.page_break_before)
}

/// Fills `row` from its segment; returns the next row's text printed before
/// the next number (a row torn by a page break), if any. `next_whole`: the
/// next row printed all its cells after its number (or there is none).
fn build_row(
    row: &mut RawRow,
    seg: &Segment,
    next_whole: bool,
    (profiles, prev): (&Profiles, Option<&mut RawRow>),
    log: &mut Log,
) -> Option<EarlyPart> {
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
    if let Some(cols) = &seg.cols {
        for (b, &c) in seg.blocks.iter().zip(cols) {
            row.put(c, &b.frags);
        }
        return None;
    }
    let mut portions = split_pages(&seg.blocks);
    let mut first = portions.remove(0);
    let free = NCOLS - start;
    if let Some(prev) = prev {
        return_previous_rest(&mut first, free, prev, log);
    }
    let next = if first.len() > free {
        let (own, extra) = first.split_at(free);
        place_in_order(row, own, start);
        if extra.iter().all(|b| continues_a_cell(b)) {
            // The rest of this row's cells, not the next row's first lines.
            extra.iter().for_each(|b| row.put(NCOLS - 1, &b.frags));
            None
        } else if next_whole && extra.iter().all(|b| is_volume(b)) {
            // A volume cell's later items, read after the conditions beside
            // them: the next row has its own volume, so they are this row's.
            extra.iter().for_each(|b| row.put(VOLUME, &b.frags));
            None
        } else {
            Some(early_part(extra, profiles, seg.number + 1))
        }
    } else {
        place(row, &first, start, profiles, log);
        None
    };
    for portion in portions {
        place(row, &portion, 0, profiles, log);
    }
    next
}

/// Blocks too many among a row's cells, ending with one (not the first)
/// that opens mid-sentence and finishes a sentence while the row before left
/// its conditions mid-sentence: that row's last cells, printed after a page
/// break among this row's. Alone it is the conditions' rest ("жасалады.
/// Уақытылы еңбекақысы төленеді." between a row's kinds of work and its
/// volume); after a kind of work and a volume, they are that row's last kind
/// of work, its volume and the rest.
fn return_previous_rest(first: &mut Vec<&Block>, free: usize, prev: &mut RawRow, log: &mut Log) {
    use super::torn::unfinished;
    let m = first.len().saturating_sub(free);
    if !unfinished(&prev.cells[NCOLS - 1]) || !(1..NCOLS).contains(&m) {
        return;
    }
    let rest =
        (m..first.len()).find(|&k| continues_a_cell(first[k]) && !unfinished(&first[k].frags));
    // After a kind of work, a volume must come right before the rest.
    let Some(k) = rest.filter(|&k| m == 1 || is_volume(first[k - 1])) else {
        return;
    };
    for (i, b) in first.drain(k + 1 - m..=k).enumerate() {
        let col = NCOLS - m + i;
        prev.put(col, &b.frags);
        log.moved_lines(
            &b.frags,
            format!("moved to row {}, column {}", prev.number, col + 2),
        );
    }
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
    for (k, b) in volume_before_conditions(blocks).iter().enumerate() {
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

/// A row's blocks with a volume printed after its conditions (pdftotext
/// printed the narrow volume column after the wide one) put back before
/// them: the volume column comes first.
fn volume_before_conditions<'a>(blocks: &[&'a Block]) -> Vec<&'a Block> {
    use super::cycle::{kind, Kind};
    let mut out = blocks.to_vec();
    let n = out.len();
    if n >= 2
        && !out[n - 1].page_break_before
        && kind(out[n - 2]) == Kind::Conditions
        && kind(out[n - 1]) == Kind::Volume
    {
        out.swap(n - 2, n - 1);
    }
    out
}

fn is_volume(b: &Block) -> bool {
    super::cycle::kind(b) == super::cycle::Kind::Volume
}

/// A block past a row's last column that opens mid-sentence and is no
/// volume (a next row's volume opens lowercase too): words or a paragraph's
/// rest of this row, printed after its conditions.
fn continues_a_cell(b: &Block) -> bool {
    super::together::opens_lowercase(b) && !is_volume(b)
}

/// The next row's cells printed at the bottom of the page before its number.
fn early_part(blocks: &[&Block], profiles: &Profiles, number: u32) -> EarlyPart {
    let mut row = RawRow::empty();
    let mut moves = Log::default();
    row.number = number;
    let frags: Vec<&[Frag]> = blocks.iter().map(|b| b.frags.as_slice()).collect();
    let cols = profiles
        .assign(&frags, 0)
        .unwrap_or_else(|| vec![NCOLS - 1; blocks.len()]);
    for (b, c) in blocks.iter().zip(cols) {
        row.put(c, &b.frags);
        row.before_number[c] = true;
        moves.moved_lines(&b.frags, format!("moved to row {number}, column {}", c + 2));
    }
    EarlyPart { row, moves }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(first: usize, text: &str) -> Block {
        Block::of_lines(first, text.lines(), false)
    }

    #[test]
    fn a_row_number_printed_under_the_last_cell_starts_the_next_row() {
        let blocks = [
            block(1, "1"),
            block(3, "Ұйым"),
            block(5, "еңбекақысы төленеді.\n2"),
            block(8, "Ұйым"),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let split = split_glued_numbers(&refs);
        assert_eq!(split.len(), 5);
        assert_eq!(split[3].plain(), "2");
        let (rows, first) = part1(&refs, &mut Log::default());
        assert_eq!((rows.len(), first), (2, 0));
    }

    /// As in t0006 rows 11 and 12: a row's conditions end among the next row's cells.
    #[test]
    fn the_rest_of_the_rows_conditions_printed_among_the_next_rows_cells_goes_back() {
        let cells = |first: usize| {
            [
                block(first, "\"Лепсі ауылдық\nокругі әкімінің аппараты\""),
                block(first + 3, "Ауыл шаруашылығы\nмалдарын санақтан"),
                block(first + 6, "150\nауланға\nдейін"),
            ]
        };
        let mut blocks = vec![block(1, "1")];
        blocks.extend(cells(3));
        blocks.push(block(
            13,
            "Қоғамдық жұмыстар уақытша\nжұмыссыз арасында жеке еңбек шарты",
        ));
        blocks.push(block(20, "2"));
        let [org, works, volume] = cells(22);
        let rest = block(30, "жасалады. Уақытылы еңбекақысы\nтөленеді.");
        let cond = block(
            40,
            "Қоғамдық жұмыстар уақытша\nУақытылы еңбекақысы төленеді.",
        );
        blocks.extend([org, works, rest, volume, cond]);
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut log = Log::default();
        let (rows, _) = part1(&refs, &mut log);
        let text = |r: &RawRow, c: usize| {
            let lines: Vec<&str> = r.cells[c].iter().map(|f| f.text.as_str()).collect();
            lines.join(" ")
        };
        assert!(
            text(&rows[0], NCOLS - 1).ends_with("шарты жасалады. Уақытылы еңбекақысы төленеді.")
        );
        assert_eq!(text(&rows[1], 2), "150 ауланға дейін");
        assert!(text(&rows[1], NCOLS - 1).starts_with("Қоғамдық"));
        assert!(log
            .repairs
            .iter()
            .any(|r| r.after == "moved to row 1, column 5"));
        assert!(log.residue.is_empty());
    }

    /// As in t0002 rows 18 and 19: a row's last kind of work, its volume and
    /// its conditions' rest printed beside the next row's organization.
    #[test]
    fn a_rows_last_cells_printed_beside_the_next_rows_name_go_back() {
        let blocks = [
            block(1, "1"),
            block(3, "\"Қарашілік орта\nмектебі\""),
            block(6, "Мектеп аумағын\nжинауға көмек көрсету"),
            block(9, "2000 шаршы\nметрге дейін"),
            block(12, "Қоғамдық жұмыстар уақытша\nЖұмыссыздарды қоғамдық"),
            block(20, "2"),
            block(22, "\"Ақтоғай орта\nмектебі\""),
            block(25, "Мектеп жиһазын\nжөндеуге көмек көрсету"),
            block(28, "60\nорынға\nдейін"),
            block(32, "жұмыспен қамту және\nеңбекақысы төленеді."),
            block(35, "Мектеп аумағын\nжинауға көмек көрсету"),
            block(38, "2000 шаршы\nметрге дейін"),
            block(41, "Қоғамдық жұмыстар уақытша\nеңбекақысы төленеді."),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut log = Log::default();
        let (rows, _) = part1(&refs, &mut log);
        let lines = |r: &RawRow, c: usize| r.cells[c].iter().map(|f| f.no).collect::<Vec<_>>();
        assert_eq!(lines(&rows[0], 1), [6, 7, 25, 26]);
        assert_eq!(lines(&rows[0], 2), [9, 10, 28, 29, 30]);
        assert_eq!(lines(&rows[0], 3), [12, 13, 32, 33]);
        assert_eq!(lines(&rows[1], 1), [35, 36]);
        assert_eq!(lines(&rows[1], 3), [41, 42]);
        assert!(log.residue.is_empty());
    }

    #[test]
    fn row_numbers_printed_together_share_the_cells_that_follow() {
        let cond = "Қоғамдық жұмыстар\nжұмыссыздар үшін\nарналады.";
        let blocks = [
            block(1, "1"),
            block(3, "2"),
            block(5, "Ұйым бір"),
            block(7, cond),
            block(11, "Ұйым екі"),
            block(13, cond),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let (rows, _) = part1(&refs, &mut Log::default());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[ORG][0].text, "Ұйым бір");
        assert_eq!(rows[1].cells[ORG][0].text, "Ұйым екі");
    }

    #[test]
    fn a_volume_printed_after_the_conditions_goes_to_the_volume_column() {
        let cond = "Общественные работы для\nбезработных. Направление\nбезработных на работы.";
        let blocks = [
            block(1, "1"),
            block(3, "Средняя школа"),
            block(5, "Помощь в уборке\nтерритории"),
            block(8, cond),
            block(12, "до 2000\nквадратных\nметров"),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let (rows, _) = part1(&refs, &mut Log::default());
        assert_eq!(rows[0].cells[2][0].text, "до 2000");
        assert_eq!(rows[0].cells[3][0].text, "Общественные работы для");
    }

    #[test]
    fn words_printed_after_a_rows_conditions_stay_in_that_row() {
        let cond = "Общественные работы для\nбезработных. Направление\nбезработных на работы.";
        let blocks = [
            block(1, "1"),
            block(3, "Школа"),
            block(5, "Помощь\nорганизации"),
            block(8, "до 6\nмероприятий"),
            block(11, cond),
            block(15, "в"),
            block(17, "2"),
            block(19, "Отдел"),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let (rows, _) = part1(&refs, &mut Log::default());
        assert_eq!(rows[0].cells[3].last().map(|f| f.no), Some(15));
        assert!(rows[1].cells.iter().flatten().all(|f| f.no != 15));
    }

    #[test]
    fn a_volume_number_is_not_a_row_number() {
        let vol = block(1, "15\nадамға\nдейін");
        assert!(anchor_rest(&vol, 15).is_none());
        let glued = [
            block(1, "1"),
            block(3, "Ұйым\n2"),
            block(6, "адамға\nдейін"),
        ];
        let refs: Vec<&Block> = glued.iter().collect();
        assert_eq!(split_glued_numbers(&refs).len(), 3);
        assert!(anchor_rest(&block(1, "2\n\"Ақсу ауданы"), 2).is_some());
    }

    #[test]
    fn a_row_number_printed_on_its_names_first_line_is_an_anchor() {
        // As WeasyPrint's justified cells print it (probe wp-dejavu): "10 \"Балқаш".
        let named = block(1, "10 \"Балқаш\nауданының\nмекемесі");
        let rest = anchor_rest(&named, 10).expect("anchor");
        assert_eq!(rest[0].text, "\"Балқаш");
        assert!(anchor_rest(&block(1, "10 адамға\nдейін"), 10).is_none());
        assert!(anchor_rest(&block(1, "10 Мемлекеттік"), 11).is_none());
        // A whole row that OCR read as one line is no name's start.
        let ocr = block(
            1,
            "1 \"Байзақ Абаттандыруға, 1500 Қоғамдық жұмыстар уақытша жұмыс",
        );
        assert!(anchor_rest(&ocr, 1).is_none());
    }
}
