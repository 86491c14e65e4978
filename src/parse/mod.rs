//! Lines → the decree's structure and metadata: the single entry point
//! [`parse_decree`] that every other stream calls.
//!
//! The stages, as a flat list: decode → lines → dropped hyphens → scattered-word reorder →
//! sections (grammar) → per-block repairs (OCR, displaced links) → header
//! metadata → table reconstruction → the typed [`Decree`].

pub mod fold;
pub mod glyphs;
pub mod grammar;
pub mod header;
pub mod ocr;
pub mod reorder;
pub mod sign_spacing;
pub mod structure;
mod unplaced;

use crate::error::{Error, Result};
use crate::lines::{split_lines, Line};
use crate::model::{
    Appendix, Clause, Decree, Language, Repair, RepairKind, Signatory, Source, Status, Warning,
    SCHEMA_VERSION,
};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use structure::{Block, Sections};

/// Parses a raw decree (bytes as read from the file) into the typed decree.
/// `file_name` names the input in `source.file` and in error messages.
pub fn parse_decree(bytes: &[u8], file_name: &str) -> Result<Decree> {
    let (lines, sections, mut log) = document(bytes, file_name)?;
    structure::check_table_complete(&lines, sections.table_start, file_name)?;
    let mut decree = assemble(&sections, &mut log);
    decree.source = source(bytes, file_name, lines.len());
    let (text_lines, table_lines) = lines.split_at(sections.table_start);
    add_table(&mut decree, &sections, table_lines, text_lines, &mut log);
    log.finish(&mut decree);
    if let Some(w) = scan_warning(&lines, &decree.repairs) {
        // After the grouping of unplaced text, so that no group is cut in two.
        let at = decree.warnings.partition_point(|x| x.line <= w.line);
        decree.warnings.insert(at, w);
    }
    Ok(decree)
}

/// The raw line number where the table region starts (the first table header
/// line): what [`crate::table::reconstruct`] receives from here to the end.
pub fn table_start_line(bytes: &[u8], file_name: &str) -> Result<usize> {
    let (lines, sections, _) = document(bytes, file_name)?;
    Ok(lines
        .get(sections.table_start)
        .map_or(lines.len() + 1, |l| l.no))
}

/// Decoded lines with the line-level repairs made above the table, and the
/// sections found on them. A first pass finds the sections so the repairs know
/// where the document part ends; the second pass reads the repaired lines.
fn document(bytes: &[u8], file_name: &str) -> Result<(Vec<Line>, Sections, Log)> {
    let text = crate::decode::decode(bytes, file_name)?;
    let mut lines = split_lines(&text);
    reject_empty(&lines, file_name)?;
    let hyphens = crate::repair::hyphen::restore(&mut lines);
    let mut log = Log::default();
    twin_letters(&mut lines, &mut log);
    let view = folded(&lines, lines.len());
    let mut was_folded = matches!(view, Cow::Owned(_));
    let first = structure::sections(&view, file_name)?;
    drop(view);
    let signatory_at = lines
        .iter()
        .position(|l| l.no == first.signatory.first_line())
        .unwrap_or(first.table_start);
    log.repairs
        .extend(reorder::scattered_words(&mut lines, signatory_at));
    displaced_links(&mut lines[..first.table_start], &mut log);
    // Only repaired lines can change the sections: otherwise the first pass stands.
    let mut sections = if log.repairs.is_empty() {
        first
    } else {
        // The repairs change lines above the table only: those below it were
        // looked at by the first pass.
        let checked_from = if was_folded {
            lines.len()
        } else {
            first.table_start
        };
        let view = folded(&lines, checked_from);
        was_folded = matches!(view, Cow::Owned(_));
        structure::sections(&view, file_name)?
    };
    // Sections found on the printed lines hold the printed text already.
    if was_folded {
        structure::restore_printed(&mut sections, &lines);
    }
    log.language = sections.language;
    // Made before the sections were found, and no reason to find them again.
    log.repairs.extend(hyphens);
    Ok((lines, sections, log))
}

/// OCR's twin-letter misreads ("обшественных") restored from the document's
/// own spelling, each line logged as an OCR fix with a warning.
fn twin_letters(lines: &mut [Line], log: &mut Log) {
    for r in glyphs::restore(lines) {
        log.warn(
            r.line,
            "a word read with \"ш\" for \"щ\" or \"ь\" for \"ъ\" (OCR noise) restored \
             as the document spells it elsewhere; please check",
        );
        log.repairs.push(Repair {
            kind: RepairKind::OcrFix,
            line: r.line,
            before: r.before,
            after: r.after,
        });
    }
}

