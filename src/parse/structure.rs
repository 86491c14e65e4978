//! The document's sections found over the line view: title, status, header,
//! notes, preamble, clauses, signatory, appendix approval, appendix title and
//! where the table begins. Each section keeps its raw lines (spanned), so the
//! repairs and messages that follow can name the line they concern.

use super::grammar::{self, Rule};
use crate::error::{Error, Result};
use crate::lines::Line;
use crate::model::Language;
use crate::repair::spaced::is_kazakh_letter;

/// A run of raw lines that make one field: (1-based raw line number, text).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    pub lines: Vec<(usize, String)>,
}

impl Block {
    fn push(&mut self, line: &Line) {
        if !line.is_blank() {
            self.lines.push((line.no, line.text.clone()));
        }
    }

    /// The first raw line of the block (0 when empty).
    pub fn first_line(&self) -> usize {
        self.lines.first().map_or(0, |l| l.0)
    }

    /// The block as one clean paragraph.
    pub fn text(&self) -> String {
        crate::repair::join::join_lines(self.lines.iter().map(|l| l.1.as_str()))
    }

    fn ends_sentence(&self) -> bool {
        self.lines
            .last()
            .is_some_and(|l| l.1.trim_end().ends_with(['.', ';', '!']))
    }
}

/// A numbered clause: its printed number and its lines (the number stripped).
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseBlock {
    pub number: String,
    /// The printed number when OCR misread it and the sequence restored it.
    pub printed_number: Option<String>,
    pub block: Block,
}

/// Every section of the decree, in document order.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    pub language: Language,
    pub title: Block,
    pub status: Block,
    pub header: Block,
    pub notes: Vec<Block>,
    pub preamble: Block,
    pub clauses: Vec<ClauseBlock>,
    pub signatory: Block,
    pub approval: Block,
    pub appendix_title: Block,
    /// Index into the lines where the table region starts (its first header line).
    pub table_start: usize,
}

/// Walks the lines once, section by section.
struct Cursor<'a> {
    lines: &'a [Line],
    at: usize,
    path: &'a str,
}

impl<'a> Cursor<'a> {
    fn skip_blank(&mut self) {
        while self.lines.get(self.at).is_some_and(Line::is_blank) {
            self.at += 1;
        }
    }

    /// The next non-blank line, without consuming it.
    fn peek(&mut self) -> Option<&'a Line> {
        self.skip_blank();
        self.lines.get(self.at)
    }

    fn take(&mut self) -> Option<&'a Line> {
        let line = self.peek()?;
        self.at += 1;
        Some(line)
    }

    /// The "expected …" error at the next line (or at the end of the text).
    fn expected(&mut self, what: &str) -> Error {
        let path = self.path.to_string();
        match self.peek() {
            Some(line) => Error::Parse {
                path,
                line: line.no,
                col: line.text.chars().take_while(|c| c.is_whitespace()).count() + 1,
                message: format!("expected {what}; found: «{}»", line.text.trim()),
            },
            None => {
                let (line, col) = self
                    .lines
                    .last()
                    .map_or((1, 1), |l| (l.no, l.text.chars().count() + 1));
                Error::Parse {
                    path,
                    line,
                    col,
                    message: format!(
                        "expected {what}, but the text ends here (is the file cut off?)"
                    ),
                }
            }
        }
    }
}

/// Finds the sections of a decree; an error names the line where a section was expected.
pub fn sections(lines: &[Line], path: &str) -> Result<Sections> {
    let mut cur = Cursor { lines, at: 0, path };
    let mut s = Sections::default();
    (s.title, s.status) = title_and_status(&mut cur)?;
    s.language = language_of(&s.status);
    s.header = header(&mut cur)?;
    s.notes = notes(&mut cur);
    s.preamble = preamble(&mut cur)?;
    s.clauses = clauses(&mut cur)?;
    s.signatory = signatory(&mut cur)?;
    s.approval = approval(&mut cur, s.language)?;
    s.appendix_title = appendix_title(&mut cur)?;
    s.table_start = cur.at;
    Ok(s)
}

