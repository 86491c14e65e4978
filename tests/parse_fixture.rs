//! The parser on the bundled fixture: the golden YAML (regenerate with
//! `UPDATE_GOLDEN=1`), character conservation, and determinism.

use qauly::parse::{parse_decree, table_start_line};
use std::collections::BTreeMap;
use std::path::Path;

const FIXTURE: &str = "fixtures/karasai-2014-public-works";

fn input() -> Vec<u8> {
    std::fs::read(Path::new(FIXTURE).join("input.txt")).expect("fixture input")
}

#[test]
fn fixture_yaml_matches_the_reviewed_golden_file() {
    let decree = parse_decree(&input(), "input.txt").expect("fixture parses");
    let yaml = qauly::yaml::to_string(&decree).unwrap();
    let golden = Path::new(FIXTURE).join("expected.yaml");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &yaml).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("expected.yaml missing: run with UPDATE_GOLDEN=1 and review it");
    if yaml != expected {
        let first_diff = yaml
            .lines()
            .zip(expected.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("line {}:\n  got:      {a}\n  expected: {b}", i + 1));
        panic!(
            "YAML differs from {}: {}",
            golden.display(),
            first_diff.unwrap_or_else(|| "lengths differ".into())
        );
    }
}

#[test]
fn parsing_twice_gives_the_same_bytes() {
    let a = qauly::yaml::to_string(&parse_decree(&input(), "input.txt").unwrap()).unwrap();
    let b = qauly::yaml::to_string(&parse_decree(&input(), "input.txt").unwrap()).unwrap();
    assert_eq!(a, b);
}

/// Multiset of the non-space characters of some texts.
fn chars<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, i64> {
    let mut m = BTreeMap::new();
    for t in texts {
        for c in t.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Every non-space character of the document part (everything above the table
/// region, which the table reconstruction accounts for) lands in exactly one text
/// field, note or residue entry. Repairs are undone by their before/after; the
/// clause numbers' "N." are counted in `clauses[].number` plus their dot.
/// Derived values (act, registration, repealed_by) restate the header and are not counted.
fn assert_conserved(bytes: &[u8], name: &str) {
    let decree = parse_decree(bytes, name).unwrap();
    let table_at = table_start_line(bytes, name).unwrap();
    let text = qauly::decode::decode(bytes, name).unwrap();
    let input = chars(text.split('\n').take(table_at - 1));
    let clause_numbers: Vec<String> = decree
        .clauses
        .iter()
        .map(|c| format!("{}.", c.number))
        .collect();
    let mut fields: Vec<&str> = vec![
        &decree.title,
        &decree.status_text,
        &decree.header_text,
        &decree.preamble,
        &decree.signatory.position,
        &decree.signatory.name,
    ];
    fields.extend(decree.notes.iter().map(String::as_str));
    fields.extend(decree.clauses.iter().map(|c| c.text.as_str()));
    fields.extend(clause_numbers.iter().map(String::as_str));
    for a in &decree.appendices {
        fields.extend([a.approval.as_str(), a.title.as_str()]);
    }
    fields.extend(
        decree
            .residue
            .iter()
            .filter(|r| r.line < table_at)
            .map(|r| r.text.as_str()),
    );
    let mut output = chars(fields);
    for r in decree.repairs.iter().filter(|r| r.line < table_at) {
        for (c, n) in chars([r.after.as_str()]) {
            *output.entry(c).or_insert(0) -= n;
        }
        for (c, n) in chars([r.before.as_str()]) {
            *output.entry(c).or_insert(0) += n;
        }
    }
    output.retain(|_, n| *n != 0);
    let diff: Vec<(char, i64, i64)> = input
        .keys()
        .chain(output.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|c| {
            let (i, o) = (
                input.get(c).copied().unwrap_or(0),
                output.get(c).copied().unwrap_or(0),
            );
            (i != o).then_some((*c, i, o))
        })
        .collect();
    assert!(
        diff.is_empty(),
        "{name}: characters in vs out differ (char, in, out): {diff:?}"
    );
}

#[test]
fn every_character_above_the_table_is_conserved_on_the_fixture() {
    assert_conserved(&input(), "input.txt");
}

#[test]
fn every_character_above_the_table_is_conserved_on_the_corpus() {
    for dir in ["fixtures/corpus/train", "fixtures/corpus/train-ru"] {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        for path in names
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert_conserved(&std::fs::read(path).unwrap(), &name);
        }
    }
}

#[test]
fn latin_lookalikes_are_matched_as_kazakh_and_kept_as_printed() {
    let text = String::from_utf8(input()).unwrap();
    let latin = text
        .replacen("тіркелді", "тiркелдi", 1)
        .replacen("ҚАУЛЫ ЕТЕДІ", "ҚАУЛЫ ЕТЕДI", 1)
        .replacen("Үкіметінің", "Yкiметiнiң", 1);
    let d = parse_decree(latin.as_bytes(), "latin.txt").expect("parses");
    let clean = parse_decree(&input(), "input.txt").unwrap();
    assert!(d.header_text.contains("тiркелдi"), "printed letters kept");
    assert!(d.preamble.contains("Yкiметiнiң"));
    assert_eq!(d.registration, clean.registration);
    assert_eq!(d.clauses, clean.clauses);
}
