//! The pest grammar (`grammar/decree.pest`) and one small function per rule that
//! the structure pass asks: "is this line a status line / a note / a clause …?",
//! plus the date and act-number scanner the header reader uses.

use crate::model::{Date, KK_MONTHS, RU_MONTHS};
use pest::iterators::Pair;
use pest::Parser;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/decree.pest"]
pub struct DecreeParser;

/// Whether `text` matches `rule` from its start.
pub fn matches(rule: Rule, text: &str) -> bool {
    DecreeParser::parse(rule, text).is_ok()
}

/// The first pair of `rule` on `text`, if it matches.
fn first(rule: Rule, text: &str) -> Option<Pair<'_, Rule>> {
    DecreeParser::parse(rule, text).ok()?.next()
}

/// The status word of a status line ("Күшін жойған", "Қолданыстағы", "Утративший силу" …).
pub fn status_word(text: &str) -> Option<&str> {
    let line = first(Rule::status_line, text)?;
    line.into_inner().next().map(|p| p.as_str())
}

/// The number of a clause line ("3. Осы қаулы …" → ("3", byte offset after the dot)).
pub fn clause_start(text: &str) -> Option<(&str, usize)> {
    let line = first(Rule::clause_line, text)?;
    let no = line.into_inner().next()?;
    Some((no.as_str(), no.as_span().end() + 1))
}

/// Position and name of a signatory line ("Аудан әкімі А. Дәуренбаев").
pub fn signatory(text: &str) -> Option<(&str, &str)> {
    let line = first(Rule::signatory_line, text)?;
    let mut inner = line.into_inner();
    let position = inner.next()?.as_str().trim();
    let name = inner.next()?.as_str();
    Some((position, name))
}

/// A date or an act number found in a header sentence, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Date(Option<Date>),
    Number(String),
}

/// Dates and act numbers of `text`, in order, each with its byte span.
pub fn header_tokens(text: &str) -> Vec<(Token, std::ops::Range<usize>)> {
    let Some(all) = first(Rule::header_tokens, text) else {
        return Vec::new();
    };
    all.into_inner()
        .filter_map(|p| {
            let span = p.as_span().start()..p.as_span().end();
            match p.as_rule() {
                Rule::date => Some((Token::Date(date(p)), span)),
                Rule::act_no => Some((Token::Number(act_no(p)), span)),
                _ => None,
            }
        })
        .collect()
}

/// The value of an `act_no` pair ("№ 7-1548" → "7-1548").
fn act_no(pair: Pair<'_, Rule>) -> String {
    pair.into_inner()
        .find(|p| p.as_rule() == Rule::act_no_value)
        .map_or_else(String::new, |p| p.as_str().replace('–', "-"))
}

/// A `date` pair as a calendar date; `None` when the day does not exist (OCR noise).
fn date(pair: Pair<'_, Rule>) -> Option<Date> {
    let inner = pair.into_inner().next()?;
    let (mut y, mut m, mut d) = (0u16, 0u8, 0u8);
    for part in inner.into_inner() {
        match part.as_rule() {
            Rule::year => y = part.as_str().parse().ok()?,
            Rule::day => d = part.as_str().parse().ok()?,
            Rule::month_no => m = part.as_str().parse().ok()?,
            Rule::kk_month => m = month_index(&KK_MONTHS, part.as_str())?,
            Rule::ru_month => m = month_index(&RU_MONTHS, part.as_str())?,
            _ => {}
        }
    }
    Date::new(y, m, d)
}

fn month_index(names: &[&str], name: &str) -> Option<u8> {
    names.iter().position(|n| *n == name).map(|i| i as u8 + 1)
}

