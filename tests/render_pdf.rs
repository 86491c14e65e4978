//! The PDF engine on corpus decrees: text really extractable per cell, pages,
//! fonts embedded, every character drawable, same bytes alone or in parallel.

mod corpus_support;
mod render_support;

use corpus_support::decree;
use qauly::pdf::layout::{layout, CellBox};
use qauly::pdf::{appendix_flow, appendix_pdf, decree_pdf};
use render_support::*;
use std::process::Command;

/// A word of `pdftotext -bbox` output: its box and text.
struct Word {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

fn attr(tag: &str, name: &str) -> f32 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Words of each page, from `pdftotext -bbox`.
fn bbox_words(pdf: &std::path::Path) -> Vec<Vec<Word>> {
    let xhtml = pdftotext(pdf, &["-bbox"]);
    let mut pages: Vec<Vec<Word>> = Vec::new();
    for line in xhtml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let text = rest[close + 1..].trim_end_matches("</word>");
            pages.last_mut().unwrap().push(Word {
                x0: attr(rest, "xMin"),
                y0: attr(rest, "yMin"),
                x1: attr(rest, "xMax"),
                y1: attr(rest, "yMax"),
                text: unescape(text),
            });
        }
    }
    pages
}

/// The text inside a cell's box, read line by line, left to right.
fn text_in(words: &[Word], c: &CellBox) -> String {
    let mut inside: Vec<&Word> = words
        .iter()
        .filter(|w| {
            let (cx, cy) = ((w.x0 + w.x1) / 2.0, (w.y0 + w.y1) / 2.0);
            cx > c.x && cx < c.x + c.w && cy > c.y && cy < c.y + c.h
        })
        .collect();
    inside.sort_by(|a, b| {
        let same_line = (a.y1 - b.y1).abs() < 2.0;
        if same_line {
            a.x0.total_cmp(&b.x0)
        } else {
            a.y1.total_cmp(&b.y1)
        }
    });
    inside
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_pdf(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn every_cell_of_the_appendix_is_extractable_text_in_its_box_in_reading_order() {
    if !have("pdftotext") {
        return;
    }
    for name in ["train/t0001", "train/t0015", "train-ru/t2004"] {
        let d = decree(name);
        let pages = layout(&appendix_flow(&d));
        let (_dir, path) = write_pdf(&appendix_pdf(&d).unwrap());
        let words = bbox_words(&path);
        assert_eq!(words.len(), pages.len(), "{name}: page count");
        let mut whole: std::collections::BTreeMap<(Option<usize>, usize), String> =
            Default::default();
        for (page, words) in pages.iter().zip(&words) {
            for c in &page.cells {
                let drawn = squash(&c.lines.join(" "));
                assert_eq!(
                    squash(&text_in(words, c)),
                    drawn,
                    "{name}: cell {:?}/{}",
                    c.row,
                    c.col
                );
                if c.row.is_some() {
                    let acc = whole.entry((c.row, c.col)).or_default();
                    acc.push(' ');
                    acc.push_str(&drawn);
                }
            }
        }
        // Joined over lines and pages, every cell reads as the decree's text (spaces
        // aside: a word too long for its column is cut without one).
        let table = &qauly::view::DecreeView::new(&d).appendices[0].table;
        for (r, row) in table.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                let got = whole
                    .get(&(Some(r), col))
                    .map(|s| solid(s))
                    .unwrap_or_default();
                assert_eq!(
                    got,
                    solid(&cell.lines.join(" ")),
                    "{name}: row {r} col {col}"
                );
            }
        }
    }
}

#[test]
fn appendix_page_count_is_sane_and_header_is_on_every_page() {
    if !have("pdfinfo") || !have("pdftotext") {
        return;
    }
    let d = decree("train/t0015");
    let rows = d.appendices[0].table.rows.len();
    let (_dir, path) = write_pdf(&appendix_pdf(&d).unwrap());
    let n = page_count(&path);
    assert!(n >= rows / 15 && n <= rows, "{n} pages for {rows} rows");
    let text = pdftotext(&path, &["-layout"]);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), n);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains("Нақты жағдайлары"),
            "page {} lacks the header",
            i + 1
        );
        assert!(
            p.contains(&format!("{} / {n}", i + 1)),
            "page {} lacks its number",
            i + 1
        );
    }
}