/// The title (one or more lines) and the status line that follows it.
fn title_and_status(cur: &mut Cursor) -> Result<(Block, Block)> {
    let mut title = Block::default();
    for _ in 0..4 {
        let Some(line) = cur.peek() else { break };
        if grammar::status_word(&line.text).is_some() {
            if title.lines.is_empty() {
                return Err(cur.expected("the decree's title before its status"));
            }
            let mut status = Block::default();
            status.push(cur.take().expect("peeked"));
            return Ok((title, status));
        }
        title.push(cur.take().expect("peeked"));
    }
    // The status belongs right after the title: point at the line after the first one.
    cur.at = 0;
    cur.skip_blank();
    cur.at += 1;
    Err(cur.expected(grammar::rule_in_words(Rule::status_line)))
}

/// Russian when the portal's status word is Russian.
fn language_of(status: &Block) -> Language {
    let word = status.lines.first().map_or("", |l| l.1.trim());
    if word.contains(is_kazakh_letter) || word.is_empty() {
        return Language::Kk;
    }
    Language::Ru
}

/// The header sentences: the act, its registration and, when repealed, the repeal.
fn header(cur: &mut Cursor) -> Result<Block> {
    let mut block = Block::default();
    while let Some(line) = cur.peek() {
        if starts_other_section(&line.text) {
            break;
        }
        block.push(cur.take().expect("peeked"));
        if header_complete(&block.text()) && !header_goes_on(cur, &block) {
            break;
        }
    }
    if block.lines.is_empty() {
        return Err(
            cur.expected("the header sentence (the act, its date and number, its registration)")
        );
    }
    Ok(block)
}

/// Whether the next line still belongs to a header that reads as whole: a
/// repeal sentence printed on its own line, or the last word of an unfinished
/// sentence that the page width wrapped alone onto a line ("… № 4-2060" /
/// "қаулысымен"), where a narrower page or a larger font puts it.
fn header_goes_on(cur: &mut Cursor, block: &Block) -> bool {
    cur.peek().is_some_and(|l| {
        starts_repeal(&l.text)
            || (!block.ends_sentence()
                && continues_sentence(&l.text)
                && !starts_other_section(&l.text))
    })
}

/// A line that cannot belong to the header: a note, the preamble's opening or end.
fn starts_other_section(text: &str) -> bool {
    grammar::matches(Rule::note_line, text)
        || grammar::matches(Rule::preamble_end_line, text)
        || is_preamble_opening(text)
}

/// Openings of the preamble in both languages (the law it rests on).
fn is_preamble_opening(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "\"Халықты жұмыспен",
        "«Халықты жұмыспен",
        "Қазақстан Республикасының",
        "В соответствии",
        "Руководствуясь",
        "На основании",
        "Согласно",
    ];
    let t = text.trim_start();
    OPENINGS.iter().any(|o| t.starts_with(o))
}

/// A repeal sentence printed on its own line after the registration.
fn starts_repeal(text: &str) -> bool {
    const REPEALS: &[&str] = &[
        "Күші жойылды",
        "Утратило силу",
        "Утратил силу",
        "Қолданылу мерзімінің",
    ];
    let t = text.trim_start();
    REPEALS.iter().any(|r| t.starts_with(r))
}

