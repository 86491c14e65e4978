//! The library's error type: every failure a user can meet, with the file,
//! line and what was expected, so `main` can print it and pick the exit code.

use std::path::PathBuf;

/// Errors of the qauly library. `main` maps them to exit codes (see `Error::exit_code`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read or write: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not text we can decode; `line`/`col` locate the bad byte.
    #[error("{path}:{line}:{col}: {message}")]
    Decode {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// The text is not a decree of the genre (or is cut off).
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// A YAML file that does not follow the decree schema.
    #[error("{path}:{line}:{col}: {key_path}: {message}")]
    Schema {
        path: String,
        line: usize,
        col: usize,
        key_path: String,
        message: String,
    },
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    #[error("PDF: {0}")]
    Pdf(String),
    /// A roster, employers file or other user input with a bad line.
    #[error("{path}:{line}: {message}")]
    Input {
        path: String,
        line: usize,
        message: String,
    },
    /// A command-line value that cannot work (e.g. `--end` before `--start`).
    #[error("{0}")]
    Usage(String),
    /// One contract of a batch failed; the source says why.
    #[error("contract {number} ({file}) failed")]
    Contract {
        number: String,
        file: String,
        #[source]
        source: Box<Error>,
    },
    /// Several errors found in one pass (e.g. every bad roster line).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    /// Exit code for this error: 1 for bad input or failures (2 is clap's usage error).
    pub fn exit_code(&self) -> i32 {
        1
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
