//! Kinds of work paired with their volumes: a volume cell holding several
//! volumes means as many kinds of work, cut apart at the works cell's line
//! ends that look most like the end of one kind of work.

use super::blocks::Frag;
use super::cell::{rejoin_quiet, render, render_rejoined};
use super::Log;
use crate::model::Work;
use crate::repair::split_word::{word_core, Vocab};
use std::collections::BTreeSet;

/// Words that end a volume ("… құжатқа дейін").
const VOLUME_ENDS: &[&str] = &["дейін", "шейін"];
/// Words that open a volume before its number ("до 1000 документов").
const VOLUME_STARTS: &[&str] = &["до", "не"];

/// Splits a rendered volume cell into volumes, one number each.
pub fn split_volumes(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let numbers: Vec<usize> = (0..tokens.len())
        .filter(|&i| starts_with_digit(tokens[i]))
        .collect();
    let mut cuts = Vec::new();
    for pair in numbers.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let after_end = (a + 1..b)
            .rev()
            .find(|&i| VOLUME_ENDS.contains(&word_core(tokens[i]).as_str()));
        let cut = match after_end {
            Some(i) => i + 1,
            None if b > a + 1 && VOLUME_STARTS.contains(&word_core(tokens[b - 1]).as_str()) => {
                b - 1
            }
            None => b,
        };
        cuts.push(cut);
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(tokens.len())) {
        if cut > from {
            out.push(tokens[from..cut].join(" "));
            from = cut;
        }
    }
    out
}

fn starts_with_digit(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Kinds of work printed alone in a row (one volume): evidence for cut points.
#[derive(Debug, Default)]
pub struct KnownWorks {
    texts: BTreeSet<String>,
    /// The texts' letters without white space (see `SliceLetters`).
    letters: BTreeSet<String>,
}

impl KnownWorks {
    pub fn add(&mut self, text: &str) {
        let lower = text.to_lowercase();
        self.letters
            .insert(lower.chars().filter(|c| !c.is_whitespace()).collect());
        self.texts.insert(lower);
    }

    fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    fn knows(&self, text: &str) -> bool {
        self.texts.contains(&text.to_lowercase())
    }
}

/// Pairs the works cell with the volumes: `volumes.len()` kinds of work.
pub fn pair(
    works: &[Frag],
    volumes: &[String],
    known: &KnownWorks,
    vocab: &Vocab,
    line: usize,
    log: &mut Log,
) -> Vec<Work> {
    let wanted = volumes.len().max(1);
    let cuts = best_cuts(works, wanted, known, vocab, line, log);
    let mut parts = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(works.len())) {
        parts.push(render(&works[from..cut], vocab, log));
        from = cut;
    }
    if parts.len() != wanted && !volumes.is_empty() {
        log.warn(
            line,
            format!(
                "{} kinds of work for {} volumes",
                parts.len(),
                volumes.len()
            ),
        );
    }
    let mut out: Vec<Work> = parts
        .into_iter()
        .map(|kind| Work {
            kind,
            volume: String::new(),
        })
        .collect();
    for (k, v) in volumes.iter().enumerate() {
        match out.get_mut(k) {
            Some(w) => w.volume = v.clone(),
            None => out.push(Work {
                kind: String::new(),
                volume: v.clone(),
            }),
        }
    }
    out.retain(|w| !(w.kind.is_empty() && w.volume.is_empty()));
    out
}

/// The `wanted - 1` line ends (indices into `works`) best fit to end a kind of work.
fn best_cuts(
    works: &[Frag],
    wanted: usize,
    known: &KnownWorks,
    vocab: &Vocab,
    line: usize,
    log: &mut Log,
) -> Vec<usize> {
    if wanted < 2 {
        return Vec::new();
    }
    let mut quiet = Log::default();
    let texts = rejoin_quiet(works, vocab);
    let slices = SliceLetters::new(&texts);
    let mut scored: Vec<(i32, usize)> = (1..works.len())
        .map(|i| {
            let score = cut_score(works, &texts, i, known, &slices, vocab, &mut quiet);
            (score, i)
        })
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut cuts: Vec<usize> = scored.iter().take(wanted - 1).map(|s| s.1).collect();
    if cuts.len() + 1 < wanted
        || scored
            .get(wanted - 1)
            .is_some_and(|s| s.0 == scored[wanted - 2].0)
    {
        log.warn(
            line,
            "unsure where one kind of work ends and the next begins".to_string(),
        );
    }
    cuts.sort_unstable();
    cuts
}

