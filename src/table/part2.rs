//! Part 2 of the table (pay, funding, demand, supply), printed after the
//! continuation marker without row numbers: each row ends with its two head
//! counts, and the rows pair with part 1 in order.
//!
//! When a row prints its pay and funding as two separate blocks, the blocks
//! are the cells. Otherwise (a page break or a wide layout put both cells on
//! the same lines) each word goes to funding when it is a word of the genre's
//! funding sources (бюджет, жергілікті, местный …) and to pay otherwise.

use super::blocks::{Block, Frag};
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::word_core;

/// Word starts of the funding sources the genre names (Kazakh and Russian).
const FUNDING_WORDS: &[&str] = &[
    "бюджет", "жергілікті", "республикалық", "облыстық", "қаражат", "местн", "средств", "республиканск", "областн",
];

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

/// A fragment with the index of the block it was printed in and whether a
/// page break came before that block.
type Placed = (usize, bool, Frag);

fn is_funding_word(token: &str) -> bool {
    let core = word_core(token);
    !core.is_empty() && FUNDING_WORDS.iter().any(|w| core.starts_with(w))
}

/// The integers ending a line (at most two) and the text before them, when
/// that text is empty or names a funding source (a merged funding cell).
fn counts(text: &str) -> Option<(String, Vec<u32>)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let nums = tokens.iter().rev().take(2).take_while(|t| t.parse::<u32>().is_ok()).count();
    if nums == 0 {
        return None;
    }
    let (head, tail) = tokens.split_at(tokens.len() - nums);
    if !head.iter().all(|t| is_funding_word(t)) {
        return None;
    }
    Some((head.join(" "), tail.iter().filter_map(|t| t.parse().ok()).collect()))
}

/// Rebuilds part 2's rows from its data blocks (headers and marker removed).
pub fn part2(blocks: &[&Block], log: &mut Log) -> Vec<RawPay> {
    let mut rows = Vec::new();
    let mut text: Vec<Placed> = Vec::new();
    let mut nums: Vec<(u32, usize)> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        for f in &b.frags {
            let Some((prefix, found)) = counts(&f.text) else {
                if !nums.is_empty() {
                    rows.push(close(&mut text, &mut nums, log));
                }
                text.push((bi, b.page_break_before, f.clone()));
                continue;
            };
            if !prefix.is_empty() {
                let after = found.iter().map(u32::to_string).collect::<Vec<_>>().join(" | ");
                log.repair(RepairKind::ColumnMerge, f.no, f.text.clone(), format!("{prefix} | {after}"));
                text.push((bi, b.page_break_before, Frag { text: prefix, ..f.clone() }));
            }
            nums.extend(found.into_iter().map(|n| (n, f.no)));
            if nums.len() >= 2 {
                rows.push(close(&mut text, &mut nums, log));
            }
        }
    }
    if !text.is_empty() || !nums.is_empty() {
        rows.push(close(&mut text, &mut nums, log));
    }
    rows
}

/// Closes a row from the text and head counts gathered since the last one.
fn close(text: &mut Vec<Placed>, nums: &mut Vec<(u32, usize)>, log: &mut Log) -> RawPay {
    let frags = std::mem::take(text);
    let counts = std::mem::take(nums);
    let line = counts.first().map(|c| c.1).or(frags.first().map(|f| f.2.no)).unwrap_or(0);
    let mut row = RawPay { demand: counts.first().map(|c| c.0), supply: counts.get(1).map(|c| c.0), line, ..RawPay::default() };
    if counts.len() < 2 {
        log.warn(line, "a row of part 2 without both head counts (demand, supply): left empty".to_string());
    }
    let blocks: std::collections::BTreeSet<usize> = frags.iter().map(|f| f.0).collect();
    let clean = blocks.len() == 2 && !frags.iter().skip(1).any(|f| f.1 && f.0 != frags[0].0);
    if clean {
        let first = frags[0].0;
        for (b, _, f) in frags {
            if b == first { row.pay.push(f) } else { row.funding.push(f) }
        }
    } else {
        frags.into_iter().for_each(|(_, _, f)| split_words(&mut row, f, log));
    }
    row
}

/// Puts a fragment's funding words in funding and the rest in pay.
fn split_words(row: &mut RawPay, f: Frag, log: &mut Log) {
    let tokens: Vec<&str> = f.text.split_whitespace().collect();
    let (fund, pay): (Vec<&str>, Vec<&str>) = tokens.iter().partition(|t| is_funding_word(t));
    if !fund.is_empty() && !pay.is_empty() {
        log.repair(RepairKind::ColumnMerge, f.no, f.text.clone(), format!("{} | {}", pay.join(" "), fund.join(" ")));
    }
    if !pay.is_empty() {
        row.pay.push(Frag { text: pay.join(" "), ..f.clone() });
    }
    if !fund.is_empty() {
        row.funding.push(Frag { text: fund.join(" "), part: f.part + 1, ..f });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_counts_end_a_row_even_after_a_funding_word() {
        assert_eq!(counts("10 10"), Some((String::new(), vec![10, 10])));
        assert_eq!(counts("бюджет 2 2"), Some(("бюджет".to_string(), vec![2, 2])));
        assert_eq!(counts("15"), Some((String::new(), vec![15])));
        assert_eq!(counts("айлық жалақының 2"), None);
    }
}
