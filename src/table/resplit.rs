//! One-letter words swallowed by a letter-spaced run ("м е с т и" → "мести",
//! "в а р х и в" → "вархив"): the run's single spaces hide the word gap, so
//! the joined word is cut again where the document's plainly printed lines
//! show the same two words side by side ("мест и", "в архив").

use super::blocks::Block;
use crate::model::{Repair, RepairKind};
use crate::repair::spaced::RU_ONE_LETTER_WORDS;
use crate::repair::split_word::{word_core, NeededPairs, Vocab};
use std::collections::BTreeSet;

/// Words and word pairs of the lines printed without letter spacing.
struct Plain {
    words: BTreeSet<String>,
    pairs: BTreeSet<(String, String)>,
}

impl Plain {
    /// One pass with a reused buffer over the plain lines, keeping only the
    /// words in `needed` (the candidates and their pieces) and the pairs of
    /// them with a one-letter word (the only ones looked up).
    fn learn(blocks: &[Block], needed: &BTreeSet<String>) -> Plain {
        let mut words = BTreeSet::new();
        let mut pairs = BTreeSet::new();
        // Cheap first: a token too long or too short in bytes for any needed
        // word with a few marks around it is not looked up.
        let mut sizes = 0u128;
        for w in needed {
            (w.len()..=w.len() + 3).for_each(|n| sizes |= 1 << n.min(127));
        }
        let may = |t: &str| sizes & (1 << t.len().min(127)) != 0;
        let one = |w: &str| w.chars().nth(1).is_none();
        let mut keep = |prev: &str, core: &str| {
            if !words.contains(core) {
                words.insert(core.to_string());
            }
            if !prev.is_empty() && !core.is_empty() && (one(prev) || one(core)) {
                pairs.insert((prev.to_string(), core.to_string()));
            }
        };
        let mut reader = NeededPairs::new(needed);
        for f in blocks.iter().flat_map(|b| &b.frags).filter(|f| !f.spaced) {
            reader.scan(f.text.split_whitespace(), may, &mut keep);
        }
        Plain { words, pairs }
    }

    /// Where to cut `core` (in chars): after a leading one-letter word or
    /// before a trailing one, when the plain lines print that pair and never
    /// the joined word.
    fn cut(&self, core: &str) -> Option<usize> {
        if core.chars().count() < 5 || self.words.contains(core) {
            return None;
        }
        let chars: Vec<char> = core.chars().collect();
        let n = chars.len();
        let one = |c: char| RU_ONE_LETTER_WORDS.contains(c);
        let seen = |a: String, b: String| self.pairs.contains(&(a, b));
        let rest = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        if one(chars[0]) && seen(chars[0].to_lowercase().collect(), rest(1..n)) {
            return Some(1);
        }
        if one(chars[n - 1]) && seen(rest(0..n - 1), chars[n - 1].to_string()) {
            return Some(n - 1);
        }
        None
    }
}

/// Cuts the one-letter words out of the letter-spaced lines' joined words,
/// logging each cut.
pub fn resplit(blocks: &mut [Block], repairs: &mut Vec<Repair>) {
    let may = |f: &super::blocks::Frag| f.spaced && may_cut(&f.text);
    if !blocks.iter().flat_map(|b| &b.frags).any(may) {
        return;
    }
    let mut needed = BTreeSet::new();
    for f in blocks.iter().flat_map(|b| &b.frags).filter(|f| may(f)) {
        let tokens: Vec<&str> = f.text.split_whitespace().collect();
        for (i, t) in tokens.iter().enumerate() {
            add_pieces(&word_core(t), &mut needed);
            if let Some(next) = tokens.get(i + 1) {
                add_pieces(&word_core(&format!("{t}{next}")), &mut needed);
            }
        }
    }
    let plain = Plain::learn(blocks, &needed);
    for f in blocks.iter_mut().flat_map(|b| b.frags.iter_mut()) {
        if !may(f) {
            continue;
        }
        let tokens: Vec<&str> = f.text.split_whitespace().collect();
        let mut out: Vec<String> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let (used, split) = match cut_token(tokens[i], &plain) {
                Some(split) => (1, Some(split)),
                None => (
                    2,
                    tokens
                        .get(i + 1)
                        .and_then(|b| cut_pair(tokens[i], b, &plain)),
                ),
            };
            let Some(split) = split else {
                out.push(tokens[i].to_string());
                i += 1;
                continue;
            };
            repairs.push(Repair {
                kind: RepairKind::SplitWord,
                line: f.no,
                before: tokens[i..i + used].join(" "),
                after: split.clone(),
            });
            out.push(split);
            i += used;
        }
        if out.len() != tokens.len() || out.iter().zip(&tokens).any(|(a, b)| a != b) {
            f.text = out.join(" ");
        }
    }
}

