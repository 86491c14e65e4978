//! `qauly render`, `qauly build`, `qauly templates export`.

use super::io::{load_decree, write_atomic};
use super::parse::Outcome;
use crate::error::{Error, Result};
use crate::model::Decree;
use crate::{html, pdf, templates, yaml};
use std::path::{Path, PathBuf};

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

/// Renders one document (appendix or whole decree, HTML or PDF) into one file.
pub fn render(opts: &RenderOptions) -> Result<Outcome> {
    let decree = load_decree(&opts.input)?;
    let bytes = match opts.to {
        Format::Html => {
            let tera = templates::load(opts.templates.as_deref())?;
            html_of(&tera, &decree, opts.part)?.into_bytes()
        }
        Format::Pdf => pdf_of(&decree, opts.part)?,
    };
    write_atomic(&opts.output, &bytes)?;
    Ok(outcome(&decree))
}

/// The main job: decree.yaml, appendix and decree as HTML and PDF, and one blank
/// contract per demanded participant (`contracts/`), into one directory.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    let decree = load_decree(&opts.input)?;
    let tera = templates::load(opts.templates.as_deref())?;
    let outputs: [(&str, Vec<u8>); 5] = [
        ("decree.yaml", yaml::to_string(&decree)?.into_bytes()),
        (
            "appendix.html",
            html_of(&tera, &decree, Part::Appendix)?.into_bytes(),
        ),
        ("appendix.pdf", pdf_of(&decree, Part::Appendix)?),
        (
            "decree.html",
            html_of(&tera, &decree, Part::Decree)?.into_bytes(),
        ),
        ("decree.pdf", pdf_of(&decree, Part::Decree)?),
    ];
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| Error::io(&opts.out_dir, e))?;
    for (name, bytes) in &outputs {
        write_atomic(&opts.out_dir.join(name), bytes)?;
    }
    let contracts = super::contracts::write_contracts(&contract_options(opts), &decree)?;
    Ok(Outcome {
        warnings: decree.warnings.len() + contracts.warnings,
    })
}

/// Blank contracts (no roster) as PDF in `DIR/contracts`, the decree's language.
fn contract_options(opts: &BuildOptions) -> super::contracts::ContractOptions {
    super::contracts::ContractOptions {
        input: opts.input.clone(),
        out_dir: opts.out_dir.join("contracts"),
        roster: None,
        employers: None,
        lang: None,
        format: super::contracts::ContractFormat::Pdf,
        start: None,
        end: None,
        mzp: None,
        templates: opts.templates.clone(),
    }
}

/// Writes the built-in templates into `dir` for editing.
pub fn export_templates(dir: &Path) -> Result<()> {
    templates::export(dir)
}

fn outcome(decree: &Decree) -> Outcome {
    Outcome {
        warnings: decree.warnings.len(),
    }
}

fn html_of(tera: &tera::Tera, decree: &Decree, part: Part) -> Result<String> {
    match part {
        Part::Appendix => html::appendix_html(tera, decree),
        Part::Decree => html::decree_html(tera, decree),
    }
}

fn pdf_of(decree: &Decree, part: Part) -> Result<Vec<u8>> {
    match part {
        Part::Appendix => pdf::appendix_pdf(decree),
        Part::Decree => pdf::decree_pdf(decree),
    }
}
