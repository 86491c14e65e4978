//! Hyphens that the extraction dropped: pdftotext takes a word broken after
//! its hyphen at a line end ("бөбекжай-" / "балабақшасы") for a hyphenated
//! word and prints it joined without the hyphen ("бөбекжайбалабақшасы").
//!
//! Restored only with evidence from the same document: the word printed
//! elsewhere with its hyphen ("бөбекжай-балабақшасы"), or, for words that
//! take endings, a hyphenated word it starts with ("іс-шараға" for
//! "ісшараларға"). A number needs the whole number ("10-1188" for "101188").

use crate::lines::Line;
use crate::model::{Repair, RepairKind};
use crate::repair::split_word::{is_letter, is_word_char, lower_fast};

/// A hyphenated word of the document: its two sides, lowercase.
#[derive(Debug, Clone, PartialEq)]
struct Hyphened {
    head: String,
    tail: String,
}

/// Letters of a hyphenated word's tail that a joined word must share: enough
/// for a stem, few enough to let the endings differ.
const STEM: usize = 4;

/// The document's hyphenated words, with the first two letters of each
/// joined (sorted): most words start with none of them and are passed over
/// at once (every word of the document is looked at).
struct Known {
    words: Vec<Hyphened>,
    starts: Vec<(char, char)>,
}

/// Restores the dropped hyphens in `lines`, one repair per changed line.
pub fn restore(lines: &mut [Line]) -> Vec<Repair> {
    let words = hyphenated_words(lines);
    if words.is_empty() {
        return Vec::new();
    }
    let mut starts: Vec<(char, char)> = words
        .iter()
        .filter_map(|h| first_two(h.head.chars().chain(h.tail.chars())))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let known = Known { words, starts };
    let mut repairs = Vec::new();
    for line in lines.iter_mut() {
        if let Some(fixed) = restore_line(&line.text, &known) {
            repairs.push(Repair {
                kind: RepairKind::SplitWord,
                line: line.no,
                before: line.text.clone(),
                after: fixed.clone(),
            });
            line.text = fixed;
        }
    }
    repairs
}

/// The word of a token: its letters and digits, without the punctuation
/// around it (quotes, brackets, commas, a full stop).
fn core(token: &str) -> &str {
    token.trim_matches(|c: char| !is_word_char(c))
}

/// Every hyphenated word of the document, once, in order of first print.
fn hyphenated_words(lines: &[Line]) -> Vec<Hyphened> {
    let mut out: Vec<Hyphened> = Vec::new();
    // Words looked at already, as printed (the standard paragraphs repeat).
    let mut seen: Vec<&str> = Vec::new();
    let with_hyphen = lines.iter().filter(|l| l.text.contains('-'));
    let tokens = with_hyphen.flat_map(|l| l.text.split_whitespace());
    for token in tokens.filter(|t| t.contains('-')) {
        let word = core(token);
        if seen.contains(&word) {
            continue;
        }
        seen.push(word);
        let Some((head, tail)) = word.split_once('-') else {
            continue;
        };
        let alike = |a: &str, b: &str| {
            let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
            let letters = |s: &str| s.chars().all(is_letter);
            (digits(a) && digits(b)) || (letters(a) && letters(b))
        };
        if head.is_empty() || tail.is_empty() || !alike(head, tail) {
            continue;
        }
        let h = Hyphened {
            head: head.to_lowercase(),
            tail: tail.to_lowercase(),
        };
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

/// The line with its joined words hyphenated again, if it has any.
fn restore_line(text: &str, known: &Known) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    // Split at spaces, byte by byte: every line of the document passes here;
    // a token that other white space cuts is no word (`rehyphenate`).
    for token in text.split(' ').filter(|t| !t.is_empty()) {
        let Some(fixed) = rehyphenate(token, known) else {
            continue;
        };
        // Byte offset of the token: it is a slice of `text`.
        let at = token.as_ptr() as usize - text.as_ptr() as usize;
        let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 4));
        o.push_str(&text[copied..at]);
        o.push_str(&fixed);
        copied = at + token.len();
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// The token with its hyphen put back after the head of a known hyphenated
/// word, when its word is that word joined.
fn rehyphenate(token: &str, known: &Known) -> Option<String> {
    // Most words start unlike every joined word: told before the word is cut out.
    let start = first_two(token.chars().skip_while(|&c| opens(c)))?;
    if known.starts.binary_search(&start).is_err() || token.contains('-') {
        return None;
    }
    let word = core(token);
    if word.chars().count() < 4 || !word.chars().all(is_word_char) {
        return None;
    }
    let lower = word.to_lowercase();
    let h = known.words.iter().find(|h| joins(&lower, h))?;
    let offset = token.find(word).expect("the core is inside the token");
    let cut = word
        .char_indices()
        .nth(h.head.chars().count())
        .map(|(i, _)| offset + i)?;
    Some(format!("{}-{}", &token[..cut], &token[cut..]))
}

/// A character a word may open with before its first letter: a quote or a
/// bracket.
fn opens(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '«' | '“' | '„')
}

/// The first two characters, lowercase.
fn first_two(mut chars: impl Iterator<Item = char>) -> Option<(char, char)> {
    let lower = |c: char| lower_fast(c).unwrap_or(c);
    Some((lower(chars.next()?), lower(chars.next()?)))
}

/// Whether a lowercase word is `h` joined: the same digits, or its head and
/// the first letters of its tail (the stem), then any ending.
fn joins(lower: &str, h: &Hyphened) -> bool {
    let Some(after) = lower.strip_prefix(h.head.as_str()) else {
        return false;
    };
    if h.head.chars().all(|c| c.is_ascii_digit()) {
        return after == h.tail;
    }
    let stem: String = h.tail.chars().take(STEM).collect();
    h.head.chars().count() >= 2 && stem.chars().count() >= 3 && after.starts_with(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        crate::lines::split_lines(&texts.join("\n"))
    }

    #[test]
    fn restores_a_hyphen_from_the_word_printed_whole_elsewhere() {
        let mut ls = lines(&[
            "\"Жалғызтөбе бөбекжай-балабақшасы\" мемлекеттік",
            "\"Ақсу бөбекжайбалабақшасы\" мекемесі",
        ]);
        let r = restore(&mut ls);
        assert_eq!(ls[1].text, "\"Ақсу бөбекжай-балабақшасы\" мекемесі");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].line, r[0].kind), (2, RepairKind::SplitWord));
    }

    #[test]
    fn restores_a_hyphen_before_another_ending_of_the_same_stem() {
        let mut ls = lines(&["8 іс-шараға дейін", "15 мәдени ісшараларға дейін"]);
        restore(&mut ls);
        assert_eq!(ls[1].text, "15 мәдени іс-шараларға дейін");
    }

    #[test]
    fn restores_a_number_only_when_the_whole_number_is_printed() {
        let mut ls = lines(&["№ 101188, зарегистрировано", "№ 10-1188", "№ 1011"]);
        restore(&mut ls);
        assert_eq!(ls[0].text, "№ 10-1188, зарегистрировано");
        assert_eq!(ls[2].text, "№ 1011");
    }

    #[test]
    fn leaves_words_without_evidence_alone() {
        let mut ls = lines(&["20-бабының 5тармағының", "жолбойындағы"]);
        assert!(restore(&mut ls).is_empty());
        assert_eq!(ls[0].text, "20-бабының 5тармағының");
    }
}
