//! The participants' roster (CSV with a header line, or YAML): reading,
//! validation against the decree, every error with the roster's `file:line`.
//!
//! Columns / keys: `full_name`, `iin`, `row` (the appendix row number or the
//! organization's name) are required; `doc_kind`, `doc_number`, `doc_date`,
//! `doc_issuer`, `address`, `phone`, `start`, `end` are optional.

use super::{csv, dates, iin};
use crate::error::{Error, Result};
use crate::model::{Date, Decree, Row};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Which appendix row a person is sent to, as the roster names it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RowRef {
    Number(u32),
    Organization(String),
}

/// One participant (қатысушы) with the line of the roster they came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub line: usize,
    pub full_name: String,
    pub iin: String,
    /// Identity document: kind (жеке куәлік / удостоверение личности), number, date, issuer.
    pub doc_kind: String,
    pub doc_number: String,
    pub doc_date: Option<Date>,
    pub doc_issuer: String,
    pub address: String,
    pub phone: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// People by appendix row number, in roster order within a row.
pub type Assignment = BTreeMap<u32, Vec<Person>>;

/// A roster entry as written in YAML (all text, so that dates get our errors).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlEntry {
    full_name: String,
    iin: YamlText,
    row: RowRef,
    #[serde(default)]
    doc_kind: String,
    #[serde(default)]
    doc_number: YamlText,
    #[serde(default)]
    doc_date: String,
    #[serde(default)]
    doc_issuer: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: YamlText,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
}

/// Text that a clerk may have typed as a bare number (an IIN or a phone).
#[derive(Debug, Deserialize, Default)]
#[serde(untagged)]
enum YamlText {
    Number(u64),
    Text(String),
    #[default]
    Missing,
}

impl YamlText {
    fn into_string(self) -> String {
        match self {
            YamlText::Number(n) => n.to_string(),
            YamlText::Text(s) => s,
            YamlText::Missing => String::new(),
        }
    }
}

/// A roster line before it is matched to the decree.
struct Entry {
    person: Person,
    row: RowRef,
}

const COLUMNS: [&str; 11] = [
    "full_name",
    "iin",
    "row",
    "doc_kind",
    "doc_number",
    "doc_date",
    "doc_issuer",
    "address",
    "phone",
    "start",
    "end",
];
const REQUIRED: [&str; 3] = ["full_name", "iin", "row"];

/// Reads the roster at `path` and assigns every person to a row of `decree`.
/// All problems are collected; any problem means `Err` and no contract.
pub fn load(path: &Path, decree: &Decree) -> Result<Assignment> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let is_yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let mut errors = Vec::new();
    let entries = if is_yaml {
        read_yaml(&text, &name)?
    } else {
        read_csv(&text, &name, &mut errors)
    };
    let assignment = assign(entries, decree, &name, &mut errors);
    match errors.len() {
        0 => Ok(assignment),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

fn input_error(path: &str, line: usize, message: String) -> Error {
    Error::Input {
        path: path.to_string(),
        line,
        message,
    }
}

/// CSV: the header names the columns (any order); each later line is a person.
fn read_csv(text: &str, path: &str, errors: &mut Vec<Error>) -> Vec<Entry> {
    let records = match csv::records(text) {
        Ok(r) => r,
        Err(line) => {
            errors.push(input_error(
                path,
                line,
                "a quoted field is never closed".into(),
            ));
            return Vec::new();
        }
    };
    let Some((header, rows)) = records.split_first() else {
        errors.push(input_error(
            path,
            1,
            "the roster is empty (expected a header line)".into(),
        ));
        return Vec::new();
    };
    let Some(columns) = header_columns(header, path, errors) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|rec| csv_entry(rec, &columns, path, errors))
        .collect()
}

/// Maps each header field to a known column; unknown or missing columns are errors.
fn header_columns(
    header: &csv::Record,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<Vec<&'static str>> {
    let mut columns = Vec::new();
    for field in &header.fields {
        let key = field.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == key) {
            Some(c) => columns.push(*c),
            None => {
                errors.push(input_error(
                    path,
                    header.line,
                    format!(
                        "unknown column `{}` (expected some of: {})",
                        field.trim(),
                        COLUMNS.join(", ")
                    ),
                ));
                return None;
            }
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|r| !columns.contains(r))
        .copied()
        .collect();
    if !missing.is_empty() {
        errors.push(input_error(
            path,
            header.line,
            format!("missing column(s): {}", missing.join(", ")),
        ));
        return None;
    }
    Some(columns)
}