/// A line that goes on the sentence before it: it opens with a lower-case letter.
fn continues_sentence(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether the header so far is whole: registered and either closed by a full stop
/// or closed by a repeal that names its act number.
fn header_complete(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(reg) = ["тіркелді", "зарегистрирован"]
        .iter()
        .filter_map(|k| lower.find(k))
        .min()
    else {
        return false;
    };
    let after = &lower[reg..];
    let repeal = [
        "күші жойылды",
        "утратило силу",
        "утратил силу",
        "күшін жойды",
    ]
    .iter()
    .filter_map(|k| after.find(k))
    .min();
    match repeal {
        None => text.trim_end().ends_with('.'),
        Some(at) => {
            // Sliced from the lower-cased text: case mapping may change byte lengths.
            let rest = &lower[reg + at..];
            let t = rest.trim_end();
            grammar::header_tokens(rest)
                .iter()
                .any(|(tok, _)| matches!(tok, grammar::Token::Number(_)))
                && !t.ends_with('№')
                && !t.ends_with(['-', '–'])
        }
    }
}

/// Editorial notes: each starts with its keyword and ends at a full stop (or at the next note).
fn notes(cur: &mut Cursor) -> Vec<Block> {
    let mut notes = Vec::new();
    while let Some(line) = cur.peek() {
        if !grammar::matches(Rule::note_line, &line.text) {
            break;
        }
        let mut note = Block::default();
        note.push(cur.take().expect("peeked"));
        let keyword_only = grammar::matches(Rule::note_word_only_line, &line.text);
        loop {
            let open = keyword_only && note.lines.len() == 1 || !note.ends_sentence();
            let goes_on = cur.peek().is_some_and(|l| continues_sentence(&l.text));
            if !open && !goes_on {
                break;
            }
            match cur.peek() {
                Some(l) if !starts_other_section(&l.text) => note.push(cur.take().expect("peeked")),
                _ => break,
            }
        }
        notes.push(note);
    }
    notes
}

/// The preamble, up to and including "ҚАУЛЫ ЕТЕДІ:" / "ПОСТАНОВЛЯЕТ:".
fn preamble(cur: &mut Cursor) -> Result<Block> {
    let start = cur.at;
    let mut block = Block::default();
    while let Some(line) = cur.take() {
        block.push(line);
        if is_preamble_end(&line.text) {
            return Ok(block);
        }
        if verb_wrapped(&line.text, cur.peek()) {
            block.push(cur.take().expect("peeked"));
            return Ok(block);
        }
        if grammar::clause_start(&line.text).is_some_and(|(n, _)| n == "1") && block.lines.len() > 1
        {
            break;
        }
    }
    cur.at = start;
    Err(cur.expected(grammar::rule_in_words(Rule::preamble_end_line)))
}

/// A decree verb of two words that the page width wrapped between its words
/// ("… әкімдігі ҚАУЛЫ" / "ЕТЕДІ:"): the line with the next line's first word
/// ends the preamble, and the line alone does not.
fn verb_wrapped(text: &str, next: Option<&Line>) -> bool {
    let Some(word) = next.and_then(|l| l.text.split_whitespace().next()) else {
        return false;
    };
    word.chars().all(|c| !c.is_lowercase())
        && grammar::matches(
            Rule::preamble_end_line,
            &format!("{} {word}", text.trim_end()),
        )
}

/// The decree verb, exactly or with one letter lost or misread (OCR).
pub fn is_preamble_end(text: &str) -> bool {
    grammar::matches(Rule::preamble_end_line, text) || super::ocr::near_decree_verb(text).is_some()
}

/// The numbered clauses, in order.
fn clauses(cur: &mut Cursor) -> Result<Vec<ClauseBlock>> {
    let mut clauses: Vec<ClauseBlock> = Vec::new();
    let mut prev_blank = false;
    while let Some(line) = cur.lines.get(cur.at) {
        if line.is_blank() {
            cur.at += 1;
            prev_blank = true;
            continue;
        }
        if let Some(clause) = clause_start(line, clauses.last(), prev_blank) {
            clauses.push(clause);
        } else if clauses.is_empty() {
            return Err(cur.expected(grammar::rule_in_words(Rule::clause_line)));
        } else if ends_clauses(cur, clauses.last().expect("non-empty")) {
            break;
        } else {
            clauses.last_mut().expect("non-empty").block.push(line);
        }
        prev_blank = false;
        cur.at += 1;
    }
    if clauses.is_empty() {
        return Err(cur.expected(grammar::rule_in_words(Rule::clause_line)));
    }
    Ok(clauses)
}

/// A new clause on `line`: the next number in sequence, or (after a finished
/// clause and a blank line) a misread number restored to the sequence.
fn clause_start(line: &Line, prev: Option<&ClauseBlock>, prev_blank: bool) -> Option<ClauseBlock> {
    let (no, at) = grammar::clause_start(&line.text)?;
    let expected = prev.map_or(1, |c| c.number.parse::<usize>().unwrap_or(0) + 1);
    let in_sequence = no.parse::<usize>().ok() == Some(expected);
    let misread = prev.is_some_and(|c| c.block.ends_sentence()) && prev_blank && no != "1";
    if !in_sequence && !misread {
        return None;
    }
    let block = Block {
        lines: vec![(line.no, line.text[at..].to_string())],
    };
    Some(ClauseBlock {
        number: expected.to_string(),
        printed_number: (!in_sequence).then(|| no.to_string()),
        block,
    })
}

/// Whether the clauses end before the next line: the last clause is finished and
/// the line is the signatory, or opens it (position and name wrapped on up to
/// four lines, "Исполняющий обязанности акима" / "района" / "С." / "Бескемпиров").
fn ends_clauses(cur: &mut Cursor, last: &ClauseBlock) -> bool {
    if !last.block.ends_sentence() {
        return false;
    }
    cur.skip_blank();
    let ahead = cur.lines[cur.at..].iter().filter(|l| !l.is_blank()).take(4);
    // The lines so far read as one: a line that is the signatory, or its name
    // alone, makes them read as a signatory too (the rest is its position).
    let mut so_far = String::new();
    for line in ahead {
        let text = &line.text;
        so_far.push(' ');
        so_far.push_str(text.trim());
        if grammar::signatory(&so_far).is_some() {
            return true;
        }
        // A position is a few words without a full stop; a name's initials
        // ("С.") may end the line before its surname.
        let sentence_end = text.trim_end().ends_with('.') && !is_initials(text);
        if sentence_end || text.split_whitespace().count() > 6 {
            return false;
        }
    }
    cur.peek().is_none()
}

/// Whether a line holds only a name's initials ("С.", "А. Б.").
fn is_initials(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
    })
}

