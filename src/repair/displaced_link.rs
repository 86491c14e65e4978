//! Hyperlinked words the portal export pushed to the end of their line, put back.
//!
//! The export leaves a *hole* where the link stood (two spaces, a space before a
//! comma, a line opening with a comma, or a word's suffix standing alone) and
//! prints the link at the line's end (glued after the sentence's full stop, glued
//! to the last word before a digit, or as the line's last capitalized word).
//! A line is changed only when it has exactly one hole and one displaced piece;
//! a displaced piece without a hole is reported, not moved.

/// What the repair did to one line.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The line as repaired.
    Moved(String),
    /// A displaced piece was seen but its hole is not certain: left as printed.
    Unsure(String),
    Unchanged,
}

/// Puts a displaced link back into its hole in one line (indentation kept).
pub fn repair_line(line: &str) -> Outcome {
    let indent = line.len() - line.trim_start().len();
    let body = line[indent..].trim_end();
    let (verb_at, verb) = split_decree_verb(body);
    let Some((kept, piece, glued)) = displaced_piece(verb_at) else {
        return Outcome::Unchanged;
    };
    // An ending standing alone is a link's suffix left behind only when the
    // piece is surely displaced: a line's last capitalized word is whole
    // ("… Заңын іске асыру … Республикасы Үкіметінің" is an ordinary line).
    let holes: Vec<Hole> = holes(kept)
        .into_iter()
        .filter(|h| glued || !matches!(h, Hole::Suffix(_)))
        .collect();
    if holes.len() != 1 {
        // A glued piece is surely displaced; a capitalized last word usually is not.
        return if glued {
            Outcome::Unsure(piece.to_string())
        } else {
            Outcome::Unchanged
        };
    }
    let filled = fill(kept, holes[0], piece);
    Outcome::Moved(format!("{}{filled}{verb}", &line[..indent]))
}

/// Splits a trailing decree verb ("ҚАУЛЫ ЕТЕДІ:") off, so the word before it can be seen.
/// Latin look-alikes ("ЕТЕДI") are matched as Kazakh letters.
fn split_decree_verb(body: &str) -> (&str, &str) {
    let folded = crate::parse::fold::fold(body);
    for verb in [" ҚАУЛЫ ЕТЕДІ:", " ПОСТАНОВЛЯЕТ:"] {
        if folded.ends_with(verb) {
            let keep = body.chars().count() - verb.chars().count();
            let at = body.char_indices().nth(keep).map_or(body.len(), |(i, _)| i);
            return (&body[..at], &body[at..]);
        }
    }
    (body, "")
}

/// The displaced piece at the line's end, the text before it, and whether the
/// piece was glued to the text (certain) rather than merely last.
fn displaced_piece(body: &str) -> Option<(&str, &str, bool)> {
    let glued = glued_after_full_stop(body).or_else(|| glued_before_digit(body));
    match glued {
        Some((kept, piece)) => Some((kept, piece, true)),
        None => last_capitalized_word(body).map(|(kept, piece)| (kept, piece, false)),
    }
}

/// "… танылсын.қаулыс" / "… қаулысымен.№ 8-1234": text glued after a word's full stop.
fn glued_after_full_stop(body: &str) -> Option<(&str, &str)> {
    let dot = body.rfind('.')?;
    let before = body[..dot].chars().last()?;
    let after = body[dot + 1..].chars().next()?;
    let piece = &body[dot + 1..];
    let starts_link = after.is_alphabetic() || after == '№';
    (before.is_alphabetic() && starts_link && !piece.contains('.')).then(|| (&body[..=dot], piece))
}

/// "… 5-тармағының5) тармақшасына": a numbered item glued to the word before it.
fn glued_before_digit(body: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let at = chars
        .windows(2)
        .rev()
        .find(|w| w[1].1.is_ascii_digit() && w[0].1.is_alphabetic())
        .map(|w| w[1].0)?;
    let piece = &body[at..];
    let item = piece.split_whitespace().next()?;
    (item.ends_with(')') && piece.split_whitespace().count() == 2).then(|| (&body[..at], piece))
}

/// "… жұмыстар Қосымшаға" / "… Қазақстан 2) тармақшасына": the last word when it
/// is capitalized or follows a numbered item "2)".
fn last_capitalized_word(body: &str) -> Option<(&str, &str)> {
    let (head, last) = body.rsplit_once(' ')?;
    if last.chars().next()?.is_uppercase() {
        return Some((head.trim_end(), last));
    }
    let (head2, item) = head.trim_end().rsplit_once(' ')?;
    let numbered =
        item.ends_with(')') && item[..item.len() - 1].chars().all(|c| c.is_ascii_digit());
    (numbered && item.len() > 1).then(|| (head2.trim_end(), &body[head2.len() + 1..]))
}

/// Where a link was taken out, as a byte offset into `body` and its shape.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hole {
    /// Two spaces between words: the link goes between them.
    DoubleSpace(usize),
    /// " ," or a line opening with ",": the link goes before the comma.
    BeforeComma(usize),
    /// A suffix standing alone ("ының"): the link's stem goes right before it.
    Suffix(usize),
}