fn csv_entry(
    rec: &csv::Record,
    columns: &[&str],
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<Entry> {
    if rec.fields.len() != columns.len() {
        errors.push(input_error(
            path,
            rec.line,
            format!(
                "{} fields, expected {} as in the header",
                rec.fields.len(),
                columns.len()
            ),
        ));
        return None;
    }
    let get = |key: &str| -> String {
        columns
            .iter()
            .position(|c| *c == key)
            .map(|i| rec.fields[i].trim().to_string())
            .unwrap_or_default()
    };
    let row = get("row");
    let row = match row.parse::<u32>() {
        Ok(n) => RowRef::Number(n),
        Err(_) => RowRef::Organization(row),
    };
    let raw = RawPerson {
        full_name: get("full_name"),
        iin: get("iin"),
        doc_kind: get("doc_kind"),
        doc_number: get("doc_number"),
        doc_date: get("doc_date"),
        doc_issuer: get("doc_issuer"),
        address: get("address"),
        phone: get("phone"),
        start: get("start"),
        end: get("end"),
    };
    raw.check(rec.line, path, errors)
        .map(|person| Entry { person, row })
}

/// A person's fields as typed, before dates are parsed and required fields checked.
struct RawPerson {
    full_name: String,
    iin: String,
    doc_kind: String,
    doc_number: String,
    doc_date: String,
    doc_issuer: String,
    address: String,
    phone: String,
    start: String,
    end: String,
}

impl RawPerson {
    /// Parses dates, checks required fields and the IIN; errors name `path:line`.
    fn check(self, line: usize, path: &str, errors: &mut Vec<Error>) -> Option<Person> {
        let before = errors.len();
        let mut fail = |m: String| errors.push(input_error(path, line, m));
        if self.full_name.is_empty() {
            fail("full_name is empty".into());
        }
        if let Err(m) = iin::validate(&self.iin) {
            fail(format!("IIN {m}"));
        }
        let mut date = |key: &str, s: &str| -> Option<Date> {
            if s.is_empty() {
                return None;
            }
            let d = dates::parse_loose(s);
            if d.is_none() {
                fail(format!(
                    "{key} `{s}` is not a date (expected YYYY-MM-DD or DD.MM.YYYY)"
                ));
            }
            d
        };
        let (doc_date, start, end) = (
            date("doc_date", &self.doc_date),
            date("start", &self.start),
            date("end", &self.end),
        );
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                fail(format!("end {e} is before start {s}"));
            }
        }
        (errors.len() == before).then_some(Person {
            line,
            full_name: self.full_name,
            iin: self.iin,
            doc_kind: self.doc_kind,
            doc_number: self.doc_number,
            doc_date,
            doc_issuer: self.doc_issuer,
            address: self.address,
            phone: self.phone,
            start,
            end,
        })
    }
}

/// YAML: a list of mappings with the same keys as the CSV columns.
fn read_yaml(text: &str, path: &str) -> Result<Vec<Entry>> {
    let de = serde_yaml::Deserializer::from_str(text);
    let list: Vec<YamlEntry> = serde_path_to_error::deserialize(de).map_err(|e| {
        let key_path = e.path().to_string();
        let inner = e.into_inner();
        let line = inner.location().map_or(0, |l| l.line());
        input_error(path, line, format!("{key_path}: {inner}"))
    })?;
    let lines = item_lines(text);
    let mut errors = Vec::new();
    let entries: Vec<Entry> = list
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let line = lines.get(i).copied().unwrap_or(0);
            let raw = RawPerson {
                full_name: e.full_name.trim().to_string(),
                iin: e.iin.into_string().trim().to_string(),
                doc_kind: e.doc_kind,
                doc_number: e.doc_number.into_string(),
                doc_date: e.doc_date.trim().to_string(),
                doc_issuer: e.doc_issuer,
                address: e.address,
                phone: e.phone.into_string(),
                start: e.start.trim().to_string(),
                end: e.end.trim().to_string(),
            };
            let row = e.row;
            raw.check(line, path, &mut errors)
                .map(|person| Entry { person, row })
        })
        .collect();
    match errors.len() {
        0 => Ok(entries),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

/// 1-based lines where the top-level list items start (`- …` in column 0).
fn item_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

/// Organization names compared without case, quote style or spacing differences.
pub fn org_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '«' | '»' | '“' | '”' | '„' => '"',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Matches people to rows and checks the roster as a whole: known rows,
/// unique IINs, no more people for a row than its demand.
fn assign(entries: Vec<Entry>, decree: &Decree, path: &str, errors: &mut Vec<Error>) -> Assignment {
    let by_number: BTreeMap<u32, &Row> = decree.rows().map(|r| (r.number, r)).collect();
    let by_name: HashMap<String, u32> = decree
        .rows()
        .map(|r| (org_key(&r.organization), r.number))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Assignment::new();
    for Entry { person, row } in entries {
        let line = person.line;
        let number = match &row {
            RowRef::Number(n) if by_number.contains_key(n) => Some(*n),
            RowRef::Number(n) => {
                errors.push(input_error(path, line, format!("row {n} is not in the decree's appendix")));
                None
            }
            RowRef::Organization(name) => by_name.get(&org_key(name)).copied().or_else(|| {
                errors.push(input_error(
                    path,
                    line,
                    format!("unknown organization `{name}` (not in the decree's appendix; give its exact name or row number)"),
                ));
                None
            }),
        };
        if let Some(first) = seen.insert(person.iin.clone(), line) {
            errors.push(input_error(
                path,
                line,
                format!("duplicate IIN {} (also on line {first})", person.iin),
            ));
            continue;
        }
        if let Some(n) = number {
            out.entry(n).or_default().push(person);
        }
    }
    check_demand(&out, &by_number, path, errors);
    out
}

/// More people for a row than its demand is an error at the first extra person's line.
fn check_demand(out: &Assignment, rows: &BTreeMap<u32, &Row>, path: &str, errors: &mut Vec<Error>) {
    for (n, people) in out {
        let demand = rows[n].demand.unwrap_or(0) as usize;
        if people.len() > demand {
            errors.push(input_error(
                path,
                people[demand].line,
                format!(
                    "{} people for row {n} ({}), but its demand is {demand}",
                    people.len(),
                    rows[n].organization
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_keys_ignore_quote_style_case_and_spacing() {
        assert_eq!(
            org_key("«Ойтоған  орта мектебі» КММ"),
            org_key("\"ойтоған орта мектебі\" кмм")
        );
    }

    #[test]
    fn finds_the_lines_of_yaml_list_items() {
        let text = "# people\n- full_name: A\n  iin: 1\n-\n  full_name: B\n";
        assert_eq!(item_lines(text), [2, 4]);
    }
}
