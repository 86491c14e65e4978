//! The `qauly` binary: parse arguments, call one library function, print the
//! error chain, set the exit code (0 clean, 3 warnings, 1 bad input, 2 usage).

mod cli;

use clap::Parser;
use cli::{Cli, Command, TemplatesAction};
use qauly::app;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { input, output } => app::parse::run(&cli::parse_options(input, output)),
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
        Err(err) => {
            let err = anyhow::Error::from(err);
            eprintln!("qauly: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(1)
        }
    }
}
