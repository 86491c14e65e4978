//! Loading the contract templates: defaults embedded in the binary, each
//! overridable by a file of the same name in `--templates DIR`.
//!
//! (Private to contracts until the shared loader in `crate::templates` lands;
//! `contract_tera` is the one place to switch.)

use crate::error::{Error, Result};
use std::path::Path;
use tera::Tera;

/// The contract templates and their built-in text.
pub const DEFAULTS: [(&str, &str); 2] = [
    (
        "contract.kk.html.tera",
        include_str!("../../templates/contract.kk.html.tera"),
    ),
    (
        "contract.ru.html.tera",
        include_str!("../../templates/contract.ru.html.tera"),
    ),
];

/// The template name for a contract language.
pub fn template_name(lang: crate::model::Language) -> &'static str {
    match lang {
        crate::model::Language::Kk => DEFAULTS[0].0,
        crate::model::Language::Ru => DEFAULTS[1].0,
    }
}

/// A tera with the contract templates; a file in `dir` replaces the default
/// of the same name. Autoescaping is on for every `.html.tera`.
pub fn contract_tera(dir: Option<&Path>) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".html.tera"]);
    for (name, builtin) in DEFAULTS {
        let text = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
            Some(path) => std::fs::read_to_string(&path).map_err(|e| Error::io(path, e))?,
            None => builtin.to_string(),
        };
        tera.add_raw_template(name, &text)
            .map_err(|e| template_error(name, &e))?;
    }
    Ok(tera)
}

/// A tera error with its whole `source()` chain (tera errors nest).
pub fn template_error(name: &str, err: &tera::Error) -> Error {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}
