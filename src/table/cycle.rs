//! Part 1 rows when the row numbers are not printed before their rows (pdftotext
//! often prints the number column after all the rows of a page): rows are read
//! from the cycle of cells itself, organization → works → volume → conditions.
//!
//! Conditions are recognized by their subject (they speak of the unemployed:
//! жұмыссыз / безработн), volumes by a number; the text cells before a volume
//! are the organization, then the works. Blocks that open a page in the middle
//! of a sentence continue the row torn by the break and are placed by the words
//! each column uses in the rows already read.

use super::blocks::{Block, Frag};
use super::classify::Profiles;
use super::rows::{RawRow, NCOLS};
use super::Log;
use crate::repair::split_word::{is_word_char, may_open, word_core, word_core_into};

const ORG: usize = 0;
const WORKS: usize = 1;
const VOLUME: usize = 2;
const COND: usize = 3;

/// Word starts that mark the conditions cell (the unemployed).
const COND_WORDS: &[&str] = &["жұмыссыз", "безработн"];
/// Words that end or open a volume.
pub(crate) const VOLUME_WORDS: &[&str] = &["дейін", "шейін", "до"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Text,
    Volume,
    Conditions,
}

pub(crate) fn kind(b: &Block) -> Kind {
    // One pass over the words with one buffer: blocks are classified many times.
    let (mut cond_word, mut numbers, mut volume_word) = (false, 0usize, false);
    let mut w = String::new();
    for t in b.frags.iter().flat_map(|f| f.text.split_whitespace()) {
        // The word core starts at the first letter or digit: a number, or a
        // word no marker word starts like, is told without taking the core.
        let Some(first) = t.chars().find(|&c| is_word_char(c)) else {
            continue;
        };
        if first.is_ascii_digit() {
            numbers += 1;
            continue;
        }
        if !may_open(first, MARKER_FIRSTS) {
            continue;
        }
        word_core_into(t, &mut w);
        cond_word |= COND_WORDS.iter().any(|c| w.starts_with(c));
        if cond_word && b.frags.len() >= 3 {
            // Conditions whatever the other words say: the rest is not read.
            return Kind::Conditions;
        }
        volume_word |= VOLUME_WORDS.contains(&w.as_str());
    }
    // "дейі" / "н": the closing word broken across the narrow column's lines.
    let broken_end = || {
        let mut tail: Vec<String> = b
            .frags
            .iter()
            .rev()
            .flat_map(|f| f.text.split_whitespace().rev())
            .take(3)
            .map(word_core)
            .collect();
        tail.reverse();
        let tail = tail.concat();
        VOLUME_WORDS
            .iter()
            .any(|v| v.chars().count() > 2 && tail.ends_with(v))
    };
    // A narrow volume column takes up to five lines a volume.
    if numbers > 0 && (volume_word || broken_end()) && b.frags.len() <= 8.max(5 * numbers) {
        Kind::Volume
    } else {
        Kind::Text
    }
}

/// The first letters of the conditions and volume words (a test checks them
/// against the lists): every word of every block is asked.
const MARKER_FIRSTS: &[&str] = &["ж", "б", "д", "ш"];

/// A text block whose last lines are a volume printed without a blank line
/// before it ("курьерлік жұмыс" / "1500 құжатқа" / "дейін") is two cells.
fn split_volume(b: &Block) -> Vec<Block> {
    let at = b
        .frags
        .iter()
        .position(|f| f.text.starts_with(|c: char| c.is_ascii_digit()));
    let Some(at) = at.filter(|&a| a > 0) else {
        return vec![b.clone()];
    };
    let tail = Block {
        frags: b.frags[at..].to_vec(),
        page_break_before: false,
    };
    let head = Block {
        frags: b.frags[..at].to_vec(),
        page_break_before: b.page_break_before,
    };
    if kind(&tail) != Kind::Volume || kind(&head) != Kind::Text {
        return vec![b.clone()];
    }
    vec![head, tail]
}

/// A block of sentences (its last text line ends with a full stop): the rest
/// of a conditions cell that a blank line cut off, never an organization or a
/// kind of work. A row number printed under it is left to the number column.
fn finishes_sentences(b: &Block) -> bool {
    b.frags
        .iter()
        .rev()
        .find(|f| !is_number_line(f))
        .is_some_and(|f| f.text.trim_end().ends_with('.'))
}

fn is_number_line(f: &Frag) -> bool {
    f.text.trim().parse::<u32>().is_ok()
}

fn is_number_block(b: &Block) -> bool {
    b.frags
        .iter()
        .all(|f| f.text.split_whitespace().all(|t| t.parse::<u32>().is_ok()))
}

