//! The contract view: everything a contract template shows, as plain strings
//! already in the contract's language, with blank lines where a value is unknown.

use super::employers::Employer;
use super::money::Amount;
use super::roster::Person;
use super::{dates, slug};
use crate::model::{Date, Decree, Language, Row};
use serde::Serialize;

/// What a clerk fills in by hand where a value is unknown.
pub const BLANK: &str = "____________________";

/// One contract as the templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct ContractView {
    /// `kk` or `ru`: the contract's language.
    pub lang: &'static str,
    /// `<act number>/<row>/<k>`.
    pub number: String,
    pub row: u32,
    /// 1-based position of the participant within the row.
    pub k: u32,
    /// The file name without extension: `<row>-<k>-<slug>`.
    pub file_stem: String,
    /// The contract's date in words, or a blank to fill in.
    pub date: String,
    pub start: String,
    pub end: String,
    pub decree: DecreeView,
    pub employer: EmployerView,
    pub employee: EmployeeView,
    /// Kinds of work with volumes, in the decree's language.
    pub works: Vec<WorkView>,
    pub conditions: String,
    /// The decree's pay cell as printed.
    pub pay_text: String,
    pub funding: String,
    pub pay: PayView,
}

/// The decree the contract rests on.
#[derive(Debug, Clone, Serialize)]
pub struct DecreeView {
    pub kind: String,
    pub issuer: String,
    pub date: String,
    pub number: String,
    pub title: String,
}

/// The employer (жұмыс беруші / работодатель).
#[derive(Debug, Clone, Serialize)]
pub struct EmployerView {
    pub name: String,
    pub address: String,
    pub bin: String,
    pub head_name: String,
    pub head_position: String,
    pub bank: String,
}

/// The employee (қызметкер / работник); blanks without a roster.
#[derive(Debug, Clone, Serialize)]
pub struct EmployeeView {
    pub full_name: String,
    pub iin: String,
    pub doc_kind: String,
    pub doc_number: String,
    pub doc_date: String,
    pub doc_issuer: String,
    pub address: String,
    pub phone: String,
    /// Whether the employee's details came from a roster.
    pub known: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkView {
    pub kind: String,
    pub volume: String,
}

/// The monthly pay: figures and words, and how it was computed.
#[derive(Debug, Clone, Serialize)]
pub struct PayView {
    /// "29 949" ("23 998,50" with tiyn); blank when the decree states no multiple.
    pub figures: String,
    /// "29 949 (жиырма тоғыз мың …) теңге", or a blank.
    pub words: String,
    /// The multiple of the minimum wage, as a contract prints it ("1,5").
    pub multiple: String,
    /// The minimum monthly wage used, in figures, and its year.
    pub mzp: String,
    pub mzp_year: String,
}

/// The inputs of one contract besides the decree.
pub struct Slot<'a> {
    pub row: &'a Row,
    pub k: u32,
    pub person: Option<&'a Person>,
    pub employer: Option<&'a Employer>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The minimum wage in tenge used for this contract.
    pub mzp: Option<f64>,
    /// The contract's year (of the start date, else of the act).
    pub mzp_year: Option<u16>,
}

fn or_blank(s: &str) -> String {
    if s.trim().is_empty() {
        BLANK.to_string()
    } else {
        s.trim().to_string()
    }
}

fn date_or_blank(d: Option<Date>, lang: Language) -> String {
    d.map_or_else(
        || dates::blank(lang).to_string(),
        |d| dates::in_words(d, lang),
    )
}

/// Builds the view of one contract in `lang`.
pub fn build(decree: &Decree, slot: &Slot, lang: Language) -> ContractView {
    let number = format!("{}/{}/{}", decree.act.number, slot.row.number, slot.k);
    let name_for_file = slot
        .person
        .map_or(slot.row.organization.as_str(), |p| p.full_name.as_str());
    ContractView {
        lang: lang.code(),
        file_stem: format!(
            "{}-{}-{}",
            slot.row.number,
            slot.k,
            slug::slug(name_for_file)
        ),
        number,
        row: slot.row.number,
        k: slot.k,
        date: date_or_blank(slot.start, lang),
        start: date_or_blank(slot.start, lang),
        end: date_or_blank(slot.end, lang),
        decree: decree_view(decree, lang),
        employer: employer_view(&slot.row.organization, slot.employer),
        employee: employee_view(slot.person),
        works: slot
            .row
            .works
            .iter()
            .map(|w| WorkView {
                kind: w.kind.clone(),
                volume: w.volume.clone(),
            })
            .collect(),
        conditions: slot.row.conditions.clone(),
        pay_text: slot.row.pay.clone(),
        funding: or_blank(&slot.row.funding),
        pay: pay_view(slot.row.pay_mzp_multiple, slot.mzp, slot.mzp_year, lang),
    }
}

fn decree_view(decree: &Decree, lang: Language) -> DecreeView {
    DecreeView {
        kind: decree.act.kind.clone(),
        issuer: decree.act.issuer.clone(),
        date: decree
            .act
            .date
            .map_or_else(|| BLANK.to_string(), |d| dates::in_words(d, lang)),
        number: or_blank(&decree.act.number),
        title: decree.title.clone(),
    }
}

fn employer_view(name: &str, e: Option<&Employer>) -> EmployerView {
    let e = e.cloned().unwrap_or_default();
    EmployerView {
        name: name.to_string(),
        address: or_blank(&e.address),
        bin: or_blank(&e.bin),
        head_name: or_blank(&e.head_name),
        head_position: or_blank(&e.head_position),
        bank: or_blank(&e.bank),
    }
}

fn employee_view(p: Option<&Person>) -> EmployeeView {
    let p_or = |f: fn(&Person) -> &str| or_blank(p.map_or("", f));
    EmployeeView {
        full_name: p_or(|p| &p.full_name),
        iin: p_or(|p| &p.iin),
        doc_kind: p_or(|p| &p.doc_kind),
        doc_number: p_or(|p| &p.doc_number),
        doc_date: p.and_then(|p| p.doc_date).map_or_else(
            || BLANK.to_string(),
            |d| format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        ),
        doc_issuer: p_or(|p| &p.doc_issuer),
        address: p_or(|p| &p.address),
        phone: p_or(|p| &p.phone),
        known: p.is_some(),
    }
}

fn pay_view(multiple: Option<f64>, mzp: Option<f64>, year: Option<u16>, lang: Language) -> PayView {
    let amount = multiple.zip(mzp).map(|(m, base)| Amount::times(m, base));
    PayView {
        figures: amount.map_or_else(|| BLANK.to_string(), Amount::figures),
        words: amount.map_or_else(|| BLANK.to_string(), |a| a.in_words(lang)),
        multiple: multiple.map_or_else(|| BLANK.to_string(), |m| m.to_string().replace('.', ",")),
        mzp: mzp.map_or_else(|| BLANK.to_string(), |b| Amount::times(1.0, b).figures()),
        mzp_year: year.map_or_else(String::new, |y| y.to_string()),
    }
}
