//! Letters and digits printed with spaces between them ("д е й і н" → "дейін").
//!
//! Narrow, justified table cells make the PDF export print a word letter by
//! letter. A run of one-character pieces is one word; two or more spaces mark
//! the gap between words ("с ә й к е с  к е з е к т і л і к" → "сәйкес
//! кезектілік"). Partial runs ("б ірлест і г і") are joined when one-letter
//! pieces surround the longer ones.

/// Russian one-letter words: three of them in a row are still words, not a run.
pub(crate) const RU_ONE_LETTER_WORDS: &str = "вскоуиаяВСКОУИАЯ";

/// The line with spaced-out runs joined (gaps of 2+ spaces become one space),
/// or `None` when the line has no such run.
pub fn unspace(line: &str) -> Option<String> {
    if !has_three_singles(line) {
        return None;
    }
    let mut changed = false;
    let segments: Vec<String> = line
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|seg| {
            let (text, did) = unspace_segment(seg);
            changed |= did;
            text
        })
        .collect();
    changed.then(|| segments.join(" "))
}

/// Letters of Kazakh that Russian lacks.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// Whether `c` is a letter of Kazakh that Russian lacks: what tells the two
/// languages apart wherever the parser has to.
pub fn is_kazakh_letter(c: char) -> bool {
    KAZAKH_LETTERS.contains(c)
}

/// A line of exactly two small letters with one space between ("к а"):
/// too short for a run on its own, but the end of a letter-spaced word when
/// the line before was letter-spaced (the caller's evidence). The two letters
/// may open a line that goes on with words ("і к мекемесі": the spaced word
/// ends, the next begins), unless the second is a Russian preposition.
pub fn short_tail(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).collect();
    if line.trim().contains("  ")
        || tokens.len() < 2
        || !tokens[..2].iter().all(|t| is_lone_small_letter(t))
    {
        return None;
    }
    let head = tokens[..2].concat();
    if tokens.len() == 2 {
        return Some(head);
    }
    let words_follow = tokens[2].chars().nth(1).is_some();
    // In Russian the second letter may be a preposition ("х в архив").
    let kazakh = line.contains(is_kazakh_letter);
    let preposition = RU_ONE_LETTER_WORDS.contains(tokens[1]) && !kazakh;
    (words_follow && !preposition).then(|| format!("{head} {}", tokens[2..].join(" ")))
}

/// Whether the line could hold a run at all: a run needs three one-character
/// pieces. A cheap scan that rules out nearly every line before any allocation
/// (a piece with white space around it is counted, as a segment trims it).
fn has_three_singles(line: &str) -> bool {
    line.split(' ')
        .filter(|t| !t.is_empty() && t.trim().chars().nth(1).is_none())
        .nth(2)
        .is_some()
}

/// Joins the spaced runs inside one segment (no double spaces in it).
fn unspace_segment(seg: &str) -> (String, bool) {
    let tokens: Vec<&str> = seg.split(' ').filter(|t| !t.is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        let opening = is_opening_mark(&tokens, i);
        let run = if opening { i + 1 } else { i };
        match (run < tokens.len())
            .then(|| run_end(&tokens, run))
            .flatten()
        {
            Some(end) => {
                out.push(split_at_capitals(&tokens[i..end].concat()));
                changed = true;
                i = end;
            }
            None => {
                out.push(tokens[i].to_string());
                i += 1;
            }
        }
    }
    (out.join(" "), changed)
}

/// Whether the token is a lone opening quote or bracket (`" Б а й з а қ`,
/// `( қ ұ р ғ а қ`): printed spaced like the run after it, it belongs to the
/// run's word. A quote after an odd number of quotes closes one instead.
fn is_opening_mark(tokens: &[&str], i: usize) -> bool {
    let quotes_before: usize = tokens[..i].iter().map(|t| t.matches('"').count()).sum();
    match tokens[i] {
        "(" | "«" => true,
        "\"" => quotes_before.is_multiple_of(2),
        _ => false,
    }
}

/// A joined run with a space put back before each capital that follows a
/// small letter: a capital starts a word, so a run whose word gap was lost
/// ("м Р е с п у б л и к и", the end of "законодательство" / "м") keeps it;
/// so does any letter after a word's comma ("п л а т ы , М е с т н ы й",
/// "с у а р у , о т а у ,"): no word holds a comma.
fn split_at_capitals(run: &str) -> String {
    let mut out = String::with_capacity(run.len() + 2);
    let (mut prev_lower, mut after_comma) = (false, false);
    for c in run.chars() {
        if (prev_lower && c.is_uppercase()) || (after_comma && c.is_alphabetic()) {
            out.push(' ');
        }
        out.push(c);
        after_comma = prev_lower && matches!(c, ',' | ';');
        prev_lower = c.is_lowercase();
    }
    out
}

fn is_single(token: &str) -> bool {
    token.chars().count() == 1
}

/// Whether a token is one lowercase letter alone ("к"): a piece of a
/// letter-spaced word, or a one-letter word.
pub fn is_lone_small_letter(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase())
}