/// A word and the pieces `Plain::cut` looks up: it without its first or
/// last letter, and those letters.
fn add_pieces(core: &str, needed: &mut BTreeSet<String>) {
    let chars: Vec<char> = core.chars().collect();
    let Some((&first, _)) = chars.split_first() else {
        return;
    };
    let n = chars.len();
    needed.insert(core.to_string());
    needed.insert(first.to_lowercase().collect());
    needed.insert(chars[n - 1].to_string());
    needed.insert(chars[1..].iter().collect());
    needed.insert(chars[..n - 1].iter().collect());
}

/// Whether a line holds a token `Plain::cut` or `cut_pair` could cut: a
/// long one opening or ending with a one-letter word's letter, or a piece
/// of two letters before another.
fn may_cut(text: &str) -> bool {
    let one = |c: Option<char>| c.is_some_and(|c| RU_ONE_LETTER_WORDS.contains(c));
    let mut tokens = text.split_whitespace().peekable();
    while let Some(t) = tokens.next() {
        let n = t.chars().count();
        let edge = one(t.chars().next()) || one(t.chars().rev().find(|c| c.is_alphabetic()));
        if (n >= 5 && edge) || (n == 2 && tokens.peek().is_some()) {
            return true;
        }
    }
    false
}

/// Two pieces of a run whose word gap fell one letter off ("Вр азмере"):
/// cut again after the one-letter word when neither piece is a plain word
/// and the document prints the pair ("В размере").
fn cut_pair(a: &str, b: &str, plain: &Plain) -> Option<String> {
    let letters = |t: &str| t.chars().all(char::is_alphabetic);
    if !letters(a) || !letters(b) || a.chars().count() != 2 {
        return None;
    }
    let (ca, cb) = (word_core(a), word_core(b));
    if plain.words.contains(&ca) || plain.words.contains(&cb) {
        return None;
    }
    let joined = format!("{a}{b}");
    (plain.cut(&word_core(&joined)) == Some(1)).then(|| {
        let at = joined.char_indices().nth(1).map_or(0, |(i, _)| i);
        format!("{} {}", &joined[..at], &joined[at..])
    })
}

/// A line that opens with a word's last letters printed spaced before the
/// next word ("хозяйственно" / "г о ведения", "п р о в е д е н" / "и и
/// учета"): the letters joined into one piece when the line before ends with
/// the rest of a word the document prints whole ("хозяйственного"), so that
/// the line-end repair can join them.
pub fn join_letter_heads(blocks: &mut [Block], vocab: &Vocab, repairs: &mut Vec<Repair>) {
    for block in blocks.iter_mut() {
        for k in 1..block.frags.len() {
            let text = &block.frags[k].text;
            // Cheap first: a lowercase letter, then a space.
            let mut chars = text.chars();
            let opens = chars.next().is_some_and(char::is_lowercase) && chars.next() == Some(' ');
            if !opens {
                continue;
            }
            let tokens: Vec<&str> = text.split_whitespace().collect();
            // Letters, then maybe the word's comma ("в , покос").
            let letters = tokens
                .iter()
                .take_while(|t| crate::repair::spaced::is_lone_small_letter(t))
                .count();
            let singles = letters + usize::from(tokens.get(letters).is_some_and(|t| *t == ","));
            if letters == 0 || singles < 2 || singles == tokens.len() {
                continue;
            }
            let Some(left) = block.frags[k - 1].text.split_whitespace().last() else {
                continue;
            };
            let joined = word_core(&format!("{left}{}", tokens[..singles].concat()));
            if !vocab.knows(&joined) {
                continue;
            }
            let after = format!(
                "{} {}",
                tokens[..singles].concat(),
                tokens[singles..].join(" ")
            );
            let f = &mut block.frags[k];
            repairs.push(Repair {
                kind: RepairKind::SpacedLetters,
                line: f.no,
                before: f.text.clone(),
                after: after.clone(),
            });
            f.text = after;
        }
    }
}

