//! Safe file-name pieces made from names: letters and digits of any script
//! joined by `-`, nothing that can leave the output directory, bounded length.

/// Longest slug, in characters (file systems limit names to 255 bytes; a
/// Cyrillic letter is two bytes in UTF-8).
pub const MAX_CHARS: usize = 48;

/// "\"Ойтоған орта мектебі\" КММ" → "Ойтоған-орта-мектебі-КММ".
///
/// Only alphanumeric characters survive, so no path separator, no `.`, no
/// control character; an empty result becomes "contract".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let len = word.chars().count();
        let dash = usize::from(count > 0);
        if count + dash + len > MAX_CHARS {
            if count == 0 {
                out = word.chars().take(MAX_CHARS).collect();
            }
            break;
        }
        if dash == 1 {
            out.push('-');
        }
        out.push_str(word);
        count += dash + len;
    }
    if out.is_empty() {
        "contract".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_letters_of_any_script_and_joins_words() {
        assert_eq!(
            slug("\"Ойтоған орта мектебі\" коммуналдық"),
            "Ойтоған-орта-мектебі-коммуналдық"
        );
        assert_eq!(slug("Иванов Иван Иванович"), "Иванов-Иван-Иванович");
    }

    #[test]
    fn never_yields_path_separators_dots_or_control_characters() {
        for name in [
            "../../etc/passwd",
            "a/b\\c",
            "x\u{0}y\n\tz",
            "..",
            "C:\\x",
            "€ ₸ ?*",
        ] {
            let s = slug(name);
            assert!(
                !s.contains('/') && !s.contains('\\') && !s.contains(".."),
                "{s}"
            );
            assert!(!s.chars().any(char::is_control), "{s:?}");
            assert!(!s.is_empty());
        }
        assert_eq!(slug("../.."), "contract");
    }

    #[test]
    fn bounds_the_length() {
        let long = "өте ұзын атау ".repeat(40);
        let s = slug(&long);
        assert!(s.chars().count() <= MAX_CHARS, "{}", s.chars().count());
        assert!(!s.ends_with('-'));
        let words = ["өте", "ұзын", "атау"];
        assert!(
            s.split('-').all(|w| words.contains(&w)),
            "whole words only: {s}"
        );
        assert_eq!(slug(&"ж".repeat(100)).chars().count(), MAX_CHARS);
    }
}
