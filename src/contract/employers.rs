//! Employers' details (optional YAML keyed by organization name): BIN,
//! address, head's name and position, bank details. Missing details stay blank.

use super::{iin, roster::org_key};
use crate::error::{Error, Result};
use crate::model::Decree;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One employer's (жұмыс беруші) details.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    /// БСН / БИН, checked with the IIN check digit rule.
    #[serde(default)]
    pub bin: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub head_name: String,
    #[serde(default)]
    pub head_position: String,
    /// Bank details (банк деректемелері / банковские реквизиты) as one line.
    #[serde(default)]
    pub bank: String,
}

/// Employers by appendix row number.
pub type Employers = BTreeMap<u32, Employer>;

/// Reads the employers file and matches its keys to the decree's organizations.
/// A bad BIN or a name not in the appendix is an error naming `file:line`.
pub fn load(path: &Path, decree: &Decree) -> Result<Employers> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let de = serde_yaml::Deserializer::from_str(&text);
    let map: BTreeMap<String, Employer> = serde_path_to_error::deserialize(de).map_err(|e| {
        let key_path = e.path().to_string();
        let inner = e.into_inner();
        let line = inner.location().map_or(0, |l| l.line());
        Error::Input {
            path: name.clone(),
            line,
            message: format!("{key_path}: {inner}"),
        }
    })?;
    let rows: HashMap<String, u32> = decree
        .rows()
        .map(|r| (org_key(&r.organization), r.number))
        .collect();
    let lines = key_lines(&text);
    let mut errors = Vec::new();
    let mut out = Employers::new();
    for (org, employer) in map {
        let line = lines.get(&org).copied().unwrap_or(0);
        let err = |message: String| Error::Input {
            path: name.clone(),
            line,
            message,
        };
        if !employer.bin.is_empty() {
            if let Err(m) = iin::validate(&employer.bin) {
                errors.push(err(format!("BIN {m}")));
            }
        }
        match rows.get(&org_key(&org)) {
            Some(&n) => {
                out.insert(n, employer);
            }
            None => errors.push(err(format!(
                "organization `{org}` is not in the decree's appendix"
            ))),
        }
    }
    errors.sort_by_key(|e| match e {
        Error::Input { line, .. } => *line,
        _ => 0,
    });
    match errors.len() {
        0 => Ok(out),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

/// The 1-based line of each top-level key (lines in column 0 that hold `key:`).
fn key_lines(text: &str) -> HashMap<String, usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '#', '-']) && l.contains(':'))
        .filter_map(|(i, l)| {
            let one: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(l).ok()?;
            let key = one.into_keys().next()?;
            Some((key, i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_of_quoted_and_plain_keys() {
        let text =
            "# employers\n'\"Мектеп\" КММ':\n  bin: '1'\nАудандық кітапхана:\n  address: x\n";
        let lines = key_lines(text);
        assert_eq!(lines.get("\"Мектеп\" КММ"), Some(&2));
        assert_eq!(lines.get("Аудандық кітапхана"), Some(&4));
    }
}
