//! `qauly render`, `qauly build`, `qauly templates export`.

use super::parse::Outcome;
use std::path::PathBuf;

/// Output format of `qauly render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Pdf,
}

/// Which document `qauly render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Appendix,
    Decree,
}

/// Options of `qauly render`.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub input: PathBuf,
    pub to: Format,
    pub part: Part,
    pub output: PathBuf,
    pub templates: Option<PathBuf>,
}

/// Options of `qauly build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub input: PathBuf,
    pub out_dir: PathBuf,
    pub templates: Option<PathBuf>,
}

pub fn render(_opts: &RenderOptions) -> crate::Result<Outcome> {
    todo!("render command")
}

pub fn build(_opts: &BuildOptions) -> crate::Result<Outcome> {
    todo!("build command")
}

pub fn export_templates(_dir: &std::path::Path) -> crate::Result<()> {
    todo!("templates export")
}
