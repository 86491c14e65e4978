//! Helpers shared by the render tests: corpus decrees and external tools
//! (which must exist when `CI` is set, and may be skipped with a notice otherwise).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every gold YAML of the corpus.
pub fn corpus_yamls() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["fixtures/corpus/train", "fixtures/corpus/train-ru"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".gold.yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether `tool` can run; panics when it cannot and `CI` is set.
pub fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok()
        || Command::new(tool).arg("--version").output().is_ok();
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{tool}` is required when CI is set"
        );
        eprintln!("NOTICE: `{tool}` not found; skipping this test");
    }
    ok
}

/// Runs a command and returns its standard output, failing the test on error.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `pdftotext` of a PDF file (extra args first, e.g. `-raw`).
pub fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    run(Command::new("pdftotext").args(args).arg(pdf).arg("-"))
}

/// Number of pages by `pdfinfo`.
pub fn page_count(pdf: &Path) -> usize {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line[6..].trim().parse().unwrap()
}

/// Collapses runs of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes all whitespace (for text whose line breaks another engine chose).
pub fn solid(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
