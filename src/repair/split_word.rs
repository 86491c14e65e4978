//! Words split across lines without a hyphen in narrow cells ("Қаржылан" + "д ы р у").
//!
//! A line end inside a word leaves two fragments that are not words of the
//! document. Joining them is decided with evidence from the same document: the
//! joined word occurs elsewhere, the continuation is a lone suffix or was printed
//! letter-spaced, or the join starts a word the document knows. Without evidence
//! the fragments stay apart.

use crate::model::{Repair, Warning};
use crate::repair::spaced::is_kazakh_letter;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// How often a word occurs away from the line ends where fragments appear.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// Occurrences not at the end of a line (so not a left fragment).
    not_at_end: usize,
    /// Occurrences not at the start of a line (so not a right fragment).
    not_at_start: usize,
    total: usize,
}

/// The words of a document, with where on their lines they were printed.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Words of the decree's text outside the table (`add_words_from`).
    text_words: rustc_hash::FxHashSet<String>,
    /// (A hash map, like the caches below: looked up by the thousand and only
    /// ever scanned by `starts_a_word`, whose yes/no answer does not depend on
    /// the order, so nothing of the output does.)
    words: HashMap<String, Seen>,
    /// The words printed whole, each followed by a line end: one text that
    /// `junction_in` searches at once instead of word by word (built when
    /// first needed; `add_whole` drops it).
    whole_text: OnceCell<String>,
    /// `unglue` answers by token: the standard conditions paragraph repeats in
    /// every row, and cells are rendered more than once.
    unglued: RefCell<HashMap<String, Rc<Option<String>>>>,
    /// Whole fragment texts with their inline repairs, by text (see `rejoined`).
    lines: RefCell<HashMap<String, Rc<Rejoined>>>,
    /// `decide` answers by (left, right, right spaced, left alone): cells are
    /// rendered in many slices, each line end decided again.
    decided: RefCell<HashMap<String, Join>>,
    /// The buffer `decide`'s keys are written into (looked up without allocating).
    key: RefCell<String>,
    /// Rendered slices of cells, by their fragments (see `rendered`).
    slices: RefCell<HashMap<String, Rc<Rendered>>>,
}

/// A run of fragments rendered as text, with the repairs and warnings made
/// on the way; their `line` is the fragment's place in the run, not its line.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub text: String,
    pub repairs: Vec<Repair>,
    pub warnings: Vec<Warning>,
}

/// A fragment's text with split words rejoined, and the repairs (before, after) made.
#[derive(Debug, Clone, Default)]
pub struct Rejoined {
    pub text: String,
    pub repairs: Vec<(String, String)>,
}

/// What to do at one line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// Two separate words: keep a space.
    Space,
    /// One word broken by the line end, with evidence: join without a space.
    Glue,
    /// Probably one word, but the evidence is weak: join and warn.
    GlueUnsure,
}

/// The word core of a token, lowercased, without surrounding punctuation.
pub fn word_core(token: &str) -> String {
    let mut out = String::new();
    word_core_into(token, &mut out);
    out
}

/// The answer stored under `key`, or `compute`'s, stored for the next caller.
fn once_per_key<T>(
    store: &RefCell<HashMap<String, Rc<T>>>,
    key: &str,
    compute: impl FnOnce() -> T,
) -> Rc<T> {
    if let Some(done) = store.borrow().get(key) {
        return Rc::clone(done);
    }
    let answer = Rc::new(compute());
    store
        .borrow_mut()
        .insert(key.to_string(), Rc::clone(&answer));
    answer
}

/// Word cores by token; `None` for a token that is its own core.
type Cores = HashMap<Box<str>, Option<Box<str>>>;

thread_local! {
    /// The word cores of the document being read (see `with_word_cores`).
    static CORES: RefCell<Option<Cores>> = const { RefCell::new(None) };
}

/// Runs `read` with a store of word cores: while it runs, each distinct token
/// is word-cored once and later calls copy the stored core. The table stage
/// asks for the cores of the same words thousands of times (every pass
/// re-reads the cells); the store lives as long as one reading, so nothing
/// of one document reaches the next.
pub fn with_word_cores<R>(read: impl FnOnce() -> R) -> R {
    /// Puts back the store found on entry (`None` outside a reading), also
    /// when `read` unwinds.
    struct Restore(Option<Cores>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            CORES.with(|c| *c.borrow_mut() = outer);
        }
    }
    let outer = CORES.with(|c| c.borrow_mut().replace(HashMap::default()));
    let _restore = Restore(outer);
    read()
}

/// `word_core` written into `out` (cleared first): callers that look words up
/// by the thousand reuse one buffer instead of allocating per token.
pub fn word_core_into(token: &str, out: &mut String) {
    let stored = CORES.with(|c| {
        let mut c = c.borrow_mut();
        let cores = c.as_mut()?;
        if let Some(core) = cores.get(token) {
            out.clear();
            out.push_str(core.as_deref().unwrap_or(token));
            return Some(());
        }
        compute_core(token, out);
        let own = (out.as_str() != token).then(|| Box::from(out.as_str()));
        cores.insert(Box::from(token), own);
        Some(())
    });
    if stored.is_none() {
        compute_core(token, out);
    }
}

/// The word cores a document prints side by side, for the words of one set
/// only: the table learns which of the words it asks about follow each other
/// in one pass over all lines, with two buffers reused from token to token
/// (most tokens are not in the set, and none of them is copied).
pub struct NeededPairs<'a> {
    needed: &'a std::collections::BTreeSet<String>,
    prev: String,
    core: String,
}

