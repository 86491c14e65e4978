//! The table of every training decree rebuilt and compared with its gold, field
//! by field (whitespace and quote style normalized); prints the shares exact.
//! Run with `cargo test --test table_corpus -- --nocapture` to see the figures.

mod corpus_support;

use corpus_support::norm;

use qauly::lines::Line;
use qauly::model::{Language, Row, Table};
use qauly::table::{reconstruct, TableOutput};
use std::collections::BTreeMap;
use std::fs;

/// Files read by tesseract OCR (rows read across columns).
const OCR: &[&str] = &["t0005", "t0010", "t0015", "t0020", "t2004", "t2008"];

/// Lines from the table's first header line to the end, page breaks marked.
fn table_lines(text: &str) -> Vec<Line> {
    let raw: Vec<&str> = text.lines().collect();
    let start = table_start(&raw).unwrap_or(raw.len());
    let mut blanks = 0;
    let mut out = Vec::new();
    for (i, line) in raw.iter().enumerate() {
        let ff = line.contains('\u{c}');
        let t = line.replace('\u{c}', "");
        if i >= start {
            out.push(Line {
                no: i + 1,
                text: t.clone(),
                page_break_before: ff || blanks >= 3,
            });
        }
        blanks = if t.trim().is_empty() { blanks + 1 } else { 0 };
    }
    out
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first header line: "№" alone or before a header word, or the column
/// group's title or the organization header (OCR may misread "№").
fn table_start(raw: &[&str]) -> Option<usize> {
    const STARTS: &[&str] = &[
        "қоғамдықжұмыстардыңкөлемі",
        "объемыиконкр",
        "ұйымдардыңатау",
        "наименованиеорг",
    ];
    raw.iter().position(|l| {
        let c = compact(l);
        let numero = c
            .strip_prefix('№')
            .is_some_and(|r| !r.starts_with(|ch: char| ch.is_ascii_digit()));
        numero || STARTS.iter().any(|s| c.starts_with(s))
    })
}

/// Each field of a row as comparable text.
fn fields(r: &Row) -> Vec<(&'static str, String)> {
    let kinds: Vec<String> = r.works.iter().map(|w| norm(&w.kind)).collect();
    let vols: Vec<String> = r.works.iter().map(|w| norm(&w.volume)).collect();
    vec![
        ("organization", norm(&r.organization)),
        ("work_types", kinds.join(" | ")),
        ("work_volumes", vols.join(" | ")),
        ("conditions", norm(&r.conditions)),
        ("pay", norm(&r.pay)),
        ("pay_mzp_multiple", format!("{:?}", r.pay_mzp_multiple)),
        ("funding", norm(&r.funding)),
        ("demand", format!("{:?}", r.demand)),
        ("supply", format!("{:?}", r.supply)),
    ]
}

#[derive(Default)]
struct Tally {
    exact: BTreeMap<&'static str, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, field: &'static str, ok: bool) {
        let e = self.exact.entry(field).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }

    fn total(&self) -> (usize, usize) {
        self.exact
            .values()
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    }

    fn print(&self, name: &str) {
        let (ok, all) = self.total();
        println!(
            "{name}: {ok}/{all} fields exact ({:.1}%)",
            100.0 * ok as f64 / all.max(1) as f64
        );
        for (f, (ok, all)) in &self.exact {
            println!(
                "    {f:<18} {ok:>5}/{all:<5} {:.1}%",
                100.0 * *ok as f64 / (*all).max(1) as f64
            );
        }
    }
}

fn compare(got: &Table, gold: &Table, tally: &mut Tally, verbose: bool, name: &str) {
    tally.add("row_count", got.rows.len() == gold.rows.len());
    let cols_ok = got
        .columns
        .iter()
        .map(|c| norm(c))
        .eq(gold.columns.iter().map(|c| norm(c)));
    tally.add("columns", cols_ok);
    if verbose && !cols_ok {
        println!(
            "  {name} columns:\n    got  {:?}\n    gold {:?}",
            got.columns, gold.columns
        );
    }
    for (k, g) in gold.rows.iter().enumerate() {
        let empty = Row::default();
        let r = got.rows.get(k).unwrap_or(&empty);
        tally.add("number", r.number == g.number);
        for ((f, a), (_, b)) in fields(r).into_iter().zip(fields(g)) {
            if verbose && a != b {
                println!("  {name} row {} {f}:\n    got  {a}\n    gold {b}", g.number);
            }
            tally.add(f, a == b);
        }
    }
}

