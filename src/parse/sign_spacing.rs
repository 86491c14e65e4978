//! A space that pdftotext puts after "№" in some fonts, taken out where the
//! genre never has one: before a newspaper issue "№15(5340)" and before the
//! number of the act a clause repeals, right after "жарияланған)" / "…)"
//! ("жарияланған) №08-1791 қаулысының"). Other "№ 2793" keep their space.
//! Kazakh text only: the Russian version writes "№ 5(5968)" with a space.

use super::ocr::Fix;

/// Removes the extraction's space after "№" in the two places it never belongs.
pub fn fix(line: &str) -> (String, Vec<Fix>) {
    let mut out = String::with_capacity(line.len());
    let mut fixes = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("№ ") {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let after = &tail["№ ".len()..];
        let number: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || "-/".contains(*c))
            .collect();
        let issue = !number.is_empty() && after[number.len()..].starts_with('(');
        let after_paren = out.trim_end().ends_with(')') && !number.is_empty();
        if issue || after_paren {
            fixes.push(Fix {
                before: format!("№ {number}"),
                after: format!("№{number}"),
            });
            out.push('№');
        } else {
            out.push_str("№ ");
        }
        rest = after;
    }
    out.push_str(rest);
    (out, fixes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newspaper_issue_and_repealed_act_lose_the_space() {
        let (line, fixes) = fix("20 қыркүйектегі № 15(5340) жарияланған) № 08-1791");
        assert_eq!(line, "20 қыркүйектегі №15(5340) жарияланған) №08-1791");
        assert_eq!(fixes.len(), 2);
    }

    #[test]
    fn other_numbers_keep_their_space() {
        let (line, fixes) = fix("№ 3405 тіркелген, № 7-1548 қаулысы");
        assert_eq!(line, "№ 3405 тіркелген, № 7-1548 қаулысы");
        assert!(fixes.is_empty());
    }
}