fn continues(b: &Block) -> bool {
    b.page_break_before
        && b.frags[0]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Reads rows from the cell cycle; `None` when the cycle does not give `expected` rows.
pub fn rows(blocks: &[&Block], expected: usize, log: &mut Log) -> Option<Vec<RawRow>> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut torn: Vec<(usize, Vec<&Block>)> = Vec::new();
    let mut col = None;
    let mut in_torn = false;
    let split: Vec<Block> = blocks
        .iter()
        .filter(|b| !is_number_block(b))
        .flat_map(|b| split_volume(b))
        .collect();
    for b in &split {
        let lower = b.frags[0]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if continues(b) {
            if rows.is_empty() {
                return None;
            }
            torn.push((rows.len() - 1, vec![b]));
            in_torn = true;
            continue;
        }
        if in_torn && lower {
            torn.last_mut().expect("set with in_torn").1.push(b);
            continue;
        }
        in_torn = false;
        // Classified once (a word pass over the block) for both tests below.
        let kind_b = kind(b);
        if col == Some(COND) && kind_b == Kind::Text && finishes_sentences(b) {
            let last = rows.last_mut().expect("a conditions cell was placed");
            last.cells[COND].extend(b.frags.iter().filter(|f| !is_number_line(f)).cloned());
            continue;
        }
        col = Some(step(&mut rows, col, kind_b, b));
    }
    if rows.len() != expected
        || rows
            .iter()
            .any(|r| r.cells[COND].is_empty() || r.cells[ORG].is_empty())
    {
        return None;
    }
    let profiles = learn(&rows);
    for (r, list) in torn {
        let frags: Vec<&[Frag]> = list.iter().map(|b| b.frags.as_slice()).collect();
        let cols = profiles.assign(&frags, 0)?;
        for (b, c) in list.iter().zip(cols) {
            rows[r].cells[c].extend_from_slice(&b.frags);
            log.moved_lines(
                &b.frags,
                format!("moved to row {}, column {}", r + 1, c + 2),
            );
        }
    }
    for (i, r) in rows.iter_mut().enumerate() {
        r.number = i as u32 + 1;
        r.line = r.cells.iter().flatten().map(|f| f.no).min().unwrap_or(0);
        r.cells
            .iter_mut()
            .for_each(|c| c.sort_by_key(|f| (f.no, f.part)));
    }
    log.warn(
        rows.first().map_or(0, |r| r.line),
        "row numbers printed apart from their rows: rows read from the order of their cells"
            .to_string(),
    );
    Some(rows)
}

/// How many rows look whole: every cell filled, the conditions about the unemployed.
pub fn quality(rows: &[RawRow]) -> usize {
    rows.iter()
        .filter(|r| r.cells.iter().all(|c| !c.is_empty()))
        .filter(|r| has_cond_word(&r.cells[COND]))
        .count()
}

/// Whether a cell's lines use a word of the conditions (the unemployed).
pub(super) fn has_cond_word(frags: &[Frag]) -> bool {
    // Every condition word starts with "ж" or "б": other lines are not split.
    let mut w = String::new();
    frags
        .iter()
        .filter(|f| f.text.contains(['ж', 'Ж', 'б', 'Б']))
        .flat_map(|f| f.text.split_whitespace())
        .any(|t| {
            // Only a word that may start like one is word-cored (into one buffer).
            let first = t.chars().find(|&c| is_word_char(c));
            if !first.is_some_and(|c| may_open(c, COND_WORDS)) {
                return false;
            }
            word_core_into(t, &mut w);
            COND_WORDS.iter().any(|c| w.starts_with(c))
        })
}

/// Places one block in the cycle; returns the column it went to.
fn step(rows: &mut Vec<RawRow>, col: Option<usize>, kind: Kind, b: &Block) -> usize {
    let target = match (kind, col) {
        (Kind::Conditions, _) => COND,
        (Kind::Volume, Some(c)) if c > VOLUME => return new_row(rows, VOLUME, b),
        (Kind::Volume, _) => VOLUME,
        (Kind::Text, None) => ORG,
        (Kind::Text, Some(ORG)) | (Kind::Text, Some(WORKS)) => WORKS,
        (Kind::Text, Some(_)) => return new_row(rows, ORG, b),
    };
    if rows.is_empty() {
        return new_row(rows, target, b);
    }
    rows.last_mut().expect("checked").cells[target].extend_from_slice(&b.frags);
    target
}

fn new_row(rows: &mut Vec<RawRow>, col: usize, b: &Block) -> usize {
    let mut row = RawRow::numbered(rows.len() as u32 + 1);
    row.cells[col].extend_from_slice(&b.frags);
    rows.push(row);
    col
}

fn learn(rows: &[RawRow]) -> Profiles {
    let mut p = Profiles::new(NCOLS);
    for r in rows {
        for (c, cell) in r.cells.iter().enumerate() {
            p.add(c, cell);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(lines: &[&str]) -> Block {
        Block::of_lines(1, lines.iter().copied(), false)
    }

    #[test]
    fn the_marker_firsts_are_the_first_letters_of_the_marker_words() {
        let mut firsts: Vec<char> = (COND_WORDS.iter().chain(VOLUME_WORDS))
            .filter_map(|w| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut listed: Vec<char> = MARKER_FIRSTS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        listed.sort_unstable();
        assert_eq!(firsts, listed);
    }

    #[test]
    fn a_narrow_volume_column_is_a_volume_even_broken_and_long() {
        let broken = block(&["500", "құжатқа", "дейі", "н"]);
        assert_eq!(kind(&broken), Kind::Volume);
        let three = block(&[
            "100",
            "ауланға",
            "дейін",
            "150",
            "құжатқа",
            "дейін",
            "400",
            "шақы",
            "ру",
            "қағазға",
            "дейін",
        ]);
        assert_eq!(kind(&three), Kind::Volume);
    }

    #[test]
    fn sentences_after_a_conditions_cell_are_its_rest() {
        let cond = "Қоғамдық жұмыстар уақытша жұмыс\nжұмыссыздар үшін арналады.\nЖұмыс беруші мен";
        let blocks = [
            block(&["Ұйым"]),
            block(&["Курьерлік жұмыс"]),
            block(&["150 құжатқа", "дейін"]),
            block(&cond.lines().collect::<Vec<_>>()),
            block(&["Уақытылы еңбекақысы төленеді.", "2"]),
            block(&["Ұйым екі"]),
            block(&["Курьерлік жұмыс"]),
            block(&["50 құжатқа", "дейін"]),
            block(&cond.lines().collect::<Vec<_>>()),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let rows = rows(&refs, 2, &mut Log::default()).expect("two rows");
        assert_eq!(rows[0].cells[COND].len(), 4);
        assert_eq!(rows[1].cells[ORG][0].text, "Ұйым екі");
    }
}
