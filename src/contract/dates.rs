//! Dates in words as contracts write them: "2014 жылғы 3 шілде", "3 июля 2014 года".

use crate::model::{Date, Language};

const KK_MONTHS: [&str; 12] = [
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

/// Russian month names in the genitive, as a date is read ("3 июля").
const RU_MONTHS: [&str; 12] = [
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

/// A date in the contract's language.
pub fn in_words(date: Date, lang: Language) -> String {
    let m = usize::from(date.month - 1);
    match lang {
        Language::Kk => format!("{} жылғы {} {}", date.year, date.day, KK_MONTHS[m]),
        Language::Ru => format!("{} {} {} года", date.day, RU_MONTHS[m], date.year),
    }
}

/// A date left blank for the signer to fill in by hand.
pub fn blank(lang: Language) -> &'static str {
    match lang {
        Language::Kk => "20___ жылғы «___» ______________",
        Language::Ru => "«___» ______________ 20___ года",
    }
}

/// Parses a date as clerks type it: `2014-07-03` or `03.07.2014`.
pub fn parse_loose(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse_iso(s).or_else(|| {
        let mut it = s.split('.');
        let (d, m, y) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_in_kazakh_and_russian() {
        let d = Date::new(2014, 7, 3).unwrap();
        assert_eq!(in_words(d, Language::Kk), "2014 жылғы 3 шілде");
        assert_eq!(in_words(d, Language::Ru), "3 июля 2014 года");
        let d = Date::new(2009, 12, 31).unwrap();
        assert_eq!(in_words(d, Language::Kk), "2009 жылғы 31 желтоқсан");
        assert_eq!(in_words(d, Language::Ru), "31 декабря 2009 года");
    }

    #[test]
    fn parses_iso_and_dotted_dates() {
        let want = Date::new(2014, 7, 3);
        assert_eq!(parse_loose("2014-07-03"), want);
        assert_eq!(parse_loose("03.07.2014"), want);
        assert_eq!(parse_loose("3.7.2014"), want);
        assert_eq!(parse_loose("31.02.2014"), None);
        assert_eq!(parse_loose("03.07.14"), None);
    }
}
