//! `qauly contracts`: one employment contract per participant.
//!
//! A flat list of stages: load the decree, roster and employers; plan the
//! contracts; render them all in memory (both cores, one employer at a time
//! per worker); only when every one succeeded, write them: a new directory
//! is filled under a temporary name and renamed into place, an existing one
//! gets each file through a temporary name (a file that already holds the same
//! bytes is left as it is), so a failure leaves no half-written file.

use super::io::{load_decree, parent_dir, write_atomic};
use super::parse::Outcome;
use super::workers::parallel_map;
use crate::contract::{self, employers, roster, view::ContractView, PlanOptions};
use crate::error::{Error, Result};
use crate::model::Decree;
use std::path::{Path, PathBuf};

/// Output formats of `qauly contracts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractFormat {
    Pdf,
    Html,
    Both,
}

impl ContractFormat {
    fn pdf(self) -> bool {
        self != ContractFormat::Html
    }
    fn html(self) -> bool {
        self != ContractFormat::Pdf
    }
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

/// A file to write into the output directory.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads the decree named by the options and writes its contracts.
pub fn run(opts: &ContractOptions) -> Result<Outcome> {
    write_contracts(opts, &load_decree(&opts.input)?)
}

/// Writes the contracts of an already loaded decree (`build` reuses the one it parsed).
pub fn write_contracts(opts: &ContractOptions, decree: &Decree) -> Result<Outcome> {
    let plan = plan(opts, decree)?;
    let files = render_all(opts, decree, &plan.contracts)?;
    write_all(&opts.out_dir, &files)?;
    for w in &plan.warnings {
        eprintln!("qauly: warning: {w}");
    }
    Ok(Outcome {
        warnings: plan.warnings.len(),
    })
}

/// Roster, employers and options → the list of contracts.
pub fn plan(opts: &ContractOptions, decree: &Decree) -> Result<contract::Plan> {
    let assignment = opts
        .roster
        .as_deref()
        .map(|p| roster::load(p, decree))
        .transpose()?;
    let employers = opts
        .employers
        .as_deref()
        .map(|p| employers::load(p, decree))
        .transpose()?
        .unwrap_or_default();
    let plan_opts = PlanOptions {
        lang: opts.lang.unwrap_or(decree.language),
        start: opts.start,
        end: opts.end,
        mzp: opts.mzp,
    };
    contract::plan(decree, assignment.as_ref(), &employers, &plan_opts)
}

/// Every output file (contracts, combined employer PDFs, manifest), in memory,
/// in a fixed order. Employers are shared between the cores.
pub fn render_all(
    opts: &ContractOptions,
    decree: &Decree,
    contracts: &[ContractView],
) -> Result<Vec<OutFile>> {
    let tera = contract::tera::contract_tera(opts.templates.as_deref())?;
    let groups: Vec<&[ContractView]> = contracts.chunk_by(|a, b| a.row == b.row).collect();
    // Largest employers first, so that no big one is left for a single core at
    // the end; the results go back into row order.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(groups[i].len()));
    let results = parallel_map(&order, |&i| {
        (i, render_employer(&tera, decree, groups[i], opts.format))
    });
    let mut results: Vec<_> = results.into_iter().collect();
    results.sort_by_key(|(i, _)| *i);
    let mut files = Vec::with_capacity(contracts.len() * 2 + groups.len() + 1);
    for (_, r) in results {
        files.extend(r?);
    }
    let ext = if opts.format.pdf() { "pdf" } else { "html" };
    let manifest = contract::manifest::manifest(contracts, |c| format!("{}.{ext}", c.file_stem));
    files.push(OutFile {
        name: "manifest.csv".into(),
        bytes: manifest.into_bytes(),
    });
    Ok(files)
}

/// One employer's contracts (HTML and/or PDF) and, for PDF, their combined
/// document, made of the contracts' pages as encoded for their own files.
fn render_employer(
    tera: &tera::Tera,
    decree: &Decree,
    group: &[ContractView],
    format: ContractFormat,
) -> Result<Vec<OutFile>> {
    let mut files = Vec::new();
    let mut prepared = Vec::new();
    for c in group {
        let fail = |e: Error, ext: &str| Error::Contract {
            number: c.number.clone(),
            file: format!("{}.{ext}", c.file_stem),
            source: Box::new(e),
        };
        let html = contract::render_html(tera, c).map_err(|e| fail(e, "html"))?;
        if format.pdf() {
            let flow = contract::to_flow(&html, c).map_err(|e| fail(e, "pdf"))?;
            let pages = crate::pdf::prepare(&flow);
            files.push(OutFile {
                name: format!("{}.pdf", c.file_stem),
                bytes: crate::pdf::assemble(&[&pages], &meta(decree, &flow.title)),
            });
            prepared.push(pages);
        }
        if format.html() {
            files.push(OutFile {
                name: format!("{}.html", c.file_stem),
                bytes: html.into_bytes(),
            });
        }
    }
    if let (Some(first), false) = (group.first(), prepared.is_empty()) {
        let parts: Vec<&crate::pdf::Prepared> = prepared.iter().collect();
        files.push(OutFile {
            name: format!("employer-{}.pdf", first.row),
            bytes: crate::pdf::assemble(&parts, &meta(decree, &first.employer.name)),
        });
    }
    Ok(files)
}

/// PDF metadata from the decree: dates come from it, never the clock, so the
/// same inputs give the same bytes.
fn meta(decree: &Decree, title: &str) -> crate::pdf::PdfMeta {
    crate::pdf::PdfMeta::for_decree(decree, title)
}

/// Writes every file into DIR: a new (or empty) DIR is filled all at once, an
/// existing one file by file, each through a temporary name, leaving alone the
/// files that already hold exactly the new bytes.
pub fn write_all(dir: &Path, files: &[OutFile]) -> Result<()> {
    // "out/" names the link itself when "out" is one, as "out" does.
    let dir: &Path = &dir.components().collect::<PathBuf>();
    if is_missing_or_empty(dir) {
        return write_staged(dir, files);
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    write_each(files, |f| write_if_changed(&dir.join(&f.name), &f.bytes))
}

/// Writes every file with `write`, the files shared between two workers.
fn write_each(files: &[OutFile], write: impl Fn(&OutFile) -> Result<()> + Sync) -> Result<()> {
    let results = parallel_map(&[0, 1], |&half| {
        files.iter().skip(half).step_by(2).try_for_each(&write)
    });
    results.into_iter().collect()
}

/// A new output directory is filled under a temporary name beside it and then
/// renamed into place: nobody sees it half filled, a failure leaves nothing,
/// and the file system does one rename instead of one per file (on the bench
/// machine the per-file renames of 638 files cost more than the rendering).
fn write_staged(dir: &Path, files: &[OutFile]) -> Result<()> {
    let parent = parent_dir(dir);
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let stage = tempfile::Builder::new()
        .prefix(".qauly-contracts-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    write_each(files, |f| {
        std::fs::write(stage.path().join(&f.name), &f.bytes)
            .map_err(|e| Error::io(dir.join(&f.name), e))
    })?;
    shareable_dir(stage.path()).map_err(|e| Error::io(dir, e))?;
    if dir.is_dir() {
        // Empty (checked above); rename(2) would replace it, but not on every system.
        std::fs::remove_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    // On failure `stage` is dropped here and removed with everything in it.
    std::fs::rename(stage.path(), dir).map_err(|e| Error::io(dir, e))?;
    // Renamed away: nothing is left at the temporary name to remove.
    let _ = stage.keep();
    Ok(())
}

/// Whether DIR can be filled from scratch: nothing is there, or an empty
/// directory (not a link to one), and it is named: ".", ".." or "/" cannot be
/// renamed into place.
fn is_missing_or_empty(dir: &Path) -> bool {
    use std::io::ErrorKind::NotFound;
    let named = matches!(
        dir.components().next_back(),
        Some(std::path::Component::Normal(_))
    );
    let empty = match std::fs::symlink_metadata(dir) {
        Ok(m) => m.is_dir() && std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_none()),
        Err(e) => e.kind() == NotFound,
    };
    named && empty
}

/// Temporary directories are created private (0700); the output is to share.
#[cfg(unix)]
fn shareable_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn shareable_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Regenerating after staff fixed one row rewrites only that row's contracts,
/// its employer PDF and the manifest: the other files keep their dates (a
/// print queue or a sync sees what changed), and the file system is spared a
/// thousand file replacements (on the bench machine, replacing files cost a
/// quarter of the batch's CPU time in the kernel).
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<()> {
    if holds(path, bytes) {
        return Ok(());
    }
    write_atomic(path, bytes)
}

/// Whether `path` is a regular file (not a link) whose content is `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}
