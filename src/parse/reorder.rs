//! Words of a justified line that pdftotext printed one per line, each after a
//! blank line, *after* the paragraph's last line: put back before that line.
//! ("РҚАО ескертпесі." / "орфографиясы сақталған." / "Құжаттың" / "мәтінінде" …)

use crate::lines::Line;
use crate::model::{Repair, RepairKind};

/// Reorders scattered words in `lines[..limit]`; returns the repairs made.
pub fn scattered_words(lines: &mut [Line], limit: usize) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let mut i = 0;
    while i < limit.min(lines.len()) {
        let words = word_run(lines, i, limit);
        if ends_paragraph(&lines[i]) && words.len() >= 2 {
            repairs.push(move_before(lines, i, &words));
            i += 2 * words.len() + 1;
        } else {
            i += 1;
        }
    }
    repairs
}

/// The line closes a paragraph.
fn ends_paragraph(line: &Line) -> bool {
    line.text.trim_end().ends_with('.') && line.text.split_whitespace().count() >= 2
}

/// Indices of single-word lines after line `i`, each after exactly one blank line.
fn word_run(lines: &[Line], i: usize, limit: usize) -> Vec<usize> {
    let mut run = Vec::new();
    let mut j = i + 1;
    while j + 1 < limit.min(lines.len()) && lines[j].is_blank() && is_lone_word(&lines[j + 1]) {
        run.push(j + 1);
        j += 2;
    }
    run
}

fn is_lone_word(line: &Line) -> bool {
    let t = line.text.trim();
    !t.is_empty() && !t.contains(char::is_whitespace) && !t.ends_with('.') && !t.ends_with(':')
}

/// Moves the word lines before line `at` (blank lines go after it) and logs it.
fn move_before(lines: &mut [Line], at: usize, words: &[usize]) -> Repair {
    let end = words.last().copied().unwrap_or(at) + 1;
    let before = lines[at..end]
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let mut region: Vec<Line> = lines[at..end].to_vec();
    let (mut moved, rest): (Vec<Line>, Vec<Line>) = region.drain(1..).partition(|l| !l.is_blank());
    moved.push(region.remove(0));
    moved.extend(rest);
    let after = moved
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let line = lines[at].no;
    lines[at..end].clone_from_slice(&moved);
    Repair {
        kind: RepairKind::ScatteredWords,
        line,
        before,
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn scattered_words_go_back_before_the_paragraph_end() {
        let mut lines = split_lines(
            "РҚАО ескертпесі. Құжаттың\nорфографиясы сақталған.\n\nмәтінінде\n\nмен\n\n\"Халықты жұмыспен",
        );
        let repairs = scattered_words(&mut lines, 8);
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            [
                "РҚАО ескертпесі. Құжаттың",
                "мәтінінде",
                "мен",
                "орфографиясы сақталған.",
                "\"Халықты жұмыспен"
            ]
        );
        assert_eq!(repairs.len(), 1);
        assert_eq!(repairs[0].line, 2);
    }

    #[test]
    fn one_short_line_after_a_sentence_stays() {
        let mut lines = split_lines("сақталған.\n\nмәтінінде\n\n\"Халықты жұмыспен");
        assert!(scattered_words(&mut lines, 5).is_empty());
        assert_eq!(lines[2].text, "мәтінінде");
    }
}
