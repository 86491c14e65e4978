//! Latin letters standing in for Kazakh/Cyrillic ones ("шешiмiмен", "Yкiметiнiң"),
//! folded for *matching only*: the structure and header keywords are found on the
//! folded text, while every text field keeps the letters as printed.

/// Latin look-alikes and the Cyrillic/Kazakh letter each stands for.
const LOOKALIKES: &[(char, char)] = &[
    ('i', 'і'),
    ('I', 'І'),
    ('Y', 'Ү'),
    ('y', 'у'),
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('c', 'с'),
    ('x', 'х'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
];

/// The text with look-alike Latin letters replaced inside words that also hold
/// Cyrillic letters (a Latin-only word such as "N" stays).
pub fn fold(text: &str) -> String {
    if text.is_ascii() || !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().any(is_cyrillic) {
            out.extend(word.chars().map(|c| lookalike(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Whether [`fold`] would change the text (cheap for the common all-Cyrillic line).
pub fn needs_fold(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic()) && !text.is_ascii() && fold(text) != text
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

fn lookalike(c: char) -> Option<char> {
    LOOKALIKES.iter().find(|(l, _)| *l == c).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_i_inside_kazakh_words_is_folded() {
        assert_eq!(fold("шешiмiмен Yкiметiнiң"), "шешімімен Үкіметінің");
    }

    #[test]
    fn latin_only_words_stay() {
        assert_eq!(fold("2013 года N 08-302"), "2013 года N 08-302");
        assert_eq!(fold("Nо тіркелді"), "Nо тіркелді");
    }
}