impl<'a> NeededPairs<'a> {
    pub fn new(needed: &'a std::collections::BTreeSet<String>) -> NeededPairs<'a> {
        NeededPairs {
            needed,
            prev: String::new(),
            core: String::new(),
        }
    }

    /// Reads one run of text (no pair spans two runs), calling
    /// `visit(prev, core)` for each token whose core is needed: `prev` is the
    /// core of the token before when that one was needed too, else "". A
    /// token `may` turns down (a test cheaper than its core) is not needed.
    pub fn scan<'t>(
        &mut self,
        tokens: impl Iterator<Item = &'t str>,
        may: impl Fn(&str) -> bool,
        mut visit: impl FnMut(&str, &str),
    ) {
        self.prev.clear();
        for t in tokens {
            let needed = may(t) && {
                word_core_into(t, &mut self.core);
                self.needed.contains(self.core.as_str())
            };
            if needed {
                visit(&self.prev, &self.core);
            } else {
                self.core.clear();
            }
            std::mem::swap(&mut self.prev, &mut self.core);
        }
    }
}

/// `word_core_into`'s work, without the store.
fn compute_core(token: &str, out: &mut String) {
    out.clear();
    let core = word_span(token);
    // Lowercase ASCII and Cyrillic keep their byte length: one reservation
    // (none for a reused buffer) instead of growing push by push.
    out.reserve(core.len());
    if lowercase_already(core) {
        out.push_str(core);
        out.make_ascii_lowercase();
        return;
    }
    // Runs of characters that lowercase to themselves are copied whole (most
    // letters of a word are lowercase already); ASCII is lowercased at the end.
    let mut run = 0;
    for (i, c) in core.char_indices() {
        let lower = if c.is_ascii() { Some(c) } else { lower_fast(c) };
        if lower == Some(c) {
            continue;
        }
        out.push_str(&core[run..i]);
        match lower {
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
        run = i + c.len_utf8();
    }
    out.push_str(&core[run..]);
    out.make_ascii_lowercase();
}

/// The token without the non-word characters around it (most tokens have none).
fn word_span(token: &str) -> &str {
    let word_at = |c: Option<char>| c.is_some_and(is_word_char);
    if word_at(token.chars().next()) && word_at(token.chars().next_back()) {
        return token;
    }
    token.trim_matches(|c: char| !is_word_char(c))
}

/// Whether lowercasing leaves every non-ASCII character of `s` as it is: read
/// on the UTF-8 bytes of Cyrillic (the ranges `lower_fast` maps to themselves),
/// so the common lowercase word is copied whole. `false` means "not sure".
fn lowercase_already(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (lead, next) = (b[i], b.get(i + 1).copied().unwrap_or(0));
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let odd = next & 1 == 1;
        let lower = match lead {
            0xD0 => next >= 0xB0,                          // а..п
            0xD1 => next <= 0x9F || odd,                   // р..џ, then pairs
            0xD2 => !(0x82..=0x89).contains(&next) && odd, // pairs (not the signs)
            0xD3 => next >= 0x90 && odd,                   // pairs from U+04D0
            _ => false,
        };
        if !lower {
            return false;
        }
        i += 2;
    }
    true
}

/// `char::is_alphanumeric`, answered without the table lookup for ASCII and
/// Cyrillic (nearly every character of a decree): word_core runs on every token.
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x400..=0x481 | 0x48A..=0x4FF => true,
        _ => c.is_alphanumeric(),
    }
}

/// The lowercase of ASCII and Cyrillic letters (a letter whose lowercase is
/// one letter); `None` for the rest, left to `char::to_lowercase`.
pub fn lower_fast(c: char) -> Option<char> {
    let n = c as u32;
    let l = match n {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        0x430..=0x45F => n,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => n | 1,
        _ => return None,
    };
    char::from_u32(l)
}

/// Whether a word whose first letter (or digit) is `first` may lowercase to
/// the start of one of `words` (word cores): told without taking the word's
/// core, the test most tokens fail where every word of a table is asked.
pub fn may_open(first: char, words: &[&str]) -> bool {
    let lower = lower_fast(first).or_else(|| first.to_lowercase().next());
    lower.is_some_and(|l| words.iter().any(|w| w.starts_with(l)))
}

impl Vocab {
    /// Counts the words of the given (already unspaced) lines.
    pub fn from_lines<'a, I: IntoIterator<Item = &'a str>>(lines: I) -> Vocab {
        let mut vocab = Vocab::default();
        let mut core = String::new();
        for line in lines {
            let mut tokens = line.split_whitespace().peekable();
            let mut first = true;
            while let Some(t) = tokens.next() {
                let at_start = std::mem::take(&mut first);
                word_core_into(t, &mut core);
                if core.is_empty() {
                    continue;
                }
                // Look up before inserting: most tokens are words seen before.
                let seen = match vocab.words.get_mut(core.as_str()) {
                    Some(seen) => seen,
                    None => vocab.words.entry(core.clone()).or_default(),
                };
                seen.total += 1;
                seen.not_at_end += usize::from(tokens.peek().is_some());
                seen.not_at_start += usize::from(!at_start);
            }
        }
        vocab
    }

    /// Whether two tokens printed apart on one line are pieces of one word: the
    /// joined word occurs at least three times as often as either piece.
    pub fn inline_split(&self, a: &str, b: &str) -> bool {
        if !a.chars().last().is_some_and(char::is_alphabetic)
            || !b.chars().next().is_some_and(char::is_lowercase)
        {
            return false;
        }
        // Only a piece no word can start with: a frequent joined form alone may
        // be the layout's dropped space ("Тірек и М" printed "Тіреки М").
        let (l, r) = (word_core(a), word_core(b));
        let joined = || self.get(&(l.clone() + &r)).total;
        if can_start_word(&r) {
            // A piece that could open a word joins only when neither piece is
            // printed anywhere else and the joined word is printed three
            // times: "Ре спубликасының", "ауд анының" (from "ауд а н ы н ы ң").
            let once = |w: &str| w.chars().nth(1).is_some() && self.get(w).total <= 1;
            return once(&r) && once(&l) && joined() >= 3;
        }
        joined() >= 2
    }

