//! `qauly parse` over many decrees at once (several inputs, or directories of
//! `.txt` files): archivists convert whole archives, so every core works, one
//! bad file never stops the others, and a report says what became of each.
//!
//! A flat list of stages: list the inputs and their YAML names (a clash is a
//! usage error before anything is written); parse and write each on all cores;
//! write `report.csv`; sum up. Each YAML is the same bytes `qauly parse FILE`
//! writes, through a temporary file and a rename.

use super::io::write_atomic;
use super::workers::parallel_map;
use crate::contract::csv::quote;
use crate::error::{Error, Result};
use crate::model::Decree;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The report's name inside the output directory.
pub const REPORT: &str = "report.csv";

/// Options of `qauly parse` with several inputs or a directory.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Files and directories (searched recursively for `*.txt`).
    pub inputs: Vec<PathBuf>,
    /// Where the YAMLs and the report go (created if missing).
    pub out_dir: PathBuf,
}

/// One decree to convert: where it is read from and where its YAML goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    /// Relative to the output directory: the file's stem, or its path under
    /// the directory given, so that archives keep their folders.
    pub output: PathBuf,
}

/// What became of one decree.
#[derive(Debug)]
pub enum Done {
    Parsed {
        rows: usize,
        warnings: usize,
        residue: usize,
    },
    Failed(Error),
}

/// The whole batch, in the order of the jobs.
#[derive(Debug)]
pub struct Summary {
    pub results: Vec<(Job, Done)>,
}

impl Summary {
    pub fn failed(&self) -> usize {
        self.results
            .iter()
            .filter(|(_, d)| matches!(d, Done::Failed(_)))
            .count()
    }

    /// Warnings over every decree that parsed.
    pub fn warnings(&self) -> usize {
        self.results
            .iter()
            .map(|(_, d)| match d {
                Done::Parsed { warnings, .. } => *warnings,
                Done::Failed(_) => 0,
            })
            .sum()
    }
}

/// Converts every decree the inputs name and writes the report. Errors here are
/// about the batch itself (no input found, clashing names, an unwritable
/// directory); a decree that does not parse is a line of the summary.
pub fn run(opts: &BatchOptions) -> Result<Summary> {
    let jobs = jobs(&opts.inputs)?;
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| Error::io(&opts.out_dir, e))?;
    let progress = Progress::new(jobs.len());
    let done = parallel_map(&jobs, |job| {
        let done = convert(job, &opts.out_dir);
        progress.tick();
        done
    });
    progress.finish();
    let summary = Summary {
        results: jobs.into_iter().zip(done).collect(),
    };
    write_atomic(&opts.out_dir.join(REPORT), report(&summary).as_bytes())?;
    Ok(summary)
}

/// The decrees the inputs name, in a stable order: files as given, each
/// directory's `*.txt` files sorted by path.
pub fn jobs(inputs: &[PathBuf]) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            return Err(Error::Usage(
                "standard input (`-`) can only be parsed alone, not in a batch".into(),
            ));
        }
        if input.is_dir() {
            let before = jobs.len();
            for file in txt_files(input)? {
                let rel = file.strip_prefix(input).unwrap_or(&file).to_path_buf();
                jobs.push(Job {
                    output: rel.with_extension("yaml"),
                    input: file,
                });
            }
            if jobs.len() == before {
                return Err(Error::Usage(format!(
                    "{}: no .txt files in this directory",
                    input.display()
                )));
            }
        } else {
            let stem = input.file_stem().unwrap_or(input.as_os_str());
            jobs.push(Job {
                output: Path::new(stem).with_extension("yaml"),
                input: input.clone(),
            });
        }
    }
    check_unique(&jobs)?;
    Ok(jobs)
}

/// Two inputs writing the same YAML would lose one: refused before any work.
fn check_unique(jobs: &[Job]) -> Result<()> {
    let mut seen: BTreeMap<&Path, &Path> = BTreeMap::new();
    for job in jobs {
        if let Some(first) = seen.insert(&job.output, &job.input) {
            return Err(Error::Usage(format!(
                "{} and {} would both be written as {}: give them in separate runs",
                first.display(),
                job.input.display(),
                job.output.display()
            )));
        }
    }
    Ok(())
}

/// Every `*.txt` file under `dir`, sorted by path (directory order is not
/// stable). Linked directories are followed once each, so a link that points
/// back up the tree does not loop.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut visited = std::collections::BTreeSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let real = d.canonicalize().map_err(|e| Error::io(&d, e))?;
        if !visited.insert(real) {
            continue;
        }
        for entry in std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
            let path = entry.map_err(|e| Error::io(&d, e))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Parses one decree and writes its YAML (creating its folder).
fn convert(job: &Job, out_dir: &Path) -> Done {
    let written = (|| -> Result<Decree> {
        let (decree, yaml) = super::parse::parse_to_yaml(&job.input)?;
        let path = out_dir.join(&job.output);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        write_atomic(&path, yaml.as_bytes())?;
        Ok(decree)
    })();
    match written {
        Ok(decree) => Done::Parsed {
            rows: decree.appendices.iter().map(|a| a.table.rows.len()).sum(),
            warnings: decree.warnings.len(),
            residue: decree.residue.len(),
        },
        Err(e) => Done::Failed(e),
    }
}

/// `report.csv`: one line per input, in job order, so an archivist can sort
/// out the files to check (warnings, residue) and the ones that failed.
pub fn report(summary: &Summary) -> String {
    let mut out = String::from("input,output,status,rows,warnings,residue,message\n");
    for (job, done) in &summary.results {
        let (status, counts, message) = match done {
            Done::Parsed {
                rows,
                warnings,
                residue,
            } => {
                let status = if *warnings > 0 { "warnings" } else { "clean" };
                let counts = [rows, warnings, residue].map(|n| n.to_string());
                (status, counts, String::new())
            }
            Done::Failed(e) => ("failed", Default::default(), e.to_string()),
        };
        let [rows, warnings, residue] = counts;
        let fields = [
            job.input.display().to_string(),
            job.output.display().to_string(),
            status.to_string(),
            rows,
            warnings,
            residue,
            message,
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// A count on standard error while a large batch runs, only on a terminal
/// (logs and pipes get the summary alone).
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: std::io::stderr().is_terminal() && total > 1,
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(16) || done == self.total) {
            eprint!("\rqauly: parsed {done} of {}", self.total);
        }
    }

    fn finish(&self) {
        if self.shown {
            eprintln!();
        }
    }
}
