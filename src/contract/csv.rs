//! A small RFC 4180 CSV reader that remembers the line each record starts on,
//! so roster errors can name `file:line`.

/// One record: its 1-based starting line and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Splits CSV text into records (quoted fields may hold commas, `""` and line
/// breaks); blank lines are skipped. Err gives the line of an unclosed quote.
pub fn records(text: &str) -> Result<Vec<Record>, usize> {
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let fields = record(&mut chars, &mut line).ok_or(start)?;
        if !(fields.len() == 1 && fields[0].trim().is_empty()) {
            out.push(Record {
                line: start,
                fields,
            });
        }
    }
    Ok(out)
}

/// Reads one record up to and including its line end; `None` on an unclosed quote.
fn record(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    line: &mut usize,
) -> Option<Vec<String>> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("never empty");
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => fields.push(String::new()),
            (false, '\r') => {}
            (false, '\n') => {
                *line += 1;
                return Some(fields);
            }
            (_, c) => {
                if c == '\n' {
                    *line += 1;
                }
                field.push(c);
            }
        }
    }
    (!quoted).then_some(fields)
}

/// Quotes a field for writing when it holds a comma, quote or line break.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_fields_and_counts_lines() {
        let text = "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\n\"multi\nline\",z\r\nlast,1";
        let recs = records(text).unwrap();
        let lines: Vec<usize> = recs.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4, 6]);
        assert_eq!(recs[1].fields, ["x, y", "he said \"hi\""]);
        assert_eq!(recs[2].fields, ["multi\nline", "z"]);
        assert_eq!(recs[3].fields, ["last", "1"]);
    }

    #[test]
    fn reports_the_line_of_an_unclosed_quote() {
        assert_eq!(records("a,b\n1,2\n\"open,3\n4,5\n"), Err(3));
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("\"ОО\" ЖШС, Алматы"), "\"\"\"ОО\"\" ЖШС, Алматы\"");
    }
}
