//! Two neighbouring cells that pdftotext printed interleaved, line by line,
//! as one block: an organization's name and a short kind of work set side by
//! side at the same height ("\"Басши" / "Мектеп жиһазын" /
//! "бөбекжай-балабақшасы\"" / "жөндеуге көмек" / …).
//!
//! Kinds of work repeat across rows, so the block is cut apart when some of
//! its lines, in order, spell a kind of work printed whole elsewhere in the
//! table and the other lines, the first among them, read as a name (a quote
//! or a legal form, no kind of work).

use super::blocks::{Block, Frag};
use crate::repair::split_word::word_core_into;
use std::collections::{BTreeMap, BTreeSet};

/// Texts (spaces removed) of cells printed whole: blocks, and their runs of
/// lines from one capitalized line to the next (one kind of work each).
pub struct Known {
    /// Each text with the blocks it was printed in.
    texts: BTreeMap<String, BTreeSet<usize>>,
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

impl Known {
    /// Learns from the blocks that `source` accepts (cells of kinds of work).
    pub fn learn(blocks: &[&Block], source: impl Fn(&Block) -> bool) -> Known {
        let mut texts: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (i, b) in blocks.iter().enumerate().filter(|(_, b)| source(b)) {
            let mut add = |t: String| {
                texts.entry(t).or_default().insert(i);
            };
            let mut run = String::new();
            for f in &b.frags {
                if f.text.starts_with(char::is_uppercase) && !run.is_empty() {
                    add(std::mem::take(&mut run));
                }
                run.push_str(&compact(&f.text));
            }
            add(run);
            add(compact(&b.plain()));
        }
        texts.retain(|t, _| t.chars().count() >= 12);
        Known { texts }
    }
}

/// Block `index` cut into the name's lines and the work's lines, when its
/// lines interleave a name and kinds of work printed whole in other blocks.
/// Kinds of work printed after the name has ended need not be known: the
/// block's tail from a capitalized line on joins the works when the lines
/// before it split and the tail reads as work, not as a name.
pub fn split(
    b: &Block,
    index: usize,
    known: &Known,
    legal: &[&str],
    work: &[&str],
) -> Option<(Block, Block)> {
    if let Some(found) = split_whole(b, index, known, legal, work) {
        return Some(found);
    }
    let opens: Vec<usize> = (3..b.frags.len())
        .rev()
        .filter(|&k| b.frags[k].text.starts_with(char::is_uppercase))
        .take(MAX_TAILS)
        .collect();
    opens.into_iter().find_map(|k| {
        let tail = &b.frags[k..];
        if reads_as_name(tail, legal, &[]) || !has_word(tail, work) {
            return None;
        }
        let head = Block {
            frags: b.frags[..k].to_vec(),
            page_break_before: b.page_break_before,
        };
        let (name, mut works) = split_whole(&head, index, known, legal, work)?;
        works.frags.extend_from_slice(tail);
        Some((name, works))
    })
}

/// The most tails `split` tries (each a search of its own).
const MAX_TAILS: usize = 3;

/// Whether one of the fragments' words is in `words`.
fn has_word(frags: &[Frag], words: &[&str]) -> bool {
    let mut core = String::new();
    frags
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .any(|t| {
            word_core_into(t, &mut core);
            words.contains(&core.as_str())
        })
}

fn split_whole(
    b: &Block,
    index: usize,
    known: &Known,
    legal: &[&str],
    work: &[&str],
) -> Option<(Block, Block)> {
    if b.frags.len() < 3
        || b.frags[0].text.starts_with(|c: char| c.is_ascii_digit())
        || !reads_as_name(&b.frags, legal, &[])
    {
        // The name's lines are some of the block's: with no quote and no legal
        // form among all of them, no cut gives a name, and the search is skipped.
        return None;
    }
    // Cheap first: some line after the first must open a known work.
    let opens = b.frags[1..].iter().any(|f| {
        let c = compact(&f.text);
        known
            .texts
            .range(c.clone()..)
            .next()
            .is_some_and(|(t, _)| t.starts_with(&c))
    });
    if !opens {
        return None;
    }
    let tokens: Vec<Vec<String>> = b
        .frags
        .iter()
        .map(|f| f.text.split_whitespace().map(str::to_string).collect())
        .collect();
    // Each line's tails (its tokens from the k-th on, spaces removed), built
    // once: the search tries them for every rest of a work it reaches.
    let tails: Vec<Vec<String>> = tokens
        .iter()
        .map(|t| (0..t.len()).map(|k| t[k..].concat()).collect())
        .collect();
    let mut search = Search {
        tails: &tails,
        known,
        index,
        failed: vec![BTreeSet::new(); tokens.len()],
        cut: vec![None; tokens.len()],
    };
    if !search.walk(1, None) {
        return None;
    }
    let (name, works) = cut_apart(b, &tokens, &search.cut);
    // Interleaved: a name's line between the work's lines, or both on a line.
    let first = search.cut.iter().position(Option::is_some)?;
    let last = search.cut.iter().rposition(Option::is_some)?;
    let interleaved = search.cut[first..last].iter().any(Option::is_none)
        || search.cut.iter().any(|c| c.is_some_and(|k| k > 0));
    if !interleaved
        || !reads_as_name(&name, legal, work)
        || reads_as_name(&works, legal, &[])
        || known.texts.contains_key(&compact_frags(&name))
    {
        return None;
    }
    Some((
        Block {
            frags: name,
            page_break_before: b.page_break_before,
        },
        Block {
            frags: works,
            page_break_before: false,
        },
    ))
}

/// The name's fragments and the work's, as `cut` says (per line: all to the
/// name, or the tokens from `k` on to the work).
fn cut_apart(b: &Block, tokens: &[Vec<String>], cut: &[Option<usize>]) -> (Vec<Frag>, Vec<Frag>) {
    let (mut name, mut works) = (Vec::new(), Vec::new());
    for ((f, t), c) in b.frags.iter().zip(tokens).zip(cut) {
        match *c {
            None => name.push(f.clone()),
            Some(0) => works.push(f.clone()),
            Some(k) => {
                name.push(Frag {
                    text: t[..k].join(" "),
                    ..f.clone()
                });
                works.push(Frag {
                    text: t[k..].join(" "),
                    part: f.part + 1,
                    ..f.clone()
                });
            }
        }
    }
    (name, works)
}

fn compact_frags(frags: &[Frag]) -> String {
    frags.iter().map(|f| compact(&f.text)).collect()
}

/// A name: a quote or a legal form among its words, and no kind of work.
pub fn reads_as_name(frags: &[Frag], legal: &[&str], work: &[&str]) -> bool {
    let quoted = frags.iter().any(|f| f.text.contains(['"', '«', '»']));
    if quoted && work.is_empty() {
        return true;
    }
    // One pass, one buffer: every block of a table is asked.
    let mut formed = false;
    let mut core = String::new();
    for t in frags.iter().flat_map(|f| f.text.split_whitespace()) {
        word_core_into(t, &mut core);
        if work.contains(&core.as_str()) {
            return false;
        }
        formed |= legal.contains(&core.as_str());
    }
    quoted || formed
}

/// A depth-first search over the lines: each goes to the work being spelled
/// (when it continues it, or starts a known work) or to the name.
struct Search<'a> {
    /// Per line, per token k: the line's tokens from k on, spaces removed.
    tails: &'a [Vec<String>],
    known: &'a Known,
    /// The block being cut: its own texts are no evidence.
    index: usize,
    /// Per line: the rests of the work being spelled (`""` for none) already
    /// known to fail from that line on.
    failed: Vec<BTreeSet<String>>,
    /// Per line: None (the name's), or the token from which it is the work's.
    cut: Vec<Option<usize>>,
}

