//! `qauly contracts`: one employment contract per participant.

use super::parse::Outcome;
use std::path::PathBuf;

/// Output formats of `qauly contracts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractFormat {
    Pdf,
    Html,
    Both,
}

/// Options of `qauly contracts`.
#[derive(Debug, Clone)]
pub struct ContractOptions {
    pub input: PathBuf,
    pub out_dir: PathBuf,
    pub roster: Option<PathBuf>,
    pub employers: Option<PathBuf>,
    /// `kk` or `ru`; the decree's language when `None`.
    pub lang: Option<crate::model::Language>,
    pub format: ContractFormat,
    pub start: Option<crate::model::Date>,
    pub end: Option<crate::model::Date>,
    /// Minimum monthly wage override, in tenge.
    pub mzp: Option<f64>,
    pub templates: Option<PathBuf>,
}

pub fn run(_opts: &ContractOptions) -> crate::Result<Outcome> {
    todo!("contracts command")
}
