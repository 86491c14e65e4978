//! `qauly render`, `qauly build`, `qauly templates export`.

use super::parse::Outcome;
use crate::error::{Error, Result};
use crate::model::Decree;
use crate::{html, pdf, templates, yaml};
use std::io::Write;
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

/// Writes decree.yaml, appendix.html, appendix.pdf, decree.html and decree.pdf into a directory.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    let decree = load_decree(&opts.input)?;
    let tera = templates::load(opts.templates.as_deref())?;
    let outputs: [(&str, Vec<u8>); 5] = [
        ("decree.yaml", yaml::to_string(&decree)?.into_bytes()),
        ("appendix.html", html_of(&tera, &decree, Part::Appendix)?.into_bytes()),
        ("appendix.pdf", pdf_of(&decree, Part::Appendix)?),
        ("decree.html", html_of(&tera, &decree, Part::Decree)?.into_bytes()),
        ("decree.pdf", pdf_of(&decree, Part::Decree)?),
    ];
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| Error::io(&opts.out_dir, e))?;
    for (name, bytes) in &outputs {
        write_atomic(&opts.out_dir.join(name), bytes)?;
    }
    Ok(outcome(&decree))
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

/// Reads a decree from a YAML written by `parse` (possibly edited), or from raw text.
pub fn load_decree(path: &Path) -> Result<Decree> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    match std::str::from_utf8(&bytes) {
        Ok(text) if yaml::looks_like_yaml(text) => yaml::from_str(text, &name),
        _ => parse_raw(&bytes, &name),
    }
}

/// The raw-text branch: the parser is wired here by the lead once it lands.
fn parse_raw(_bytes: &[u8], name: &str) -> Result<Decree> {
    Err(Error::Parse {
        path: name.to_string(),
        line: 1,
        col: 1,
        message: "raw text input: parser not available yet (give a decree YAML)".into(),
    })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`,
/// so a failure never leaves a half-written output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    readable_by_all(tmp.as_file()).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Temp files are created private (0600); outputs are documents to share, so 0644.
#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
