//! Property tests: the parser never panics, whatever it is fed (arbitrary
//! strings and bytes, and the fixture with lines deleted, duplicated, shuffled
//! or blank lines added); it returns a decree or an error with a line number.

use proptest::prelude::*;
use qauly::parse::parse_decree;

fn fixture_lines() -> Vec<String> {
    std::fs::read_to_string("fixtures/karasai-2014-public-works/input.txt")
        .unwrap()
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// One way to damage the fixture's lines.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Blank(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), 1usize..5).prop_map(|(a, n)| Mutation::Blank(a, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(lines: &mut Vec<String>, m: &Mutation) {
    let n = lines.len().max(1);
    match *m {
        Mutation::Delete(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Mutation::Duplicate(i) if !lines.is_empty() => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        Mutation::Blank(i, k) => {
            for _ in 0..k {
                lines.insert(i % n, String::new());
            }
        }
        Mutation::Truncate(i) => lines.truncate(i % n),
        _ => {}
    }
}

/// An error must name a line inside the input (or line 1 of an empty one).
fn check(bytes: &[u8]) {
    match parse_decree(bytes, "p.txt") {
        Ok(d) => assert!(!d.title.is_empty()),
        Err(e) => assert!(e.to_string().starts_with("p.txt:"), "{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_strings_never_panic(s in ".{0,400}") {
        check(s.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&b);
    }

    #[test]
    fn damaged_fixture_never_panics(ms in proptest::collection::vec(mutation(), 1..12)) {
        let mut lines = fixture_lines();
        for m in &ms {
            apply(&mut lines, m);
        }
        check(lines.join("\n").as_bytes());
    }

    #[test]
    fn fixture_head_with_decree_words_never_panics(
        k in 0usize..80,
        noise in proptest::sample::select(vec!["1.", "Ескерту.", "ҚАУЛЫ ЕТЕДІ:", "№", "қосымша", "Күшін жойған", "\u{c}", "  ,", ".қаулыс"]),
    ) {
        let mut lines = fixture_lines();
        let at = k.min(lines.len());
        lines.insert(at, noise.to_string());
        check(lines.join("\n").as_bytes());
    }
}
