//! One cell's fragments rendered as clean text: split words rejoined with
//! evidence, lines unwrapped with punctuation attached to the right word.

use super::blocks::Frag;
use super::Log;
use crate::model::RepairKind;
use crate::repair::join::join_lines;
use crate::repair::split_word::{
    can_start_word, decide, is_letter, push_number, word_core_into, Join, Rejoined, Rendered, Vocab,
};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Renders fragments (in printed order) as one clean line of text.
pub fn render(frags: &[Frag], vocab: &Vocab, log: &mut Log) -> String {
    render_stored(frags, None, vocab, log)
}

/// Renders fragments, leaving the words of those marked in `kept` as they are
/// (words already joined from their pieces, which the inline repair would
/// read as glued words and cut apart again).
pub fn render_keeping(frags: &[Frag], kept: &[bool], vocab: &Vocab, log: &mut Log) -> String {
    render_stored(frags, Some(kept), vocab, log)
}

/// Each fragment's text with its inline split words rejoined (repairs dropped).
pub fn rejoin_quiet(frags: &[Frag], vocab: &Vocab) -> Vec<String> {
    let mut quiet = Log::default();
    frags
        .iter()
        .map(|f| rejoin_inline(f, vocab, &mut quiet))
        .collect()
}

/// A rendering looked up in the document's store (`Vocab::rendered`) by the
/// fragments' texts, spacing and `kept` marks, which are all it reads besides
/// the vocabulary; its repairs and warnings are logged for these fragments' lines.
fn render_stored(frags: &[Frag], kept: Option<&[bool]>, vocab: &Vocab, log: &mut Log) -> String {
    let is_kept = |i: usize| kept.is_some_and(|k| k[i]);
    let mut key = String::with_capacity(frags.iter().map(|f| f.text.len() + 8).sum());
    for (i, f) in frags.iter().enumerate() {
        // Each text after its length, so no two runs spell one key.
        push_number(&mut key, f.text.len());
        key.push(if f.spaced { 's' } else { '-' });
        key.push(if is_kept(i) { 'k' } else { '-' });
        key.push_str(&f.text);
    }
    let done = vocab.rendered(&key, || {
        // Numbered by their place in the run: the log is replayed for any
        // run of the same texts.
        let placed: Vec<Frag> = (frags.iter().enumerate())
            .map(|(i, f)| Frag { no: i, ..f.clone() })
            .collect();
        let mut own = Log::default();
        let text = render_run(&placed, kept, vocab, &mut own);
        Rendered {
            text,
            repairs: own.repairs,
            warnings: own.warnings,
        }
    });
    for r in &done.repairs {
        let (before, after) = (r.before.clone(), r.after.clone());
        log.repair(r.kind, frags[r.line].no, before, after);
    }
    for w in &done.warnings {
        log.warn(frags[w.line].no, w.message.clone());
    }
    done.text.clone()
}

