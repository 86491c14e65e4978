//! Part 2 of the table (pay, funding, demand, supply), printed after the
//! continuation marker without row numbers: each row ends with its two head
//! counts, and the rows pair with part 1 in order.

use super::blocks::{Block, Frag};
use super::classify::Profiles;
use super::Log;
use crate::model::RepairKind;

pub const PAY: usize = 0;
pub const FUNDING: usize = 1;

/// One row of part 2 as fragments, before rendering.
#[derive(Debug, Clone, Default)]
pub struct RawPay {
    pub pay: Vec<Frag>,
    pub funding: Vec<Frag>,
    pub demand: Option<u32>,
    pub supply: Option<u32>,
    /// Raw line of the head counts.
    pub line: usize,
}

/// A row's blocks as printed, each with its page-break flag.
type RowBlocks = Vec<(bool, Vec<Frag>)>;

/// The head counts closing a row: the line's last two tokens as integers, and
/// the text before them (a funding cell's last word merged onto the line).
fn counts(text: &str) -> Option<(String, u32, u32)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let n = tokens.len();
    if n < 2 {
        return None;
    }
    let demand = tokens[n - 2].parse().ok()?;
    let supply = tokens[n - 1].parse().ok()?;
    Some((tokens[..n - 2].join(" "), demand, supply))
}

/// Rebuilds part 2's rows from its data blocks (headers and marker removed).
pub fn part2(blocks: &[&Block], log: &mut Log) -> Vec<RawPay> {
    let mut rows: Vec<(RowBlocks, Option<(u32, u32)>, usize)> = Vec::new();
    let mut current: RowBlocks = Vec::new();
    for b in blocks {
        let mut frags = Vec::new();
        let mut brk = b.page_break_before;
        for f in &b.frags {
            match counts(&f.text) {
                Some((prefix, d, s)) => {
                    if !prefix.is_empty() {
                        log.repair(RepairKind::ColumnMerge, f.no, f.text.clone(), format!("{prefix} | {d} | {s}"));
                        frags.push(Frag { text: prefix, ..f.clone() });
                    }
                    push_block(&mut current, &mut brk, &mut frags);
                    rows.push((std::mem::take(&mut current), Some((d, s)), f.no));
                }
                None => frags.push(f.clone()),
            }
        }
        push_block(&mut current, &mut brk, &mut frags);
    }
    if !current.is_empty() {
        let line = current[0].1[0].no;
        log.warn(line, "the last row of part 2 has no head counts (demand, supply)".to_string());
        rows.push((current, None, line));
    }
    let profiles = learn(&rows);
    rows.into_iter().map(|(blocks, c, line)| build(blocks, c, line, &profiles, log)).collect()
}

fn push_block(current: &mut RowBlocks, brk: &mut bool, frags: &mut Vec<Frag>) {
    if !frags.is_empty() {
        current.push((*brk, std::mem::take(frags)));
        *brk = false;
    }
}

fn is_clean(blocks: &RowBlocks) -> bool {
    blocks.len() == 2 && !blocks[1].0
}

fn learn(rows: &[(RowBlocks, Option<(u32, u32)>, usize)]) -> Profiles {
    let mut p = Profiles::new(2);
    for (blocks, _, _) in rows.iter().filter(|r| is_clean(&r.0)) {
        p.add(PAY, &blocks[0].1);
        p.add(FUNDING, &blocks[1].1);
    }
    p
}

fn build(blocks: RowBlocks, c: Option<(u32, u32)>, line: usize, profiles: &Profiles, log: &mut Log) -> RawPay {
    let mut row = RawPay { demand: c.map(|c| c.0), supply: c.map(|c| c.1), line, ..RawPay::default() };
    if is_clean(&blocks) {
        row.pay = blocks[0].1.clone();
        row.funding = blocks[1].1.clone();
        return row;
    }
    let mut portion: Vec<&[Frag]> = Vec::new();
    for (k, (brk, frags)) in blocks.iter().enumerate() {
        if *brk && !portion.is_empty() {
            place(&mut row, &portion, profiles, log);
            portion.clear();
        }
        portion.push(frags);
        if k + 1 == blocks.len() {
            place(&mut row, &portion, profiles, log);
        }
    }
    if blocks.iter().skip(1).any(|b| b.0) {
        split_merged(&mut row, profiles, log);
    }
    row.pay.sort_by_key(|f| (f.no, f.part));
    row.funding.sort_by_key(|f| (f.no, f.part));
    row
}

fn place(row: &mut RawPay, portion: &[&[Frag]], profiles: &Profiles, log: &mut Log) {
    match profiles.assign(portion, 0) {
        Some(cols) => {
            for (frags, c) in portion.iter().zip(cols) {
                let cell = if c == PAY { &mut row.pay } else { &mut row.funding };
                cell.extend_from_slice(frags);
            }
        }
        None => {
            log.warn(row.line, "part 2 row has more blocks than columns; extra text kept in pay".to_string());
            portion.iter().for_each(|f| row.pay.extend_from_slice(f));
        }
    }
}

/// Splits pay lines whose last words are funding words (a page break printed
/// the first line of the funding cell on the pay cell's line).
fn split_merged(row: &mut RawPay, profiles: &Profiles, log: &mut Log) {
    let mut moved = Vec::new();
    for f in &mut row.pay {
        let tokens: Vec<&str> = f.text.split_whitespace().collect();
        let is_funding = |t: &&&str| profiles.share(FUNDING, t).is_some_and(|s| s >= 0.9);
        let tail = tokens.iter().rev().take_while(is_funding).count();
        if tail == 0 || tail == tokens.len() {
            continue;
        }
        let (keep, give) = tokens.split_at(tokens.len() - tail);
        log.repair(RepairKind::ColumnMerge, f.no, f.text.clone(), format!("{} | {}", keep.join(" "), give.join(" ")));
        moved.push(Frag { text: give.join(" "), part: f.part + 1, ..f.clone() });
        f.text = keep.join(" ");
    }
    row.funding.extend(moved);
}
