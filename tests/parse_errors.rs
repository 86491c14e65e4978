//! Bad inputs a user will meet, through the built `qauly` binary: each gets a
//! message with file:line:col and what was expected, exit code 1, and no output
//! file (nor temporary file) left behind. Also the exit codes 0/3 and 2.

use std::process::{Command, Output};

const FIXTURE: &str = "fixtures/karasai-2014-public-works/input.txt";

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

/// Runs `qauly parse NAME -o out.yaml` on `bytes` in a fresh directory.
fn parse_file(name: &str, bytes: &[u8]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_qauly"))
        .arg("parse")
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("out.yaml"))
        .output()
        .unwrap();
    (out, dir)
}

/// The error case contract: exit 1, "NAME:LINE:COL: …" naming `expect_line`,
/// a message containing `words`, no output and no stray file in the directory.
fn assert_rejected(name: &str, bytes: &[u8], expect_line: usize, words: &str) {
    let (out, dir) = parse_file(name, bytes);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    let prefix = format!("{name}:{expect_line}:");
    assert!(stderr.contains(&prefix), "{name}: no {prefix} in: {stderr}");
    let after = &stderr[stderr.find(&prefix).unwrap() + prefix.len()..];
    assert!(
        after.starts_with(|c: char| c.is_ascii_digit()),
        "{name}: no column: {stderr}"
    );
    assert!(stderr.contains(words), "{name}: «{words}» not in: {stderr}");
    assert!(
        !dir.path().join("out.yaml").exists(),
        "{name}: output left behind"
    );
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 1, "{name}: stray files left in the output directory");
}

#[test]
fn empty_file_is_rejected() {
    assert_rejected("empty.txt", b"", 1, "empty");
    assert_rejected("blank.txt", b"\n  \n\n", 1, "empty");
}

#[test]
fn binary_file_is_rejected_at_its_first_control_byte() {
    assert_rejected(
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        3,
        "binary",
    );
}

#[test]
fn windows_1251_text_is_rejected_with_its_byte_offset() {
    // "Об организации" in Windows-1251, after one good line.
    let bytes = b"title\n\xCE\xE1 \xEE\xF0\xE3\xE0\xED\xE8\xE7\xE0\xF6\xE8\xE8\n";
    assert_rejected("cp1251.txt", bytes, 2, "byte offset 6");
}

#[test]
fn other_legal_text_is_rejected_where_the_status_should_be() {
    let law = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\n\nЕңбек туралы\n\n1-бап. Негізгі ұғымдар\n";
    assert_rejected("law.txt", law.as_bytes(), 3, "status");
}

#[test]
fn decree_cut_off_before_its_clauses_is_rejected() {
    let text = String::from_utf8(fixture()).unwrap();
    let cut: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    assert_rejected("cut.txt", cut.as_bytes(), 20, "clause");
}

#[test]
fn decree_cut_off_in_the_middle_of_its_table_is_rejected() {
    let text = String::from_utf8(fixture()).unwrap();
    let cut: String = text.lines().take(700).collect::<Vec<_>>().join("\n");
    assert_rejected(
        "cut-table.txt",
        cut.as_bytes(),
        700,
        "rest of the appendix table",
    );
}

#[test]
fn table_printed_in_one_part_without_continuation_marker_still_parses() {
    let text = String::from_utf8(fixture())
        .unwrap()
        .replace("кестенің жалғасы", "");
    let d = qauly::parse::parse_decree(text.as_bytes(), "one-part.txt").unwrap();
    assert_eq!(d.rows().count(), 29);
}

#[test]
fn decree_without_its_preamble_end_names_the_line() {
    let text = String::from_utf8(fixture())
        .unwrap()
        .replace("ҚАУЛЫ ЕТЕДІ:", "бекітеді.");
    assert_rejected("no-verb.txt", text.as_bytes(), 14, "ҚАУЛЫ ЕТЕДІ");
}

#[test]
fn exit_code_is_0_when_clean_and_3_with_warnings_and_the_yaml_is_written() {
    for path in [FIXTURE, "fixtures/corpus/train/t0020.txt"] {
        let bytes = std::fs::read(path).unwrap();
        let warnings = qauly::parse::parse_decree(&bytes, "x.txt")
            .unwrap()
            .warnings
            .len();
        let (out, dir) = parse_file("x.txt", &bytes);
        let expected = if warnings == 0 { 0 } else { 3 };
        assert_eq!(out.status.code(), Some(expected), "{path}");
        let yaml = std::fs::read_to_string(dir.path().join("out.yaml")).unwrap();
        assert!(yaml.starts_with("schema_version: 1"));
    }
}

#[test]
fn ocr_decree_reports_its_fixes_as_warnings() {
    let bytes = std::fs::read("fixtures/corpus/train/t0020.txt").unwrap();
    let d = qauly::parse::parse_decree(&bytes, "t0020.txt").unwrap();
    assert!(d.warnings.iter().any(|w| w.message.contains("OCR")));
}

#[test]
fn stdin_input_writes_yaml_to_stdout() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qauly"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&fixture()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 3)));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("file: <stdin>"));
}

#[test]
fn missing_input_argument_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_qauly"))
        .arg("parse")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_input_path_is_exit_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_qauly"))
        .args(["parse", "/nonexistent/decree.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/decree.txt"));
}