/// The signatory: one line ("Аудан әкімі А. Дәуренбаев") or position and name on
/// separate lines.
fn signatory(cur: &mut Cursor) -> Result<Block> {
    let mut block = Block::default();
    // A narrow page wraps the position and even the name ("С." / "Бескемпиров"):
    // the lines so far are read as one.
    for _ in 0..4 {
        let Some(line) = cur.take() else { break };
        block.push(line);
        // A line that is the signatory, or its name alone, makes the block one.
        if grammar::signatory(&block.text()).is_some() {
            return Ok(block);
        }
    }
    Err(cur.expected(grammar::rule_in_words(Rule::signatory_line)))
}

/// The appendix approval block: up to "… бекітілген қосымша" (Kazakh) or from
/// "Приложение к …" up to the appendix title (Russian).
fn approval(cur: &mut Cursor, language: Language) -> Result<Block> {
    let start = cur.at;
    let mut block = Block::default();
    for _ in 0..16 {
        let Some(line) = cur.peek() else { break };
        if language == Language::Ru
            && grammar::matches(Rule::title_start_ru_line, &line.text)
            && !block.lines.is_empty()
        {
            return Ok(block);
        }
        block.push(cur.take().expect("peeked"));
        if grammar::matches(Rule::approval_end_line, &line.text) {
            return Ok(block);
        }
        if language == Language::Ru && closes_quoted_title(&block.text()) {
            return Ok(block);
        }
    }
    cur.at = start;
    Err(cur.expected(grammar::rule_in_words(Rule::approval_end_line)))
}

/// A Russian approval block ends with the decree's quoted title: the text ends
/// with a quote and its quotes are balanced.
fn closes_quoted_title(text: &str) -> bool {
    let quotes = text.matches('"').count();
    let t = text.trim_end();
    (t.ends_with('"') && quotes >= 2 && quotes.is_multiple_of(2))
        || (t.ends_with('»') && text.matches('«').count() == text.matches('»').count())
}