/// Non-space characters of the input lines missing from the output, and extra.
fn conservation(lines: &[Line], out: &TableOutput) -> (usize, usize) {
    let mut counts: BTreeMap<char, i64> = BTreeMap::new();
    for l in lines {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .for_each(|c| *counts.entry(c).or_default() += 1);
    }
    let t = &out.table;
    let mut placed: Vec<String> = t.columns.clone();
    placed.extend(t.column_groups.iter().map(|g| g.title.clone()));
    for r in &t.rows {
        placed.extend([
            r.organization.clone(),
            r.conditions.clone(),
            r.pay.clone(),
            r.funding.clone(),
        ]);
        placed.extend(
            r.works
                .iter()
                .flat_map(|w| [w.kind.clone(), w.volume.clone()]),
        );
        placed.extend([r.demand, r.supply].iter().flatten().map(u32::to_string));
        placed.push(r.number.to_string());
    }
    placed.extend(out.residue.iter().map(|r| r.text.clone()));
    for s in &placed {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .for_each(|c| *counts.entry(c).or_default() -= 1);
    }
    let missing = counts.values().filter(|v| **v > 0).sum::<i64>() as usize;
    let extra = -counts.values().filter(|v| **v < 0).sum::<i64>() as usize;
    (missing, extra)
}

#[test]
fn corpus_tables_match_their_gold() {
    let verbose = std::env::var("TABLE_CORPUS_VERBOSE").is_ok();
    let mut pdf = Tally::default();
    let mut ocr = Tally::default();
    for dir in ["fixtures/corpus/train", "fixtures/corpus/train-ru"] {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for name in names {
            let stem = name.trim_end_matches(".txt").to_string();
            let text = fs::read_to_string(format!("{dir}/{name}")).unwrap();
            let gold_text = fs::read_to_string(format!("{dir}/{stem}.gold.yaml")).unwrap();
            let gold = qauly::yaml::from_str(&gold_text, &stem).unwrap();
            let lang = if dir.ends_with("-ru") {
                Language::Ru
            } else {
                Language::Kk
            };
            let out = reconstruct(&table_lines(&text), lang);
            let mut one = Tally::default();
            compare(
                &out.table,
                &gold.appendices[0].table,
                &mut one,
                verbose,
                &stem,
            );
            let tally = if OCR.contains(&stem.as_str()) {
                &mut ocr
            } else {
                &mut pdf
            };
            compare(&out.table, &gold.appendices[0].table, tally, false, &stem);
            let (ok, all) = one.total();
            let (missing, extra) = conservation(&table_lines(&text), &out);
            println!(
                "{stem}: rows {}/{} fields {ok}/{all}; characters missing {missing}, extra {extra}",
                out.table.rows.len(),
                gold.appendices[0].table.rows.len()
            );
        }
    }
    pdf.print("pdftotext");
    ocr.print("OCR");
    // Floors at the shares measured when this test was written: a drop is a regression.
    let share = |t: &Tally, f: &str| {
        t.exact
            .get(f)
            .map_or(0.0, |(ok, all)| *ok as f64 / *all as f64)
    };
    assert!(share(&pdf, "demand") >= 0.99 && share(&pdf, "supply") >= 0.99);
    assert!(share(&pdf, "row_count") >= 0.95);
    assert!(share(&pdf, "pay_mzp_multiple") >= 0.99);
    let (ok, all) = pdf.total();
    assert!(ok as f64 / all as f64 >= 0.98);
    assert!(share(&pdf, "organization") >= 0.947 && share(&pdf, "conditions") >= 0.967);
    assert!(share(&pdf, "work_types") >= 0.939 && share(&pdf, "work_volumes") >= 0.972);
    // Scans: rows found by their counts even where some counts went unread.
    assert!(share(&ocr, "demand") >= 0.75 && share(&ocr, "supply") >= 0.75);
    assert!(share(&ocr, "row_count") >= 0.8);
}