impl<'a> Search<'a> {
    fn walk(&mut self, i: usize, rest: Option<&str>) -> bool {
        if i == self.tails.len() {
            return rest.is_none();
        }
        if self.failed[i].contains(rest.unwrap_or("")) {
            return false;
        }
        let tails: &'a [String] = &self.tails[i];
        for (k, tail) in tails.iter().enumerate() {
            let lefts: Vec<&str> = match rest {
                Some(r) => r.strip_prefix(tail.as_str()).into_iter().collect(),
                None => self.starting(tail),
            };
            for left in lefts {
                self.cut[i] = Some(k);
                let next = (!left.is_empty()).then_some(left);
                if self.walk(i + 1, next) {
                    return true;
                }
            }
        }
        self.cut[i] = None;
        if self.walk(i + 1, rest) {
            return true;
        }
        self.failed[i].insert(rest.unwrap_or("").to_string());
        false
    }

    /// The rests of the known works that start with this text, longest first.
    fn starting(&self, text: &str) -> Vec<&'a str> {
        use std::ops::Bound;
        let texts = &self.known.texts;
        let mut out: Vec<&'a str> = texts
            .range::<str, _>((Bound::Included(text), Bound::Unbounded))
            .take_while(|(t, _)| t.starts_with(text))
            .filter(|(_, from)| from.iter().any(|&i| i != self.index))
            .map(|(t, _)| &t[text.len()..])
            .collect();
        out.sort_by_key(|r| std::cmp::Reverse(r.len()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block::of_lines(1, text.lines(), false)
    }

    #[test]
    fn cuts_a_name_and_a_known_work_apart() {
        let other = block("Мектеп жиһазын\nжөндеуге көмек\nкөрсету");
        let mixed = block(
            "\"Басши\nМектеп жиһазын\nбөбекжай-балабақшасы\"\nжөндеуге көмек\nкөрсету\nмемлекеттік\nкәсіпорны",
        );
        let blocks = [&other, &mixed];
        let known = Known::learn(&blocks, |_| true);
        let (name, works) =
            split(&mixed, 1, &known, &["кәсіпорны"], &["көмек"]).expect("interleaved");
        let text = |b: &Block| b.plain();
        assert_eq!(
            text(&name),
            "\"Басши бөбекжай-балабақшасы\" мемлекеттік кәсіпорны"
        );
        assert_eq!(text(&works), "Мектеп жиһазын жөндеуге көмек көрсету");
        // A kind of work printed after the name ends needs no twin elsewhere.
        let tail = block(
            "\"Басши\nМектеп жиһазын\nбөбекжай-балабақшасы\"\nжөндеуге көмек\nкөрсету\nкәсіпорны\nМұрағат құжаттарын\nөңдеуге көмек көрсету",
        );
        let known = Known::learn(&[&other, &tail], |b| b.frags.len() == 3);
        let (name, works) =
            split(&tail, 1, &known, &["кәсіпорны"], &["көмек"]).expect("interleaved");
        assert_eq!(text(&name), "\"Басши бөбекжай-балабақшасы\" кәсіпорны");
        assert_eq!(
            text(&works),
            "Мектеп жиһазын жөндеуге көмек көрсету Мұрағат құжаттарын өңдеуге көмек көрсету"
        );
        // A cell of two kinds of work is not a name and a work.
        let two = block("Мектеп аумағын\nжинауға көмек\nМектеп жиһазын\nжөндеуге көмек\nкөрсету");
        assert!(split(&two, 2, &known, &["кәсіпорны"], &["көмек"]).is_none());
    }
}