/// Words a legal clerk understands for each rule, used in error messages.
pub fn rule_in_words(rule: Rule) -> &'static str {
    match rule {
        Rule::status_line => "the status line (e.g. \"Күшін жойған\", \"Қолданыстағы\", \"Утративший силу\")",
        Rule::note_line => "an editorial note (Ескерту / РҚАО ескертпесі / Сноска / Примечание РЦПИ)",
        Rule::preamble_end_line => "the end of the preamble (\"ҚАУЛЫ ЕТЕДІ:\" / \"ПОСТАНОВЛЯЕТ:\")",
        Rule::clause_line => "a numbered clause (\"1. …\")",
        Rule::signatory_line => "the signatory (position and name, e.g. \"Аудан әкімі А. Дәуренбаев\")",
        Rule::approval_end_line => "the appendix approval block (\"… қаулысымен бекітілген қосымша\" / \"Приложение к постановлению …\")",
        Rule::table_header_line => "the header of the appendix table (\"№\", \"Ұйымдардың атауы\" / \"Наименование организаций\")",
        _ => "the decree's text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_reads_both_languages() {
        assert_eq!(status_word("Күшін жойған"), Some("Күшін жойған"));
        assert_eq!(status_word("  Утративший силу "), Some("Утративший силу"));
        assert_eq!(status_word("Күшін жойған деп танылсын"), None);
    }

    #[test]
    fn note_line_needs_the_keyword_and_a_dot() {
        assert!(matches(Rule::note_line, "      Ескерту. Күші жойылды"));
        assert!(matches(Rule::note_line, "Примечание РЦПИ. В тексте"));
        assert!(!matches(Rule::note_line, "Ескертуге сәйкес"));
        assert!(matches(Rule::note_word_only_line, "      РҚАО ескертпесі."));
    }

    #[test]
    fn clause_line_gives_number_and_text_offset() {
        let line = "      2.  сәйкес Қарасай";
        let (no, at) = clause_start(line).unwrap();
        assert_eq!(no, "2");
        assert_eq!(line[at..].trim(), "сәйкес Қарасай");
        assert_eq!(clause_start("22.08.2016 қаулысымен"), None);
    }

    #[test]
    fn clause_number_with_the_space_lost_to_ocr() {
        let line = "1.Іле ауданында қоғамдық жұмыстар";
        let (no, at) = clause_start(line).unwrap();
        assert_eq!((no, &line[at..]), ("1", "Іле ауданында қоғамдық жұмыстар"));
        assert_eq!(clause_start("1.5 мөлшерінде"), None);
        assert_eq!(clause_start("1.мөлшерінде"), None);
    }

    #[test]
    fn preamble_end_is_found_inside_a_line() {
        assert!(matches(Rule::preamble_end_line, "Қаулысына ҚАУЛЫ ЕТЕДІ:"));
        assert!(matches(
            Rule::preamble_end_line,
            "акимат района ПОСТАНОВЛЯЕТ:"
        ));
        assert!(!matches(Rule::preamble_end_line, "қаулысымен бекітілген"));
    }

    #[test]
    fn signatory_line_splits_position_and_name() {
        assert_eq!(
            signatory("      Аудан әкімі А. Дәуренбаев"),
            Some(("Аудан әкімі", "А. Дәуренбаев"))
        );
        assert_eq!(
            signatory("Исполняющий обязанности акима района С. Бескемпиров"),
            Some(("Исполняющий обязанности акима района", "С. Бескемпиров"))
        );
        assert_eq!(signatory("акима района Б. Жунусова."), None);
        assert!(matches(Rule::name_only_line, "Ж. Әлменов"));
    }

    #[test]
    fn approval_block_ends_with_qosymsha() {
        assert!(matches(
            Rule::approval_end_line,
            " қаулысымен бекітілген қосымша"
        ));
        assert!(!matches(Rule::approval_end_line, "қосымшаға сәйкес"));
    }

    #[test]
    fn table_header_starts_with_number_sign_or_column_word() {
        assert!(matches(Rule::table_header_line, "№ Ұйымдардың атауы"));
        assert!(matches(Rule::table_header_line, "№"));
        assert!(matches(
            Rule::table_header_line,
            "Қоғамдық жұмыстардың көлемі"
        ));
        assert!(!matches(
            Rule::table_header_line,
            "қоғамдық жұмыстардың түрлері"
        ));
        assert!(!matches(Rule::table_header_line, "Ақсу ауданы бойынша"));
    }

    #[test]
    fn header_tokens_read_kazakh_russian_and_dotted_dates() {
        let toks: Vec<Token> = header_tokens(
            "әкімдігінің 2014 жылғы 03 шілдедегі № 7-1548 қаулысы. 2014 жылы 05 тамызда № 2793; \
             от 25 марта 2011 года № 2-16-118; 22.08.2016",
        )
        .into_iter()
        .map(|(t, _)| t)
        .collect();
        assert_eq!(
            toks,
            vec![
                Token::Date(Date::new(2014, 7, 3)),
                Token::Number("7-1548".into()),
                Token::Date(Date::new(2014, 8, 5)),
                Token::Number("2793".into()),
                Token::Date(Date::new(2011, 3, 25)),
                Token::Number("2-16-118".into()),
                Token::Date(Date::new(2016, 8, 22)),
            ]
        );
    }

    #[test]
    fn impossible_day_reads_as_no_date() {
        let toks = header_tokens("2010 жылғы 51 шілдедегі");
        assert_eq!(toks[0].0, Token::Date(None));
    }
}
