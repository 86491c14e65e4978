//! Cross-checks of the finished table: what a reading got wrong without
//! knowing it shows in the rows, and is told so a clerk checks those rows.
//! The text always stays where it was read.

use super::{apart, Log};
use crate::model::Row;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};

/// State bodies that an organization's name may end with instead of a legal
/// form ("… аудандық прокуратурасы", a court, an akimat, a department).
const STATE_BODIES: &[&str] = &[
    "прокуратурасы",
    "прокуратура",
    "соты",
    "суд",
    "әкімдігі",
    "акимат",
    "департаменті",
    "департамент",
    "комитеті",
    "комитет",
    "инспекциясы",
    "инспекция",
    "орталығы",
    "центр",
    "министрлігі",
    "министерство",
];

/// Whether a text names a body: one of its words (as a word core) is a legal
/// form or a state body.
fn names_a_body(text: &str) -> bool {
    let mut core = String::new();
    text.split_whitespace().any(|t| {
        crate::repair::split_word::word_core_into(t, &mut core);
        apart::LEGAL.contains(&core.as_str()) || STATE_BODIES.contains(&core.as_str())
    })
}

/// Cross-checks of the finished rows, one at a time.
#[derive(Default)]
pub(super) struct RowChecks {
    /// Cell texts already found to repeat no run of words: rows repeat their
    /// conditions, which are then read once.
    clean: FxHashSet<String>,
}

impl RowChecks {
    pub(super) fn row(&mut self, row: &Row, line: usize, log: &mut Log) {
        names(row, line, log);
        self.repeats(row, line, log);
    }

    /// A cell that prints a run of words twice holds a piece of another row,
    /// or two kinds of work read as one.
    fn repeats(&mut self, row: &Row, line: usize, log: &mut Log) {
        let cells = [("organization", &row.organization)]
            .into_iter()
            .chain(row.works.iter().map(|w| ("kind of work", &w.kind)))
            .chain([
                ("conditions", &row.conditions),
                ("pay", &row.pay),
                ("funding", &row.funding),
            ]);
        for (name, text) in cells {
            if self.clean.contains(text.as_str()) {
                continue;
            }
            match repeated_run(text) {
                Some(run) => log.warn(
                    line,
                    format!(
                        "row {}: its {name} cell prints the words \"{run}\" twice: a piece of another row may have been put here; check the row against the print",
                        row.number
                    ),
                ),
                None => {
                    self.clean.insert(text.clone());
                }
            }
        }
    }
}

/// A row read across its columns shows as an organization that names no body
/// (no quotes, no legal form) or a kind of work that names one.
fn names(row: &Row, line: usize, log: &mut Log) {
    let org = &row.organization;
    if !org.is_empty() && !org.contains(['"', '«', '»']) && !names_a_body(org) {
        log.warn(
            line,
            format!(
                "row {}: the organization \"{org}\" names no body (no quotes, no legal form): check the row against the print",
                row.number
            ),
        );
    }
    for w in row.works.iter().filter(|w| names_a_body(&w.kind)) {
        log.warn(
            line,
            format!(
                "row {}: the kind of work \"{}\" names a body, as an organization does: check the row against the print",
                row.number, w.kind
            ),
        );
    }
}

/// Words in a row that one cell does not print twice. No cell of the training
/// corpus repeats even four words in a row; a torn piece put into the wrong
/// row, where rows share their conditions, repeats a whole sentence.
const REPEAT_RUN: usize = 6;

/// The first run of `REPEAT_RUN` words that the text prints again after the
/// run has ended. Each word is hashed once and a run is keyed by its words'
/// hashes (every row's cells pass here); a key met again is compared word
/// by word.
fn repeated_run(text: &str) -> Option<String> {
    use std::hash::BuildHasher;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 * REPEAT_RUN {
        return None;
    }
    let hasher = rustc_hash::FxBuildHasher;
    let hashes: Vec<u64> = words.iter().map(|w| hasher.hash_one(w)).collect();
    let mut first: HashMap<u64, usize> = HashMap::default();
    for (i, run) in hashes.windows(REPEAT_RUN).enumerate() {
        let key = run.iter().fold(0u64, |k, h| k.rotate_left(11) ^ h);
        match first.get(&key) {
            Some(&at) if i >= at + REPEAT_RUN => {
                if words[at..at + REPEAT_RUN] == words[i..i + REPEAT_RUN] {
                    return Some(words[i..i + REPEAT_RUN].join(" "));
                }
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
    }
    None
}

/// Cross-checks of the whole table: part 1 and part 2 have the same number of rows.
pub(super) fn table(rows: &[Row], part2_rows: usize, log: &mut Log) {
    if rows.len() != part2_rows {
        let line = 0;
        log.warn(
            line,
            format!(
                "part 1 has {} rows but part 2 has {}",
                rows.len(),
                part2_rows
            ),
        );
    }
    if rows.is_empty() {
        log.warn(0, "no table rows found (no row numbered 1)".to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_words_printed_again_is_found_and_a_phrase_met_twice_is_not() {
        let sentence = "жұмыстарға басым тәртіппен қатысуға құқығы бар.";
        let doubled = format!("Мақсатты топқа кіретін {sentence} Жұмыс беруші {sentence}");
        assert_eq!(repeated_run(&doubled).as_deref(), Some(sentence));
        // The standard conditions say "қоғамдық жұмыстарға" three times.
        let conditions = "Жұмыссыздарды қоғамдық жұмыстарға жіберуді аудандық бөлімі \
             жүзеге асырады. Жұмыссыздардың қоғамдық жұмыстарға басым тәртіппен \
             қатысуға құқығы бар. Қоғамдық жұмыстарға қатысатын жұмыссыз";
        assert_eq!(repeated_run(conditions), None);
        // Two runs that overlap are one text, not a repeat ("а а а а а а а").
        assert_eq!(repeated_run(&["а"; 11].join(" ")), None);
        assert!(repeated_run(&["а"; 12].join(" ")).is_some());
    }
}
