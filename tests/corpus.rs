//! Corpus test: parses every training decree of `fixtures/corpus/` and compares
//! the result with its gold YAML field by field, per set (pdftotext or OCR,
//! Kazakh or Russian), printing the share of fields exact.
//!
//! The gold files say how each text was made (`source.origin.extract`), so the
//! sets are derived from the data, not from file names.

mod corpus_support;

use corpus_support::norm;

use qauly::model::Decree;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One comparable value of a decree, keyed by its YAML key path.
type Fields = BTreeMap<String, String>;

/// Exact and total counts, with the key paths that missed (without indexes).
#[derive(Default)]
struct Tally {
    exact: usize,
    total: usize,
    misses: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, key: &str, ok: bool) {
        self.total += 1;
        if ok {
            self.exact += 1;
        } else {
            *self.misses.entry(generic_key(key)).or_default() += 1;
        }
    }

    fn share(&self) -> f64 {
        if self.total == 0 {
            return 1.0;
        }
        self.exact as f64 / self.total as f64
    }

    fn line(&self, name: &str) -> String {
        let worst: Vec<String> = {
            let mut m: Vec<_> = self.misses.iter().collect();
            m.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            m.iter().take(6).map(|(k, n)| format!("{k}×{n}")).collect()
        };
        format!(
            "corpus {name}: {} of {} fields exact ({:.1}%); most missed: {}",
            self.exact,
            self.total,
            100.0 * self.share(),
            worst.join(", ")
        )
    }
}

/// `appendices[0].table.rows[12].works[1].type` → `rows[].works[].type`.
fn generic_key(key: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in key.chars() {
        match c {
            '[' => {
                skip = true;
                out.push_str("[]");
            }
            ']' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out.trim_start_matches("appendices[].table.").to_string()
}

fn put(f: &mut Fields, key: impl Into<String>, value: impl ToString) {
    f.insert(key.into(), norm(&value.to_string()));
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// The document part: everything outside the appendices.
fn text_fields(d: &Decree) -> Fields {
    let mut f = Fields::new();
    put(&mut f, "title", &d.title);
    put(&mut f, "status", format!("{:?}", d.status));
    put(&mut f, "status_text", &d.status_text);
    put(&mut f, "header_text", &d.header_text);
    put(&mut f, "act.kind", &d.act.kind);
    put(&mut f, "act.issuer", &d.act.issuer);
    put(&mut f, "act.date", opt(&d.act.date));
    put(&mut f, "act.number", &d.act.number);
    if let Some(r) = &d.registration {
        put(&mut f, "registration.authority", &r.authority);
        put(&mut f, "registration.date", opt(&r.date));
        put(&mut f, "registration.number", &r.number);
    }
    if let Some(r) = &d.repealed_by {
        put(&mut f, "repealed_by.issuer", &r.issuer);
        put(&mut f, "repealed_by.date", opt(&r.date));
        put(&mut f, "repealed_by.number", &r.number);
    }
    for (i, n) in d.notes.iter().enumerate() {
        put(&mut f, format!("notes[{i}]"), n);
    }
    put(&mut f, "preamble", &d.preamble);
    for (i, c) in d.clauses.iter().enumerate() {
        put(&mut f, format!("clauses[{i}].number"), &c.number);
        put(&mut f, format!("clauses[{i}].text"), &c.text);
    }
    put(&mut f, "signatory.position", &d.signatory.position);
    put(&mut f, "signatory.name", &d.signatory.name);
    f
}

/// The appendix part: approval, title, headers and every cell.
fn table_fields(d: &Decree) -> Fields {
    let mut f = Fields::new();
    for (a, app) in d.appendices.iter().enumerate() {
        let p = format!("appendices[{a}]");
        put(&mut f, format!("{p}.approval"), &app.approval);
        put(&mut f, format!("{p}.title"), &app.title);
        let t = &app.table;
        for (i, c) in t.columns.iter().enumerate() {
            put(&mut f, format!("{p}.table.columns[{i}]"), c);
        }
        for (i, g) in t.column_groups.iter().enumerate() {
            put(
                &mut f,
                format!("{p}.table.column_groups[{i}]"),
                format!("{} {:?}", g.title, g.columns),
            );
        }
        put(&mut f, format!("{p}.table.rows.count"), t.rows.len());
        for (i, r) in t.rows.iter().enumerate() {
            let rp = format!("{p}.table.rows[{i}]");
            put(&mut f, format!("{rp}.number"), r.number);
            put(&mut f, format!("{rp}.organization"), &r.organization);
            put(&mut f, format!("{rp}.works.count"), r.works.len());
            for (j, w) in r.works.iter().enumerate() {
                put(&mut f, format!("{rp}.works[{j}].type"), &w.kind);
                put(&mut f, format!("{rp}.works[{j}].volume"), &w.volume);
            }
            put(&mut f, format!("{rp}.conditions"), &r.conditions);
            put(&mut f, format!("{rp}.pay"), &r.pay);
            put(
                &mut f,
                format!("{rp}.pay_mzp_multiple"),
                opt(&r.pay_mzp_multiple),
            );
            put(&mut f, format!("{rp}.funding"), &r.funding);
            put(&mut f, format!("{rp}.demand"), opt(&r.demand));
            put(&mut f, format!("{rp}.supply"), opt(&r.supply));
        }
    }
    f
}

/// Counts gold's fields that the parsed decree has with the same value.
fn compare(gold: &Fields, got: &Fields, tally: &mut Tally) {
    for (key, want) in gold {
        tally.add(key, got.get(key) == Some(want));
    }
}

/// On scans the cells may be illegible: a head count left empty (or in a row not
/// read at all) is not wrong, a different one is; the row count must be right.
fn compare_legible_counts(gold: &Fields, got: &Fields, tally: &mut Tally) {
    for (key, want) in gold {
        if key.ends_with("rows.count") {
            tally.add(key, got.get(key) == Some(want));
        } else if key.ends_with(".demand") || key.ends_with(".supply") {
            let read = got.get(key).filter(|v| !v.is_empty());
            tally.add(key, read.is_none_or(|v| v == want));
        }
    }
}

struct Case {
    path: PathBuf,
    gold: Decree,
    got: Decree,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus")
}

fn load_cases(set: &str) -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(set))
        .expect("corpus folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let gold_path = path.with_extension("gold.yaml");
            let gold_text = std::fs::read_to_string(&gold_path).expect("gold yaml");
            let gold = qauly::yaml::from_str(&gold_text, &gold_path.display().to_string())
                .expect("gold parses");
            let bytes = std::fs::read(&path).expect("corpus text");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let got = qauly::parse::parse_decree(&bytes, &name)
                .unwrap_or_else(|e| panic!("{}: does not parse: {e}", path.display()));
            Case { path, gold, got }
        })
        .collect()
}