    /// `compute`'s answer for this text, computed once per document: the same
    /// fragments are rendered in many slices while a cell's cut points are scored.
    pub fn rejoined(&self, text: &str, compute: impl FnOnce() -> Rejoined) -> Rc<Rejoined> {
        once_per_key(&self.lines, text, compute)
    }

    /// `compute`'s rendering of the run of fragments that `key` spells,
    /// computed once per document: the same cells are rendered again by
    /// every pass and every candidate cut, and rows repeat their conditions.
    pub fn rendered(&self, key: &str, compute: impl FnOnce() -> Rendered) -> Rc<Rendered> {
        once_per_key(&self.slices, key, compute)
    }

    /// A rare token that is several frequent words printed without spaces
    /// ("Вразмереминимальной" → "В размере минимальной"), split at the word
    /// boundaries; `None` when it is a word of its own or no split is certain.
    pub fn unglue(&self, token: &str) -> Option<String> {
        if !may_be_glued(token) {
            return None;
        }
        let answer = once_per_key(&self.unglued, token, || self.unglue_uncached(token));
        Option::clone(&answer)
    }

    /// `unglue`'s work, for a token that may be glued.
    fn unglue_uncached(&self, token: &str) -> Option<String> {
        // A frequent token is a word of its own: told before the letters are collected.
        let lowered = token.to_lowercase();
        let seen = self.get(&lowered).total;
        if seen > 5 {
            return None;
        }
        let chars: Vec<char> = token.chars().collect();
        let lower: Vec<char> = lowered.chars().collect();
        if lower.len() != chars.len() {
            return None;
        }
        let cuts = self.word_cuts(&lowered)?;
        if seen > 2 && !self.pieces_outnumber(&lower, &cuts, seen) {
            return None;
        }
        let mut out = String::new();
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(chars.len())) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(&chars[from..cut]);
            from = cut;
        }
        Some(out)
    }

    /// Whether every piece between the cuts is printed at least five times as
    /// often as the glued token (`seen` times): a letter-spaced run that lost
    /// its word gap ("В р а з м е р е") repeats a few times, while a real
    /// word is about as frequent as its parts.
    fn pieces_outnumber(&self, w: &[char], cuts: &[usize], seen: usize) -> bool {
        let ends = cuts.iter().copied().chain(std::iter::once(w.len()));
        let starts = std::iter::once(0).chain(cuts.iter().copied());
        starts.zip(ends).all(|(a, b)| {
            let piece: String = w[a..b].iter().collect();
            self.get(&piece).total >= 5 * seen
        })
    }

    /// The cut points (fewest pieces, 2 to 4; in letters) splitting `w` into frequent words.
    fn word_cuts(&self, w: &str) -> Option<Vec<usize>> {
        // The letters' byte offsets (and the end): pieces are looked up as
        // slices of `w`, not copied out letter by letter.
        let at: Vec<usize> = (w.char_indices().map(|(b, _)| b))
            .chain(std::iter::once(w.len()))
            .collect();
        let n = at.len() - 1;
        // best[i]: fewest pieces covering the first i letters, with the previous cut.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for i in 1..=n {
            for j in 0..i {
                let Some((pieces, _)) = best[j] else { continue };
                if j == 0 && i == n {
                    continue; // the whole token is not one of its pieces
                }
                if !self.frequent_word(&w[at[j]..at[i]]) {
                    continue;
                }
                if best[i].is_none_or(|(p, _)| pieces + 1 < p) {
                    best[i] = Some((pieces + 1, j));
                }
            }
        }
        let (pieces, _) = best[n]?;
        if !(2..=4).contains(&pieces) {
            return None;
        }
        let mut cuts = Vec::new();
        let mut i = n;
        while let Some((_, j)) = best[i].filter(|_| i > 0) {
            if j > 0 {
                cuts.push(j);
            }
            i = j;
        }
        cuts.reverse();
        Some(cuts)
    }

    /// A word printed on its own at least three times (one letter: Russian
    /// prepositions only).
    fn frequent_word(&self, w: &str) -> bool {
        let ok_len = w.chars().count() >= 2 || "вскоуия".contains(w);
        ok_len && self.get(w).total >= 3
    }

    /// Learns the words of the decree's text outside the table (`lines`):
    /// evidence that a word the table prints only broken, the same way in
    /// every row, is one word ("законодательст" / "вом" and
    /// "законодательством" in a clause). Kept apart from the table's own
    /// words, whose counts and starts the other rules read.
    pub fn add_words_from<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        let mut core = String::new();
        for t in lines.into_iter().flat_map(str::split_whitespace) {
            word_core_into(t, &mut core);
            if !core.is_empty() && !self.text_words.contains(core.as_str()) {
                self.text_words.insert(core.clone());
            }
        }
        self.forget_answers();
    }

    /// Whether the decree's text outside the table prints `word` whole.
    fn in_text(&self, word: &str) -> bool {
        self.text_words.contains(word)
    }

    /// Counts a word (a word core) as printed whole once: evidence found
    /// another way (the same word broken at two different places).
    pub fn add_whole(&mut self, word: &str) {
        let seen = self.words.entry(word.to_string()).or_default();
        seen.total += 1;
        self.forget_answers();
    }

    /// Drops every answer read off the words (the index of whole words, and
    /// the unglue, rejoin, decide and rendering stores): after a word is added
    /// those made before are not the vocabulary's now.
    fn forget_answers(&mut self) {
        self.whole_text = OnceCell::new();
        self.unglued.get_mut().clear();
        self.lines.get_mut().clear();
        self.decided.get_mut().clear();
        self.slices.get_mut().clear();
    }

    /// Whether the document prints this word (a word core) whole somewhere.
    pub fn knows(&self, word: &str) -> bool {
        self.get(word).total > 0
    }

    fn get(&self, word: &str) -> Seen {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// Whether a word the document prints whole holds the letters around the
    /// line end ("озяйст" + "венн" inside "хозяйственного" for "сельскохозяйст"
    /// / "венных"): at least four letters of the left piece and seven in all,
    /// too many to meet by chance across two words.
    fn has_junction(&self, l: &str, r: &str) -> bool {
        self.junction_in(l, r, None)
    }

    /// `has_junction`, leaving out the word `except` (the pieces' own join).
    fn junction_in(&self, l: &str, r: &str, except: Option<&str>) -> bool {
        let tail: Vec<char> = l
            .chars()
            .rev()
            .take_while(|c| is_letter(*c))
            .take(6)
            .collect();
        if tail.len() < 4 {
            return false;
        }
        let head: String = r.chars().take_while(|c| is_letter(*c)).take(4).collect();
        if tail.len() + head.chars().count() < 7 {
            return false;
        }
        let needle: String = tail
            .iter()
            .rev()
            .chain(head.chars().collect::<Vec<_>>().iter())
            .collect();
        // Rare (only line ends that no stronger evidence decided reach it):
        // one search through all the words; the needle holds no line end.
        let text = self.whole_text.get_or_init(|| self.whole_words());
        let bytes = text.as_bytes();
        memchr::memmem::find_iter(bytes, needle.as_bytes()).any(|at| {
            let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            let w = &text[start..end];
            w.len() > needle.len() && Some(w) != except
        })
    }

    /// The words printed whole (in no particular order), each followed by a
    /// line end (no word holds one).
    fn whole_words(&self) -> String {
        let mut text = String::new();
        for (w, _) in self.words.iter().filter(|(_, s)| s.total > 0) {
            text.push_str(w);
            text.push('\n');
        }
        text
    }

    /// Whether a known word (of at least `min` letters) starts with `prefix`.
    fn starts_a_word(&self, prefix: &str, min: usize) -> bool {
        // A scan: rare (only line ends that no other evidence decided reach it).
        self.words.iter().any(|(w, s)| {
            w.starts_with(prefix) && w.chars().count() >= min && w != prefix && s.total > 0
        })
    }
}

