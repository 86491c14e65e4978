//! OCR misreadings restored where it is safe, each one reported so it can be
//! logged as an `ocr_fix` repair: the number sign read as "Хе"/"Хо"/"N°", a Latin
//! "N" read as Cyrillic "М", and the decree verb with one letter lost.

/// Tokens that OCR makes of the number sign "№" when a number follows ("М9":
/// the sign's small raised "o" read as a 9, as tesseract does on PT Serif).
const NUMBER_SIGN_MISREADS: &[&str] = &["Хе", "Хо", "Ne", "N°", "No", "Мо", "Ме", "М9", "N9", "Ко"];

/// The decree verbs the preamble ends with.
const DECREE_VERBS: &[&str] = &["ҚАУЛЫ ЕТЕДІ", "ПОСТАНОВЛЯЕТ", "ШЕШІМ ҚАБЫЛДАДЫ", "РЕШИЛ"];

/// One fix inside a line: the misread text and what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub before: String,
    pub after: String,
}

/// Restores misread number signs in one line; returns the new line and the fixes.
pub fn fix_number_signs(line: &str) -> (String, Vec<Fix>) {
    fix_number_signs_before(line, "")
}

/// `fix_number_signs` where `next_line` follows: a sign at the line's end
/// ("… 2011 года Ме" / "2-16-11 …") counts the next line's first word as its number.
pub fn fix_number_signs_before(line: &str, next_line: &str) -> (String, Vec<Fix>) {
    let next_first = next_line
        .split_whitespace()
        .next()
        .filter(|_| !line.ends_with(' '));
    let words: Vec<&str> = line.split(' ').collect();
    let mut fixes = Vec::new();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next_word = words
            .get(i + 1)
            .copied()
            .or(next_first.filter(|_| i + 1 == words.len()));
        let next_is_number =
            next_word.is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        if let Some(rest) = glued_sign(w) {
            fixes.push(Fix {
                before: w.to_string(),
                after: format!("№{rest}"),
            });
            out.push(format!("№{rest}"));
            continue;
        }
        let fixed = if !next_is_number {
            None
        } else if NUMBER_SIGN_MISREADS.contains(w) {
            Some("№")
        } else if *w == "М" {
            Some("N")
        } else {
            None
        };
        match fixed {
            Some(sign) => {
                let number = next_word.unwrap_or_default();
                fixes.push(Fix {
                    before: format!("{w} {number}"),
                    after: format!("{sign} {number}"),
                });
                out.push(sign.to_string());
            }
            None => out.push(w.to_string()),
        }
    }
    (out.join(" "), fixes)
}

/// Misreads of "№" that end in a digit ("М9", "Х9"): printed glued to its
/// number ("№10-238"), the sign comes out as "Х910-258".
const GLUED_SIGN_MISREADS: &[&str] = &["Х9", "М9", "N9"];

/// The number after a misread sign glued to it: "Х910-258" → "10-258". Only
/// when a digit follows the sign (a word never starts "Х9…").
fn glued_sign(word: &str) -> Option<&str> {
    let rest = GLUED_SIGN_MISREADS
        .iter()
        .find_map(|s| word.strip_prefix(s))?;
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then_some(rest)
}

/// How OCR reads the preposition "Об" that opens a Russian title ("Об
/// организации …"): a zero for the "О", a six for the "б", a Latin "O".
const OB_MISREADS: &[&str] = &["06", "0б", "О6", "O6", "Oб"];

/// A Russian title whose opening "Об" was misread: the printed word, restored.
pub fn fix_title_opening(title: &str) -> Option<(String, String)> {
    let (first, rest) = title.split_once(' ')?;
    let next_lower = rest.chars().next().is_some_and(char::is_lowercase);
    (OB_MISREADS.contains(&first) && next_lower).then(|| (first.to_string(), format!("Об {rest}")))
}

/// A decree verb printed with one letter lost, added or misread ("ҚАУЛ ЕТЕДІ"):
/// the printed run of capitals and the verb it stands for.
pub fn near_decree_verb(line: &str) -> Option<(String, &'static str)> {
    let caps = capital_run(line)?;
    DECREE_VERBS
        .iter()
        .find(|v| caps != **v && levenshtein(&caps, v) <= 1)
        .map(|v| (caps.clone(), *v))
}