/// The token with a space put in at `Plain::cut`'s place, punctuation kept.
fn cut_token(token: &str, plain: &Plain) -> Option<String> {
    let start = token.find(char::is_alphabetic)?;
    let end = token.rfind(char::is_alphabetic)?;
    let end = end + token[end..].chars().next()?.len_utf8();
    let word = &token[start..end];
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let at = plain.cut(&word_core(word))?;
    let byte = word.char_indices().nth(at)?.0;
    Some(format!(
        "{}{} {}{}",
        &token[..start],
        &word[..byte],
        &word[byte..],
        &token[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::blocks::Frag;

    fn block(lines: &[(&str, bool)]) -> Block {
        Block {
            frags: lines
                .iter()
                .enumerate()
                .map(|(i, (t, spaced))| Frag {
                    spaced: *spaced,
                    ..Frag::new(i + 1, t)
                })
                .collect(),
            page_break_before: false,
        }
    }

    #[test]
    fn a_one_letter_word_in_a_spaced_run_is_cut_out_where_the_document_prints_the_pair() {
        let mut blocks = vec![block(&[
            ("рабочих мест и предназначены", false),
            ("сдаваемых в архив", false),
            ("В размере минимальной", false),
            ("рабочих мести предназначены", true),
            ("сдаваемых вархив", true),
            ("Вразмере минимальной", true),
            ("Вр азмере 1,5", true),
        ])];
        let mut repairs = Vec::new();
        resplit(&mut blocks, &mut repairs);
        let texts: Vec<&str> = blocks[0].frags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts[3], "рабочих мест и предназначены");
        assert_eq!(texts[4], "сдаваемых в архив");
        assert_eq!(texts[5], "В размере минимальной");
        assert_eq!(texts[6], "В размере 1,5");
        assert_eq!(repairs.len(), 4);
    }

    #[test]
    fn a_words_spaced_last_letters_opening_a_line_are_joined_when_the_word_is_known() {
        let mut blocks = vec![block(&[
            ("на праве хозяйственного", false),
            ("хозяйственно", false),
            ("г о ведения", false),
            ("работа", false),
            ("и в уборке", false),
            ("деревье", true),
            ("в , покос", false),
            ("деревьев, покос", false),
        ])];
        let mut repairs = Vec::new();
        let vocab = crate::table::cell::vocab_of(blocks.iter().flat_map(|b| b.frags.iter()));
        join_letter_heads(&mut blocks, &vocab, &mut repairs);
        assert_eq!(blocks[0].frags[2].text, "го ведения");
        // "работаи" is no word of the document: "и в" stay words.
        assert_eq!(blocks[0].frags[4].text, "и в уборке");
        assert_eq!(blocks[0].frags[6].text, "в, покос");
        assert_eq!(repairs.len(), 2);
    }

    #[test]
    fn a_word_the_document_never_prints_apart_stays_whole() {
        let mut blocks = vec![block(&[("до 500 документов", false), ("документа", true)])];
        let mut repairs = Vec::new();
        resplit(&mut blocks, &mut repairs);
        assert_eq!(blocks[0].frags[1].text, "документа");
        assert!(repairs.is_empty());
    }
}
