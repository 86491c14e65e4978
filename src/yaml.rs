//! All YAML reading and writing of decrees, in one place.
//!
//! Reading reports the key path and line of a schema error, because the common
//! case is a clerk who edited the YAML by hand and needs to know where to look.

use crate::error::{Error, Result};
use crate::model::{Decree, SCHEMA_VERSION};

/// Serializes a decree to YAML text (deterministic: field order is the struct's).
pub fn to_string(decree: &Decree) -> Result<String> {
    serde_yaml::to_string(decree).map_err(|e| Error::Pdf(format!("YAML serialization: {e}")))
}

/// Reads a decree from YAML text; `path` names the file in errors.
pub fn from_str(text: &str, path: &str) -> Result<Decree> {
    let de = serde_yaml::Deserializer::from_str(text);
    let decree: Decree = serde_path_to_error::deserialize(de).map_err(|e| {
        let key_path = e.path().to_string();
        let inner = e.into_inner();
        let (line, col) = inner
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((0, 0));
        let message = bare_message(&inner.to_string(), &key_path);
        Error::Schema {
            path: path.to_string(),
            line,
            col,
            key_path,
            message,
        }
    })?;
    if decree.schema_version != SCHEMA_VERSION {
        return Err(Error::Schema {
            path: path.to_string(),
            line: 1,
            col: 1,
            key_path: "schema_version".into(),
            message: format!(
                "schema version {} is not supported (expected {SCHEMA_VERSION})",
                decree.schema_version
            ),
        });
    }
    Ok(decree)
}

/// Whether some input text looks like a decree YAML rather than raw decree text.
pub fn looks_like_yaml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#') && l.trim() != "---")
        .is_some_and(|l| l.starts_with("schema_version:"))
}

/// serde_yaml's message repeats the key path and the location that the error
/// already shows; keep only what went wrong.
fn bare_message(message: &str, key_path: &str) -> String {
    let message = message
        .strip_prefix(key_path)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message);
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// A training decree's gold YAML as a `Decree`, for the renderers' unit tests
/// (they need a full decree without depending on the parser).
#[cfg(test)]
pub(crate) fn gold_decree(name: &str) -> Decree {
    let path = format!("fixtures/corpus/train/{name}.gold.yaml");
    let text = std::fs::read_to_string(&path).expect("corpus gold YAML");
    from_str(&text, &path).expect("gold YAML follows the schema")
}