/// The longest run of upper-case words (joined by single spaces) in a line, when
/// it has at least 8 letters.
fn capital_run(line: &str) -> Option<String> {
    let mut best: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in line
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', '.', ',']))
    {
        let upper = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        if upper {
            run.push(w);
        } else {
            run.clear();
        }
        if run.iter().map(|w| w.chars().count()).sum::<usize>()
            > best.iter().map(|w| w.chars().count()).sum::<usize>()
        {
            best = run.clone();
        }
    }
    let letters: usize = best.iter().map(|w| w.chars().count()).sum();
    (letters >= 8).then(|| best.join(" "))
}

/// Edit distance between two short strings, by characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j]))
                .min(row[j] + 1)
                .min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misread_number_sign_before_a_number_is_restored() {
        let (line, fixes) = fix_number_signs("19 маусымдағы Хе 836 Қазақстан");
        assert_eq!(line, "19 маусымдағы № 836 Қазақстан");
        assert_eq!(
            fixes,
            [Fix {
                before: "Хе 836".into(),
                after: "№ 836".into()
            }]
        );
    }

    #[test]
    fn sign_read_as_em_nine_is_restored() {
        let (line, fixes) = fix_number_signs("2011 года М9 872, зарегистрировано");
        assert_eq!(line, "2011 года № 872, зарегистрировано");
        assert_eq!(fixes.len(), 1);
        let (line, fixes) = fix_number_signs("М9 бөлім");
        assert_eq!(line, "М9 бөлім");
        assert!(fixes.is_empty());
    }

    #[test]
    fn sign_glued_to_its_number_is_restored() {
        let (line, fixes) = fix_number_signs("жарияланған) Х910-258 қаулысының");
        assert_eq!(line, "жарияланған) №10-258 қаулысының");
        assert_eq!(fixes[0].before, "Х910-258");
        let (line, fixes) = fix_number_signs("Х9 М9");
        assert_eq!(line, "Х9 М9");
        assert!(fixes.is_empty());
    }

    #[test]
    fn sign_at_a_line_end_takes_the_next_lines_number() {
        let (line, fixes) = fix_number_signs_before("25 марта 2011 года Ме", "2-16-11 болып");
        assert_eq!(line, "25 марта 2011 года №");
        assert_eq!(fixes[0].before, "Ме 2-16-11");
        let (line, _) = fix_number_signs_before("25 марта 2011 года Ме", "болып");
        assert_eq!(line, "25 марта 2011 года Ме");
        let (line, _) = fix_number_signs("маусымда Ко 2348 болып");
        assert_eq!(line, "маусымда № 2348 болып");
    }

    #[test]
    fn russian_title_opening_read_as_digits_is_restored() {
        let fixed = fix_title_opening("06 организации общественных работ");
        assert_eq!(
            fixed,
            Some(("06".into(), "Об организации общественных работ".into()))
        );
        assert_eq!(fix_title_opening("06 Сентября"), None);
        assert_eq!(fix_title_opening("Об организации"), None);
    }

    #[test]
    fn cyrillic_em_before_a_number_is_latin_n() {
        let (line, _) = fix_number_signs("2013 года М 08-302.");
        assert_eq!(line, "2013 года N 08-302.");
    }

    #[test]
    fn words_that_merely_look_alike_stay() {
        let (line, fixes) = fix_number_signs("Хо Ұйымдардың; М. Сыздықов; Хе");
        assert_eq!(line, "Хо Ұйымдардың; М. Сыздықов; Хе");
        assert!(fixes.is_empty());
    }

    #[test]
    fn decree_verb_with_a_lost_letter_is_recognized() {
        assert_eq!(
            near_decree_verb("әкімдігі ҚАУЛ ЕТЕДІ:"),
            Some(("ҚАУЛ ЕТЕДІ".to_string(), "ҚАУЛЫ ЕТЕДІ"))
        );
        assert_eq!(near_decree_verb("әкімдігі ҚАУЛЫ ЕТЕДІ:"), None);
        assert_eq!(near_decree_verb("РҚАО ескертпесі"), None);
    }
}
