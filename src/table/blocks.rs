//! Table lines as fragments and blocks: a block is a run of non-blank lines,
//! and blank lines separate the cells that pdftotext prints one after another.

use crate::lines::Line;
use crate::model::{Repair, RepairKind};
use crate::repair::spaced;

/// One printed line of a cell, after spaced-letter repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    /// 1-based raw line number.
    pub no: usize,
    /// The text, trimmed, letter-spaced runs joined.
    pub text: String,
    /// Whether the line was printed letter-spaced (evidence for a split word).
    pub spaced: bool,
    /// Order of fragments cut from the same line (a merged line split in two).
    pub part: u8,
}

impl Frag {
    /// The line as a key for comparing lines across cells: its words, one
    /// space apart (most lines are printed so already, and are their own key).
    pub fn key(&self) -> std::borrow::Cow<'_, str> {
        crate::repair::join::collapsed(&self.text)
    }

    pub fn new(no: usize, text: &str) -> Frag {
        Frag {
            no,
            text: text.trim().to_string(),
            spaced: false,
            part: 0,
        }
    }
}

/// A run of non-blank lines; `page_break_before` when a page break precedes it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    pub frags: Vec<Frag>,
    pub page_break_before: bool,
}

impl Block {
    /// The block's lines joined with single spaces (for keyword checks only).
    pub fn plain(&self) -> String {
        let parts: Vec<&str> = self.frags.iter().map(|f| f.text.as_str()).collect();
        parts.join(" ")
    }

    pub fn first_line(&self) -> usize {
        self.frags.first().map_or(0, |f| f.no)
    }

    /// A block of the given lines numbered from `first` on: the shape every
    /// table test builds its input in.
    #[cfg(test)]
    pub fn of_lines<'a>(
        first: usize,
        lines: impl IntoIterator<Item = &'a str>,
        page_break_before: bool,
    ) -> Block {
        Block {
            frags: lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| Frag::new(first + i, l))
                .collect(),
            page_break_before,
        }
    }
}

/// Splits lines into blocks, repairing letter-spaced lines on the way.
pub fn make_blocks(lines: &[Line], repairs: &mut Vec<Repair>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = Block::default();
    let mut pending_break = false;
    for line in lines {
        pending_break |= line.page_break_before;
        if line.is_blank() {
            if !current.frags.is_empty() {
                blocks.push(finish(std::mem::take(&mut current), repairs));
            }
            continue;
        }
        if pending_break && !current.frags.is_empty() {
            blocks.push(finish(std::mem::take(&mut current), repairs));
        }
        if current.frags.is_empty() {
            current.page_break_before = pending_break;
        }
        pending_break = false;
        let after_spaced = current.frags.last().is_some_and(|f| f.spaced);
        current
            .frags
            .push(repaired_frag(line, after_spaced, repairs));
    }
    if !current.frags.is_empty() {
        blocks.push(finish(current, repairs));
    }
    blocks
}

/// A block with the short tails of letter-spaced runs joined that
/// `repaired_frag` could not see: a line of two or more lone lowercase letters
/// before a spaced line or beside another such line ("д е" / "й і" / "н").
fn finish(mut block: Block, repairs: &mut Vec<Repair>) -> Block {
    let tails: Vec<bool> = block.frags.iter().map(|f| is_short_tail(&f.text)).collect();
    let n = block.frags.len();
    let near = |i: usize, j: Option<usize>| {
        j.filter(|&j| j < n)
            .is_some_and(|j| block.frags[j].spaced || (tails[j] && j != i))
    };
    let join: Vec<bool> = (0..n)
        .map(|i| tails[i] && (near(i, i.checked_sub(1)) || near(i, Some(i + 1))))
        .collect();
    for (f, join) in block.frags.iter_mut().zip(join) {
        if !join {
            continue;
        }
        let after: String = f.text.split_whitespace().collect();
        repairs.push(Repair {
            kind: RepairKind::SpacedLetters,
            line: f.no,
            before: f.text.clone(),
            after: after.clone(),
        });
        f.text = after;
        f.spaced = true;
    }
    block
}

/// A line of two or more lone lowercase letters, not all of them Russian
/// one-letter words ("и в" may be two words).
fn is_short_tail(text: &str) -> bool {
    let single = crate::repair::spaced::is_lone_small_letter;
    // Read word by word, given up at the first longer word: every line of
    // the table passes here.
    let (mut n, mut all_russian) = (0, true);
    for t in text.split_whitespace() {
        if !single(t) {
            return false;
        }
        n += 1;
        all_russian &= "вскоуиая".contains(t);
    }
    n >= 2 && !all_russian
}

/// The line as a fragment, letter-spaced runs joined; right after a
/// letter-spaced line, a line of only two spaced letters is the end of that
/// word too ("О б р а б о т" / "к а").
fn repaired_frag(line: &Line, after_spaced: bool, repairs: &mut Vec<Repair>) -> Frag {
    // Lines from `split_lines` hold no form feed; others may.
    let text = match memchr::memchr(0x0c, line.text.as_bytes()) {
        Some(_) => std::borrow::Cow::Owned(line.text.replace('\u{c}', "")),
        None => std::borrow::Cow::Borrowed(line.text.as_str()),
    };
    let joined = spaced::unspace(&text)
        .or_else(|| after_spaced.then(|| spaced::short_tail(&text)).flatten());
    match joined {
        Some(after) => {
            repairs.push(Repair {
                kind: RepairKind::SpacedLetters,
                line: line.no,
                before: text.trim().to_string(),
                after: after.clone(),
            });
            Frag {
                no: line.no,
                text: after,
                spaced: true,
                part: 0,
            }
        }
        None => Frag::new(line.no, &text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn texts(raw: &str) -> Vec<String> {
        let mut repairs = Vec::new();
        let blocks = make_blocks(&split_lines(raw), &mut repairs);
        blocks[0].frags.iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn the_short_tail_of_a_spaced_run_is_joined_too() {
        assert_eq!(
            texts("мемлекеттік\nм е к е м е\nс і\n"),
            ["мемлекеттік", "мекеме", "сі"]
        );
        // Two-letter lines only next to each other: "д е" / "й і" / "н".
        assert_eq!(texts("құжат\nд е\nй і\n"), ["құжат", "де", "йі"]);
        // Alone, or Russian one-letter words, they are left as printed.
        assert_eq!(texts("құжат\nд е\nбөлімі\n"), ["құжат", "д е", "бөлімі"]);
        assert_eq!(texts("работы\nи в\nв с е м\n")[1], "и в");
    }
}
