//! Training decrees printed anew and read back through OCR (`fixtures/probe/ocr/`,
//! see `fixtures/probe/README.md`): each OCR class the parser now reads, checked
//! against the decree's gold, with the repair and warning every correction owes.

mod corpus_support;

use corpus_support::{decree, norm, same_rows};
use qauly::model::{Decree, RepairKind};
use std::path::Path;

/// The OCR text `file` parsed, and the gold of the training decree it was
/// printed from (`train/t0001` or `train-ru/t2002`).
fn probe(file: &str, gold: &str) -> (Decree, Decree) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/probe/ocr")
        .join(file);
    let bytes = std::fs::read(path).expect("probe text");
    let got = qauly::parse::parse_decree(&bytes, file).unwrap_or_else(|e| panic!("{e}"));
    (got, decree(gold))
}

/// Whether the decree logs an OCR fix of `before` and warns on its line.
fn fixed_with_warning(d: &Decree, before: &str) -> bool {
    d.repairs
        .iter()
        .filter(|r| r.kind == RepairKind::OcrFix && r.before.contains(before))
        .any(|r| d.warnings.iter().any(|w| w.line == r.line))
}

#[test]
fn number_sign_read_as_em_nine_is_restored_with_a_warning() {
    let (got, gold) = probe("ptserif-t2002.txt", "train-ru/t2002");
    assert_eq!(got.act.number, gold.act.number);
    assert_eq!(norm(&got.header_text), norm(&gold.header_text));
    assert!(fixed_with_warning(&got, "М9 872"));
}

#[test]
fn twin_letters_are_restored_from_the_documents_own_spelling() {
    let (got, gold) = probe("ptserif-t2002.txt", "train-ru/t2002");
    assert_eq!(got.clauses.len(), gold.clauses.len());
    for (a, b) in got.clauses.iter().zip(&gold.clauses) {
        assert_eq!(norm(&a.text), norm(&b.text), "clause {}", b.number);
    }
    assert!(fixed_with_warning(&got, "обшественн"));
    assert!(fixed_with_warning(&got, "обьемы"));
}

#[test]
fn a_number_broken_at_its_hyphen_is_read_whole() {
    let (got, gold) = probe("ptserif-t0001.txt", "train/t0001");
    let (reg, want) = (got.registration.unwrap(), gold.registration.unwrap());
    assert_eq!(reg.number, want.number);
    assert_eq!(norm(&got.header_text), norm(&gold.header_text));
}

#[test]
fn a_number_sign_glued_to_its_number_is_restored() {
    let (got, gold) = probe("ptserif-t0003.txt", "train/t0003");
    let (clause, want) = (&got.clauses[3].text, &gold.clauses[3].text);
    assert!(want.contains("№10-"), "the gold prints the sign glued");
    assert!(clause.contains("№10-"), "{clause}");
    assert!(!clause.contains("Х9"), "{clause}");
    assert!(fixed_with_warning(&got, "Х910-"));
}

#[test]
fn header_rows_read_with_the_first_row_leave_no_row_out() {
    let (got, gold) = probe("ptserif-t2003.txt", "train-ru/t2003");
    let (rows, want) = same_rows(&got, &gold);
    // Counts in their own rows: OCR may misread a digit (3 as 5), never a row.
    let same = rows
        .iter()
        .zip(want)
        .filter(|(a, b)| a.demand == b.demand && a.supply == b.supply)
        .count();
    assert!(same + 1 >= want.len(), "{same} of {} rows", want.len());
}

#[test]
fn a_row_one_misread_after_row_ten_takes_no_other_rows_cells() {
    let (got, gold) = probe("ptserif-t0007.txt", "train/t0007");
    let (rows, want) = same_rows(&got, &gold);
    for (a, b) in rows.iter().zip(want) {
        let org = norm(&a.organization);
        assert!(
            org.is_empty() || org == norm(&b.organization),
            "row {}: {org}",
            a.number
        );
        assert!(a.conditions.is_empty() || norm(&a.conditions) == norm(&b.conditions));
    }
    // The text is kept, with a warning saying why.
    assert!(got
        .warnings
        .iter()
        .any(|w| w.message.contains("no numbered row found")));
    assert!(got.residue.iter().any(|r| r.text.contains("ветеринария")));
}

#[test]
fn a_clause_number_whose_space_ocr_lost_still_opens_the_clause() {
    let (got, gold) = probe("sans-t0003.txt", "train/t0003");
    assert_eq!(got.clauses.len(), gold.clauses.len());
    assert_eq!(got.clauses[0].number, "1");
    assert_eq!(norm(&got.clauses[0].text), norm(&gold.clauses[0].text));
}

#[test]
fn a_sign_at_a_line_end_and_a_russian_title_read_as_digits_are_restored() {
    let (got, gold) = probe("sans-t2001.txt", "train-ru/t2001");
    assert_eq!(got.title, gold.title);
    assert!(fixed_with_warning(&got, "06"));
    let (reg, want) = (got.registration.as_ref(), gold.registration.as_ref());
    assert_eq!(reg.unwrap().number, want.unwrap().number);
    assert_eq!(got.act.number, gold.act.number);
    assert!(fixed_with_warning(&got, "Ме 2-16-11"));
}

#[test]
fn rows_read_down_a_later_page_without_counts_stay_apart() {
    let (got, gold) = probe("ptserif-t0017.txt", "train/t0017");
    let (rows, want) = same_rows(&got, &gold);
    for (a, b) in rows.iter().zip(want) {
        // A count OCR did not read stays empty, with a warning; none moves rows.
        if a.demand.is_none() {
            assert!(got
                .warnings
                .iter()
                .any(|w| w.message.contains("without both head counts")));
        } else if a.demand != b.demand {
            assert!(got
                .warnings
                .iter()
                .any(|w| w.message.contains("OCR misreads digits")));
        }
    }
    let read = rows
        .iter()
        .zip(want)
        .filter(|(a, b)| a.demand.is_some() && a.demand == b.demand);
    assert!(read.count() >= 5);
}
