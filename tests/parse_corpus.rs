//! The parser on the training corpus (fixtures/corpus): every decree's non-table
//! fields compared with its gold YAML, field by field (whitespace and quote style
//! normalized), with a summary line per set. The table fields belong to the table
//! reconstruction's own corpus test.

use qauly::model::Decree;
use std::path::{Path, PathBuf};

/// The non-table fields, each rendered as comparable text.
fn fields(d: &Decree) -> Vec<(&'static str, String)> {
    let app = d.appendices.first();
    vec![
        (
            "source",
            format!("{} {} {}", d.source.file, d.source.sha256, d.source.lines),
        ),
        ("language", format!("{:?}", d.language)),
        ("title", d.title.clone()),
        ("status", format!("{:?}", d.status)),
        ("status_text", d.status_text.clone()),
        ("header_text", d.header_text.clone()),
        ("act", format!("{:?}", d.act)),
        ("registration", format!("{:?}", d.registration)),
        ("repealed_by", format!("{:?}", d.repealed_by)),
        ("notes", format!("{:?}", d.notes)),
        ("preamble", d.preamble.clone()),
        ("clauses", format!("{:?}", d.clauses)),
        ("signatory", format!("{:?}", d.signatory)),
        (
            "approval",
            app.map(|a| a.approval.clone()).unwrap_or_default(),
        ),
        (
            "appendix_title",
            app.map(|a| a.title.clone()).unwrap_or_default(),
        ),
    ]
}

fn normalize(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if matches!(c, '«' | '»' | '“' | '”' | '„') {
                '"'
            } else {
                c
            }
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cases(dir: &str) -> Vec<(PathBuf, PathBuf)> {
    let mut txts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txts.sort();
    txts.into_iter()
        .map(|t| {
            let gold = t.with_extension("gold.yaml");
            (t, gold)
        })
        .collect()
}

/// Exact and total fields of one set, split into pdftotext and OCR decrees (by
/// the gold's `source.origin.extract`); prints the misses.
fn score(dir: &str) -> [(usize, usize); 2] {
    let mut tally = [(0, 0); 2];
    for (txt, gold_path) in cases(dir) {
        let name = txt.file_name().unwrap().to_string_lossy().into_owned();
        let gold_text = std::fs::read_to_string(&gold_path).unwrap();
        let gold = qauly::yaml::from_str(&gold_text, &gold_path.display().to_string()).unwrap();
        let ocr = gold
            .source
            .origin
            .as_ref()
            .and_then(|o| o.get("extract"))
            .and_then(|e| e.as_str())
            == Some("ocr");
        let slot = &mut tally[usize::from(ocr)];
        let want = fields(&gold);
        slot.1 += want.len();
        let Ok(got) = qauly::parse::parse_decree(&std::fs::read(&txt).unwrap(), &name) else {
            println!("{name}: does not parse");
            continue;
        };
        for ((field, w), (_, g)) in want.iter().zip(fields(&got)) {
            if normalize(w) == normalize(&g) {
                slot.0 += 1;
            } else {
                println!("{name}: {field} differs\n  gold: {w}\n  ours: {g}");
            }
        }
    }
    tally
}

/// Percentages exact of the pdftotext and the OCR decrees of one set.
fn shares(dir: &str) -> (f64, f64) {
    let [pdf, ocr] = score(dir);
    let pct = |(e, t): (usize, usize)| {
        if t == 0 {
            100.0
        } else {
            100.0 * e as f64 / t as f64
        }
    };
    println!(
        "SUMMARY {dir}: pdftotext {}/{} ({:.1}%), OCR {}/{} ({:.1}%) non-table fields exact",
        pdf.0,
        pdf.1,
        pct(pdf),
        ocr.0,
        ocr.1,
        pct(ocr)
    );
    (pct(pdf), pct(ocr))
}

#[test]
fn kazakh_corpus_non_table_fields_are_exact() {
    assert!(Path::new("fixtures/corpus/train").is_dir());
    let (pdf, ocr) = shares("fixtures/corpus/train");
    assert!(pdf >= 99.0, "pdftotext decrees: {pdf:.1}%");
    assert!(ocr >= 85.0, "OCR decrees: {ocr:.1}%");
}

#[test]
fn russian_corpus_non_table_fields_are_exact() {
    let (pdf, ocr) = shares("fixtures/corpus/train-ru");
    assert!(pdf >= 99.0, "pdftotext decrees: {pdf:.1}%");
    assert!(ocr >= 85.0, "OCR decrees: {ocr:.1}%");
}