/// How much the line end before `works[i]` looks like the end of a kind of work.
/// `texts` are the fragments' rejoined texts (see `rejoin_quiet`).
fn cut_score(
    works: &[Frag],
    texts: &[String],
    i: usize,
    known: &KnownWorks,
    slices: &SliceLetters,
    vocab: &Vocab,
    log: &mut Log,
) -> i32 {
    let prev = works[i - 1].text.trim_end();
    let next = works[i].text.trim_start();
    if prev.ends_with([',', '(', '-'])
        || next.starts_with([',', ')', '(', '.', ';'])
        || open_paren(&works[..i])
    {
        return -10;
    }
    let last_word = prev
        .split_whitespace()
        .last()
        .map(word_core)
        .unwrap_or_default();
    let mut score = 0;
    if prev.ends_with(')') || last_word.ends_with(['у', 'ю']) || last_word.starts_with("жұмыс")
    {
        score += 2;
    }
    if next.chars().next().is_some_and(char::is_uppercase) {
        score += 2;
    }
    if known.is_empty() || !slices.may_be_known(i, known) {
        return score;
    }
    let before = render_rejoined(&works[..i], &texts[..i], vocab, log);
    let after = render_rejoined(&works[i..], &texts[i..], vocab, log);
    if known.knows(&before) || known.knows(&after) {
        score += 3;
    }
    score
}

/// The letters (white space dropped, lowercased char by char) of the slices
/// before and after each cut point. Rendering a slice only trims, glues and
/// collapses white space, so its letters are these: a cut point whose slices'
/// letters match no known kind of work cannot match one rendered, and the two
/// renders (quadratic in the cell's lines) are skipped.
struct SliceLetters {
    /// `before[i]`: letters of `texts[..i]`; `after[i]`: of `texts[i..]`.
    before: Vec<String>,
    after: Vec<String>,
    /// Lowercasing a whole text differs from char by char only for a capital
    /// sigma (final form): with one, the filter is off.
    exact: bool,
}

impl SliceLetters {
    fn new(texts: &[String]) -> SliceLetters {
        let own: Vec<String> = texts
            .iter()
            .map(|t| {
                t.chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect();
        let concat = |parts: &[String]| parts.concat();
        SliceLetters {
            before: (0..=own.len()).map(|i| concat(&own[..i])).collect(),
            after: (0..=own.len()).map(|i| concat(&own[i..])).collect(),
            exact: !texts.iter().any(|t| t.contains('Σ')),
        }
    }

    /// Whether the slice before or after cut `i` may render as a known kind of work.
    fn may_be_known(&self, i: usize, known: &KnownWorks) -> bool {
        !self.exact
            || known.letters.contains(&self.before[i])
            || known.letters.contains(&self.after[i])
    }
}

/// Whether a bracket opened in these lines is still open.
fn open_paren(frags: &[Frag]) -> bool {
    let count = |c: char| -> usize { frags.iter().map(|f| f.text.matches(c).count()).sum() };
    count('(') > count(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_volumes_one_number_each() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "150 құжатқа дейін 500 құжатқа дейін",
                &["150 құжатқа дейін", "500 құжатқа дейін"],
            ),
            (
                "1500 шаршы метрге дейін 150 құжатқа дейін",
                &["1500 шаршы метрге дейін", "150 құжатқа дейін"],
            ),
            (
                "мүмкіндігі шектеулі 20 адамға дейін",
                &["мүмкіндігі шектеулі 20 адамға дейін"],
            ),
            (
                "до 1000 документов до 50 домов",
                &["до 1000 документов", "до 50 домов"],
            ),
            ("300 үйге 1000 құжатқа", &["300 үйге", "1000 құжатқа"]),
        ];
        for (text, want) in cases {
            assert_eq!(split_volumes(text), want, "{text}");
        }
    }

    #[test]
    fn two_volumes_make_two_kinds_of_work() {
        let works: Vec<Frag> = [
            "Курьерлік жұмыс",
            "мұрағатқа",
            "өткізілетін",
            "құжаттарды өңдеу",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Frag::new(i + 1, t))
        .collect();
        let vols = vec![
            "150 құжатқа дейін".to_string(),
            "500 құжатқа дейін".to_string(),
        ];
        let mut log = Log::default();
        let got = pair(
            &works,
            &vols,
            &KnownWorks::default(),
            &Vocab::default(),
            1,
            &mut log,
        );
        assert_eq!(got[0].kind, "Курьерлік жұмыс");
        assert_eq!(got[1].kind, "мұрағатқа өткізілетін құжаттарды өңдеу");
        assert_eq!(got[1].volume, "500 құжатқа дейін");
        assert!(log.warnings.is_empty());
    }
}
