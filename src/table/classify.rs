//! Which column a loose block belongs to, judged by the words each column uses
//! in the document's clean rows, with columns kept in printed order.

use super::blocks::Frag;
use crate::repair::split_word::word_core_into;
use rustc_hash::FxHashMap as HashMap;

/// Word counts per column, learned from rows whose cells were unambiguous
/// (hash maps: only looked up, never iterated).
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    cols: Vec<HashMap<String, usize>>,
}

/// A word's key, written into a reused buffer (profiles look up every token
/// of a cell): digits all count as one word (volumes are numbers).
fn key_into(token: &str, out: &mut String) {
    word_core_into(token, out);
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.clear();
        out.push('#');
    }
}

impl Profiles {
    pub fn new(ncols: usize) -> Profiles {
        Profiles {
            cols: vec![HashMap::default(); ncols],
        }
    }

    pub fn add(&mut self, col: usize, frags: &[Frag]) {
        let mut k = String::new();
        let counts = &mut self.cols[col];
        for t in frags.iter().flat_map(|f| f.text.split_whitespace()) {
            key_into(t, &mut k);
            match counts.get_mut(k.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(k.clone(), 1);
                }
            }
        }
    }

    /// How well the fragments fit each column: the mean share of their known
    /// words. All columns at once, each word keyed and looked up once.
    fn scores(&self, frags: &[Frag]) -> Vec<f64> {
        let mut sums = vec![0.0; self.cols.len()];
        let mut known = 0usize;
        let mut k = String::new();
        let mut counts = Vec::with_capacity(self.cols.len());
        for t in frags.iter().flat_map(|f| f.text.split_whitespace()) {
            key_into(t, &mut k);
            counts.clear();
            counts.extend(self.cols.iter().map(|m| m.get(&k).copied()));
            let total: usize = counts.iter().flatten().sum();
            if total == 0 {
                continue;
            }
            known += 1;
            for (sum, n) in sums.iter_mut().zip(&counts) {
                *sum += n.unwrap_or(0) as f64 / total as f64;
            }
        }
        if known > 0 {
            sums.iter_mut().for_each(|s| *s /= known as f64);
        }
        sums
    }

    /// Assigns strictly increasing columns (from `first`) to the blocks,
    /// maximizing the total fit; `None` when there are more blocks than columns.
    pub fn assign(&self, blocks: &[&[Frag]], first: usize) -> Option<Vec<usize>> {
        let ncols = self.cols.len();
        let m = blocks.len();
        if m == 0 {
            return Some(Vec::new());
        }
        if first + m > ncols {
            return None;
        }
        let score: Vec<Vec<f64>> = blocks.iter().map(|b| self.scores(b)).collect();
        // best[i][c]: best total for blocks[..=i] with block i in column c.
        let mut best = vec![vec![f64::NEG_INFINITY; ncols]; m];
        let mut from = vec![vec![0usize; ncols]; m];
        for (c, slot) in best[0].iter_mut().enumerate().skip(first) {
            *slot = score[0][c];
        }
        for i in 1..m {
            for c in first + i..ncols {
                let (pc, pv) = (first + i - 1..c)
                    .map(|p| (p, best[i - 1][p]))
                    .fold((0, f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
                best[i][c] = pv + score[i][c];
                from[i][c] = pc;
            }
        }
        let mut c = (0..ncols).fold(first + m - 1, |a, b| {
            if best[m - 1][b] > best[m - 1][a] {
                b
            } else {
                a
            }
        });
        let mut out = vec![0; m];
        for i in (0..m).rev() {
            out[i] = c;
            c = from[i][c];
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frags(text: &str) -> Vec<Frag> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Frag::new(i + 1, l))
            .collect()
    }

    #[test]
    fn assigns_blocks_to_the_columns_whose_words_they_use() {
        let mut p = Profiles::new(4);
        p.add(0, &frags("\"Қарасай ауданының\nәкімінің аппараты\""));
        p.add(
            1,
            &frags("Абаттандыруға, көгалдандыруға\nқұрғақ ағаштарды кесу"),
        );
        p.add(2, &frags("1500 шаршы\nметрге дейін"));
        p.add(
            3,
            &frags("Қоғамдық жұмыстар уақытша жұмыс\nорындарын ашу жолымен"),
        );
        let a = frags("Абаттандыруға,\nкесу");
        let b = frags("орындарын ашу");
        assert_eq!(p.assign(&[&a, &b], 0), Some(vec![1, 3]));
        let c = frags("150 құжатқа\nдейін");
        assert_eq!(p.assign(&[&c], 0), Some(vec![2]));
    }
}
