//! `qauly parse`: raw decree → YAML, to standard output or to a file written
//! through a temporary file and renamed into place (never half-written).

use super::io::{read_input, write_atomic};
use crate::error::{Error, Result};
use crate::model::Decree;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options of `qauly parse`.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Input path; `-` for standard input.
    pub input: PathBuf,
    /// Output YAML; standard output when `None`.
    pub output: Option<PathBuf>,
}

/// What a command did: how many warnings it reported (exit code 3 when any).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub warnings: usize,
}

/// Parses the input decree and writes its YAML; the warnings travel in the YAML
/// and their count in the outcome.
pub fn run(opts: &ParseOptions) -> Result<Outcome> {
    let (decree, yaml) = parse_to_yaml(&opts.input)?;
    match &opts.output {
        Some(path) => write_atomic(path, yaml.as_bytes())?,
        None => std::io::stdout()
            .write_all(yaml.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))?,
    }
    Ok(Outcome {
        warnings: decree.warnings.len(),
    })
}

/// The decree read from `input` and its YAML: the single parse and each decree
/// of a batch go through here, so a batch writes the very bytes `parse` writes.
pub fn parse_to_yaml(input: &Path) -> Result<(Decree, String)> {
    let (bytes, name) = read_input(input)?;
    let decree = crate::parse::parse_decree(&bytes, &name)?;
    let yaml = crate::yaml::to_string(&decree)?;
    Ok((decree, yaml))
}
