//! The `qauly` binary: parse arguments, call one library function, print the
//! error chain, set the exit code (0 clean, 3 warnings, 1 bad input, 2 usage).

mod cli;

use clap::Parser;
use cli::{Cli, Command, ParseJob, TemplatesAction};
use qauly::app;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { inputs, output } => match cli::parse_job(inputs, output) {
            Ok(ParseJob::One(opts)) => app::parse::run(&opts),
            Ok(ParseJob::Batch(opts)) => return batch(&opts),
            Err(e) => Err(e),
        },
        Command::Render {
            input,
            to,
            part,
            output,
            templates,
        } => app::render::render(&cli::render_options(input, to, part, output, templates)),
        Command::Build {
            input,
            output,
            templates,
        } => app::render::build(&cli::build_options(input, output, templates)),
        Command::Templates {
            action: TemplatesAction::Export { dir },
        } => app::render::export_templates(&dir).map(|()| Default::default()),
        Command::Contracts {
            input,
            output,
            roster,
            employers,
            lang,
            format,
            start,
            end,
            mzp,
            templates,
        } => app::contracts::run(&cli::contract_options(
            input, output, roster, employers, lang, format, start, end, mzp, templates,
        )),
    };
    match result {
        Ok(outcome) if outcome.warnings > 0 => {
            eprintln!("qauly: finished with {} warning(s)", outcome.warnings);
            ExitCode::from(3)
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => report_error(err),
    }
}

/// Prints the error with its causes; usage errors exit 2, the rest 1.
fn report_error(err: qauly::Error) -> ExitCode {
    let code = if matches!(err, qauly::Error::Usage(_)) {
        2
    } else {
        1
    };
    let err = anyhow::Error::from(err);
    eprintln!("qauly: error: {err}");
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    ExitCode::from(code)
}

/// A batch parse: each failed decree named on standard error, then one summary
/// line; exit 1 when any failed, 3 when any has warnings.
fn batch(opts: &app::batch::BatchOptions) -> ExitCode {
    use app::batch::{Done, REPORT};
    let summary = match app::batch::run(opts) {
        Ok(summary) => summary,
        Err(err) => return report_error(err),
    };
    for (job, done) in &summary.results {
        if let Done::Failed(err) = done {
            // Messages name the file alone; the path tells apart equal names.
            eprintln!("qauly: error: {err} (in {})", job.input.display());
        }
    }
    let (total, failed, warnings) = (summary.results.len(), summary.failed(), summary.warnings());
    eprintln!(
        "qauly: {} of {total} decree(s) parsed into {}, {failed} failed, {warnings} warning(s); see {}",
        total - failed,
        opts.out_dir.display(),
        opts.out_dir.join(REPORT).display()
    );
    match (failed, warnings) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(3),
        _ => ExitCode::from(1),
    }
}