/// The rendering loop: each fragment's text rejoined (its repairs logged in
/// printed order, before the glue to the next fragment), or as printed where
/// `kept` marks it, then glued to the line before or started anew.
fn render_run(frags: &[Frag], kept: Option<&[bool]>, vocab: &Vocab, log: &mut Log) -> String {
    let mut pieces: Vec<String> = Vec::new();
    let mut prev: Option<&Frag> = None;
    for (i, frag) in frags.iter().enumerate() {
        let text = if kept.is_some_and(|k| k[i]) {
            Cow::Borrowed(frag.text.as_str())
        } else {
            Cow::Owned(rejoin_inline(frag, vocab, log))
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match (prev, pieces.last_mut()) {
            (Some(p), Some(last)) if glue(p, last, frag, vocab, log) => {
                last.push_str(text);
                if frag.spaced {
                    split_glued_words(last, text, vocab, log, frag.no);
                }
            }
            _ => pieces.push(text.to_string()),
        }
        prev = Some(frag);
    }
    join_lines(pieces.iter().map(String::as_str))
}

/// After a line end was glued to a letter-spaced line, the joined word split
/// into frequent words when it is several of them: the spaced line loses the
/// gap where the previous line's word ended, so
/// "Жергілікт" / "і б ю д ж е т" glue to "Жергіліктібюджет", which is
/// "Жергілікті бюджет" (the split is `Vocab::unglue`'s, with its evidence).
fn split_glued_words(last: &mut String, text: &str, vocab: &Vocab, log: &mut Log, no: usize) {
    let first_len = text.split_whitespace().next().map_or(0, str::len);
    let tail_len = text.len() - first_len;
    let word_start = last[..last.len() - tail_len]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let word_end = last.len() - tail_len;
    let word = &last[word_start..word_end];
    let at_break = word.chars().count() - text[..first_len].chars().count();
    let Some(split) = unglue_token(word, vocab).filter(|s| !cuts_at(s, at_break) && long_pieces(s))
    else {
        return;
    };
    log.repair(RepairKind::SplitWord, no, word.to_string(), split.clone());
    last.replace_range(word_start..word_end, &split);
}

/// Whether `split` (a word with spaces put in) has a space after `at` letters:
/// a cut at the line break itself would undo the glue decision ("бюд" / "жет"
/// printed in every row are frequent pieces, not words).
fn cuts_at(split: &str, at: usize) -> bool {
    let mut letters = 0;
    for c in split.chars() {
        if c == ' ' && letters == at {
            return true;
        }
        letters += usize::from(c != ' ');
    }
    false
}

/// Whether every piece of a split has four letters or more: shorter frequent
/// pieces ("квадрат" + "ных") are often line fragments, not words.
fn long_pieces(split: &str) -> bool {
    split.split(' ').all(|w| w.chars().nth(3).is_some())
}

/// Joins two pieces of one word that the layout printed apart on one line
/// ("Же ргілікті"): the joined word is frequent in the document, the pieces rare.
fn rejoin_inline(frag: &Frag, vocab: &Vocab, log: &mut Log) -> String {
    let done = vocab.rejoined(&frag.text, || rejoin_text(&frag.text, vocab));
    for (before, after) in &done.repairs {
        log.repair(
            RepairKind::SplitWord,
            frag.no,
            before.clone(),
            after.clone(),
        );
    }
    done.text.clone()
}

/// `rejoin_inline`'s work on one text, the repairs kept as (before, after).
fn rejoin_text(text: &str, vocab: &Vocab) -> Rejoined {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut done = Rejoined::default();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < tokens.len() {
        if i > 0 {
            out.push(' ');
        }
        if let Some(split) = unglue_token(tokens[i], vocab) {
            out.push_str(&split);
            done.repairs.push((tokens[i].to_string(), split));
            i += 1;
        } else if i + 1 < tokens.len() && vocab.inline_split(tokens[i], tokens[i + 1]) {
            let joined = format!("{}{}", tokens[i], tokens[i + 1]);
            out.push_str(&joined);
            done.repairs
                .push((format!("{} {}", tokens[i], tokens[i + 1]), joined));
            i += 2;
        } else {
            out.push_str(tokens[i]);
            i += 1;
        }
    }
    done.text = out;
    done
}

/// A token of glued words split apart. Punctuation keeps its word: a comma
/// inside the token ends one, and marks around it ("жүзегеасырады.",
/// "(құрғақағаштарды") stay outside the letters that are split.
fn unglue_token(token: &str, vocab: &Vocab) -> Option<String> {
    if !token.contains(',') {
        return unglue_part(token, vocab);
    }
    let mut changed = false;
    let parts: Vec<String> = token
        .split_inclusive(',')
        .map(|part| {
            let split = unglue_part(part, vocab);
            changed |= split.is_some();
            split.unwrap_or_else(|| part.to_string())
        })
        .collect();
    changed.then(|| parts.join(" "))
}

/// One comma-free part of a token split apart, its marks kept outside.
fn unglue_part(part: &str, vocab: &Vocab) -> Option<String> {
    let mark = |c: char| !is_letter(c);
    let lead = part.len() - part.trim_start_matches(mark).len();
    let letters = part[lead..].trim_end_matches(mark);
    let split = vocab.unglue(letters)?;
    let (head, tail) = (&part[..lead], &part[lead + letters.len()..]);
    Some(format!("{head}{split}{tail}"))
}

/// Whether `next` continues the last word of `last` (logging the repair).
fn glue(prev: &Frag, last: &str, next: &Frag, vocab: &Vocab, log: &mut Log) -> bool {
    let (Some(left), Some(right)) = (
        last.split_whitespace().next_back(),
        next.text.split_whitespace().next(),
    ) else {
        return false;
    };
    let mut prev_words = prev.text.split_whitespace();
    let left_alone = prev_words.next().is_some() && prev_words.next().is_none();
    let decision = decide(left, right, next.spaced, left_alone, vocab);
    if decision == Join::Space {
        return false;
    }
    log.repair(
        RepairKind::SplitWord,
        prev.no,
        format!("{left} / {right}"),
        format!("{left}{right}"),
    );
    if decision == Join::GlueUnsure {
        log.warn(
            prev.no,
            format!("joined \"{left}\" and \"{right}\" into one word on weak evidence"),
        );
    }
    true
}

/// Words the layout broke at two different places in the document
/// ("балабақш" / "асы" and "балабақ" / "шасы"): two different pairs of line
/// pieces that join into the same word are one word, never two. Added to the
/// vocabulary as printed whole, so the pieces are joined wherever they occur.
pub fn learn_breaks(vocab: &mut Vocab, blocks: &[super::blocks::Block]) {
    // By the word after its last hyphen: the break points, and the joined
    // forms (a hash map looked up per line end).
    let mut splits: HashMap<String, (BreakPoints, BTreeSet<String>)> = HashMap::default();
    // Buffers reused for every line end (most are ruled out before any lookup).
    let (mut l, mut r, mut key) = (String::new(), String::new(), String::new());
    let mut form = String::new();
    for b in blocks {
        for pair in b.frags.windows(2) {
            let Some(right) = pair[1].text.split_whitespace().next() else {
                continue;
            };
            if !right.starts_with(char::is_lowercase) {
                continue;
            }
            let Some(left) = pair[0].text.split_whitespace().next_back() else {
                continue;
            };
            word_core_into(left, &mut l);
            word_core_into(right, &mut r);
            let letters = |t: &str| !t.is_empty() && t.chars().all(|c| is_letter(c) || c == '-');
            if !letters(&l) || !letters(&r) {
                continue;
            }
            let tail = l.rsplit('-').next().unwrap_or(&l);
            key.clear();
            key.push_str(tail);
            key.push_str(&r);
            let entry = match splits.get_mut(key.as_str()) {
                Some(entry) => entry,
                None => splits.entry(key.clone()).or_default(),
            };
            entry.0.insert((tail.chars().count(), can_start_word(&r)));
            form.clear();
            form.push_str(&l);
            form.push_str(&r);
            if !entry.1.contains(form.as_str()) {
                entry.1.insert(form.clone());
            }
        }
    }
    // In any order: a form is added once, whoever adds it first.
    for (at, forms) in splits.into_values() {
        if at.len() < 2 || gap_moved(&at) {
            continue;
        }
        for w in forms {
            if !vocab.knows(&w) {
                vocab.add_whole(&w);
            }
        }
    }
}

/// A word's break points: letters before each break, and whether the next
/// line's piece can start a word.
type BreakPoints = BTreeSet<(usize, bool)>;

/// Break points (letters before the break, whether the next line's piece can
/// start a word) that show a word gap, not one word broken twice: one line
/// opens with letters no word starts with ("қолданылаты" / "ншприц") where
/// another breaks later before a word's start ("қолданылатын" / "шприц"),
/// so the first line lost its last letter to the next line, space and all.
fn gap_moved(at: &BreakPoints) -> bool {
    at.iter()
        .any(|&(a, ok)| !ok && at.iter().any(|&(b, ok2)| ok2 && b > a))
}

/// The document vocabulary of a set of blocks (for split-word evidence).
pub fn vocab_of<'a, I: IntoIterator<Item = &'a Frag>>(frags: I) -> Vocab {
    Vocab::from_lines(frags.into_iter().map(|f| f.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::blocks::Block;

    #[test]
    fn a_letter_spaced_line_glued_across_a_word_gap_is_split_again() {
        let mut frags = vec![Frag::new(1, "Жергілікт"), Frag::new(2, "ібюджет")];
        frags[1].spaced = true;
        let whole = (3..6).map(|i| Frag::new(i, "Жергілікті бюджет"));
        let vocab = vocab_of(
            frags
                .iter()
                .cloned()
                .chain(whole)
                .collect::<Vec<_>>()
                .iter(),
        );
        let mut log = Log::default();
        assert_eq!(render(&frags, &vocab, &mut log), "Жергілікті бюджет");
        // A split at the line break itself would undo the glue: kept whole.
        let mut frags = vec![Frag::new(1, "бюд"), Frag::new(2, "жет")];
        frags[1].spaced = true;
        let pieces = (3..6).flat_map(|i| [Frag::new(i, "бюд"), Frag::new(i, "жет")]);
        let pieces = pieces.chain([Frag::new(9, "бюджет")]);
        let vocab = vocab_of(
            frags
                .iter()
                .cloned()
                .chain(pieces)
                .collect::<Vec<_>>()
                .iter(),
        );
        assert_eq!(render(&frags, &vocab, &mut log), "бюджет");
    }

    #[test]
    fn a_stored_rendering_logs_its_repairs_at_the_lines_of_each_cell() {
        let cell = |from: usize| {
            let mut frags = vec![Frag::new(from, "Жергілікт"), Frag::new(from + 1, "ібюджет")];
            frags[1].spaced = true;
            frags
        };
        let whole = (20..23).map(|i| Frag::new(i, "Жергілікті бюджет"));
        let vocab = vocab_of(cell(1).iter().chain(whole.collect::<Vec<_>>().iter()));
        let (mut first, mut again) = (Log::default(), Log::default());
        let text = render(&cell(1), &vocab, &mut first);
        assert_eq!(render(&cell(11), &vocab, &mut again), text);
        assert!(!first.repairs.is_empty());
        let lines = |log: &Log| log.repairs.iter().map(|r| r.line).collect::<Vec<_>>();
        let moved: Vec<usize> = lines(&first).iter().map(|l| l + 10).collect();
        assert_eq!(lines(&again), moved);
        let texts = |log: &Log| {
            (log.repairs.iter())
                .map(|r| (r.before.clone(), r.after.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&again), texts(&first));
    }

    #[test]
    fn a_word_broken_at_two_places_is_joined_everywhere() {
        let block = |lines: &[&str]| Block::of_lines(1, lines.iter().copied(), false);
        let blocks = [
            block(&["\"Береке бөбекжай-балабақш", "асы\" мемлекеттік"]),
            block(&["\"Бақбақты бөбекжай - балабақ", "шасы\" мемлекеттік"]),
        ];
        let mut vocab = vocab_of(blocks.iter().flat_map(|b| b.frags.iter()));
        learn_breaks(&mut vocab, &blocks);
        let mut log = Log::default();
        assert_eq!(
            render(&blocks[0].frags, &vocab, &mut log),
            "\"Береке бөбекжай-балабақшасы\" мемлекеттік"
        );
        assert_eq!(
            render(&blocks[1].frags, &vocab, &mut log),
            "\"Бақбақты бөбекжай - балабақшасы\" мемлекеттік"
        );
    }

    #[test]
    fn a_word_gap_moved_by_a_letter_is_not_learned_as_one_word() {
        let block = |lines: &[&str]| Block::of_lines(1, lines.iter().copied(), false);
        let blocks = [
            block(&["Бір рет қолданылаты", "ншприц тарату"]),
            block(&["Бір рет қолданылатын", "шприц тарату"]),
        ];
        let mut vocab = vocab_of(blocks.iter().flat_map(|b| b.frags.iter()));
        learn_breaks(&mut vocab, &blocks);
        assert!(!vocab.knows("қолданылатыншприц"));
        let mut log = Log::default();
        assert_eq!(
            render(&blocks[1].frags, &vocab, &mut log),
            "Бір рет қолданылатын шприц тарату"
        );
    }
}
