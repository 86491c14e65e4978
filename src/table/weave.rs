//! A wide pay cell that pdftotext printed as two word columns, one block
//! after the other ("В" / "размере" / "1,5" / "заработной" / … then
//! "минимальной" / "установленной" / …): the two runs of lines woven back
//! into one, in the order the document's own word pairs show.
//!
//! Evidence is the pairs of words printed side by side on one line anywhere
//! in part 2, and across the lines of pay cells printed as one block. The
//! runs keep their own order; a run's line goes between the other's lines
//! only where that joins more known pairs than the printed order does, and on
//! a tie as late as possible (the right column's words end their lines).

use super::blocks::{Block, Frag};
use super::part2::RawPay;
use super::Log;
use crate::model::RepairKind;
use crate::repair::split_word::{word_core, NeededPairs};
use std::collections::BTreeSet;

/// Pairs of word cores known to follow each other in the document.
struct Pairs(BTreeSet<(String, String)>);

impl Pairs {
    /// The pairs of words in `needed` (the ends of the lines to weave), one
    /// pass with a reused buffer.
    fn learn(blocks: &[Block], pays: &[RawPay], needed: &BTreeSet<String>) -> Pairs {
        let mut set = BTreeSet::new();
        let mut reader = NeededPairs::new(needed);
        let mut keep = |prev: &str, core: &str| {
            if !prev.is_empty() {
                set.insert((prev.to_string(), core.to_string()));
            }
        };
        for f in blocks.iter().flat_map(|b| &b.frags) {
            reader.scan(f.text.split_whitespace(), |_| true, &mut keep);
        }
        for p in pays.iter().filter(|p| runs(&p.pay).len() == 1) {
            let tokens = p.pay.iter().flat_map(|f| f.text.split_whitespace());
            reader.scan(tokens, |_| true, &mut keep);
        }
        Pairs(set)
    }

    fn has(&self, a: &Frag, b: &Frag) -> bool {
        let last = a.text.split_whitespace().last().map(word_core);
        let first = b.text.split_whitespace().next().map(word_core);
        match (last, first) {
            (Some(x), Some(y)) => self.0.contains(&(x, y)),
            _ => false,
        }
    }
}

