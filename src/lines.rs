//! The line/page model of the raw text: what the grammar and the table
//! reconstruction read, with every line keeping its 1-based raw line number.

/// One line of decoded, NFC-normalized input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the raw input (for repairs, warnings, residue).
    pub no: usize,
    /// The text, without line end and form feed; inner spacing kept as printed.
    pub text: String,
    /// A page break (form feed, or a run of 3+ blank lines) comes right before this line.
    pub page_break_before: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits decoded text into numbered lines. A form feed is a page break: it is
/// stripped and the line it starts gets `page_break_before`. A run of three or
/// more blank lines is a page break too: the blank lines stay as lines, and the
/// next non-blank line gets `page_break_before`.
pub fn split_lines(text: &str) -> Vec<Line> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if body.is_empty() && !text.contains('\n') {
        return Vec::new();
    }
    // Most texts hold no form feed: then no line is searched for one.
    let any_form_feed = memchr::memchr(0x0c, body.as_bytes()).is_some();
    let mut lines = Vec::new();
    let mut pending_break = false;
    let mut blank_run = 0;
    for (i, raw) in split_at_newlines(body).enumerate() {
        let (text, ff_before, ff_after) = if any_form_feed {
            strip_form_feeds(raw)
        } else {
            (raw.to_string(), false, false)
        };
        let blank = text.trim().is_empty();
        let page_break_before = !blank && (pending_break || ff_before || blank_run >= 3);
        lines.push(Line {
            no: i + 1,
            text,
            page_break_before,
        });
        if blank {
            blank_run += 1;
            pending_break |= ff_before;
        } else {
            blank_run = 0;
            pending_break = false;
        }
        pending_break |= ff_after;
    }
    lines
}

/// `text.split('\n')`, the line ends found by `memchr` (a whole file passes here).
fn split_at_newlines(text: &str) -> impl Iterator<Item = &str> {
    let newlines = || memchr::memchr_iter(b'\n', text.as_bytes());
    let starts = std::iter::once(0).chain(newlines().map(|e| e + 1));
    let ends = newlines().chain([text.len()]);
    starts.zip(ends).map(|(s, e)| &text[s..e])
}

/// Removes form feeds from one raw line: whether one came before its text (or the
/// line is only form feeds), and whether one trails the text (a break before the next line).
fn strip_form_feeds(raw: &str) -> (String, bool, bool) {
    if !raw.contains('\u{c}') {
        return (raw.to_string(), false, false);
    }
    let text: String = raw.chars().filter(|&c| c != '\u{c}').collect();
    let trimmed = raw.trim_end_matches([' ', '\t']);
    let ff_after = !text.trim().is_empty() && trimmed.ends_with('\u{c}');
    let ff_before = !ff_after || raw.trim_start().starts_with('\u{c}');
    (text, ff_before, ff_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<(usize, bool)> {
        split_lines(text)
            .iter()
            .map(|l| (l.no, l.page_break_before))
            .collect()
    }

    #[test]
    fn form_feed_marks_the_line_it_starts() {
        let lines = split_lines("a\n\u{c}b\nc");
        assert_eq!(lines[1].text, "b");
        assert_eq!(breaks("a\n\u{c}b\nc"), [(1, false), (2, true), (3, false)]);
    }

    #[test]
    fn three_blank_lines_are_a_page_break_and_stay() {
        assert_eq!(
            breaks("a\n\n\n\nb\n\nc\n"),
            [
                (1, false),
                (2, false),
                (3, false),
                (4, false),
                (5, true),
                (6, false),
                (7, false)
            ]
        );
    }

    #[test]
    fn two_blank_lines_are_not_a_page_break() {
        assert!(breaks("a\n\n\nb").iter().all(|&(_, b)| !b));
    }

    #[test]
    fn splits_at_newlines_as_str_split_does() {
        for t in ["", "\n", "a", "a\n", "\na", "a\n\nb", "аб\nв\n\n"] {
            let ours: Vec<&str> = split_at_newlines(t).collect();
            let std: Vec<&str> = t.split('\n').collect();
            assert_eq!(ours, std, "{t:?}");
        }
    }

    #[test]
    fn line_numbers_are_raw_and_one_based() {
        let lines = split_lines("x\ny\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].no, 2);
    }

    #[test]
    fn lone_form_feed_line_breaks_before_the_next_text() {
        assert_eq!(breaks("a\n\u{c}\nb"), [(1, false), (2, false), (3, true)]);
    }
}
