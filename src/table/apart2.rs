//! Part 2 (pay, funding, demand, supply) of a table whose part 1 was read from
//! the cycle of its cells ([`super::apart`]): the same layout prints part 2's
//! cells row by row as blocks, and a row torn by a page break continues its
//! pay and funding at the top of the next page, sometimes glued to the next
//! row's pay. The rows are read with the same dynamic programme as part 1,
//! held to part 1's row count, with the fits of part 2's columns: the head
//! counts are numbers alone, funding is the genre's funding words, pay the
//! rest.

use super::apart::{build, mark_openers, piece, read, Item, Piece, Rules};
use super::blocks::{Block, Frag};
use super::part2::{is_funding_word, RawPay};
use super::rows::NCOLS;
use super::Log;
use crate::repair::split_word::word_core;

const PAY: usize = 0;
const FUNDING: usize = 1;

/// Word starts of the pay cell's standard wording (Kazakh and Russian).
const PAY_WORDS: &[&str] = &[
    "мөлшер",
    "жалақ",
    "төменгі",
    "айлық",
    "заңнама",
    "белгіленген",
    "размер",
    "заработн",
    "минимальн",
    "законодател",
    "установлен",
];

/// A line of head counts: one or two numbers, alone or after funding words.
fn count_split(f: &Frag) -> Vec<Frag> {
    let tokens: Vec<&str> = f.text.split_whitespace().collect();
    let nums = tokens
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.len() <= 4 && t.parse::<u32>().is_ok())
        .count();
    let head = &tokens[..tokens.len() - nums];
    if nums == 0 || !head.iter().all(|t| is_funding_word(t)) || (head.is_empty() && nums == 1) {
        return vec![f.clone()];
    }
    let mut out = Vec::new();
    if !head.is_empty() {
        out.push(Frag {
            text: head.join(" "),
            ..f.clone()
        });
    }
    for (k, t) in tokens[tokens.len() - nums..].iter().enumerate() {
        out.push(Frag {
            text: t.to_string(),
            part: f.part + 1 + k as u8,
            ..f.clone()
        });
    }
    out
}