fn holes(body: &str) -> Vec<Hole> {
    let mut holes: Vec<Hole> = Vec::new();
    if body.starts_with(',') {
        holes.push(Hole::BeforeComma(0));
    }
    holes.extend(body.match_indices(" ,").map(|(i, _)| Hole::BeforeComma(i)));
    holes.extend(body.match_indices("  ").map(|(i, _)| Hole::DoubleSpace(i)));
    holes.extend(
        body.match_indices(' ')
            .filter(|(i, _)| is_lone_ending(&body[i + 1..]))
            .map(|(i, _)| Hole::Suffix(i + 1)),
    );
    holes.dedup();
    holes
}

/// Endings of the third person's possessive, alone and with a case ending:
/// what stays behind when a link takes its word's stem ("қаулыс" / "ының").
const ENDINGS: &[&str] = &[
    "ы", "і", "ын", "ін", "ының", "інің", "ына", "іне", "ында", "інде", "ынан", "інен", "ымен",
    "імен",
];

/// Whether the text opens with a possessive ending standing alone as a word:
/// a word that merely starts with "ы" or "і" ("іске", "ішкі") is no hole.
fn is_lone_ending(text: &str) -> bool {
    let word = text.split(' ').next().unwrap_or_default();
    let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
    ENDINGS.contains(&letters)
}

/// The line with `piece` put into `hole`, one space on each side as the hole asks.
fn fill(body: &str, hole: Hole, piece: &str) -> String {
    match hole {
        Hole::DoubleSpace(i) => format!("{} {piece} {}", &body[..i], body[i..].trim_start()),
        Hole::BeforeComma(0) => format!("{piece}{body}"),
        Hole::BeforeComma(i) => format!("{} {piece}{}", &body[..i], &body[i + 1..]),
        Hole::Suffix(i) => format!("{}{piece}{}", &body[..i], &body[i..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(line: &str) -> String {
        match repair_line(line) {
            Outcome::Moved(s) => s,
            other => panic!("not moved: {other:?}"),
        }
    }

    #[test]
    fn capitalized_link_goes_into_the_double_space() {
        assert_eq!(
            moved("      2.  сәйкес Қарасай ауданы бойынша қоғамдық жұмыстар Қосымшаға"),
            "      2. Қосымшаға сәйкес Қарасай ауданы бойынша қоғамдық жұмыстар"
        );
    }

    #[test]
    fn stem_glued_after_the_full_stop_joins_its_suffix() {
        assert_eq!(
            moved("жарияланған) №12-1938 ының күші жойылды деп танылсын.қаулыс"),
            "жарияланған) №12-1938 қаулысының күші жойылды деп танылсын."
        );
    }

    #[test]
    fn act_number_glued_after_the_full_stop_goes_after_the_date() {
        assert_eq!(
            moved("22.08.2016  қаулысымен.№ 8-1234"),
            "22.08.2016 № 8-1234 қаулысымен."
        );
    }

    #[test]
    fn numbered_item_glued_to_a_word_goes_before_the_comma() {
        assert_eq!(
            moved("Республикасы Заңының 7-бабының , 20-бабының 5-тармағының5) тармақшасына"),
            "Республикасы Заңының 7-бабының 5) тармақшасына, 20-бабының 5-тармағының"
        );
        assert_eq!(
            moved(", \"Халықты жұмыспен қамту туралы\" Қазақстан 2) тармақшасына"),
            "2) тармақшасына, \"Халықты жұмыспен қамту туралы\" Қазақстан"
        );
    }

    #[test]
    fn word_before_the_decree_verb_is_the_link() {
        assert_eq!(
            moved("Үкіметінің  сәйкес, Қарасай ауданының әкімдігі Қаулысына ҚАУЛЫ ЕТЕДІ:"),
            "Үкіметінің Қаулысына сәйкес, Қарасай ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:"
        );
    }

    #[test]
    fn ordinary_lines_stay() {
        for line in [
            "Алматы облысы Қарасай ауданы әкімдігінің 2014 жылғы 03 шілдедегі № 7-1548 ",
            "Ескерту. Күші жойылды – Алматы облысы Кербұлақ ауданы әкімдігінің 29.12.2018",
            "      Аудан әкімі А. Дәуренбаев",
            "қаңтардағы Заңын іске асыру жөніндегі шаралар туралы\" 2001 жылғы 19 маусымдағы № 836 Қазақстан Республикасы Үкіметінің",
        ] {
            assert!(!matches!(repair_line(line), Outcome::Moved(_)), "{line}");
        }
    }

    #[test]
    fn a_word_starting_with_a_possessive_vowel_is_no_hole() {
        // A Legal-size line ends with "Республикасы", an ordinary word; "іске"
        // is a word of its own, not an ending left behind by a link.
        let line = "жылғы 23 қаңтардағы Заңын іске асыру жөніндегі шаралар туралы\" 2001 жылғы 19 маусымдағы № 836 Қазақстан Республикасы";
        assert_eq!(repair_line(line), Outcome::Unchanged);
    }

    #[test]
    fn a_link_without_a_certain_hole_is_left_and_reported() {
        assert_eq!(
            repair_line("бір  екі  үш танылсын.қаулыс"),
            Outcome::Unsure("қаулыс".into())
        );
    }
}
