//! The header sentences read into metadata: the act (kind, issuer, date, number),
//! its state registration and the act that repealed it, in Kazakh or Russian.
//! The header is split into its sentences by their keywords; each sentence is
//! read by the grammar's date and number scanner.

use super::grammar::{header_tokens, Token};
use crate::model::{Act, ActRef, Date, Registration};

/// Everything the header (and, for a repeal, the notes) state about the act.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub act: Act,
    pub registration: Option<Registration>,
    pub repealed_by: Option<ActRef>,
}

const REGISTERED: &[&str] = &["тіркелді", "зарегистрирован", "Зарегистрирован"];
const REPEALED: &[&str] = &[
    "Күші жойылды",
    "күші жойылды",
    "Утратило силу",
    "Утратил силу",
    "утратило силу",
];

/// Reads the header; a repeal missing from the header is taken from a note.
pub fn read(header: &str, notes: &[String]) -> Meta {
    let reg_at = first_of(header, REGISTERED, 0);
    let reg_start = reg_at.map_or(header.len(), |at| sentence_start(header, at));
    let repeal_at = first_of(header, REPEALED, reg_at.unwrap_or(0));
    let reg_end = repeal_at.unwrap_or(header.len()).max(reg_start);
    let repealed_by = repeal_at.and_then(|at| repeal(&header[at..])).or_else(|| {
        notes
            .iter()
            .find_map(|n| first_of(n, REPEALED, 0).and_then(|at| repeal(&n[at..])))
    });
    Meta {
        act: act(&header[..reg_start]),
        registration: reg_at.map(|_| registration(&header[reg_start..reg_end])),
        repealed_by,
    }
}

/// Byte offset of the first of `keys` in `text` at or after `from`.
fn first_of(text: &str, keys: &[&str], from: usize) -> Option<usize> {
    keys.iter()
        .filter_map(|k| text[from..].find(k))
        .min()
        .map(|i| i + from)
}

/// Where the sentence holding byte `at` starts: after the last ". " or ", " before it.
fn sentence_start(text: &str, at: usize) -> usize {
    [". ", ", "]
        .iter()
        .filter_map(|sep| text[..at].rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0)
}

/// The first date and the first act number of a sentence, and where the first date starts.
fn date_and_number(sentence: &str) -> (Option<Date>, String, usize) {
    let tokens = header_tokens(sentence);
    let date = tokens.iter().find_map(|(t, span)| match t {
        Token::Date(d) => Some((*d, span.start)),
        _ => None,
    });
    let number = tokens.iter().find_map(|(t, _)| match t {
        Token::Number(n) => Some(n.clone()),
        _ => None,
    });
    let (date, at) = date.unwrap_or((None, sentence.len()));
    (date, number.unwrap_or_default(), at)
}

/// The act sentence: "Алматы облысы … әкімдігінің 2014 жылғы 03 шілдедегі № 7-1548 қаулысы"
/// or "Постановление акимата … от 14 марта 2011 года № 03-310".
fn act(sentence: &str) -> Act {
    let (date, number, date_at) = date_and_number(sentence);
    let before = sentence[..date_at].trim();
    let (kind, issuer) = match ru_kind(before) {
        Some(kind) => (kind, ru_issuer(before)),
        None => (kk_kind(sentence), kk_nominative(before)),
    };
    Act {
        kind,
        issuer,
        date,
        number,
    }
}

/// The registration sentence: authority, date and number.
fn registration(sentence: &str) -> Registration {
    let (date, number, date_at) = date_and_number(sentence);
    let before = sentence[..date_at].trim();
    let authority = match before.split_once(' ') {
        Some((first, rest)) if first.to_lowercase().starts_with("зарегистрирован") => {
            ru_instrumental_to_nominative(rest)
        }
        _ => kk_locative_to_nominative(before),
    };
    Registration {
        authority,
        date,
        number,
    }
}

