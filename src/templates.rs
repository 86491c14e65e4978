//! The tera templates: defaults embedded in the binary, overridable by file name
//! from a user directory, and exportable for editing.

use crate::error::{Error, Result};
use std::path::Path;

/// The built-in templates, by file name. Partials start with `_`.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "_base.html.tera",
        include_str!("../templates/_base.html.tera"),
    ),
    (
        "_style.html.tera",
        include_str!("../templates/_style.html.tera"),
    ),
    (
        "_table.html.tera",
        include_str!("../templates/_table.html.tera"),
    ),
    (
        "_appendix.html.tera",
        include_str!("../templates/_appendix.html.tera"),
    ),
    (
        "appendix.html.tera",
        include_str!("../templates/appendix.html.tera"),
    ),
    (
        "decree.html.tera",
        include_str!("../templates/decree.html.tera"),
    ),
    (
        "contract.kk.html.tera",
        include_str!("../templates/contract.kk.html.tera"),
    ),
    (
        "contract.ru.html.tera",
        include_str!("../templates/contract.ru.html.tera"),
    ),
];

/// File-name suffixes whose output tera escapes as HTML.
const ESCAPED: [&str; 2] = [".html.tera", ".html"];

/// The default templates, each replaced by a same-named file in `overrides` when present.
///
/// Only names the defaults know are read from the directory, so a stray file there
/// cannot shadow anything, and a typo in a user's file name is simply not used.
pub fn load(overrides: Option<&Path>) -> Result<tera::Tera> {
    let mut sources: Vec<(String, String)> = Vec::new();
    for (name, default) in DEFAULTS {
        let text = match overrides.map(|dir| dir.join(name)).filter(|p| p.is_file()) {
            Some(path) => std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?,
            None => (*default).to_string(),
        };
        sources.push((name.to_string(), text));
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(ESCAPED);
    tera.add_raw_templates(sources).map_err(|e| {
        template_error(
            &overrides.map_or("built-in templates".into(), |d| d.display().to_string()),
            &e,
        )
    })?;
    Ok(tera)
}

/// Renders template `name` with a serializable view as its context.
pub fn render<T: serde::Serialize>(tera: &tera::Tera, name: &str, view: &T) -> Result<String> {
    let ctx = tera::Context::from_serialize(view).map_err(|e| template_error(name, &e))?;
    tera.render(name, &ctx)
        .map_err(|e| template_error(name, &e))
}

/// A template error with tera's whole cause chain (tera errors nest).
pub fn template_error(name: &str, err: &dyn std::error::Error) -> Error {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        message.push_str("\n  caused by: ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

/// Writes the default templates into `dir` (created if missing) for editing.
pub fn export(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (name, text) in DEFAULTS {
        crate::app::io::write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_every_default_template() {
        let tera = load(None).unwrap();
        for (name, _) in DEFAULTS {
            assert!(tera.get_template_names().any(|n| n == *name), "{name}");
        }
    }

    #[test]
    fn a_file_in_the_override_directory_replaces_the_default_of_that_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("appendix.html.tera"), "<p>{{ title }}</p>").unwrap();
        let tera = load(Some(dir.path())).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("title", "A & B");
        assert_eq!(
            tera.render("appendix.html.tera", &ctx).unwrap(),
            "<p>A &amp; B</p>"
        );
    }

    #[test]
    fn a_broken_override_names_the_directory_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("decree.html.tera"), "{% for x in %}").unwrap();
        let err = load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
        assert!(err.contains("decree.html.tera"), "{err}");
    }

    #[test]
    fn exports_the_defaults_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        export(&dir.path().join("t")).unwrap();
        for (name, text) in DEFAULTS {
            assert_eq!(
                std::fs::read_to_string(dir.path().join("t").join(name)).unwrap(),
                *text
            );
        }
    }
}