/// `unglue`'s cheap first test: only a long token of letters alone may be
/// several words printed without spaces.
fn may_be_glued(token: &str) -> bool {
    token.chars().nth(5).is_some() && token.chars().all(is_letter)
}

/// `char::is_alphabetic`, answered without the table lookup for ASCII and
/// Cyrillic, like `is_word_char`.
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x400..=0x481 | 0x48A..=0x4FF => true,
        _ => c.is_alphabetic(),
    }
}

/// Decides whether the last token of one line and the first token of the next
/// are one word. `right_spaced` says the next line was printed letter-spaced;
/// `left_alone` says the left token was alone on its line.
pub fn decide(
    left: &str,
    right: &str,
    right_spaced: bool,
    left_alone: bool,
    vocab: &Vocab,
) -> Join {
    // The key: the flags, the left token's length (so the two tokens cannot be
    // confused with another pair), then both tokens.
    let mut key = vocab.key.take();
    key.clear();
    key.push(if right_spaced { 's' } else { '-' });
    key.push(if left_alone { 'a' } else { '-' });
    push_number(&mut key, left.len());
    key.push(':');
    key.push_str(left);
    key.push_str(right);
    let done = vocab.decided.borrow().get(key.as_str()).copied();
    let answer = done.unwrap_or_else(|| {
        let answer = decide_uncached(left, right, right_spaced, left_alone, vocab);
        vocab.decided.borrow_mut().insert(key.clone(), answer);
        answer
    });
    vocab.key.replace(key);
    answer
}

/// Writes `n` in decimal without the formatting machinery: lookup keys are
/// built by the thousand (`decide`, the rendered-slice store).
pub fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