fn is_count(f: &Frag) -> bool {
    let t = f.text.trim();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Where a new cell may start inside a block: a count after text or text
/// after a count, or a capital after a line (a glued next row's pay).
fn may_start_cell(lines: &[Frag], k: usize) -> bool {
    let (prev, line) = (&lines[k - 1], &lines[k]);
    if is_count(line) {
        // A lone number inside a pay cell ("жалақының" / "2" / "мөлшерінде")
        // is the pay's; counts end their block or stand in pairs.
        return k + 1 == lines.len() || is_count(&lines[k + 1]) || is_count(prev);
    }
    is_count(prev) || line.text.starts_with(char::is_uppercase)
}

fn push_pieces(out: &mut Vec<Item>, lines: &[Frag], page_break: bool) {
    let mut start = 0;
    for k in 1..=lines.len() {
        if k < lines.len() && !may_start_cell(lines, k) {
            continue;
        }
        let mut p = piece(
            lines[start..k].to_vec(),
            start > 0,
            page_break && start == 0,
        );
        score(&mut p);
        out.push(Item::Piece(p));
        start = k;
    }
}

/// Sets a piece's fits for part 2's columns.
fn score(p: &mut Piece) {
    let tokens: Vec<&str> = p
        .frags
        .iter()
        .flat_map(|f| f.text.split_whitespace())
        .collect();
    if p.frags.iter().all(is_count) {
        p.start = [-5.0, -5.0, 3.0, 3.0];
        p.cont = [-5.0; NCOLS];
        p.skip = 8.0;
        return;
    }
    let funding = funding_only(&tokens);
    let pay_word = tokens.iter().any(|t| {
        let w = word_core(t);
        PAY_WORDS.iter().any(|p| w.starts_with(p))
    });
    let first = tokens.first().and_then(|t| t.chars().next());
    let lower = first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let word = if pay_word { 1.5 } else { 0.0 };
    let fund = if funding { 3.0 } else { -3.0 };
    let pay_start = if lower { -1.0 } else { 1.0 } + word - if funding { 3.0 } else { 0.0 };
    let pay_cont = if lower { 1.0 } else { 0.0 } + word - if funding { 2.0 } else { 0.0 };
    p.start = [pay_start, fund, -5.0, -5.0];
    p.cont = [pay_cont, fund - 1.0, -5.0, -5.0];
    p.skip = if tokens.len() <= 2 && !pay_word && !funding {
        0.5
    } else {
        8.0
    };
}

/// Tokens that are all funding words, a word cut by a narrow column
/// ("Жергілі" / "кті") counted once its pieces are joined.
fn funding_only(tokens: &[&str]) -> bool {
    let mut words: Vec<String> = Vec::new();
    for t in tokens {
        match words.last_mut() {
            Some(w) if !is_funding_word(t) && is_funding_word(&format!("{w}{t}")) => w.push_str(t),
            _ => words.push(t.to_string()),
        }
    }
    !words.is_empty() && words.iter().all(|w| is_funding_word(w))
}

/// Reads part 2's `expected` rows from the cycle of its cells; `None` when
/// no reading gives that count.
pub fn rows(blocks: &[&Block], expected: usize, log: &mut Log) -> Option<Vec<RawPay>> {
    let expected = u16::try_from(expected).ok().filter(|n| *n > 0)?;
    let mut items = Vec::new();
    for b in blocks {
        let lines: Vec<Frag> = b.frags.iter().flat_map(count_split).collect();
        push_pieces(&mut items, &lines, b.page_break_before);
    }
    mark_openers(&mut items);
    let rules = Rules {
        judged: 0,
        repeat: true,
    };
    let acts = read(&items, expected, rules)?;
    let pieces: Vec<&Piece> = items
        .iter()
        .filter_map(|i| match i {
            Item::Piece(p) => Some(p),
            Item::Numbers(..) => None,
        })
        .collect();
    let raw = build(&pieces, &acts, log);
    Some(raw.into_iter().map(to_pay).collect())
}

fn to_pay(r: super::rows::RawRow) -> RawPay {
    let count = |c: &[Frag]| -> Option<u32> {
        match c {
            [one] => one.text.trim().parse().ok(),
            _ => None,
        }
    };
    let line = r.cells[2]
        .first()
        .or(r.cells[3].first())
        .map_or(r.line, |f| f.no);
    RawPay {
        demand: count(&r.cells[2]),
        supply: count(&r.cells[3]),
        pay: r.cells[PAY].clone(),
        funding: r.cells[FUNDING].clone(),
        line,
        read_across: false,
    }
}

/// How many rows look whole: pay opening with a capital, funding of funding
/// words, both head counts read.
pub fn quality(rows: &[RawPay]) -> usize {
    rows.iter()
        .filter(|r| {
            let tokens: Vec<&str> = r
                .funding
                .iter()
                .flat_map(|f| f.text.split_whitespace())
                .collect();
            let pay_ok = r
                .pay
                .first()
                .and_then(|f| f.text.chars().next())
                .is_some_and(char::is_uppercase);
            pay_ok && funding_only(&tokens) && r.demand.is_some() && r.supply.is_some()
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, first: usize, page_break: bool) -> Block {
        Block::of_lines(first, text.lines(), page_break)
    }

    const PAY: &str = "Қазақстан\nРеспубликасының\nзаңнамасында белгіленген\nең төменгі айлық\nжалақының 1,5\nмөлшерінде";

    #[test]
    fn reads_a_pay_torn_by_a_page_break_and_glued_to_the_next() {
        let blocks = [
            block(PAY, 1, false),
            block("Жергілікті\nбюджет", 10, false),
            block("5", 20, false),
            block("4", 22, false),
            block(PAY, 100, false),
            block("Жергілікті\nбюджет", 110, false),
            block("7 7", 120, false),
            block("Қазақстан\nРеспубликасының", 30, false),
            block("Жергілі\nкті\nбюджет", 40, false),
            block("6 6", 50, false),
            block(
                "заңнамасында белгіленген\nең төменгі айлық\nжалақының 1,5\nмөлшерінде\nҚазақстан\nРеспубликасының\nзаңнамасында белгіленген\nең төменгі айлық\nжалақының 2\nмөлшерінде",
                60,
                true,
            ),
            block("Жергілікті бюджет 3 2", 90, false),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut log = Log::default();
        let rows = rows(&refs, 4, &mut log).expect("four rows");
        assert_eq!(rows.len(), 4);
        let lines = |c: &[Frag]| -> Vec<usize> { c.iter().map(|f| f.no).collect() };
        assert_eq!((rows[0].demand, rows[0].supply), (Some(5), Some(4)));
        assert_eq!((rows[1].demand, rows[1].supply), (Some(7), Some(7)));
        assert_eq!(lines(&rows[2].pay), vec![30, 31, 60, 61, 62, 63]);
        assert_eq!(lines(&rows[2].funding), vec![40, 41, 42]);
        assert_eq!((rows[2].demand, rows[2].supply), (Some(6), Some(6)));
        assert_eq!(lines(&rows[3].pay), vec![64, 65, 66, 67, 68, 69]);
        assert_eq!((rows[3].demand, rows[3].supply), (Some(3), Some(2)));
        assert_eq!(quality(&rows), 4);
    }
}