/// Repairs and warnings collected while building the decree.
#[derive(Default)]
struct Log {
    /// The decree's language: some artifacts differ between the two.
    language: Language,
    repairs: Vec<Repair>,
    warnings: Vec<Warning>,
}

impl Log {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }

    /// Moves the log into the decree, repairs and warnings sorted by line (stable).
    fn finish(mut self, decree: &mut Decree) {
        self.repairs.append(&mut decree.repairs);
        self.warnings.append(&mut decree.warnings);
        self.repairs.sort_by_key(|r| r.line);
        self.warnings.sort_by_key(|w| w.line);
        decree.repairs = self.repairs;
        decree.warnings = unplaced::group(self.warnings, &decree.residue);
    }
}

/// The lines with Latin look-alikes folded, for finding the structure.
/// Borrowed as they are when no line needs folding (the common case); the
/// lines from `unchecked_from` on are known to need none.
fn folded(lines: &[Line], unchecked_from: usize) -> Cow<'_, [Line]> {
    let checked = &lines[..unchecked_from.min(lines.len())];
    if !checked.iter().any(|l| fold::needs_fold(&l.text)) {
        return Cow::Borrowed(lines);
    }
    lines
        .iter()
        .map(|l| Line {
            text: fold::fold(&l.text),
            ..l.clone()
        })
        .collect()
}

/// Puts hyperlinked words the export displaced back into their holes (above the
/// table only), logging each move; a displaced piece without a certain hole is a warning.
fn displaced_links(lines: &mut [Line], log: &mut Log) {
    use crate::repair::displaced_link::{repair_line, Outcome};
    for line in lines {
        match repair_line(&line.text) {
            Outcome::Moved(text) => {
                log.repairs.push(Repair {
                    kind: RepairKind::DisplacedLink,
                    line: line.no,
                    before: line.text.trim().to_string(),
                    after: text.trim().to_string(),
                });
                line.text = text;
            }
            Outcome::Unsure(piece) => log.warn(
                line.no,
                format!("\"{piece}\" looks displaced from its place in the line, but its place is not certain; left as printed"),
            ),
            Outcome::Unchanged => {}
        }
    }
}

/// OCR misreads digits with nothing in the text to show it (tesseract reads
/// "3" as "5" or "2": 23 → 25, 836 → 856), so on a scan every number may be
/// wrong, not only those that carry a warning of their own. One warning says
/// so, at the first sign of a scan: table rules read as "|" (pdftotext never
/// prints them) or a misread number sign corrected.
fn scan_warning(lines: &[Line], repairs: &[Repair]) -> Option<Warning> {
    let ruled: Vec<usize> = lines
        .iter()
        .filter(|l| l.text.contains('|'))
        .map(|l| l.no)
        .collect();
    let fixes: Vec<usize> = repairs
        .iter()
        .filter(|r| r.kind == RepairKind::OcrFix)
        .map(|r| r.line)
        .collect();
    if ruled.len() < 3 && fixes.is_empty() {
        return None;
    }
    Some(Warning {
        line: ruled.iter().chain(&fixes).copied().min().unwrap_or(1),
        message: format!(
            "this text looks like a scan read by OCR (table rules read as \"|\" on {} lines, \
             {} OCR corrections): OCR misreads digits without a trace (3 as 5 or 2), so check \
             the dates, numbers and head counts against the scan",
            ruled.len(),
            fixes.len()
        ),
    })
}

/// An empty (or all-blank) file is not a decree.
fn reject_empty(lines: &[Line], path: &str) -> Result<()> {
    if lines.iter().all(Line::is_blank) {
        return Err(Error::Parse {
            path: path.to_string(),
            line: 1,
            col: 1,
            message: "the file is empty: expected a decree's text (title, status, header …)".into(),
        });
    }
    Ok(())
}

fn source(bytes: &[u8], file_name: &str, lines: usize) -> Source {
    let sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Source {
        file: file_name.to_string(),
        sha256,
        lines,
        origin: None,
    }
}

