//! `qauly parse`: raw decree → YAML, to standard output or to a file written
//! through a temporary file and renamed into place (never half-written).

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Options of `qauly parse`.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Input path; `-` for standard input.
    pub input: PathBuf,
    /// Output YAML; standard output when `None`.
    pub output: Option<PathBuf>,
}

/// What a command did: how many warnings it reported (exit code 3 when any).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub warnings: usize,
}

/// Parses the input decree and writes its YAML; the warnings travel in the YAML
/// and their count in the outcome.
pub fn run(opts: &ParseOptions) -> Result<Outcome> {
    let (bytes, name) = read_input(&opts.input)?;
    let decree = crate::parse::parse_decree(&bytes, &name)?;
    let yaml = crate::yaml::to_string(&decree)?;
    match &opts.output {
        Some(path) => write_atomically(path, yaml.as_bytes())?,
        None => std::io::stdout()
            .write_all(yaml.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))?,
    }
    Ok(Outcome {
        warnings: decree.warnings.len(),
    })
}

/// The input's bytes and the name it goes by in messages and `source.file`.
fn read_input(input: &Path) -> Result<(Vec<u8>, String)> {
    if input == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        return Ok((bytes, "<stdin>".to_string()));
    }
    let bytes = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    let name = input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((bytes, name))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{file_name}.qauly-tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
