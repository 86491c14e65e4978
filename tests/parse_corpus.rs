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

/// Exact fields and total fields of one set; prints the misses.
fn score(dir: &str) -> (usize, usize) {
    let (mut exact, mut total) = (0, 0);
    for (txt, gold_path) in cases(dir) {
        let name = txt.file_name().unwrap().to_string_lossy().into_owned();
        let gold_text = std::fs::read_to_string(&gold_path).unwrap();
        let gold = qauly::yaml::from_str(&gold_text, &gold_path.display().to_string()).unwrap();
        let want = fields(&gold);
        total += want.len();
        let Ok(got) = qauly::parse::parse_decree(&std::fs::read(&txt).unwrap(), &name) else {
            println!("{name}: does not parse");
            continue;
        };
        for ((field, w), (_, g)) in want.iter().zip(fields(&got)) {
            if normalize(w) == normalize(&g) {
                exact += 1;
            } else {
                println!("{name}: {field} differs\n  gold: {w}\n  ours: {g}");
            }
        }
    }
    (exact, total)
}

fn share(dir: &str) -> f64 {
    let (exact, total) = score(dir);
    let pct = 100.0 * exact as f64 / total as f64;
    println!("SUMMARY {dir}: {exact}/{total} non-table fields exact ({pct:.1}%)");
    pct
}

#[test]
fn kazakh_corpus_non_table_fields_are_exact() {
    assert!(Path::new("fixtures/corpus/train").is_dir());
    assert!(share("fixtures/corpus/train") >= 95.0);
}

#[test]
fn russian_corpus_non_table_fields_are_exact() {
    assert!(share("fixtures/corpus/train-ru") >= 90.0);
}
