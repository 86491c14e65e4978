//! Letters OCR confuses with a near twin, restored from the document's own
//! spelling: tesseract reads "щ" as "ш" and "ъ" as "ь" now and then
//! ("обшественных", "обьемы"), while the same word stands right many more
//! times elsewhere in the text ("общественных" in the title, the clauses, the
//! table). A word is restored only on that evidence, each change reported.

use crate::lines::Line;
use crate::repair::split_word::is_letter;
use std::collections::BTreeMap;

/// (misread, printed) letter pairs: the misread one lacks a stroke.
const TWINS: &[(char, char)] = &[('ш', 'щ'), ('ь', 'ъ')];

/// Shorter words are too few letters to be sure of ("ешь" / "ещё").
const MIN_LETTERS: usize = 6;

/// One restored word: its line, the line before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// Restores twin-letter misreads in `lines`; returns one entry per changed line.
pub fn restore(lines: &mut [Line]) -> Vec<Restored> {
    let counts = word_counts(lines);
    let fixes = fixes(&counts);
    if fixes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in lines.iter_mut() {
        let fixed = fix_line(&line.text, &fixes);
        if fixed != line.text {
            out.push(Restored {
                line: line.no,
                before: line.text.clone(),
                after: fixed.clone(),
            });
            line.text = fixed;
        }
    }
    out
}

/// How often each word with a twin letter (lowercased: "Общественные" at a
/// cell's start is the same word) occurs in the text; the other words can
/// neither be misread twins nor restore one, and are not counted.
fn word_counts(lines: &[Line]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    // Most lines hold no twin letter at all: they are passed over at once.
    for line in lines.iter().filter(|l| l.text.contains(has_twin_letter)) {
        for w in words(&line.text).filter(|w| w.contains(has_twin_letter)) {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    counts
}

/// Either letter of a twin pair, in either case.
fn has_twin_letter(c: char) -> bool {
    matches!(c, 'ш' | 'щ' | 'ь' | 'ъ' | 'Ш' | 'Щ' | 'Ь' | 'Ъ')
}

/// The words of a line: runs of letters.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty())
}

/// Misread word → printed word (both lowercase), where the word with one twin
/// letter restored occurs more often in the text than the word as read.
fn fixes(counts: &BTreeMap<String, usize>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (word, &n) in counts {
        if word.chars().count() < MIN_LETTERS || !word.contains(is_misread_twin) {
            continue;
        }
        let best = variants(word)
            .filter_map(|v| counts.get(v.as_str()).map(|&m| (m, v)))
            .filter(|(m, _)| *m > n)
            .max();
        if let Some((_, v)) = best {
            out.insert(word.clone(), v);
        }
    }
    out
}

fn is_misread_twin(c: char) -> bool {
    TWINS.iter().any(|(m, _)| *m == c)
}

/// The word with one of its misread-twin letters replaced by its printed twin.
fn variants(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().filter_map(move |(i, c)| {
        let (_, printed) = TWINS.iter().find(|(m, _)| *m == c)?;
        let mut v = String::with_capacity(word.len() + 1);
        v.push_str(&word[..i]);
        v.push(*printed);
        v.push_str(&word[i + c.len_utf8()..]);
        Some(v)
    })
}

/// The line with every known misread word replaced (whole words only).
fn fix_line(text: &str, fixes: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match fixes.get(&word.to_lowercase()) {
            Some(fixed) => out.push_str(&same_case(word, fixed)),
            None => out.push_str(word),
        }
        word.clear();
    };
    if !text.contains(has_twin_letter) {
        return text.to_string();
    }
    for c in text.chars() {
        if is_letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `fixed` (lowercase, as many letters as `word`) in `word`'s case, letter by letter.
fn same_case(word: &str, fixed: &str) -> String {
    word.chars()
        .zip(fixed.chars())
        .map(|(w, f)| {
            if w.is_uppercase() {
                f.to_uppercase().next().unwrap_or(f)
            } else {
                f
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        crate::lines::split_lines(&texts.join("\n"))
    }

    #[test]
    fn a_word_printed_right_more_often_restores_its_misreads() {
        let mut ls = lines(&[
            "Об организации общественных работ",
            "виды, обьемы и условия обшественных работ;",
            "Объемы общественных работ, объемы",
            "Обшественные работы; общественные, общественные",
        ]);
        let r = restore(&mut ls);
        assert_eq!(ls[1].text, "виды, объемы и условия общественных работ;");
        assert_eq!(
            ls[3].text,
            "Общественные работы; общественные, общественные"
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].line, 2);
    }

    #[test]
    fn without_evidence_or_with_the_misread_as_common_nothing_changes() {
        let mut ls = lines(&[
            "настояшего постановления; обшественных",
            "общественных работ",
        ]);
        assert!(restore(&mut ls).is_empty());
        assert_eq!(ls[0].text, "настояшего постановления; обшественных");
    }
}