fn decide_uncached(
    left: &str,
    right: &str,
    right_spaced: bool,
    left_alone: bool,
    vocab: &Vocab,
) -> Join {
    if !ends_in_letter(left) || !starts_lowercase(right) {
        return Join::Space;
    }
    let (l, r) = (word_core(left), word_core(right));
    if l.is_empty() || r.is_empty() {
        return Join::Space;
    }
    let joined = format!("{l}{r}");
    if ends_a_word_with_a_letter(&l, right) {
        return Join::Glue;
    }
    let left_known = vocab.get(&l).not_at_end > 0;
    let right_known = vocab.get(&r).not_at_start > 0;
    if one_letter_word_apart(&l, &r, &joined, vocab) {
        return Join::Space;
    }
    if is_case_ending(&r) && l.chars().nth(3).is_some() && !right_known {
        return Join::Glue;
    }
    if right_spaced && vocab.starts_a_word(&joined, joined.chars().count() + 1) {
        // A spaced line continues a word the document prints whole
        // ("Ж е р г" / "і л і к т" / "і"): narrow cells, not two words.
        return Join::Glue;
    }
    if right_spaced && splits_elsewhere(&l, &joined, vocab) {
        return Join::Glue;
    }
    if pieces_outnumber_joined(vocab, &l, &r, &joined) {
        return Join::Space;
    }
    let printed_whole = vocab.get(&joined).total > 0 || vocab.in_text(&joined);
    if printed_whole && !(left_known && right_known) {
        return Join::Glue;
    }
    let lone_suffix = r.chars().count() <= 2 && !SHORT_WORDS.contains(&r.as_str());
    if (lone_suffix && !right_known && !left_known)
        || !can_start_word(&r)
        || (ADJECTIVE_TAILS.contains(&r.as_str()) && !right_known)
    {
        return Join::Glue;
    }
    if !(left_known && right_known)
        && (vocab.has_junction(&l, &r) || known_stem_and_ending(vocab, &l, &joined))
    {
        return Join::Glue;
    }
    // A fragment printed more than once is a word of its own, even at line ends.
    if left_known || right_known || vocab.get(&l).total > 1 || vocab.get(&r).total > 1 {
        return Join::Space;
    }
    let head: String = joined.chars().take(l.chars().count() + 2).collect();
    let starts_known = vocab.starts_a_word(&head, head.chars().count() + 1);
    if !starts_known && (breaks_harmony(&l, &r) || opens_known_word(vocab, &r)) {
        return Join::Space;
    }
    if right_spaced && (left_alone || starts_known) {
        Join::Glue
    } else if starts_known {
        Join::GlueUnsure
    } else {
        Join::Space
    }
}

/// Whether the two pieces run together are frequent words cut at another
/// place than the line break: the spaced line went on with the word and lost
/// the gap after it ("Ж е р г і л і к т" / "і б ю д ж е т" is "Жергілікті
/// бюджет"), so the pieces glue and the caller splits them again.
fn splits_elsewhere(l: &str, joined: &str, vocab: &Vocab) -> bool {
    let Some(split) = vocab.unglue(joined) else {
        return false;
    };
    let first = split.split(' ').next().unwrap_or_default();
    first.chars().count() != l.chars().count()
        && split.split(' ').all(|w| w.chars().nth(3).is_some())
}

/// A single letter and a comma opening a line after a longer word
/// ("Абаттандыруғ" / "а,"): the word's last letter, since neither language's
/// one-letter words (a conjunction, a preposition) come right before a comma.
fn ends_a_word_with_a_letter(l: &str, right: &str) -> bool {
    let mut chars = right.chars();
    let letter = chars.next().is_some_and(is_letter);
    letter && matches!(chars.as_str(), "," | ";") && l.chars().nth(3).is_some()
}

/// A Russian one-letter word alone at a line's edge beside a word the
/// document prints more than once ("повесток" / "о", "В" / "р а з м е р е"),
/// their joined form never printed: two words, not a word's broken end.
fn one_letter_word_apart(l: &str, r: &str, joined: &str, vocab: &Vocab) -> bool {
    let single = |w: &str, set: &str| w.chars().count() == 1 && set.contains(w);
    let word = |w: &str| w.chars().nth(3).is_some() && vocab.get(w).total >= 2;
    let apart = (single(r, "оив") && word(l)) || (single(l, "вкосиу") && word(r));
    apart && vocab.get(joined).total == 0
}

/// Whether both pieces are words the document prints many times while their
/// joined form is printed at most once: that one joined form is a letter-spaced
/// line whose word gap was lost ("т о п қ а к і р е т і н"), not evidence that
/// the pieces ("топқа" / "кіретін", each printed in every row) are one word.
/// A piece no word starts with ("Жергілі" / "кті") is a fragment however often.
fn pieces_outnumber_joined(vocab: &Vocab, l: &str, r: &str, joined: &str) -> bool {
    let (left, right) = (vocab.get(l).total, vocab.get(r).total);
    // Pieces of three letters or fewer ("бюд" / "жет") are too often the
    // same break repeated in every row to count as words on their own.
    let long = |w: &str| w.chars().nth(3).is_some();
    let words = long(l) && long(r) && can_start_word(r);
    // Another word holding the letters around the break ("хозяйственного"
    // for "сельскохозяйст" / "венных") says the pieces are one word after all.
    words
        && left >= 3
        && right >= 3
        && vocab.get(joined).total <= 1
        && !vocab.junction_in(l, r, Some(joined))
}

/// Whether the right piece is the start of a longer word the document
/// prints whole ("құжатта" of "құжаттарды") while nothing known starts with
/// the joined letters: the piece opens a word of its own.
fn opens_known_word(vocab: &Vocab, r: &str) -> bool {
    r.chars().nth(2).is_some() && vocab.starts_a_word(r, r.chars().count() + 1)
}

/// Kazakh back and front vowels: a suffix takes the row of the stem's last
/// vowel, so the letters after a break inside a Kazakh word keep it.
const BACK_VOWELS: &str = "аоұы";
const FRONT_VOWELS: &str = "әөүіе";

/// Whether two pieces with no other evidence read as two Kazakh words by
/// vowel harmony: the left piece's last vowel and the right piece's first
/// are of different rows ("ақпараттарды" / "тіркеуг", "Жетісу" / "жанары").
fn breaks_harmony(l: &str, r: &str) -> bool {
    let row = |c: char| {
        if BACK_VOWELS.contains(c) {
            Some(false)
        } else if FRONT_VOWELS.contains(c) {
            Some(true)
        } else {
            None
        }
    };
    let kazakh = l.contains(is_kazakh_letter) || r.contains(is_kazakh_letter);
    let last = l.chars().rev().find_map(row);
    let first = r.chars().find_map(row);
    kazakh && last.zip(first).is_some_and(|(a, b)| a != b)
}