/// Whether a longer token may sit inside a run: letters only, not capitalized.
fn is_inner_piece(token: &str) -> bool {
    token.chars().all(char::is_alphabetic) && !token.chars().next().is_some_and(char::is_uppercase)
}

/// The end (exclusive) of a spaced run starting at `start`, if one starts there.
/// A run starts and ends with one-character pieces, has at least three of them,
/// and longer pieces only between one-character ones.
fn run_end(tokens: &[&str], start: usize) -> Option<usize> {
    if !is_single(tokens[start]) || !tokens[start].chars().any(char::is_alphanumeric) {
        return None;
    }
    let digits = tokens[start].chars().all(|c| c.is_ascii_digit());
    let same_kind = |t: &str| {
        t.chars().all(|c| c.is_ascii_digit()) == digits || t.chars().all(|c| !c.is_alphanumeric())
    };
    let mut end = start + 1;
    let mut last_single = start + 1;
    // A longer piece needs a one-character piece before it: two words in a
    // row are ordinary text ("В размере минимальной з а р а б о т н о й").
    while end < tokens.len()
        && same_kind(tokens[end])
        && (is_single(tokens[end]) || (is_inner_piece(tokens[end]) && is_single(tokens[end - 1])))
    {
        end += 1;
        if is_single(tokens[end - 1]) {
            last_single = end;
        }
    }
    let run = &tokens[start..last_single];
    let singles = run.iter().filter(|t| is_single(t)).count();
    let plausible = singles >= 3 && singles * 5 >= run.len() * 3;
    let all_ru_words = run.len() == 3 && run.iter().all(|t| RU_ONE_LETTER_WORDS.contains(*t));
    (plausible && !all_ru_words).then_some(last_single)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_spaced_letters_and_digits() {
        let cases = [
            ("д е й і н", "дейін"),
            ("5 0 0", "500"),
            ("д е й і н  ", "дейін"),
            ("с ә й к е с  к е з е к т і л і к  ", "сәйкес кезектілік"),
            ("б ірлест і г і", "бірлестігі"),
            ("Н а қ т ы  ж а ғ д а й л а р ы", "Нақты жағдайлары"),
            ("т ө л е н е д і .", "төленеді."),
            ("ш ы ғ а )", "шыға)"),
            ("к ө р с е т у  (", "көрсету ("),
            (
                "айлық жалақының 1 , 5 мөлшерінде",
                "айлық жалақының 1,5 мөлшерінде",
            ),
            ("а й л ы қ жалақының", "айлық жалақының"),
            ("Б і р  р е т  ", "Бір рет"),
            ("\" Б а й з а қ ауданының", "\"Байзақ ауданының"),
            ("аудандық \" Қ у а т \"", "аудандық \"Қуат\""),
            ("( қ ұ р ғ а қ", "(құрғақ"),
            ("\"Ақ\" \" т а з а", "\"Ақ\" \"таза"),
            // After an odd number of quotes a lone quote closes: left apart.
            ("\"Ақ \" т а з а", "\"Ақ \" таза"),
            (
                "айлық ж а л а қ ы н ы ң 2 мөлшерінде",
                "айлық жалақының 2 мөлшерінде",
            ),
            ("м Р е с п у б л и к и", "м Республики"),
            (
                "с у а р у , о т а у , ағаштарды,",
                "суару, отау, ағаштарды,",
            ),
            ("п л а т ы , М е с т н ы й", "платы, Местный"),
            ("1 , 5 М Р П", "1,5 МРП"),
        ];
        for (before, after) in cases {
            assert_eq!(unspace(before).as_deref(), Some(after), "{before}");
        }
    }

    #[test]
    fn two_spaced_letters_alone_are_a_word_end() {
        assert_eq!(short_tail("к а").as_deref(), Some("ка"));
        assert_eq!(short_tail("к  а"), None);
        assert_eq!(short_tail("к а б"), None);
        assert_eq!(short_tail("В и"), None);
        // The spaced word's last letters, then the next words.
        assert_eq!(short_tail("і к мекемесі").as_deref(), Some("ік мекемесі"));
        assert_eq!(short_tail("и в городе"), None);
        assert_eq!(short_tail("х в архив"), None);
        assert_eq!(
            short_tail("ы қ мемлекеттік").as_deref(),
            Some("ық мемлекеттік")
        );
        assert_eq!(short_tail("і к м"), None);
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let cases = [
            "Тірек и М\" қозғалыс",
            "10 10",
            "бюджет 2 2",
            "5 мәдени",
            "150 құжатқа",
            "работы и в с. Каменка",
            "Қазақстан Республикасының",
        ];
        for line in cases {
            assert_eq!(unspace(line), None, "{line}");
        }
        // Ordinary words before a spaced run stay words.
        let cases = [(
            "В размере минимальной з а р а б о т н о й",
            "В размере минимальной заработной",
        )];
        for (line, want) in cases {
            assert_eq!(unspace(line).as_deref(), Some(want), "{line}");
        }
        let cases: [&str; 0] = [];
        for line in cases {
            assert_eq!(unspace(line), None, "{line}");
        }
    }
}
