//! The table reconstruction never panics: on arbitrary lines, and on the
//! fixture's table with lines deleted, duplicated, shuffled or blanked.

use proptest::prelude::*;
use qauly::lines::Line;
use qauly::model::Language;
use qauly::table::reconstruct;

const FIXTURE: &str = include_str!("../fixtures/karasai-2014-public-works/input.txt");

fn lines_of(texts: &[String]) -> Vec<Line> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.clone(),
            page_break_before: i % 7 == 3,
        })
        .collect()
}

fn fixture_table() -> Vec<String> {
    FIXTURE.lines().skip(54).map(str::to_string).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_lines_do_not_panic(texts in prop::collection::vec("[ №0-9а-яәіңғүұқөһ\"(),.|]{0,30}", 0..80)) {
        let _ = reconstruct(&lines_of(&texts), Language::Kk);
    }

    #[test]
    fn mutated_fixture_does_not_panic(ops in prop::collection::vec((0usize..4, 0usize..1600, 0usize..1600), 0..40)) {
        let mut t = fixture_table();
        for (op, a, b) in ops {
            if t.is_empty() { break; }
            let (a, b) = (a % t.len(), b % t.len());
            match op {
                0 => { t.remove(a); }
                1 => { let l = t[a].clone(); t.insert(b, l); }
                2 => t.swap(a, b),
                _ => t.insert(a, String::new()),
            }
        }
        let out = reconstruct(&lines_of(&t), Language::Kk);
        prop_assert!(out.table.rows.len() <= t.len());
    }
}
