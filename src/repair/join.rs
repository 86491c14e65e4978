//! Hard-wrapped lines joined back into one paragraph, with punctuation attached
//! to the right word: the page layout's line ends carry no meaning of their own.

use std::borrow::Cow;

/// Characters that close a phrase and so attach to the word before them.
const CLOSERS: &[char] = &[',', '.', ')', ';', ':', '!', '?', '»', '”'];
/// Characters that open a phrase and so attach to the word after them.
const OPENERS: &[char] = &['(', '«', '“', '„'];

/// Joins wrapped lines (or cell fragments) into one clean line: words separated by
/// one space, no space after an opening bracket or quote at a line end, none
/// before a closing punctuation mark or quote at a line start.
pub fn join_lines<'a, I>(parts: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    let mut out = String::new();
    // One scratch buffer for every piece: this runs on every cell and paragraph.
    let mut piece = String::new();
    for part in parts {
        piece.clear();
        collapse_into(part, &mut piece);
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() && needs_space(&out, &piece) {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

/// Trims and collapses runs of white space inside one line to single spaces.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(s, &mut out);
    out
}

/// `collapse_spaces` appending to `out` (no allocation of its own).
fn collapse_into(s: &str, out: &mut String) {
    if is_collapsed(s) {
        out.push_str(s);
        return;
    }
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// `collapse_spaces`, borrowed when the text is collapsed already (most lines
/// are): the key by which lines are compared across cells.
pub fn collapsed(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(collapse_spaces(s))
    }
}

/// Whether `s` is already trimmed with single spaces between its words, so
/// `split_whitespace` would change nothing. Read on the bytes, in two passes
/// without early exits, which the compiler vectorizes: every line and cell
/// fragment passes here. Outside ASCII only characters led by 0xC2 (U+0085,
/// U+00A0) or 0xE1..=0xE3 (U+1680, U+2000 on, U+3000) can be white space; a
/// text holding such a byte (« » – № too) is checked char by char.
pub fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    // '\t', '\n', VT, FF, '\r' are 9..=13.
    let ascii_space = b
        .iter()
        .fold(false, |acc, &c| acc | (c.wrapping_sub(9) < 5));
    let may_be_wide = b.iter().fold(false, |acc, &c| {
        acc | (c == 0xC2) | (c.wrapping_sub(0xE1) < 3)
    });
    let double_space = b
        .iter()
        .zip(&b[1..])
        .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
    if first == b' ' || last == b' ' || ascii_space || double_space {
        return false;
    }
    !may_be_wide || s.chars().all(|c| c == ' ' || !c.is_whitespace())
}

/// Whether a space belongs between the text so far and the next fragment.
fn needs_space(prev: &str, next: &str) -> bool {
    let last = prev.chars().last().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    if OPENERS.contains(&last) || CLOSERS.contains(&first) || ends_in_joining_hyphen(prev) {
        return false;
    }
    if last == '"' && is_opening_quote(prev) {
        return false;
    }
    if first == '"' && is_closing_quote(next) {
        return false;
    }
    true
}

/// A line that ends in a hyphen right after a letter or digit ("№ 2-" / "7-184",
/// "5-" / "тармағының") was broken at the hyphen of one word or number: OCR
/// keeps such a hyphen at the line end, where pdftotext joins the word itself.
/// A dash between words has a space before it.
fn ends_in_joining_hyphen(prev: &str) -> bool {
    let mut rev = prev.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphanumeric)
}

/// A straight quote at the end of `prev` opens a phrase when it stands alone
/// after a space (or starts the text).
fn is_opening_quote(prev: &str) -> bool {
    let mut rev = prev.chars().rev();
    rev.next();
    matches!(rev.next(), None | Some(' ') | Some('(') | Some('"'))
}

/// A straight quote at the start of `next` closes a phrase when a space,
/// punctuation or nothing follows it.
fn is_closing_quote(next: &str) -> bool {
    let mut it = next.chars();
    it.next();
    match it.next() {
        None => true,
        Some(c) => c == ' ' || c == '"' || CLOSERS.contains(&c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_or_number_broken_at_its_hyphen_is_joined_whole() {
        assert_eq!(
            join_lines(["тіркелді № 2-", "7-184 болып"]),
            "тіркелді № 2-7-184 болып"
        );
        assert_eq!(
            join_lines(["20-бабының 5-", "тармағының"]),
            "20-бабының 5-тармағының"
        );
        assert_eq!(
            join_lines(["Күші жойылды -", "Алматы"]),
            "Күші жойылды - Алматы"
        );
    }

    #[test]
    fn collapsing_by_bytes_agrees_with_split_whitespace() {
        let fixture = std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
            .expect("fixture");
        let odd = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{1680}b",
            "a\u{85}b",
            "№ 12 «x»",
            "Қаржылан ды ру",
            "a ",
            "  ",
            "a\r",
            "№ 12 –  x",
        ];
        for line in fixture.lines().chain(odd) {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(collapse_spaces(line), words.join(" "), "{line:?}");
            assert!(!is_collapsed(line) || words.join(" ") == line, "{line:?}");
        }
    }

    #[test]
    fn joins_with_one_space_and_collapses_inner_runs() {
        assert_eq!(
            join_lines(["әлеуметтік  ", "бағдарламалар бөлімі"]),
            "әлеуметтік бағдарламалар бөлімі"
        );
    }

    #[test]
    fn opening_quote_at_line_end_attaches_to_next_word() {
        assert_eq!(
            join_lines(["мекемесінің \"", "Шаруашылық жүргізу"]),
            "мекемесінің \"Шаруашылық жүргізу"
        );
    }

    #[test]
    fn opening_bracket_at_line_end_attaches_to_next_word() {
        assert_eq!(
            join_lines(["көмек көрсету (", "құрғақ ағаштарды"]),
            "көмек көрсету (құрғақ ағаштарды"
        );
    }

    #[test]
    fn comma_and_bracket_at_line_start_attach_to_previous_word() {
        assert_eq!(
            join_lines(["бордюрларды әктеу", ", қар тазалау)"]),
            "бордюрларды әктеу, қар тазалау)"
        );
        assert_eq!(
            join_lines(["Сұраныс(", "қатысушы", ")"]),
            "Сұраныс(қатысушы)"
        );
    }

    #[test]
    fn closing_quote_at_line_start_attaches_to_previous_word() {
        assert_eq!(
            join_lines(["бағдарламалар бөлімі", "\" мемлекеттік"]),
            "бағдарламалар бөлімі\" мемлекеттік"
        );
    }

    #[test]
    fn quote_opening_a_word_at_line_start_keeps_its_space() {
        assert_eq!(
            join_lines(["аудандық", "\"Қуат\" мүгедектер"]),
            "аудандық \"Қуат\" мүгедектер"
        );
    }

    #[test]
    fn blank_fragments_are_skipped() {
        assert_eq!(join_lines(["а", "  ", "", "б"]), "а б");
    }
}
