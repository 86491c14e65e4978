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

/// Whether [`fold`] would change the text: some word holds both a Cyrillic
/// letter and a look-alike. Read on the bytes, without folding: every line of
/// the document passes here.
pub fn needs_fold(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most lines hold no Latin letter: ruled out in one pass the compiler vectorizes.
    let latin = bytes
        .iter()
        .fold(false, |acc, &b| acc | ((b | 0x20).wrapping_sub(b'a') < 26));
    if !latin {
        return false;
    }
    let (mut cyrillic, mut lookalike) = (false, false);
    for &b in bytes {
        match b {
            b' ' => (cyrillic, lookalike) = (false, false),
            // Lead bytes of U+0400..=U+04FF.
            0xD0..=0xD3 => cyrillic = true,
            _ if b.is_ascii() && LOOKALIKE_BYTE[b as usize] => lookalike = true,
            _ => continue,
        }
        if cyrillic && lookalike {
            return true;
        }
    }
    false
}

/// The ASCII bytes that are look-alikes, as a table.
const LOOKALIKE_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < LOOKALIKES.len() {
        t[LOOKALIKES[i].0 as usize] = true;
        i += 1;
    }
    t
};

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
    fn needs_fold_agrees_with_fold() {
        let fixture = std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
            .expect("fixture");
        let odd = [
            "шешiмiмен",
            "Yкiметiнiң",
            "N 12 қаулы",
            "2013 года N 08-302",
            "Nо тіркелді",
            "a б",
            "бa",
            "ab",
            "",
            "ЖШС \"Kaзақ\"",
        ];
        for line in fixture.lines().chain(odd) {
            assert_eq!(needs_fold(line), fold(line) != line, "{line:?}");
        }
    }

    #[test]
    fn latin_only_words_stay() {
        assert_eq!(fold("2013 года N 08-302"), "2013 года N 08-302");
        assert_eq!(fold("Nо тіркелді"), "Nо тіркелді");
    }
}
