//! What every command reads and writes: the input decree (raw text or YAML,
//! a path or `-` for standard input) and outputs replaced atomically.

use crate::error::{Error, Result};
use crate::model::Decree;
use crate::yaml;
use std::io::{Read, Write};
use std::path::Path;

/// The input's bytes and the name it goes by in messages and `source.file`
/// (the file name only, so the YAML does not depend on where the file lies).
pub fn read_input(input: &Path) -> Result<(Vec<u8>, String)> {
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

/// Reads a decree from a YAML written by `parse` (possibly edited by hand), or
/// parses it from raw text: staff re-render from either.
pub fn load_decree(input: &Path) -> Result<Decree> {
    let (bytes, name) = read_input(input)?;
    match std::str::from_utf8(&bytes) {
        Ok(text) if yaml::looks_like_yaml(text) => {
            yaml::from_str(text, &input.display().to_string())
        }
        _ => crate::parse::parse_decree(&bytes, &name),
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`,
/// so a failure never leaves a half-written output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_dir(path);
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    readable_by_all(tmp.as_file()).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// The directory a path lies in, "." for a bare name: where its temporary
/// twin is made, so that the final rename stays on one file system.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
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
