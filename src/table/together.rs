//! Rows whose numbers pdftotext printed together ("3" / "4"), their cells
//! pooled after the last number: the pool dealt out by the kind of each cell
//! (names and kinds of work in pairs, volumes, conditions, in row order),
//! and the blocks that split or join one cell made whole first.

use super::blocks::Block;
use super::cycle::{kind, Kind};

/// Whether a block opens in the middle of a sentence (a lowercase word).
pub(super) fn opens_lowercase(b: &Block) -> bool {
    b.frags
        .first()
        .and_then(|f| f.text.chars().next())
        .is_some_and(char::is_lowercase)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with('.')
}

/// A conditions paragraph cut by a blank line ("… входящие в" / "" /
/// "целевые группы, …", or a page break between) is one cell: the second
/// block opens mid-sentence right after a block that ends mid-sentence.
pub fn join_cut_conditions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        // The cheap tests first: every block of the table passes here.
        let joins = opens_lowercase(&b)
            && out.last().is_some_and(|p| {
                !p.frags.last().is_some_and(|f| ends_sentence(&f.text))
                    && kind(p) == Kind::Conditions
                    && kind(&b) == Kind::Conditions
            });
        match out.last_mut().filter(|_| joins) {
            Some(p) => p.frags.extend(b.frags),
            None => out.push(b),
        }
    }
    out
}

/// A conditions block whose last sentence is followed, without a blank line,
/// by a volume ("… своевременно." / "до" / "15" / "м е р о п р и я т и й")
/// is two cells.
pub fn split_volume_under_conditions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        match cut_after_sentences(&b) {
            Some((head, tail)) => {
                out.push(head);
                out.push(tail);
            }
            None => out.push(b),
        }
    }
    out
}

fn cut_after_sentences(b: &Block) -> Option<(Block, Block)> {
    if b.frags.len() < 4 {
        return None;
    }
    let at = b.frags.iter().rposition(|f| ends_sentence(&f.text))? + 1;
    let opens = |t: &str| t.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase());
    if at >= b.frags.len() || !opens(&b.frags[at].text) || kind(b) != Kind::Conditions {
        return None;
    }
    let head = Block {
        frags: b.frags[..at].to_vec(),
        page_break_before: b.page_break_before,
    };
    let tail = Block {
        frags: b.frags[at..].to_vec(),
        page_break_before: false,
    };
    (kind(&tail) == Kind::Volume && kind(&head) == Kind::Conditions).then_some((head, tail))
}

/// The pool of `rows` rows' blocks dealt out by kind: a conditions
/// continuation opening the pool's conditions (it ends the row before the
/// run) first, then per row a name and a kind of work (text blocks in
/// order), a volume and a conditions cell; short lowercase word blocks
/// (words a narrow cell printed apart) go with the conditions of the row
/// whose text came before them. `None` unless the counts are exact.
pub fn deal<'a>(pool: &[&'a Block], rows: usize) -> Option<Dealt<'a>> {
    let mut before = Vec::new();
    let (mut texts, mut volumes, mut conds) = (Vec::new(), Vec::new(), Vec::new());
    let mut strays: Vec<(usize, &Block)> = Vec::new();
    for &b in pool {
        match kind(b) {
            Kind::Conditions if opens_lowercase(b) && conds.is_empty() && before.is_empty() => {
                before.push(b)
            }
            Kind::Conditions => conds.push(b),
            Kind::Volume => volumes.push(b),
            Kind::Text if is_word_strays(b) => strays.push((texts.len(), b)),
            Kind::Text => texts.push(b),
        }
    }
    if texts.len() != 2 * rows || volumes.len() != rows || conds.len() != rows {
        return None;
    }
    let mut out: Vec<Vec<&Block>> = (0..rows)
        .map(|r| vec![texts[2 * r], texts[2 * r + 1], volumes[r], conds[r]])
        .collect();
    for (seen, b) in strays {
        // Words printed after a row's two text cells belong to that row.
        let row = seen.saturating_sub(1) / 2;
        out[row.min(rows - 1)].push(b);
    }
    Some(Dealt { before, rows: out })
}

/// The pool dealt out: blocks for the row before the run, and each row's.
pub struct Dealt<'a> {
    pub before: Vec<&'a Block>,
    pub rows: Vec<Vec<&'a Block>>,
}

/// A block of one- or two-letter lowercase words alone on their lines ("в" /
/// "и"): words of a kind of work printed apart, no cell of their own.
fn is_word_strays(b: &Block) -> bool {
    b.frags.iter().all(|f| {
        let n = f.text.chars().count();
        (1..=2).contains(&n) && f.text.chars().all(char::is_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(first: usize, text: &str) -> Block {
        Block::of_lines(first, text.lines(), false)
    }

    #[test]
    fn cells_of_rows_numbered_together_are_dealt_out_by_kind() {
        let cond = "Общественные работы для\nбезработных. Направление\nбезработных на работы.";
        let pool = [
            block(1, "Школа один"),
            block(3, "Помощь\nорганизации"),
            block(6, "Отдел два"),
            block(8, "Помощь в ведении\nделопроизводства"),
            block(11, "в"),
            block(
                13,
                "регистрации. Безработные\nна работах.\nсвоевременно.\nдо\n15\nмероприятий",
            ),
            block(20, cond),
            block(24, "до 250\nдомов"),
            block(
                27,
                "Общественные работы для\nбезработных. Безработные,\nвходящие в",
            ),
            block(31, "целевые группы\nбезработных на\nработы."),
        ];
        let owned = split_volume_under_conditions(join_cut_conditions(pool.to_vec()));
        assert_eq!(owned.len(), 10);
        let refs: Vec<&Block> = owned.iter().collect();
        let dealt = deal(&refs, 2).expect("counts fit");
        assert_eq!(dealt.before[0].first_line(), 13);
        let firsts: Vec<Vec<usize>> = dealt
            .rows
            .iter()
            .map(|r| r.iter().map(|b| b.first_line()).collect())
            .collect();
        assert_eq!(firsts, [vec![1, 3, 16, 20], vec![6, 8, 24, 27, 11]]);
    }
}