/// Both training sets, Kazakh then Russian.
fn all_cases() -> Vec<Case> {
    let mut cases = load_cases("train");
    cases.extend(load_cases("train-ru"));
    cases
}

fn is_ocr(d: &Decree) -> bool {
    let extract = d
        .source
        .origin
        .as_ref()
        .and_then(|o| o.get("extract"))
        .and_then(|e| e.as_str())
        .unwrap_or("");
    extract == "ocr"
}

/// Tallies of one language's files, split by how the text was made and by part.
#[derive(Default)]
struct SetScores {
    /// pdftotext decrees, document part (outside the appendices).
    pdf_text: Tally,
    /// pdftotext decrees, every field.
    pdftotext: Tally,
    /// OCR decrees, document part.
    ocr_text: Tally,
    /// OCR decrees: row count, and head counts where they were read.
    ocr_counts: Tally,
}

fn score(set: &str) -> SetScores {
    let mut s = SetScores::default();
    for case in load_cases(set) {
        let mut file_tally = Tally::default();
        let (gold_text, got_text) = (text_fields(&case.gold), text_fields(&case.got));
        let (gold_table, got_table) = (table_fields(&case.gold), table_fields(&case.got));
        if is_ocr(&case.gold) {
            compare(&gold_text, &got_text, &mut s.ocr_text);
            compare_legible_counts(&gold_table, &got_table, &mut s.ocr_counts);
        } else {
            compare(&gold_text, &got_text, &mut s.pdf_text);
            compare(&gold_text, &got_text, &mut s.pdftotext);
            compare(&gold_table, &got_table, &mut s.pdftotext);
        }
        compare(&gold_text, &got_text, &mut file_tally);
        compare(&gold_table, &got_table, &mut file_tally);
        let name = case.path.file_name().unwrap().to_string_lossy().to_string();
        println!("{}", file_tally.line(&name));
    }
    s
}

/// Shares below which the test fails. They are the floors measured when the
/// test was last tightened (a ratchet against regressions); the issue's
/// targets (pdftotext ≥ 98 %, OCR text ≥ 90 %) are printed beside them.
const FLOOR_PDF_TEXT: f64 = 1.0;
const FLOOR_PDFTOTEXT: f64 = 0.989;
/// The Kazakh pdftotext floor, raised on its own as the Kazakh rules improve.
const FLOOR_PDFTOTEXT_KK: f64 = 0.986;
const FLOOR_OCR_TEXT: f64 = 0.955;
const FLOOR_OCR_COUNTS: f64 = 0.93;

/// The pdftotext floor of a language's training set.
fn pdftotext_floor(lang: &str) -> f64 {
    if lang == "kk" {
        FLOOR_PDFTOTEXT_KK
    } else {
        FLOOR_PDFTOTEXT
    }
}

