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