/// The repeal: "Күші жойылды - … әкімдігінің 2016 жылғы 22 тамыздағы № 8-1234 қаулысымен"
/// or "Утратило силу постановлением акимата … от 21 ноября 2012 года № 11-1449".
fn repeal(sentence: &str) -> Option<ActRef> {
    let (date, number, date_at) = date_and_number(sentence);
    if date.is_none() && number.is_empty() {
        return None;
    }
    let before = &sentence[..date_at];
    let words: Vec<&str> = before.split_whitespace().collect();
    let issuer = if words.len() > 3 && words[0].starts_with(['У', 'у']) {
        let kind_word = ["постановлени", "решени", "приказ", "распоряжени"]
            .iter()
            .any(|k| words[2].starts_with(k));
        ru_issuer(&words[2 + usize::from(kind_word)..].join(" "))
    } else {
        let rest = words.get(2..).unwrap_or_default().join(" ");
        kk_nominative(rest.trim_start_matches(['-', '–', '—', ' ']))
    };
    Some(ActRef {
        issuer,
        date,
        number,
    })
}

/// The Russian kind word that opens an act sentence ("Постановление" → "постановление").
fn ru_kind(before: &str) -> Option<String> {
    const KINDS: &[&str] = &["постановление", "решение", "приказ", "распоряжение"];
    let first = before.split_whitespace().next()?.to_lowercase();
    KINDS.contains(&first.as_str()).then_some(first)
}

/// The Kazakh kind word after the act number ("қаулысы" → "қаулы").
fn kk_kind(sentence: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("қаулы", "қаулы"),
        ("шешім", "шешім"),
        ("бұйры", "бұйрық"),
        ("өкім", "өкім"),
    ];
    let last = sentence
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    KINDS
        .iter()
        .find(|(stem, _)| last.starts_with(stem))
        .map_or_else(String::new, |(_, kind)| kind.to_string())
}

/// "акимата Байзакского района … от" → "Акимат Байзакского района …".
fn ru_issuer(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_suffix(" от").unwrap_or(text);
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if words.first().is_some_and(|w| ru_kind(w).is_some()) {
        words.remove(0);
    }
    if let Some(first) = words.first_mut() {
        *first = capitalize(first.strip_suffix(['а', 'я']).unwrap_or(first));
    }
    words.join(" ")
}

/// "Управлением юстиции …" → "Управление юстиции …" (instrumental to nominative).
fn ru_instrumental_to_nominative(text: &str) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if let Some(first) = words.first_mut() {
        *first = if let Some(stem) = first.strip_suffix("ием") {
            format!("{stem}ие")
        } else if let Some(stem) = first.strip_suffix("ством") {
            format!("{stem}ство")
        } else {
            first.strip_suffix("ом").unwrap_or(first).to_string()
        };
    }
    words.join(" ")
}

/// "… ауданы әкімдігінің" → "… ауданы әкімдігі" (genitive to nominative, last word).
fn kk_nominative(text: &str) -> String {
    map_last_word(text, |w| {
        ["ның", "нің", "дың", "дің", "тың", "тің"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w)
            .to_string()
    })
}

/// "… Әділет департаментінде" → "… Әділет департаменті" (locative to nominative).
fn kk_locative_to_nominative(text: &str) -> String {
    map_last_word(text, |w| {
        ["нда", "нде", "да", "де", "та", "те"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w)
            .to_string()
    })
}

