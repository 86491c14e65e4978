//! Helpers shared by the tests that read the corpus: its gold decrees, and
//! the comparison of texts the corpus test scores by.
#![allow(dead_code)]

use qauly::model::{Decree, Row};

/// A gold decree of the corpus, e.g. `train/t0001`.
pub fn decree(name: &str) -> Decree {
    let path = format!("fixtures/corpus/{name}.gold.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    qauly::yaml::from_str(&text, &path).unwrap()
}

/// A text as the corpus test compares it: whitespace and quote style do not
/// count as differences.
pub fn norm(s: &str) -> String {
    let quotes: String = s
        .chars()
        .map(|c| if "«»“”„".contains(c) { '"' } else { c })
        .collect();
    quotes.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Both decrees' table rows, once they are checked to be as many.
pub fn same_rows<'a>(got: &'a Decree, gold: &'a Decree) -> (&'a [Row], &'a [Row]) {
    let (rows, want) = (
        &got.appendices[0].table.rows,
        &gold.appendices[0].table.rows,
    );
    assert_eq!(rows.len(), want.len());
    (rows, want)
}