/// Whether a line opens the table header, alone or, when it holds one word,
/// with the first word of one of the next lines: a narrow first header cell
/// printed with no blank line after the title wraps "Қоғамдық" /
/// "жұмыстардың түрлері", and a justified one even "Қоғамдық" / "түрлері" /
/// "жұмыстардың".
fn opens_table_header(line: &Line, next: &[Line]) -> bool {
    if grammar::matches(Rule::table_header_line, &line.text) {
        return true;
    }
    let mut words = line.text.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let firsts = next.iter().filter_map(|l| l.text.split_whitespace().next());
    firsts.take(3).any(|w| {
        let joined = format!("{word} {w}");
        grammar::matches(Rule::table_header_line, &joined)
    })
}

/// The appendix title: the lines up to the first line of the table header.
fn appendix_title(cur: &mut Cursor) -> Result<Block> {
    let start = cur.at;
    let mut block = Block::default();
    while let Some(line) = cur.peek() {
        let next = &cur.lines[(cur.at + 1).min(cur.lines.len())..];
        if !block.lines.is_empty() && opens_table_header(line, next) {
            return Ok(block);
        }
        if block.lines.len() >= 12 {
            break;
        }
        block.push(cur.take().expect("peeked"));
    }
    cur.at = start;
    let _ = cur.peek();
    let at_end = cur.lines[start..].iter().all(Line::is_blank);
    if at_end {
        return Err(cur.expected("the appendix title and its table"));
    }
    cur.at = (start + 12).min(cur.lines.len());
    Err(cur.expected(grammar::rule_in_words(Rule::table_header_line)))
}

/// The appendix table is printed in two parts, the second after "кестенің
/// жалғасы" / "продолжение таблицы": a table region without that marker, or with
/// nothing after it, is a decree cut off in the middle of its table.
pub fn check_table_complete(lines: &[Line], table_start: usize, path: &str) -> Result<()> {
    let region = &lines[table_start.min(lines.len())..];
    let marker = region.iter().position(|l| is_continuation_marker(&l.text));
    let complete = match marker {
        Some(m) => region[m + 1..].iter().any(|l| !l.is_blank()),
        // A table printed in one part has no marker; its pay and funding
        // columns still show that it was not cut before its second half.
        None => region.iter().any(|l| mentions_pay_or_funding(&l.text)),
    };
    if complete {
        return Ok(());
    }
    let mut cur = Cursor {
        lines,
        at: lines.len(),
        path,
    };
    Err(cur.expected(
        "the rest of the appendix table (its second part after \"кестенің жалғасы\" / \"продолжение таблицы\")",
    ))
}

/// Words of the table's second half (pay and funding), in both languages.
fn mentions_pay_or_funding(text: &str) -> bool {
    let t = text.to_lowercase();
    ["бюджет", "жалақы", "заработн"]
        .iter()
        .any(|w| t.contains(w))
}

/// "кестенің жалғасы" / "продолжение таблицы", as printed between the table's parts.
pub fn is_continuation_marker(text: &str) -> bool {
    if !text.contains("жалғасы") && !text.contains("родолжение") {
        return false;
    }
    let t = text.trim().to_lowercase();
    t.starts_with("кестенің жалғасы") || t.starts_with("продолжение таблицы") || t == "жалғасы"
}

/// Puts the printed text (Latin look-alikes and all) back into sections found on
/// folded lines; a clause's first line keeps only what follows its number.
pub fn restore_printed(s: &mut Sections, printed: &[Line]) {
    let by_no: std::collections::BTreeMap<usize, &str> =
        printed.iter().map(|l| (l.no, l.text.as_str())).collect();
    let restore = |b: &mut Block| {
        for (no, text) in &mut b.lines {
            if let Some(p) = by_no.get(no) {
                *text = p.to_string();
            }
        }
    };
    for b in [
        &mut s.title,
        &mut s.status,
        &mut s.header,
        &mut s.preamble,
        &mut s.signatory,
        &mut s.approval,
        &mut s.appendix_title,
    ] {
        restore(b);
    }
    s.notes.iter_mut().for_each(restore);
    for c in &mut s.clauses {
        restore(&mut c.block);
        if let Some((_, text)) = c.block.lines.first_mut() {
            if let Some((_, at)) = grammar::clause_start(text) {
                *text = text[at..].to_string();
            }
        }
    }
}
