//! The PDF engine: our own layout on printpdf's low-level operations.
//!
//! [`layout`] turns a [`FlowDoc`] into pages of positioned text and rules (plain
//! data, unit-tested); [`emit`] turns those pages into bytes ([`write`] holds the
//! file syntax). [`build`] makes the flows of the appendix and the whole decree.
//! printpdf serves only to read and subset the fonts (`font`, `subset`).

pub mod build;
pub mod emit;
pub mod font;
pub mod layout;
pub mod lines;
mod subset;
pub mod table;
mod unhint;
mod write;

pub use build::{appendix_flow, decree_flow};
pub use emit::Prepared;

use crate::error::Result;
use crate::flow::FlowDoc;
use crate::model::{Date, Decree};

/// Document metadata written into the PDF's info dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfMeta {
    /// Title shown by viewers; the flow's title when empty.
    pub title: String,
    pub subject: String,
    pub author: String,
    /// A stable identifier (e.g. the act number), not a random one.
    pub identifier: String,
    /// The document's date (the act's date); `SOURCE_DATE_EPOCH` wins when set.
    pub date: Option<Date>,
}

impl PdfMeta {
    /// Metadata for a document made from `decree`: its title, issuer, number and date.
    pub fn for_decree(decree: &Decree, title: &str) -> PdfMeta {
        PdfMeta {
            title: title.to_string(),
            subject: decree.title.clone(),
            author: decree.act.issuer.clone(),
            identifier: decree.act.number.clone(),
            date: decree.act.date,
        }
    }

    /// Seconds since 1970 for the PDF dates: `SOURCE_DATE_EPOCH`, else the date, else 0.
    pub fn timestamp(&self) -> i64 {
        let from_env = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok());
        from_env
            .or_else(|| self.date.map(|d| days_from_civil(d) * 86_400))
            .unwrap_or(0)
    }
}

/// Days since 1970-01-01 of a calendar date (Howard Hinnant's algorithm).
fn days_from_civil(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Lays out and serializes a flow document. Same flow and meta, same bytes.
pub fn render(doc: &FlowDoc, meta: &PdfMeta) -> Result<Vec<u8>> {
    Ok(assemble(&[&prepare(doc)], meta))
}

/// Lays out a document and encodes its pages once, for [`assemble`] to write
/// alone or together with others.
pub fn prepare(doc: &FlowDoc) -> Prepared {
    emit::prepare(&layout::layout_body(doc), &doc.title, doc.page_numbers)
}

/// One PDF of prepared documents one after another, each starting on a new page,
/// page numbers counted over the whole file: the same bytes as rendering the
/// documents' flows joined with page breaks (see `contract::combine`).
pub fn assemble(parts: &[&Prepared], meta: &PdfMeta) -> Vec<u8> {
    emit::assemble(parts, meta)
}

/// The appendix of `decree` as a PDF (A4 landscape).
pub fn appendix_pdf(decree: &Decree) -> Result<Vec<u8>> {
    let flow = appendix_flow(decree);
    render(&flow, &PdfMeta::for_decree(decree, &flow.title))
}

/// The whole decree, then its appendix on landscape pages, as a PDF.
pub fn decree_pdf(decree: &Decree) -> Result<Vec<u8>> {
    let flow = decree_flow(decree);
    render(&flow, &PdfMeta::for_decree(decree, &flow.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_since_the_epoch() {
        assert_eq!(days_from_civil(Date::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(days_from_civil(Date::new(2000, 3, 1).unwrap()), 11_017);
        assert_eq!(days_from_civil(Date::new(2014, 7, 3).unwrap()), 16_254);
    }
}
