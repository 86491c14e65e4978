//! The decree as plain data: the typed form of `decree-yaml.md` (schema version 1).
//!
//! Every later stage (YAML, HTML, PDF, contracts) reads these types and nothing
//! else, so they are free of pest, tera and printpdf. Types a clerk edits by hand
//! carry `deny_unknown_fields`, so a misspelled key is an error, not silence.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The schema version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole decree (қаулы / постановление) with the parser's own account of its work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decree {
    pub schema_version: u32,
    pub source: Source,
    pub language: Language,
    /// The decree's title ("… қоғамдық жұмыстарды ұйымдастыру туралы").
    pub title: String,
    pub status: Status,
    /// The status as the portal prints it ("Күшін жойған", "Қолданыстағы", …).
    pub status_text: String,
    /// The header sentence(s) as printed, clean; `act`, `registration` and
    /// `repealed_by` are derived from it.
    pub header_text: String,
    pub act: Act,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed_by: Option<ActRef>,
    /// Editorial notes (Ескерту, РҚАО ескертпесі / Сноска, Примечание РЦПИ).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The preamble, ending with "ҚАУЛЫ ЕТЕДІ:" / "ПОСТАНОВЛЯЕТ:".
    pub preamble: String,
    #[serde(default)]
    pub clauses: Vec<Clause>,
    pub signatory: Signatory,
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// Printed text that belongs to no field, kept so nothing is lost.
    #[serde(default)]
    pub residue: Vec<Residue>,
    /// Every change made to the raw text, in input order.
    #[serde(default)]
    pub repairs: Vec<Repair>,
    /// What the parser was unsure of.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

/// Where the decree came from: the raw input's name, hash and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub file: String,
    /// Hex SHA-256 of the raw input bytes.
    pub sha256: String,
    /// Number of lines of the raw input.
    pub lines: usize,
    /// How the text was made (kept from corpus files; the parser never writes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<serde_yaml::Value>,
}

/// The decree's language: Kazakh (мемлекеттік тіл) or Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Kk,
    Ru,
}

impl Language {
    /// The BCP 47 tag used in HTML `lang`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::Ru => "ru",
        }
    }
}

/// Whether the act is still in force (қолданыстағы) or repealed (күшін жойған).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    InForce,
    Repealed,
}

/// The act itself: kind, issuing body, date and number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// қаулы | шешім | бұйрық | постановление | решение …
    pub kind: String,
    pub issuer: String,
    pub date: Option<Date>,
    pub number: String,
}

/// State registration with the justice body (Әділет департаменті / Управление юстиции).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub authority: String,
    pub date: Option<Date>,
    pub number: String,
}

/// Another act, named by issuer, date and number (e.g. the one that repealed this).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActRef {
    pub issuer: String,
    pub date: Option<Date>,
    pub number: String,
}

/// A numbered clause (тармақ / пункт) of the operative part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub number: String,
    pub text: String,
}

/// Who signed: position (Аудан әкімі / Аким района) and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub position: String,
    pub name: String,
}

/// An appendix (қосымша / приложение): approval block, title and table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// The right-aligned approval block ("… қаулысымен бекітілген қосымша").
    pub approval: String,
    pub title: String,
    pub table: Table,
}

/// The public works table (тізбе): printed headers and one row per organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The printed column headers, clean, in order.
    pub columns: Vec<String>,
    /// Headers printed over several columns.
    #[serde(default)]
    pub column_groups: Vec<ColumnGroup>,
    pub rows: Vec<Row>,
}

/// A header spanning several columns; `columns` are 1-based.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnGroup {
    pub title: String,
    pub columns: Vec<usize>,
}

/// One organization (ұйым) of the appendix with its works, pay and head counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub number: u32,
    pub organization: String,
    /// Kinds of work (жұмыс түрлері), each paired with its volume (көлемі).
    pub works: Vec<Work>,
    /// Нақты жағдайлары / конкретные условия.
    pub conditions: String,
    /// Еңбекақы мөлшері / размер оплаты труда, as printed.
    pub pay: String,
    /// The multiple of the minimum monthly wage (ЕТЖ / МЗП), when the text states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_mzp_multiple: Option<f64>,
    /// Қаржыландыру көздері / источник финансирования.
    pub funding: String,
    /// Сұраныс / спрос: participants requested; absent when illegible.
    pub demand: Option<u32>,
    /// Ұсыныс / предложение: participants offered; absent when illegible.
    pub supply: Option<u32>,
}

/// A kind of work paired with its volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
    #[serde(rename = "type")]
    pub kind: String,
    pub volume: String,
}

/// Printed text that belongs to no field (e.g. "кестенің жалғасы").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Residue {
    pub line: usize,
    pub text: String,
}

/// One change made to the raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repair {
    pub kind: RepairKind,
    /// 1-based line of the raw input where the repaired text starts.
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// The closed set of repairs the parser makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// Letters or digits printed with spaces between them ("д е й і н").
    SpacedLetters,
    /// A word broken across lines without a hyphen ("Қаржылан" + "д ы р у"), or
    /// at its hyphen, which the extraction dropped ("бөбекжайбалабақшасы").
    SplitWord,
    /// Hard-wrapped lines joined into one paragraph.
    LineJoin,
    /// A table row's cell text that a page break moved away from its row.
    PageBreakRow,
    /// A hyperlinked word the portal's export pushed to the end of its line.
    DisplacedLink,
    /// Table cells that a page break printed on one line ("бюджет 2 2").
    ColumnMerge,
    /// A character misread by OCR, restored ("Хе" → "№").
    OcrFix,
    /// Words of a justified line that the extraction printed one per line after
    /// the line that followed them, put back in reading order.
    ScatteredWords,
}

/// Something the parser was unsure of, with the raw line it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// Kazakh month names (ай атаулары) in their base form; printed dates add case
/// endings (шілдедегі, тамызда), which the grammar reads as stem + ending.
pub const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// Russian month names in the genitive, as a date is written ("3 июля").
pub const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A calendar date, written as ISO 8601 (`2014-07-03`) in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date if the day exists in that month (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100))
                || year.is_multiple_of(400) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && year >= 1900).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a date in the form YYYY-MM-DD"))
        })
    }
}

impl Decree {
    /// All rows of all appendices, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.appendices.iter().flat_map(|a| a.table.rows.iter())
    }
}