/// Kazakh words of two letters that no suffix spells ("ең" most, "әр" each):
/// alone at a line's start they are words, not a word's broken-off end.
const SHORT_WORDS: &[&str] = &["ең", "әр"];

/// Kazakh case endings that a narrow column leaves alone on a line
/// ("көгалдандыр" / "уға") and that are never words of their own: the dative
/// of a verbal noun and of nouns, and the genitive.
const CASE_ENDINGS: &[&str] = &[
    "уға", "уге", "үге", "руға", "руге", "ға", "ге", "қа", "ке", "ның", "нің", "дың", "дің", "тың",
    "тің",
];

/// Whether the joined word is a word the document prints whole, reaching
/// past the line end, and a case ending ("іс-шарал" / "арға": "іс-шаралар" +
/// "ға"): a stem no word boundary can cut, so one word.
fn known_stem_and_ending(vocab: &Vocab, l: &str, joined: &str) -> bool {
    let left = l.chars().count();
    CASE_ENDINGS.iter().any(|e| {
        joined.strip_suffix(e).is_some_and(|stem| {
            let n = stem.chars().count();
            n > left && n >= 4 && vocab.knows(stem)
        })
    })
}

/// Whether a line's first word is only a Kazakh case ending (see `CASE_ENDINGS`).
fn is_case_ending(r: &str) -> bool {
    CASE_ENDINGS.contains(&r)
}

/// Russian adjective endings that are never words of their own: a narrow
/// cell breaks "квадрат" / "ных" at the syllable, and the tail alone on its
/// line is evidence enough (the lone-suffix rule only covers two letters).
const ADJECTIVE_TAILS: &[&str] = &[
    "ных", "ным", "ными", "ного", "ному", "ной", "ого", "ому", "ная", "ное", "ные", "ную", "овых",
    "овой", "овая", "овые",
];

/// Consonants of Kazakh and Russian Cyrillic.
const CONSONANTS: &str = "бвгғджзйкқлмнңпрстфхһцчшщъь";
/// Two-consonant word starts that occur (mostly in Russian and loanwords).
const ONSETS: &[&str] = &[
    "бл", "бр", "вв", "вд", "вз", "вк", "вм", "вп", "гд", "вл", "вн", "во", "вр", "вс", "вт", "вх",
    "гл", "гн", "гр", "дв", "дл", "др", "жд", "жр", "зв", "зд", "зл", "зн", "кв", "кл", "кн", "кр",
    "мл", "мн", "пл", "пр", "пс", "пч", "рж", "сб", "св", "сг", "сд", "сж", "ск", "сл", "см", "сн",
    "сп", "ср", "ст", "сф", "сх", "сц", "сч", "тв", "тк", "тр", "фл", "фр", "хв", "хл", "хр", "цв",
    "чл", "чт", "шв", "шк", "шл", "шм", "шн", "шп", "шт", "щ",
];

/// Whether a word can start with these letters: no word starts with ь, ъ or ң,
/// nor with two consonants outside the known onsets ("кті" is a word's tail).
pub fn can_start_word(w: &str) -> bool {
    let mut it = w.chars();
    let (Some(a), b) = (it.next(), it.next()) else {
        return true;
    };
    if "ьъң".contains(a) {
        return false;
    }
    let Some(b) = b else { return true };
    if !(CONSONANTS.contains(a) && CONSONANTS.contains(b)) {
        return true;
    }
    // The onsets that `a`, `b` start with (a one-letter onset needs `a` only).
    ONSETS.iter().any(|o| {
        let mut o = o.chars();
        o.next() == Some(a) && o.next().is_none_or(|c| c == b)
    })
}