#[test]
fn whole_decree_is_portrait_text_then_landscape_appendix() {
    if !have("pdfinfo") || !have("pdftotext") {
        return;
    }
    let d = decree("train/t0001");
    let (_dir, path) = write_pdf(&decree_pdf(&d).unwrap());
    let info = run(Command::new("pdfinfo")
        .args(["-f", "1", "-l", "3"])
        .arg(&path));
    let sizes: Vec<&str> = info.lines().filter(|l| l.contains("size:")).collect();
    assert!(
        sizes[0].contains("595.") && sizes[0].contains("x 841."),
        "{sizes:?}"
    );
    let text = squash(&pdftotext(&path, &[]));
    for c in &d.clauses {
        assert!(
            solid(&text).contains(&solid(&c.text)),
            "clause {} missing",
            c.number
        );
    }
    assert!(text.contains(&d.signatory.name));
    let last = page_count(&path);
    let info = run(Command::new("pdfinfo")
        .args(["-f", &last.to_string(), "-l", &last.to_string()])
        .arg(&path));
    assert!(
        info.contains("841.") && info.contains("x 595."),
        "last page is landscape: {info}"
    );
}

#[test]
fn both_faces_are_embedded_as_subsets() {
    if !have("pdffonts") {
        return;
    }
    let (_dir, path) = write_pdf(&decree_pdf(&decree("train/t0003")).unwrap());
    let fonts = run(Command::new("pdffonts").arg(&path));
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for r in rows {
        assert!(r.contains("LiberationSerif"), "{r}");
        let cols: Vec<&str> = r.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        let sub = cols[cols.len() - 4];
        assert_eq!((emb, sub), ("yes", "yes"), "{r}");
    }
}

#[test]
fn every_character_of_the_corpus_has_a_glyph_in_both_faces() {
    for path in corpus_yamls() {
        let text = std::fs::read_to_string(&path).unwrap();
        let missing = qauly::pdf::font::missing_glyphs(&text);
        assert!(
            missing.is_empty(),
            "{}: no glyph for {missing:?}",
            path.display()
        );
    }
}

#[test]
fn same_bytes_alone_and_in_a_parallel_batch() {
    let names = [
        "train/t0001",
        "train/t0012",
        "train-ru/t2002",
        "train/t0020",
    ];
    let alone: Vec<Vec<u8>> = names
        .iter()
        .map(|n| appendix_pdf(&decree(n)).unwrap())
        .collect();
    let again = appendix_pdf(&decree(names[0])).unwrap();
    assert_eq!(again, alone[0], "same input twice in one thread");
    let batch: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = names
            .iter()
            .rev()
            .map(|n| {
                s.spawn(move || {
                    // Several renders per thread, so the threads overlap in time.
                    let mut last = Vec::new();
                    for _ in 0..3 {
                        last = appendix_pdf(&decree(n)).unwrap();
                    }
                    last
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (i, bytes) in batch.iter().rev().enumerate() {
        assert_eq!(
            bytes, &alone[i],
            "{} differs in the parallel batch",
            names[i]
        );
    }
    assert_ne!(alone[0], alone[1]);
}

#[test]
fn trailer_id_is_a_hash_of_the_content_and_dates_come_from_the_decree() {
    let d = decree("train/t0001");
    let bytes = appendix_pdf(&d).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let id_at = text.rfind("/ID").unwrap();
    let id = &text[id_at..id_at + 80];
    assert!(!id.contains("qauly"), "placeholder left in {id}");
    let mut other = d.clone();
    other.appendices[0].table.rows[0].organization.push('!');
    let text2 = String::from_utf8_lossy(&appendix_pdf(&other).unwrap()).to_string();
    let id2_at = text2.rfind("/ID").unwrap();
    assert_ne!(
        &text2[id2_at..id2_at + 80],
        id,
        "different content, different /ID"
    );
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        assert!(
            text.contains("D:20090222"),
            "creation date from the act's date"
        );
    }
}

#[test]
fn a_two_page_text_document_stays_within_the_contract_size_budget() {
    use qauly::flow::{Align, Block, FlowDoc, PageSetup, Para, Run};
    let d = decree("train/t0001");
    let mut blocks = vec![Block::Para(Para {
        runs: vec![Run::bold("ЖЕКЕ ЕҢБЕК ШАРТЫ")],
        align: Align::Center,
        ..Default::default()
    })];
    for c in d.clauses.iter().cycle().take(24) {
        blocks.push(Block::Para(Para {
            runs: vec![
                Run::bold(format!("{}.", c.number)),
                Run::plain(format!(" {}", c.text)),
            ],
            align: Align::Justify,
            first_indent: 28.0,
            ..Default::default()
        }));
    }
    let flow = FlowDoc {
        setup: PageSetup::A4Portrait,
        title: "шарт".into(),
        size: 11.0,
        blocks,
        page_numbers: true,
    };
    let pages = layout(&flow).len();
    let bytes = qauly::pdf::render(&flow, &qauly::pdf::PdfMeta::default()).unwrap();
    eprintln!("{pages} pages, {} bytes", bytes.len());
    assert!(
        pages >= 2 && bytes.len() <= 30 * 1024,
        "{pages} pages, {} bytes",
        bytes.len()
    );
}
