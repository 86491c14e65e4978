//! HTML output: the appendix and the whole decree, rendered from tera templates
//! over the output view (never the model types directly).

use crate::error::Result;
use crate::model::Decree;
use crate::templates;
use crate::view::DecreeView;

/// The appendix alone as one self-contained HTML file.
pub fn appendix_html(tera: &tera::Tera, decree: &Decree) -> Result<String> {
    templates::render(tera, "appendix.html.tera", &DecreeView::new(decree))
}

/// The whole decree, then its appendix, as one self-contained HTML file.
pub fn decree_html(tera: &tera::Tera, decree: &Decree) -> Result<String> {
    templates::render(tera, "decree.html.tera", &DecreeView::new(decree))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decree() -> Decree {
        crate::yaml::gold_decree("t0001")
    }

    #[test]
    fn appendix_has_both_header_rows_in_thead_and_one_row_per_organization() {
        let d = decree();
        let html = appendix_html(&templates::load(None).unwrap(), &d).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
        assert!(html.contains("<html lang=\"kk\">"));
        let thead = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
        assert_eq!(thead.matches("<tr>").count(), 2);
        assert!(thead.contains("colspan=\"2\"") && thead.contains("rowspan=\"2\""));
        assert!(thead.contains("scope=\"colgroup\""));
        let tbody = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
        assert_eq!(
            tbody.matches("<tr>").count(),
            d.appendices[0].table.rows.len()
        );
        assert!(!html.contains("<link") && !html.contains("src=\"http"));
    }

    #[test]
    fn decree_html_has_every_clause_and_the_russian_lang_tag() {
        let text = std::fs::read_to_string("fixtures/corpus/train-ru/t2001.gold.yaml").unwrap();
        let d = crate::yaml::from_str(&text, "t2001.gold.yaml").unwrap();
        let html = decree_html(&templates::load(None).unwrap(), &d).unwrap();
        assert!(html.contains("<html lang=\"ru\">"));
        for c in &d.clauses {
            let escaped = c
                .text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;");
            assert!(html.contains(&escaped), "clause {} missing", c.number);
        }
    }
}
