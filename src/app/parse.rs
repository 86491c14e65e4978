//! `qauly parse`: raw decree → YAML.

use std::path::PathBuf;

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

pub fn run(_opts: &ParseOptions) -> crate::Result<Outcome> {
    todo!("parse command")
}