#[test]
fn corpus_fields_match_gold() {
    let mut all = Tally::default();
    for (lang, set) in [("kk", score("train")), ("ru", score("train-ru"))] {
        for (part, t, floor, target) in [
            (
                "pdftotext document part",
                &set.pdf_text,
                FLOOR_PDF_TEXT,
                0.98,
            ),
            ("pdftotext", &set.pdftotext, pdftotext_floor(lang), 0.98),
            ("ocr text", &set.ocr_text, FLOOR_OCR_TEXT, 0.90),
            ("ocr rows+counts", &set.ocr_counts, FLOOR_OCR_COUNTS, 1.0),
        ] {
            let name = format!("{lang} {part}");
            println!("{} (target {:.0}%)", t.line(&name), target * 100.0);
            assert!(
                t.share() >= floor,
                "{name}: {:.1}% of fields exact, below the floor {:.1}%",
                100.0 * t.share(),
                100.0 * floor
            );
        }
        // The document part is inside `pdftotext` already.
        for t in [&set.pdftotext, &set.ocr_text, &set.ocr_counts] {
            all.exact += t.exact;
            all.total += t.total;
        }
    }
    println!("{}", all.line("all"));
}

/// OCR misreads digits without a trace, so a scanned decree must say so once,
/// and a pdftotext one must not cry wolf: the gold's `origin.extract` is the truth.
#[test]
fn scans_and_only_scans_carry_the_check_the_numbers_warning() {
    let mut scans = 0;
    for case in all_cases() {
        let said = case
            .got
            .warnings
            .iter()
            .filter(|w| w.message.contains("looks like a scan read by OCR"))
            .count();
        let expected = usize::from(is_ocr(&case.gold));
        scans += expected;
        assert_eq!(said, expected, "{}", case.path.display());
    }
    assert!(scans >= 4, "the corpus holds scans");
}

/// Letters and digits only, lowercase: how moved text is looked up in its
/// row (rendering may rejoin split words and drop spaces).
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A row's printed text, as `letters` gives it.
fn row_letters(row: &qauly::model::Row) -> String {
    let works = row.works.iter().flat_map(|w| [&w.kind, &w.volume]);
    let counts = [row.demand, row.supply].map(|n| n.map(|n| n.to_string()).unwrap_or_default());
    let text: Vec<&str> = [&row.organization, &row.conditions, &row.pay, &row.funding]
        .into_iter()
        .chain(works)
        .chain(&counts)
        .map(String::as_str)
        .collect();
    letters(&text.concat())
}