/// Builds the decree's non-table fields from the sections.
fn assemble(s: &Sections, log: &mut Log) -> Decree {
    let header_text = clean(&s.header, log);
    let mut notes: Vec<String> = s.notes.iter().map(|n| clean(n, log)).collect();
    restore_note_dashes(&mut notes, s, log);
    let folded_notes: Vec<String> = notes.iter().map(|n| fold::fold(n)).collect();
    let meta = header::read(&fold::fold(&header_text), &folded_notes);
    let status_text = s.status.text();
    let status = status_of(&status_text);
    let mut decree = Decree {
        schema_version: SCHEMA_VERSION,
        source: source(&[], "", 0),
        language: s.language,
        title: title(&s.title, log),
        status,
        status_text,
        header_text,
        act: meta.act,
        registration: meta.registration,
        repealed_by: meta.repealed_by,
        notes,
        preamble: preamble(&s.preamble, log),
        clauses: s.clauses.iter().map(|c| clause(c, log)).collect(),
        signatory: signatory(&s.signatory, log),
        appendices: vec![Appendix {
            approval: clean(&s.approval, log),
            title: clean(&s.appendix_title, log),
            table: Default::default(),
        }],
        residue: Vec::new(),
        repairs: Vec::new(),
        warnings: Vec::new(),
    };
    check_metadata(&mut decree, s, log);
    decree
}

/// Repealed when the portal's status word says so.
fn status_of(status_text: &str) -> Status {
    let t = fold::fold(status_text).to_lowercase();
    if t.contains("күшін жойған") || t.contains("утратил") || t.contains("утратив")
    {
        Status::Repealed
    } else {
        Status::InForce
    }
}

/// A block's lines repaired (OCR number signs) and joined into one paragraph.
fn clean(block: &Block, log: &mut Log) -> String {
    let next = |i: usize| block.lines.get(i + 1).map_or("", |l| l.1.as_str());
    let lines: Vec<String> = block
        .lines
        .iter()
        .enumerate()
        .map(|(i, (no, text))| ocr_line(*no, text, next(i), log))
        .collect();
    crate::repair::join::join_lines(lines.iter().map(String::as_str))
}

/// One line (`next` follows it) with misread number signs restored, each fix logged.
fn ocr_line(no: usize, text: &str, next: &str, log: &mut Log) -> String {
    let (spaced, fixes) = match log.language {
        Language::Kk => sign_spacing::fix(text),
        Language::Ru => (text.to_string(), Vec::new()),
    };
    for fix in fixes {
        log.repairs.push(Repair {
            kind: RepairKind::SpacedLetters,
            line: no,
            before: fix.before,
            after: fix.after,
        });
    }
    let (fixed, fixes) = ocr::fix_number_signs_before(&spaced, next);
    for fix in fixes {
        log.warn(
            no,
            format!(
                "read \"{}\" as \"{}\" (OCR noise); please check",
                fix.before, fix.after
            ),
        );
        log.repairs.push(Repair {
            kind: RepairKind::OcrFix,
            line: no,
            before: fix.before,
            after: fix.after,
        });
    }
    fixed
}

/// The title, with a Russian title's opening "Об" misread by OCR restored.
fn title(block: &Block, log: &mut Log) -> String {
    let text = clean(block, log);
    if log.language != Language::Ru {
        return text;
    }
    match ocr::fix_title_opening(&text) {
        Some((printed, fixed)) => {
            ocr_repair(log, block.first_line(), &printed, "Об");
            fixed
        }
        None => text,
    }
}

/// The preamble, with a decree verb misread by OCR restored.
fn preamble(block: &Block, log: &mut Log) -> String {
    let text = clean(block, log);
    let Some((printed, verb)) = ocr::near_decree_verb(&text) else {
        return text;
    };
    let line = block.lines.last().map_or(0, |l| l.0);
    log.warn(
        line,
        format!("read \"{printed}\" as \"{verb}\" (OCR noise); please check"),
    );
    log.repairs.push(Repair {
        kind: RepairKind::OcrFix,
        line,
        before: printed.clone(),
        after: verb.to_string(),
    });
    text.replacen(&printed, verb, 1)
}

/// A clause; a number OCR misread is restored from the sequence and logged.
fn clause(c: &structure::ClauseBlock, log: &mut Log) -> Clause {
    if let Some(printed) = &c.printed_number {
        let line = c.block.first_line();
        log.warn(
            line,
            format!(
                "clause printed as \"{printed}.\" read as \"{}.\" from the sequence; please check",
                c.number
            ),
        );
        log.repairs.push(Repair {
            kind: RepairKind::OcrFix,
            line,
            before: format!("{printed}."),
            after: format!("{}.", c.number),
        });
    }
    Clause {
        number: c.number.clone(),
        text: clean(&c.block, log),
    }
}

/// Position and name of the signatory.
fn signatory(block: &Block, log: &mut Log) -> Signatory {
    let text = clean(block, log);
    match grammar::signatory(&text) {
        Some((position, name)) => Signatory {
            position: position.to_string(),
            name: name.to_string(),
        },
        None => {
            log.warn(block.first_line(), "the signatory's position is missing");
            Signatory {
                position: String::new(),
                name: text,
            }
        }
    }
}

