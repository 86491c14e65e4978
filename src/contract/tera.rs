//! Which template writes a contract in which language; loading goes through the
//! shared `crate::templates` (embedded defaults, `--templates DIR` overrides).

use crate::error::Result;
use crate::model::Language;
use std::path::Path;
use tera::Tera;

/// The template name for a contract language.
pub fn template_name(lang: Language) -> &'static str {
    match lang {
        Language::Kk => "contract.kk.html.tera",
        Language::Ru => "contract.ru.html.tera",
    }
}

/// The templates with a file in `dir` replacing the default of the same name.
pub fn contract_tera(dir: Option<&Path>) -> Result<Tera> {
    crate::templates::load(dir)
}

/// The built-in text of a contract template.
pub fn default_text(lang: Language) -> &'static str {
    let name = template_name(lang);
    crate::templates::DEFAULTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .expect("contract templates are among the built-in templates")
}
