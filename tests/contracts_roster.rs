//! Rosters and employers files: valid people get filled-in contracts; every
//! bad line is reported with the file's name and line, and nothing is written.

use qauly::app::contracts::{self, ContractFormat, ContractOptions};
use qauly::contract::iin;
use std::path::{Path, PathBuf};

const KK: &str = "fixtures/corpus/train/t0001.gold.yaml";

fn options(roster: Option<&Path>, out: &Path) -> ContractOptions {
    ContractOptions {
        input: PathBuf::from(KK),
        out_dir: out.to_path_buf(),
        roster: roster.map(Path::to_path_buf),
        employers: None,
        lang: None,
        format: ContractFormat::Html,
        start: None,
        end: None,
        mzp: None,
        templates: None,
    }
}

/// A valid IIN made from 11 digits (skipping prefixes whose check digit is undefined).
fn valid_iin(seed: u32) -> String {
    (seed..)
        .find_map(|s| {
            let first11: String = format!("{:011}", 90_010_130_000u64 + u64::from(s));
            let digits: [u8; 11] = first11
                .bytes()
                .map(|b| b - b'0')
                .collect::<Vec<_>>()
                .try_into()
                .unwrap();
            iin::check_digit(&digits).map(|d| format!("{first11}{d}"))
        })
        .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const HEADER: &str =
    "full_name,iin,doc_kind,doc_number,doc_date,doc_issuer,address,phone,row,start,end";

#[test]
fn a_valid_csv_roster_fills_in_the_contracts() {
    let dir = tempfile::tempdir().unwrap();
    let roster = write(
        dir.path(),
        "roster.csv",
        &format!(
            "{HEADER}\n\
             Әлиев Нұрлан Серікұлы,850315300128,жеке куәлік,012345678,15.03.2015,ҚР ІІМ,\"Ақсу ауылы, Абай к-сі 1\",+77011234567,1,2014-07-03,2014-12-31\n\
             Иванова Анна,061211600012,удостоверение личности,098765432,2016-01-20,МВД РК,Ақсу,,\"«Ақсу ауданы әкімдігінің аудандық кітапханасы» мемлекеттік мекемесі\",,\n"
        ),
    );
    let out = dir.path().join("out");
    contracts::run(&options(Some(&roster), &out)).unwrap();
    let manifest = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    let lines: Vec<&str> = manifest.lines().collect();
    assert_eq!(lines.len(), 3, "{manifest}");
    assert!(
        lines[1].starts_with("2-885/1/1,1-1-Әлиев-Нұрлан-Серікұлы.html,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with(",Әлиев Нұрлан Серікұлы,850315300128,29 949"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("2-885/2/1,2-1-Иванова-Анна.html,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].ends_with(",Иванова Анна,061211600012,20 205"),
        "{}",
        lines[2]
    );
    let html = std::fs::read_to_string(out.join("1-1-Әлиев-Нұрлан-Серікұлы.html")).unwrap();
    for want in [
        "Ақсу ауылы, Абай к-сі 1",
        "012345678",
        "15.03.2015",
        "2014 жылғы 3 шілде",
        "2014 жылғы 31 желтоқсан",
    ] {
        assert!(html.contains(want), "{want}");
    }
}

#[test]
fn a_yaml_roster_works_like_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let roster = write(
        dir.path(),
        "roster.yaml",
        "- full_name: Әлиев Нұрлан\n  iin: '850315300128'\n  row: 3\n- full_name: Иванов Иван\n  iin: 061211600012\n  row: 3\n",
    );
    let out = dir.path().join("out");
    contracts::run(&options(Some(&roster), &out)).unwrap();
    assert!(out.join("3-1-Әлиев-Нұрлан.html").is_file());
    assert!(out.join("3-2-Иванов-Иван.html").is_file());
}