fn map_last_word(text: &str, f: impl Fn(&str) -> String) -> String {
    let text = text.trim();
    match text.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", f(last)),
        None => f(text),
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn reads_a_repealed_kazakh_header() {
        let m = read(
            "Алматы облысы Қарасай ауданы әкімдігінің 2014 жылғы 03 шілдедегі № 7-1548 қаулысы. \
             Алматы облысының Әділет департаментінде 2014 жылы 05 тамызда № 2793 болып тіркелді. \
             Күші жойылды - Алматы облысы Қарасай ауданы әкімдігінің 2016 жылғы 22 тамыздағы № 8-1234 қаулысымен",
            &[],
        );
        assert_eq!(m.act.kind, "қаулы");
        assert_eq!(m.act.issuer, "Алматы облысы Қарасай ауданы әкімдігі");
        assert_eq!(
            (m.act.date, m.act.number.as_str()),
            (d(2014, 7, 3), "7-1548")
        );
        let reg = m.registration.unwrap();
        assert_eq!(reg.authority, "Алматы облысының Әділет департаменті");
        assert_eq!((reg.date, reg.number.as_str()), (d(2014, 8, 5), "2793"));
        let rep = m.repealed_by.unwrap();
        assert_eq!(rep.issuer, "Алматы облысы Қарасай ауданы әкімдігі");
        assert_eq!((rep.date, rep.number.as_str()), (d(2016, 8, 22), "8-1234"));
    }

    #[test]
    fn reads_a_russian_header() {
        let m = read(
            "Постановление акимата Байзакского района Жамбылской области от 14 марта 2011 года № 03-310, \
             зарегистрировано Управлением юстиции Байзакского района 25 марта 2011 года № 2-16-118. \
             Утратило силу постановлением акимата Байзакского района Жамбылской области от 21 ноября 2012 года № 11-1449",
            &[],
        );
        assert_eq!(m.act.kind, "постановление");
        assert_eq!(m.act.issuer, "Акимат Байзакского района Жамбылской области");
        assert_eq!(m.act.date, d(2011, 3, 14));
        let reg = m.registration.unwrap();
        assert_eq!(reg.authority, "Управление юстиции Байзакского района");
        assert_eq!(
            (reg.date, reg.number.as_str()),
            (d(2011, 3, 25), "2-16-118")
        );
        let rep = m.repealed_by.unwrap();
        assert_eq!(rep.issuer, "Акимат Байзакского района Жамбылской области");
        assert_eq!(
            (rep.date, rep.number.as_str()),
            (d(2012, 11, 21), "11-1449")
        );
    }

    #[test]
    fn repeal_only_in_a_note_is_read_from_the_note() {
        let m = read(
            "Алматы облысы Ақсу ауданы әкімдігінің 2009 жылғы 22 ақпандағы № 2-885 қаулысы. \
             Алматы облысының Әділет департаментінде 2009 жылы 04 сәуірде № 2-7-184 болып тіркелді.",
            &["Ескерту. Күші жойылды – Алматы облысы Ақсу ауданы әкімдігінің 17.04.2010 № 4-2060 қаулысымен.".into()],
        );
        let rep = m.repealed_by.unwrap();
        assert_eq!(rep.issuer, "Алматы облысы Ақсу ауданы әкімдігі");
        assert_eq!((rep.date, rep.number.as_str()), (d(2010, 4, 17), "4-2060"));
    }

    #[test]
    fn in_force_header_has_no_repeal() {
        let m = read(
            "Постановление акимата Балхашского района Алматинской области от 02 января 2012 года № 1-289. \
             Зарегистрировано Департаментом юстиции Алматинской области 01 февраля 2012 года № 2420.",
            &[],
        );
        assert_eq!(m.repealed_by, None);
        assert_eq!(
            m.registration.unwrap().authority,
            "Департамент юстиции Алматинской области"
        );
    }

    #[test]
    fn latin_n_unpadded_days_and_district_justice_bodies_are_read() {
        let m = read(
            "Қарасай ауданы әкімдігінің 2014 жылы 3 шілдеде N 7-1548 қаулысы. \
             Қарасай аудандық Әділет басқармасында 2014 жылы 5 тамызда N 2-13-60 болып тіркелді.",
            &[],
        );
        assert_eq!(
            (m.act.date, m.act.number.as_str()),
            (d(2014, 7, 3), "7-1548")
        );
        let reg = m.registration.unwrap();
        assert_eq!(reg.authority, "Қарасай аудандық Әділет басқармасы");
        assert_eq!(reg.number, "2-13-60");
    }

    #[test]
    fn repeal_by_expiry_names_no_act() {
        let m = read(
            "Қарасай ауданы әкімдігінің 2014 жылғы 03 шілдедегі № 7-1548 қаулысы. \
             Алматы облысының Әділет департаментінде 2014 жылы 05 тамызда № 2793 болып тіркелді. \
             Қолданылу мерзімінің аяқталуына байланысты күші жойылды",
            &[],
        );
        assert_eq!(m.repealed_by, None);
        assert_eq!(m.registration.unwrap().number, "2793");
    }
}