/// The cell's runs of lines printed one under the other (a blank line or
/// more between runs), as index ranges. A line printed before the one it
/// follows in the cell (put there from elsewhere) opens a run of its own: it
/// was not printed under that line. `torn` reads conditions cells' runs too.
pub(super) fn runs(frags: &[Frag]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, f) in frags.iter().enumerate() {
        match out.last_mut() {
            Some(r) if f.no <= frags[i - 1].no + 1 && f.no >= frags[i - 1].no => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Weaves the pay cells printed as two runs of word columns.
pub fn weave_pays(blocks: &[Block], pays: &mut [RawPay], log: &mut Log) {
    let two = |p: &RawPay| runs(&p.pay).len() == 2;
    if !pays.iter().any(two) {
        return;
    }
    let mut needed = BTreeSet::new();
    for p in pays.iter().filter(|p| two(p)) {
        for f in &p.pay {
            let mut words = f.text.split_whitespace();
            needed.extend(words.next().map(word_core));
            needed.extend(words.last().map(word_core));
        }
    }
    let pairs = Pairs::learn(blocks, pays, &needed);
    for p in pays.iter_mut().filter(|p| two(p)) {
        let r = runs(&p.pay);
        let (a, b) = p.pay.split_at(r[1].start);
        let Some(order) = best_order(a, b, &pairs) else {
            continue;
        };
        let before: Vec<&str> = p.pay.iter().map(|f| f.text.as_str()).collect();
        let before = before.join(" / ");
        let woven: Vec<Frag> = order
            .iter()
            .map(|&(from_b, k)| if from_b { b[k].clone() } else { a[k].clone() })
            .collect();
        p.pay = woven;
        let after: Vec<&str> = p.pay.iter().map(|f| f.text.as_str()).collect();
        log.repair(
            RepairKind::ColumnMerge,
            p.pay[0].no,
            before,
            after.join(" / "),
        );
    }
}

/// Score of a merge: known pairs at the joins, then how late the second
/// run's lines stand (sum of their places).
type Score = (usize, usize);

/// The order of the two runs' lines (`(from_b, index)`) that joins the most
/// known pairs, when it beats the printed order (all of `a`, then `b`).
fn best_order(a: &[Frag], b: &[Frag], pairs: &Pairs) -> Option<Vec<(bool, usize)>> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n + m > 64 {
        return None;
    }
    // best[i][j][s]: best score with i lines of a and j of b placed, the last
    // from b when s == 1.
    let none: Option<Score> = None;
    let mut best = vec![vec![[none; 2]; m + 1]; n + 1];
    let mut from = vec![vec![[0u8; 2]; m + 1]; n + 1];
    best[1][0][0] = Some((0, 0));
    best[0][1][1] = Some((0, 0));
    for i in 0..=n {
        for j in 0..=m {
            for s in 0..2 {
                let Some(here) = best[i][j][s] else { continue };
                let last = if s == 0 { &a[i - 1] } else { &b[j - 1] };
                let steps = [(i < n, 0usize), (j < m, 1usize)];
                for (ok, t) in steps {
                    if !ok {
                        continue;
                    }
                    let (ni, nj) = if t == 0 { (i + 1, j) } else { (i, j + 1) };
                    let next = if t == 0 { &a[i] } else { &b[j] };
                    let gain = usize::from(pairs.has(last, next));
                    let late = if t == 1 { i + j } else { 0 };
                    let cand = (here.0 + gain, here.1 + late);
                    if best[ni][nj][t].is_none_or(|c| cand > c) {
                        best[ni][nj][t] = Some(cand);
                        from[ni][nj][t] = s as u8;
                    }
                }
            }
        }
    }
    let (s_end, score) = (0..2)
        .filter_map(|s| best[n][m][s].map(|v| (s, v)))
        .max_by_key(|&(_, v)| v)?;
    let printed = joins(a, pairs) + usize::from(pairs.has(&a[n - 1], &b[0])) + joins(b, pairs);
    if score.0 <= printed {
        return None;
    }
    let mut order = Vec::with_capacity(n + m);
    let (mut i, mut j, mut s) = (n, m, s_end);
    while i + j > 0 {
        let prev = from[i][j][s] as usize;
        if s == 0 {
            i -= 1;
            order.push((false, i));
        } else {
            j -= 1;
            order.push((true, j));
        }
        s = prev;
    }
    order.reverse();
    Some(order)
}

/// Known pairs at the joins of a run's own lines.
fn joins(run: &[Frag], pairs: &Pairs) -> usize {
    run.windows(2).filter(|w| pairs.has(&w[0], &w[1])).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frags(first: usize, lines: &[&str]) -> Vec<Frag> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Frag::new(first + i, t))
            .collect()
    }

    fn pay_of(frags: Vec<Frag>) -> RawPay {
        RawPay {
            pay: frags,
            ..RawPay::default()
        }
    }

    fn text(p: &RawPay) -> String {
        let t: Vec<&str> = p.pay.iter().map(|f| f.text.as_str()).collect();
        t.join(" ")
    }

    #[test]
    fn weaves_a_pay_printed_as_two_word_columns() {
        let whole = frags(
            1,
            &[
                "В размере минимальной заработной",
                "платы,",
                "установленной",
                "законодательством",
                "Республики",
                "Казахстан",
            ],
        );
        let left = [
            "В",
            "размере",
            "1,5",
            "заработной",
            "платы,",
            "законодательством",
            "Казахстан",
        ];
        let mut split = frags(20, &left);
        split.extend(frags(28, &["минимальной", "установленной", "Республики"]));
        let mut pays = vec![pay_of(whole), pay_of(split)];
        weave_pays(&[], &mut pays, &mut Log::default());
        assert_eq!(
            text(&pays[1]),
            "В размере 1,5 минимальной заработной платы, установленной законодательством Республики Казахстан"
        );
    }

    #[test]
    fn pairs_are_learned_between_needed_words_side_by_side_only() {
        let block = Block {
            frags: frags(1, &["В размере 1,5 минимальной", "заработной платы,"]),
            page_break_before: false,
        };
        let needed: BTreeSet<String> = ["в", "размере", "минимальной", "заработной"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let pairs = Pairs::learn(&[block], &[], &needed);
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        // "1,5" is not needed, so it parts its neighbours; no pair spans lines.
        assert_eq!(pairs.0, BTreeSet::from([pair("в", "размере")]));
    }

    #[test]
    fn runs_part_at_a_blank_line_and_at_a_line_printed_earlier() {
        let mut cell = frags(20, &["Общественные работы", "для безработных."]);
        cell.extend(frags(24, &["Плата."]));
        cell.extend(frags(12, &["своевременно."]));
        assert_eq!(runs(&cell), [0..2, 2..3, 3..4]);
    }

    #[test]
    fn two_runs_with_no_evidence_stay_in_printed_order() {
        let mut split = frags(1, &["В размере", "платы"]);
        split.extend(frags(4, &["минимальной", "заработной"]));
        let mut pays = vec![pay_of(split.clone())];
        weave_pays(&[], &mut pays, &mut Log::default());
        assert_eq!(pays[0].pay, split);
    }
}