#[test]
fn every_bad_roster_line_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("{HEADER}\n");
    // line 2: wrong check digit; line 3: unknown organization; line 4: duplicate of line 5's IIN
    text.push_str("Бір,850315300127,,,,,,,1,,\n");
    text.push_str("Екі,061211600012,,,,,,,Жоқ ұйым ЖШС,,\n");
    text.push_str(&format!("Үш,{},,,,,,,1,,\n", valid_iin(1)));
    text.push_str(&format!("Төрт,{},,,,,,,1,,\n", valid_iin(1)));
    // line 6: malformed (too few fields); line 7: bad date
    text.push_str("Бес,850315300128,1\n");
    text.push_str(&format!("Алты,{},,,,,,,1,03/07/2014,\n", valid_iin(50)));
    let roster = write(dir.path(), "people.csv", &text);
    let out = dir.path().join("out");
    let err = contracts::run(&options(Some(&roster), &out))
        .unwrap_err()
        .to_string();
    let name = roster.display().to_string();
    for (line, what) in [
        (2, "wrong check digit"),
        (3, "unknown organization `Жоқ ұйым ЖШС`"),
        (5, "duplicate IIN"),
        (6, "3 fields, expected 11"),
        (7, "is not a date"),
    ] {
        assert!(
            err.contains(&format!("{name}:{line}: ")),
            "line {line} missing in:\n{err}"
        );
        assert!(err.contains(what), "`{what}` missing in:\n{err}");
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn more_people_than_the_demand_is_an_error_at_the_first_extra_line() {
    // row 2 of t0001 has a demand of 8
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("full_name,iin,row\n");
    for i in 0..9 {
        text.push_str(&format!("Адам {i},{},2\n", valid_iin(100 * i)));
    }
    let roster = write(dir.path(), "r.csv", &text);
    let out = dir.path().join("out");
    let err = contracts::run(&options(Some(&roster), &out))
        .unwrap_err()
        .to_string();
    assert!(err.contains("r.csv:10: 9 people for row 2"), "{err}");
    assert!(err.contains("its demand is 8"), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_roster_without_the_required_columns_is_rejected_at_line_1() {
    let dir = tempfile::tempdir().unwrap();
    let roster = write(dir.path(), "r.csv", "name,iin,row\nА,850315300128,1\n");
    let err = contracts::run(&options(Some(&roster), &dir.path().join("o")))
        .unwrap_err()
        .to_string();
    assert!(err.contains("r.csv:1: unknown column `name`"), "{err}");
}

#[test]
fn employers_file_fills_in_bin_and_rejects_bad_ones_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "employers.yaml",
        "'\"Ойтоған орта мектебі\" коммуналдық мемлекеттік мекемесі':\n  bin: '850315300128'\n  address: Ақсу ауданы, Ойтоған ауылы\n  head_name: А. Бекова\n  head_position: директор\n",
    );
    let out = dir.path().join("out");
    let mut opts = options(None, &out);
    opts.employers = Some(good);
    contracts::run(&opts).unwrap();
    let first = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("1-1-"))
        .unwrap();
    let html = std::fs::read_to_string(first).unwrap();
    assert!(html.contains("БСН): 850315300128") && html.contains("директор А. Бекова тұлғасында"));

    let bad = write(
        dir.path(),
        "bad.yaml",
        "# details\nЖоқ ұйым:\n  bin: '1'\n'\"Ойтоған орта мектебі\" коммуналдық мемлекеттік мекемесі':\n  bin: '850315300127'\n",
    );
    opts.employers = Some(bad);
    opts.out_dir = dir.path().join("out2");
    let err = contracts::run(&opts).unwrap_err().to_string();
    assert!(
        err.contains("bad.yaml:2: BIN `1` is not 12 digits"),
        "{err}"
    );
    assert!(
        err.contains("bad.yaml:2: organization `Жоқ ұйым` is not in the decree's appendix"),
        "{err}"
    );
    assert!(
        err.contains("bad.yaml:4: BIN `850315300127` has a wrong check digit"),
        "{err}"
    );
    assert!(!dir.path().join("out2").exists());
}
