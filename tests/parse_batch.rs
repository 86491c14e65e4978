//! `qauly parse` over many decrees (several files, or directories): through the
//! built binary, on the training corpus. Each YAML must be the bytes a single
//! `qauly parse FILE` gives; a bad file must not stop the others; the report
//! must account for every input; clashing names and a missing `-o` are usage
//! errors that write nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TRAIN: &str = "fixtures/corpus/train";
const FIXTURE: &str = "fixtures/karasai-2014-public-works/input.txt";

fn qauly(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qauly"))
        .arg("parse")
        .args(args)
        .output()
        .unwrap()
}

/// The raw decrees of the training set (`*.txt`, not the gold YAMLs), sorted.
fn train_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(TRAIN)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn report_lines(out_dir: &Path) -> Vec<String> {
    std::fs::read_to_string(out_dir.join("report.csv"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_directory_becomes_one_yaml_per_decree_identical_to_single_parses() {
    let out = tempfile::tempdir().unwrap();
    let run = qauly(&[Path::new(TRAIN), Path::new("-o"), out.path()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let files = train_files();
    assert!(files.len() >= 20);
    // The corpus has decrees with warnings and none that fail.
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(&format!(
        "{} of {} decree(s) parsed",
        files.len(),
        files.len()
    )));
    for file in &files {
        let stem = file.file_stem().unwrap().to_str().unwrap();
        let batch = std::fs::read(out.path().join(format!("{stem}.yaml"))).unwrap();
        let single = qauly(&[file.as_path()]);
        assert_eq!(
            batch, single.stdout,
            "{stem}: batch YAML differs from `qauly parse`"
        );
    }
    let lines = report_lines(out.path());
    assert_eq!(
        lines[0],
        "input,output,status,rows,warnings,residue,message"
    );
    assert_eq!(lines.len(), files.len() + 1);
    for (line, file) in lines[1..].iter().zip(&files) {
        assert!(line.starts_with(&format!("{},", file.display())), "{line}");
        let status = line.split(',').nth(2).unwrap();
        assert!(status == "clean" || status == "warnings", "{line}");
    }
}

#[test]
fn a_bad_file_is_reported_and_the_others_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = dir.path().join("out");
    let run = qauly(&[Path::new(FIXTURE), &empty, Path::new("-o"), &out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("empty.txt:1:1"), "{stderr}");
    assert!(stderr.contains("1 of 2 decree(s) parsed"), "{stderr}");
    assert!(out.join("input.yaml").is_file());
    assert!(!out.join("empty.yaml").exists());
    let lines = report_lines(&out);
    assert!(
        lines[1].contains(",warnings,29,") || lines[1].contains(",clean,29,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(",failed,"), "{}", lines[2]);
    assert!(lines[2].contains("the file is empty"), "{}", lines[2]);
    // No temporary file is left beside the outputs.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["input.yaml", "report.csv"]);
}

#[test]
fn the_same_batch_twice_gives_the_same_bytes() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let files = train_files();
    let some: Vec<&Path> = files.iter().take(4).map(PathBuf::as_path).collect();
    for out in [&first, &second] {
        let mut args = some.clone();
        args.extend([Path::new("-o"), out.path()]);
        qauly(&args);
    }
    for name in ["report.csv"].into_iter().map(String::from).chain(
        some.iter()
            .map(|f| format!("{}.yaml", f.file_stem().unwrap().to_str().unwrap())),
    ) {
        let a = std::fs::read(first.path().join(&name)).unwrap();
        let b = std::fs::read(second.path().join(&name)).unwrap();
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn clashing_names_and_a_missing_output_directory_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("input.txt");
    std::fs::copy(FIXTURE, &other).unwrap();
    let out = dir.path().join("out");
    let run = qauly(&[Path::new(FIXTURE), &other, Path::new("-o"), &out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("would both be written as input.yaml"),
        "{stderr}"
    );
    assert!(!out.exists());

    let run = qauly(&[Path::new(TRAIN)]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("-o DIR"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn folders_are_kept_and_a_link_back_up_the_tree_does_not_loop() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(archive.join("2014/karasai")).unwrap();
    std::fs::copy(FIXTURE, archive.join("2014/karasai/decree.txt")).unwrap();
    std::os::unix::fs::symlink(&archive, archive.join("2014/back")).unwrap();
    let out = dir.path().join("yaml");
    let run = qauly(&[&archive, Path::new("-o"), &out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(matches!(run.status.code(), Some(0 | 3)), "{stderr}");
    assert!(out.join("2014/karasai/decree.yaml").is_file(), "{stderr}");
    assert_eq!(report_lines(&out).len(), 2, "{stderr}");
}