/// The repairs log tells of moves that happened: the last page-break move
/// logged for a line ("moved to row N" / "moved back to row N") names the row
/// that holds its words in the end. A reading that was thrown away, or text
/// that went to residue after all, must leave no move behind.
#[test]
fn every_page_break_move_names_the_row_that_holds_its_text() {
    let mut checked = 0;
    for case in all_cases() {
        let d = &case.got;
        let rows = d.appendices.first().map_or(&[][..], |a| &a.table.rows[..]);
        let mut last: BTreeMap<usize, (&str, u32)> = BTreeMap::new();
        for r in &d.repairs {
            let after = r.after.strip_prefix("moved back to row ");
            let Some(rest) = after.or_else(|| r.after.strip_prefix("moved to row ")) else {
                continue;
            };
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                last.insert(r.line, (r.before.as_str(), n));
            }
        }
        for (line, (before, n)) in last {
            let held = rows
                .iter()
                .find(|r| r.number == n)
                .map(row_letters)
                .unwrap_or_default();
            // Row numbers printed beside the text are not the row's text.
            for word in before
                .split_whitespace()
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            {
                let word = letters(word);
                assert!(
                    held.contains(&word),
                    "{} line {line}: logged as moved to row {n}, but row {n} has no \"{word}\"",
                    case.path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "the corpus has page-break moves ({checked})");
}

/// A volume whose kind of work could not be found is a pairing that failed:
/// the gold never has one, so each such volume in the output must come with
/// a warning naming it, for the clerk to check that row against the scan.
#[test]
fn every_volume_left_without_its_kind_of_work_is_warned_about() {
    let mut empty = 0;
    for case in all_cases() {
        let d = &case.got;
        let rows = d.appendices.iter().flat_map(|a| &a.table.rows);
        for w in rows
            .flat_map(|r| &r.works)
            .filter(|w| w.kind.trim().is_empty())
        {
            empty += 1;
            let named = format!("\"{}\"", w.volume);
            assert!(
                d.warnings
                    .iter()
                    .any(|x| x.message.contains("no kind of work") && x.message.contains(&named)),
                "{}: volume {named} has no kind of work and no warning",
                case.path.display()
            );
        }
    }
    assert!(empty > 0, "the corpus has rows whose pairing fails");
}

/// A row read across its columns shows as an organization that names no body
/// or a kind of work that names one; the parser says so for the clerk. The
/// warning must never fall on a row that came out as the gold has it, and
/// the corpus's scrambled rows must raise it.
/// Runs a row cross-check over the corpus: no row whose warning `told`
/// recognizes is the same as the gold's row by `same`. Returns how many rows
/// were warned about.
fn rows_told_against_gold(
    told: impl Fn(&str) -> bool,
    same: impl Fn(&qauly::model::Row, &qauly::model::Row) -> bool,
) -> usize {
    let mut told_wrong = 0;
    for case in all_cases() {
        let d = &case.got;
        let gold_rows = case.gold.appendices.iter().flat_map(|a| &a.table.rows);
        let gold: BTreeMap<u32, &qauly::model::Row> = gold_rows.map(|r| (r.number, r)).collect();
        for row in d.appendices.iter().flat_map(|a| &a.table.rows) {
            let prefix = format!("row {}: ", row.number);
            let is_told =
                (d.warnings.iter()).any(|w| w.message.starts_with(&prefix) && told(&w.message));
            let whole = gold.get(&row.number).is_some_and(|g| same(g, row));
            assert!(
                !(is_told && whole),
                "{} row {}: warned about, but it is as the gold has it",
                case.path.display(),
                row.number
            );
            told_wrong += usize::from(is_told);
        }
    }
    told_wrong
}

#[test]
fn cells_printing_words_twice_are_told_and_only_on_wrong_rows() {
    let texts = |r: &qauly::model::Row| {
        let mut t = vec![norm(&r.organization), norm(&r.conditions)];
        t.extend(r.works.iter().map(|w| norm(&w.kind)));
        t
    };
    let told = rows_told_against_gold(|m| m.contains("twice"), |g, r| texts(g) == texts(r));
    // t0017 row 4 holds row 1's last sentences after its own.
    assert!(told > 0, "the corpus has a row holding another's piece");
}

#[test]
fn rows_read_across_their_columns_are_told_and_whole_rows_are_not() {
    let told = rows_told_against_gold(
        |m| m.contains("names no body") || m.contains("names a body"),
        |g, r| {
            norm(&g.organization) == norm(&r.organization)
                && g.works.len() == r.works.len()
                && (g.works.iter().zip(&r.works)).all(|(a, b)| norm(&a.kind) == norm(&b.kind))
        },
    );
    assert!(told > 0, "the corpus has rows read across their columns");
}

/// A letter-spaced line that lost a word gap glues two words ("ж ү з е г е а
/// с ы р а д ы ." → "жүзегеасырады."); the conditions are printed in every row,
/// so both words are known and the glued pair must be split again, with its
/// full stop kept. No conditions cell of a pdftotext decree may keep a word
/// that is two of its gold words run together.
#[test]
fn conditions_never_keep_two_words_run_together() {
    let mut split_back = 0;
    for case in all_cases().iter().filter(|c| !is_ocr(&c.gold)) {
        let gold = &case.gold.appendices[0].table.rows;
        let got = &case.got.appendices[0].table.rows;
        for (g, o) in gold.iter().zip(got) {
            let words: Vec<&str> = g.conditions.split_whitespace().collect();
            let glued: Vec<String> = words.windows(2).map(|w| w.concat()).collect();
            for token in o.conditions.split_whitespace() {
                assert!(
                    !glued.iter().any(|x| x == token),
                    "{} row {}: {token:?}",
                    case.path.display(),
                    g.number
                );
            }
        }
        split_back += case
            .got
            .repairs
            .iter()
            .filter(|r| r.before.ends_with('.') && r.after.ends_with('.') && r.after.contains(' '))
            .filter(|r| r.before == r.after.replace(' ', ""))
            .count();
    }
    assert!(split_back >= 2, "the corpus holds such lines: {split_back}");
}

/// Funding cells are short and printed in every row, so a letter-spaced one
/// that lost its word gap across a line ("Ж е р г і л і к т" / "і б ю д ж е т")
/// has the document's own words to be read back by: every funding cell of a
/// pdftotext decree must come out as its gold says.
#[test]
fn funding_cells_of_pdftotext_decrees_are_exact() {
    for case in all_cases().iter().filter(|c| !is_ocr(&c.gold)) {
        let gold = &case.gold.appendices[0].table.rows;
        let got = &case.got.appendices[0].table.rows;
        for (g, o) in gold.iter().zip(got) {
            assert_eq!(
                norm(&o.funding),
                norm(&g.funding),
                "{} row {}",
                case.path.display(),
                g.number
            );
        }
    }
}