fn ends_in_letter(s: &str) -> bool {
    s.chars().last().is_some_and(char::is_alphabetic)
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_lowercase_and_letter_tests_agree_with_std() {
        for n in 0..0x600u32 {
            let Some(c) = char::from_u32(n) else { continue };
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            if let Some(l) = lower_fast(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        assert_eq!(word_core("«Қаржыландыру»,"), "қаржыландыру");
        // Every letter up to U+05FF inside a word, alone and beside a Cyrillic one.
        for n in 0..0x600u32 {
            let Some(c) = char::from_u32(n).filter(|c| c.is_alphanumeric()) else {
                continue;
            };
            for token in [format!("{c}"), format!("ж{c}ы"), format!("Ж{c}{c}")] {
                let want: String = token.chars().flat_map(char::to_lowercase).collect();
                assert_eq!(word_core(&token), want, "{c:?}");
            }
        }
        // The run-copying fast path gives what lowercasing char by char gives.
        for token in [
            "(ҚАРЖЫ-Land)",
            "жұмыссыз,",
            "ӘкімДІГІ",
            "ΣΟΦΊΑ",
            "İstanbul",
            "\"Ө1Ү\"",
        ] {
            let core = token.trim_matches(|c: char| !c.is_alphanumeric());
            let want: String = core.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(word_core(token), want, "{token}");
        }
    }

    #[test]
    fn word_starts_are_told_by_the_onsets_for_every_letter_pair() {
        // The onsets read as string prefixes of the first two letters.
        let by_prefix = |w: &str| {
            let mut it = w.chars();
            let (a, b) = (it.next().unwrap(), it.next().unwrap());
            if "ьъң".contains(a) {
                return false;
            }
            if !(CONSONANTS.contains(a) && CONSONANTS.contains(b)) {
                return true;
            }
            let pair: String = [a, b].iter().collect();
            ONSETS.iter().any(|o| pair.starts_with(o))
        };
        let letters: Vec<char> = ('а'..='я').chain("әғқңөұүһіё".chars()).collect();
        for &a in &letters {
            for &b in &letters {
                let w = format!("{a}{b}а");
                assert_eq!(can_start_word(&w), by_prefix(&w), "{w}");
            }
        }
    }

    #[test]
    fn numbers_in_keys_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 1234, usize::MAX] {
            let mut key = String::from("k");
            push_number(&mut key, n);
            assert_eq!(key, format!("k{n}"));
        }
    }

    #[test]
    fn stored_word_cores_are_the_computed_ones_and_end_with_the_reading() {
        let text = std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
            .expect("fixture");
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let plain: Vec<String> = tokens.iter().map(|t| word_core(t)).collect();
        // Twice through: the first pass stores the cores, the second reads them back.
        let stored: Vec<Vec<String>> = with_word_cores(|| {
            let pass = || tokens.iter().map(|t| word_core(t)).collect::<Vec<_>>();
            vec![pass(), pass()]
        });
        assert_eq!(stored, [plain.clone(), plain]);
        assert!(CORES.with(|c| c.borrow().is_none()));
    }

    fn vocab() -> Vocab {
        Vocab::from_lines([
            "Қатысушылардың еңбегіне төленетін ақының мөлшері",
            "150 құжатқа",
            "метрге дейін",
            "қаржыландыру көздері және жұмыстардың түрлері",
            "\"Тірек и М\" қозғалыс",
            "мүшелері",
            "заңнамасында белгіленген ең төменгі",
            "мүмкіндігі",
            "шектеулі",
            "Мүмкіндігі",
            "шектеулі",
            "сельскохозяйст",
            "сельскохозяйст",
            "венных",
            "хозяйственного ведения",
        ])
    }

    #[test]
    fn joins_fragments_with_evidence() {
        let v = vocab();
        let cases = [
            ("Қаржылан", "дыру", true, true),
            ("қатысу", "шыға)", true, false),
            ("Жергілікт", "і", false, true),
            ("жұмыст", "ардың", false, false),
            ("Қаржыланды", "ру", false, true),
            ("Жергілі", "кті", false, false),
            ("квадрат", "ных", false, true),
            ("сельскохозяйст", "венных", false, true),
        ];
        for (l, r, spaced, alone) in cases {
            assert_eq!(decide(l, r, spaced, alone, &v), Join::Glue, "{l}+{r}");
        }
    }

    #[test]
    fn keeps_separate_words_apart() {
        let v = vocab();
        let cases = [
            ("құжатқа", "дейін", true, true),
            ("қозғалыс", "мүшелері", true, false),
            ("белгіленген", "ең", false, false),
            ("ауруларының", "алдын", false, false),
            ("бюджет", "Жергілікті", false, true),
            ("тазалау)", "шаруашылық", false, false),
            ("Мүмкіндігі", "шектеулі", true, true),
            ("бордюров", "вдоль", false, true),
        ];
        for (l, r, spaced, alone) in cases {
            assert_eq!(decide(l, r, spaced, alone, &v), Join::Space, "{l}+{r}");
        }
    }

    #[test]
    fn rejoins_pieces_printed_apart_on_one_line_only_with_evidence() {
        let v = Vocab::from_lines([
            "Жергілікті бюджет",
            "Жергілікті бюджет",
            "Жергілікті",
            "Же ргілікті бюджет",
        ]);
        assert!(v.inline_split("Же", "ргілікті"));
        assert!(!v.inline_split("Жергілікті", "бюджет"));
        // A piece that may open a word joins on stronger evidence: the joined
        // word printed three times, neither piece anywhere else.
        let mut lines = vec!["Қазақстан Республикасының"; 2];
        lines.push("Ре спубликасының заңнамасында");
        assert!(!Vocab::from_lines(lines.clone()).inline_split("Ре", "спубликасының"));
        lines.push("Республикасының");
        assert!(Vocab::from_lines(lines.clone()).inline_split("Ре", "спубликасының"));
        lines.push("Ре");
        assert!(!Vocab::from_lines(lines).inline_split("Ре", "спубликасының"));
        // One letter apart is a word of its own ("Тірек и М"), however often
        // the layout dropped that space elsewhere.
        let v = Vocab::from_lines(["Тіреки М", "Тіреки М", "Тіреки М", "Тірек и М"]);
        assert!(!v.inline_split("Тірек", "и"));
    }

    #[test]
    fn splits_words_printed_without_spaces_only_when_rare() {
        let line = "В размере минимальной заработной платы";
        let v = Vocab::from_lines([line, line, line, "Вразмереминимальной"]);
        assert_eq!(
            v.unglue("Вразмереминимальной").as_deref(),
            Some("В размере минимальной")
        );
        assert_eq!(v.unglue("минимальной"), None);
        assert_eq!(v.unglue("көгалдандырға"), None);
    }

    #[test]
    fn frequent_words_stay_apart_when_their_join_is_printed_once() {
        // Every row prints "топқа" / "кіретін" on two lines; one letter-spaced
        // line lost its word gap and printed "топқакіретін" once.
        let mut lines = vec!["Мақсатты топқакіретін"];
        for _ in 0..3 {
            lines.extend(["топқа", "кіретін", "Жергілікті бюд", "жет", "бюджет"]);
        }
        let v = Vocab::from_lines(lines);
        assert_eq!(decide("топқа", "кіретін", false, true, &v), Join::Space);
        // Short pieces are the same break repeated, not words of their own.
        assert_eq!(decide("бюд", "жет", false, false, &v), Join::Glue);
    }

    #[test]
    fn a_case_ending_alone_on_a_line_joins_the_word_before() {
        // The same break in every row: no whole form anywhere in the document.
        let mut lines = Vec::new();
        for _ in 0..3 {
            lines.extend([
                "Абаттандыруға, көгалдандыр",
                "уға көмек",
                "көгалданды",
                "руға",
            ]);
        }
        let v = Vocab::from_lines(lines);
        assert_eq!(decide("көгалдандыр", "уға", false, false, &v), Join::Glue);
        assert_eq!(decide("көгалданды", "руға", false, true, &v), Join::Glue);
    }

    #[test]
    fn a_spaced_line_continuing_a_known_word_is_joined() {
        let mut lines = vec!["Жергілікті бюджет"];
        for _ in 0..3 {
            lines.extend(["Жерг", "ілікт"]);
        }
        let v = Vocab::from_lines(lines);
        assert_eq!(decide("Жерг", "ілікт", true, true, &v), Join::Glue);
    }

    #[test]
    fn a_short_word_at_a_line_start_is_no_suffix() {
        // Every row breaks the same way: "ең" is only ever seen at line starts.
        let mut lines = Vec::new();
        for _ in 0..3 {
            lines.extend(["заңнамасында белгіленген", "ең", "төменгі"]);
        }
        let v = Vocab::from_lines(lines);
        assert_eq!(decide("белгіленген", "ең", false, false, &v), Join::Space);
        assert_eq!(decide("белгіленг", "ен", false, false, &v), Join::Glue);
    }

    #[test]
    fn a_feminine_or_plural_adjective_ending_alone_joins_the_word_before() {
        let v = Vocab::from_lines([
            "\"Централизован",
            "ная",
            "библиотечная",
            "культурно-масс",
            "овых",
        ]);
        assert_eq!(
            decide("\"Централизован", "ная", false, true, &v),
            Join::Glue
        );
        assert_eq!(
            decide("культурно-масс", "овых", false, true, &v),
            Join::Glue
        );
    }

    #[test]
    fn a_one_letter_word_beside_a_repeated_word_stays_apart() {
        let v = Vocab::from_lines(["Разнос", "повесток", "о", "до 500", "повесток"]);
        assert_eq!(decide("повесток", "о", false, true, &v), Join::Space);
        let v = Vocab::from_lines(["В", "размере", "В размере 2"]);
        assert_eq!(decide("В", "размере", true, true, &v), Join::Space);
        // A word's last letter whose joined form the document prints is glued.
        let v = Vocab::from_lines(["территори", "и", "уборке территории", "территори"]);
        assert_ne!(decide("территори", "и", false, true, &v), Join::Space);
    }

    #[test]
    fn a_letter_and_a_comma_opening_a_line_end_the_word_before() {
        // "а" is printed mid-line elsewhere (a broken word at a line end), so
        // only the comma tells the letter from a word.
        let v = Vocab::from_lines(["Абаттандыруғ", "а,", "төленетін а", "йлық", "а,"]);
        assert_eq!(decide("Абаттандыруғ", "а,", false, true, &v), Join::Glue);
        assert_eq!(decide("Абаттандыруғ", "а", false, true, &v), Join::Space);
        // A short piece before it is no evidence of a word's end.
        assert_eq!(decide("мен", "а,", false, true, &v), Join::Space);
    }

    #[test]
    fn a_glued_token_repeated_a_few_times_splits_when_its_words_are_far_more_frequent() {
        let mut lines = vec!["Вразмере минимальной"; 3];
        lines.extend(["В размере минимальной"; 15]);
        assert_eq!(
            Vocab::from_lines(lines.iter().copied())
                .unglue("Вразмере")
                .as_deref(),
            Some("В размере")
        );
        // As frequent as its pieces: a word of its own.
        let mut lines = vec!["Вразмере"; 3];
        lines.extend(["В размере"; 4]);
        assert_eq!(
            Vocab::from_lines(lines.iter().copied()).unglue("Вразмере"),
            None
        );
    }

    #[test]
    fn weak_evidence_joins_with_doubt() {
        let v = vocab();
        assert_eq!(decide("қатыс", "ушығ", false, false, &v), Join::GlueUnsure);
    }

    #[test]
    fn a_known_word_across_the_line_end_with_a_case_ending_is_one_word() {
        let lines = [
            "Мәдени іс-шаралар ұйымдастыру",
            "4 мәдени",
            "іс-шарал",
            "арға",
            "5 мәдени",
            "іс-шарал",
            "арға",
        ];
        let v = Vocab::from_lines(lines);
        assert_eq!(decide("іс-шарал", "арға", false, true, &v), Join::Glue);
        // No known stem across the line end: two words stay two.
        assert_eq!(decide("мәдени", "арға", false, false, &v), Join::Space);
    }

    #[test]
    fn pieces_of_clashing_vowel_rows_with_no_evidence_stay_two_words() {
        let v = Vocab::from_lines(["\"Жетісу", "жанары\"", "Қаржылан", "дыру"]);
        assert_eq!(decide("\"Жетісу", "жанары\"", true, true, &v), Join::Space);
        // Same row: the letter-spaced continuation still joins.
        assert_eq!(decide("Қаржылан", "дыру", true, true, &v), Join::Glue);
        // Russian words are left to the other rules.
        assert!(!breaks_harmony("моме", "нтально"));
    }

    #[test]
    fn a_spaced_line_opening_a_word_printed_whole_elsewhere_starts_a_word() {
        let v = Vocab::from_lines([
            "Медициналық",
            "құжатта",
            "рды",
            "мұрағатқа құжаттарды өңдеу",
        ]);
        assert_eq!(
            decide("Медициналық", "құжатта", true, true, &v),
            Join::Space
        );
    }
}
