//! Layout variants of real corpus decrees that the training files do not show
//! (the unseen decrees will): the same decree re-wrapped or without its notes
//! must give the same fields.

use qauly::model::Decree;
use qauly::parse::parse_decree;

fn parse(text: &str) -> Decree {
    parse_decree(text.as_bytes(), "v.txt").unwrap_or_else(|e| panic!("{e}"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn repeal_sentence_on_its_own_line_stays_in_the_header() {
    let text = read("fixtures/corpus/train/t0001.txt");
    let moved = text.replacen("тіркелді. Күші жойылды", "тіркелді.\nКүші жойылды", 1);
    let (a, b) = (parse(&text), parse(&moved));
    assert_eq!(a.header_text, b.header_text);
    assert_eq!(a.repealed_by, b.repealed_by);
    assert_eq!(a.notes, b.notes);
    assert_eq!(a.preamble, b.preamble);
}

#[test]
fn russian_repeal_on_its_own_line_stays_in_the_header() {
    let text = read("fixtures/corpus/train-ru/t2005.txt");
    let a = parse(&text);
    let moved = text.replacen("№ 2420. ", "№ 2420.\n", 1);
    assert_ne!(moved, text, "the variant must differ");
    let b = parse(&moved);
    assert_eq!(a.header_text, b.header_text);
    assert_eq!(a.repealed_by, b.repealed_by);
}

#[test]
fn decree_without_notes_goes_from_header_to_preamble() {
    let text = read("fixtures/corpus/train/t0002.txt");
    let lines: Vec<&str> = text.split('\n').collect();
    let without: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with("РҚАО ескертпесі") && *l != "сақталған.")
        .collect();
    let (a, b) = (parse(&text), parse(&without.join("\n")));
    assert!(b.notes.is_empty());
    assert_eq!(a.header_text, b.header_text);
    assert_eq!(a.preamble, b.preamble);
    assert_eq!(a.clauses, b.clauses);
}

#[test]
fn note_wrapped_after_a_full_stop_stays_one_note() {
    let text = read("fixtures/corpus/train/t0001.txt");
    let wrapped = text.replacen(
        "17.04.2010 № 4-2060\nқаулысымен.",
        "17.04.2010 № 4-2060 қаулысымен. 2010 ж.\nжарияланды.",
        1,
    );
    assert_ne!(wrapped, text);
    let d = parse(&wrapped);
    assert_eq!(d.notes.len(), 2);
    assert!(d.notes[0].ends_with("2010 ж. жарияланды."), "{:?}", d.notes);
}

#[test]
fn position_printed_over_two_lines_is_one_signatory() {
    let text = read("fixtures/corpus/train/t0009.txt");
    let split = text.replacen(
        "Аудан әкімінің міндетін атқарушы\n",
        "Аудан әкімінің\nміндетін атқарушы\n",
        1,
    );
    assert_ne!(split, text);
    let (a, b) = (parse(&text), parse(&split));
    assert_eq!(b.signatory, a.signatory);
    assert_eq!(b.clauses, a.clauses);
}

/// A scanned table read across its columns leaves many lines unplaced: they
/// all stay in `residue`, line by line, but a run of them with one reason is
/// one warning naming its lines, and every residue line with a warning is
/// named by one.
#[test]
fn unplaced_table_text_of_a_scan_is_one_warning_per_run_and_all_in_residue() {
    let path = "fixtures/corpus/train/t0015.txt";
    let bytes = std::fs::read(path).unwrap();
    let d = parse_decree(&bytes, "t0015.txt").unwrap();
    let runs: Vec<(usize, usize)> = d
        .warnings
        .iter()
        .filter(|w| w.message.ends_with("kept in residue"))
        .map(|w| {
            let span = w.message.rsplit_once(" on line").unwrap().1;
            let span = span
                .trim_start_matches('s')
                .trim_end_matches(", kept in residue");
            let (a, b) = span
                .trim()
                .split_once('–')
                .unwrap_or((span.trim(), span.trim()));
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .collect();
    assert!(!runs.is_empty(), "the scan's table leaves text unplaced");
    assert!(d.residue.len() > 10 * runs.len(), "runs are grouped");
    let warned_alone: Vec<usize> = d
        .warnings
        .iter()
        .filter(|w| w.message.ends_with('"'))
        .map(|w| w.line)
        .collect();
    for r in &d.residue {
        let in_run = runs.iter().any(|&(a, b)| (a..=b).contains(&r.line));
        assert!(
            in_run || warned_alone.contains(&r.line) || r.text.contains("жалғасы"),
            "residue line {} ({:?}) has no warning",
            r.line,
            r.text
        );
    }
}
