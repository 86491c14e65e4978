//! Command-line arguments (clap derive), converted into the library's option structs.

use clap::{Parser, Subcommand, ValueEnum};
use qauly::app::batch::BatchOptions;
use qauly::app::contracts::{ContractFormat, ContractOptions};
use qauly::app::parse::ParseOptions;
use qauly::app::render::{BuildOptions, Format, Part, RenderOptions};
use qauly::model::{Date, Language};
use qauly::Error;
use std::path::PathBuf;

/// qauly: raw text of a Kazakh akimat decree → clean YAML, HTML, PDF and employment contracts.
#[derive(Debug, Parser)]
#[command(name = "qauly", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a raw decree text into the decree YAML (exit 0 clean, 3 with warnings, 1 on bad input).
    ///
    /// With several inputs, or a directory (searched for *.txt), every decree is
    /// parsed on all cores into -o DIR, one YAML each, with DIR/report.csv.
    Parse {
        /// The raw decree text (`-` reads standard input); or several files and directories.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write the YAML here instead of standard output (a directory for a batch).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Render the appendix or the whole decree as HTML or PDF.
    Render {
        /// Raw decree text or a decree YAML written by `parse` (possibly edited).
        input: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        to: FormatArg,
        /// Which document: the appendix table or the whole decree.
        #[arg(long, value_enum, default_value = "appendix")]
        part: PartArg,
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
        /// Directory of templates overriding the built-in ones by file name.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// The main job: decree.yaml, appendix and decree as HTML and PDF, and the contracts, into DIR.
    Build {
        /// Raw decree text or a decree YAML.
        input: PathBuf,
        /// Output directory (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Directory of templates overriding the built-in ones by file name.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Work with the built-in templates.
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// One individual employment contract (жеке еңбек шарты) per participant.
    Contracts {
        /// Raw decree text or a decree YAML.
        input: PathBuf,
        /// Output directory (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Participants: CSV with a header line, or YAML.
        #[arg(long)]
        roster: Option<PathBuf>,
        /// Employers' details: YAML keyed by organization name.
        #[arg(long)]
        employers: Option<PathBuf>,
        /// Contract language; the decree's language by default.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Output format.
        #[arg(long, value_enum, default_value = "pdf")]
        format: ContractFormatArg,
        /// Start date of the work (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        start: Option<Date>,
        /// End date of the work (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        end: Option<Date>,
        /// Minimum monthly wage in tenge, overriding the built-in table.
        #[arg(long)]
        mzp: Option<f64>,
        /// Directory of templates overriding the built-in ones by file name.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Write the built-in templates into DIR for editing.
    Export {
        /// Target directory (created if missing).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Html,
    Pdf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PartArg {
    Appendix,
    Decree,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Kk,
    Ru,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ContractFormatArg {
    Pdf,
    Html,
    Both,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

/// What `qauly parse` was asked for: one decree, or a batch.
pub enum ParseJob {
    One(ParseOptions),
    Batch(BatchOptions),
}

/// One input that is not a directory is a single parse; anything else a batch,
/// which needs an output directory.
pub fn parse_job(mut inputs: Vec<PathBuf>, output: Option<PathBuf>) -> Result<ParseJob, Error> {
    if inputs.len() == 1 && !inputs[0].is_dir() {
        let input = inputs.remove(0);
        return Ok(ParseJob::One(ParseOptions { input, output }));
    }
    match output {
        Some(out_dir) => Ok(ParseJob::Batch(BatchOptions { inputs, out_dir })),
        None => Err(Error::Usage(
            "several inputs or a directory: give the output directory with -o DIR".into(),
        )),
    }
}

pub fn render_options(
    input: PathBuf,
    to: FormatArg,
    part: PartArg,
    output: PathBuf,
    templates: Option<PathBuf>,
) -> RenderOptions {
    RenderOptions {
        input,
        to: match to {
            FormatArg::Html => Format::Html,
            FormatArg::Pdf => Format::Pdf,
        },
        part: match part {
            PartArg::Appendix => Part::Appendix,
            PartArg::Decree => Part::Decree,
        },
        output,
        templates,
    }
}

pub fn build_options(input: PathBuf, out_dir: PathBuf, templates: Option<PathBuf>) -> BuildOptions {
    BuildOptions {
        input,
        out_dir,
        templates,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn contract_options(
    input: PathBuf,
    out_dir: PathBuf,
    roster: Option<PathBuf>,
    employers: Option<PathBuf>,
    lang: Option<LangArg>,
    format: ContractFormatArg,
    start: Option<Date>,
    end: Option<Date>,
    mzp: Option<f64>,
    templates: Option<PathBuf>,
) -> ContractOptions {
    ContractOptions {
        input,
        out_dir,
        roster,
        employers,
        lang: lang.map(|l| match l {
            LangArg::Kk => Language::Kk,
            LangArg::Ru => Language::Ru,
        }),
        format: match format {
            ContractFormatArg::Pdf => ContractFormat::Pdf,
            ContractFormatArg::Html => ContractFormat::Html,
            ContractFormatArg::Both => ContractFormat::Both,
        },
        start,
        end,
        mzp,
        templates,
    }
}