/// Cross-checks the header's metadata; an act date or number the header lost to
/// noise is taken from the appendix approval block, with a warning.
fn check_metadata(decree: &mut Decree, s: &Sections, log: &mut Log) {
    let line = s.header.first_line();
    let approval = decree.appendices[0].approval.clone();
    let (date, number) = approval_date_and_number(&approval);
    if decree.act.date.is_none() {
        if let Some(d) = date {
            restore_header_day(decree, d, &s.header, log);
        }
        decree.act.date = date;
        let how = if date.is_some() {
            "taken from the appendix approval block"
        } else {
            "left empty"
        };
        log.warn(
            line,
            format!("the act's date could not be read in the header; {how}"),
        );
    }
    if decree.act.number.is_empty() {
        decree.act.number = number.unwrap_or_default();
        log.warn(line, "the act's number could not be read in the header");
    }
    if decree.registration.is_none() {
        log.warn(line, "no state registration found in the header");
    }
    let expired = [
        "мерзімінің аяқталуына",
        "истечением срока",
        "истечения срока",
    ]
    .iter()
    .any(|k| decree.header_text.contains(k) || decree.notes.iter().any(|n| n.contains(k)));
    if decree.status == Status::Repealed && decree.repealed_by.is_none() && !expired {
        log.warn(line, "the decree is repealed but no repealing act is named");
    }
}

/// The portal prints "Ескерту. Күші жойылды – …" with an en dash; a text with no
/// en dash anywhere (OCR reads it as "-") gets it back in its notes, logged.
fn restore_note_dashes(notes: &mut [String], s: &Sections, log: &mut Log) {
    let any_en_dash =
        notes.iter().any(|n| n.contains('–')) || s.header.lines.iter().any(|l| l.1.contains('–'));
    if any_en_dash {
        return;
    }
    for (note, block) in notes.iter_mut().zip(&s.notes) {
        if let Some(at) = note.find("Күші жойылды - ") {
            note.replace_range(at..at + "Күші жойылды - ".len(), "Күші жойылды – ");
            ocr_repair(log, block.first_line(), "жойылды -", "жойылды –");
        }
    }
}

/// An impossible day in the header's act date (OCR "51 шілдедегі") restored from
/// the approval block's restatement of the same date, logged.
fn restore_header_day(
    decree: &mut Decree,
    date: crate::model::Date,
    header: &Block,
    log: &mut Log,
) {
    let bad = grammar::header_tokens(&decree.header_text)
        .into_iter()
        .find(|(t, _)| *t == grammar::Token::Date(None));
    let Some((_, span)) = bad else { return };
    let printed = decree.header_text[span.clone()].to_string();
    let Some(day) = printed.split_whitespace().nth(2) else {
        return;
    };
    if !day.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let fixed_day = format!("{:0width$}", date.day, width = day.len());
    let fixed = printed.replacen(&format!(" {day} "), &format!(" {fixed_day} "), 1);
    let line = header
        .lines
        .iter()
        .find(|l| l.1.contains(day))
        .map_or(header.first_line(), |l| l.0);
    decree.header_text.replace_range(span, &fixed);
    ocr_repair(log, line, &printed, &fixed);
}

/// Logs an OCR fix with its warning.
fn ocr_repair(log: &mut Log, line: usize, before: &str, after: &str) {
    log.warn(
        line,
        format!("read \"{before}\" as \"{after}\" (OCR noise); please check"),
    );
    log.repairs.push(Repair {
        kind: RepairKind::OcrFix,
        line,
        before: before.to_string(),
        after: after.to_string(),
    });
}

/// The act's date and number as the approval block restates them.
fn approval_date_and_number(approval: &str) -> (Option<crate::model::Date>, Option<String>) {
    let tokens = grammar::header_tokens(approval);
    let date = tokens.iter().find_map(|(t, _)| match t {
        grammar::Token::Date(d) => *d,
        _ => None,
    });
    let number = tokens.iter().find_map(|(t, _)| match t {
        grammar::Token::Number(n) => Some(n.clone()),
        _ => None,
    });
    (date, number)
}

/// Runs the table reconstruction on the table region and merges its output.
/// The text above the table is the cells' wider vocabulary (`text_lines`).
fn add_table(
    decree: &mut Decree,
    s: &Sections,
    table_lines: &[Line],
    text_lines: &[Line],
    log: &mut Log,
) {
    let out = crate::table::reconstruct_in(table_lines, text_lines, s.language);
    decree.appendices[0].table = out.table;
    decree.residue.extend(out.residue);
    log.repairs.extend(out.repairs);
    log.warnings.extend(out.warnings);
}
