//! End-to-end parse benchmark: the fixture's raw bytes → the decree YAML string
//! (decode, lines, grammar, repairs, table, YAML). Target: median ≤ 1 ms per
//! decree, on the fixture and on the whole training corpus.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};

// The same allocator as the `qauly` binary, so the figure is the one users see.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse_fixture_to_yaml(c: &mut Criterion) {
    let bytes = std::fs::read("fixtures/karasai-2014-public-works/input.txt").expect("fixture");
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("fixture_bytes_to_yaml", |b| {
        b.iter(|| {
            let decree = qauly::parse::parse_decree(black_box(&bytes), "input.txt").unwrap();
            qauly::yaml::to_string(&decree).unwrap()
        })
    });
    group.finish();
}

/// Every training decree (`fixtures/corpus/train*/t*.txt`), in name order.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<std::path::PathBuf> = ["fixtures/corpus/train", "fixtures/corpus/train-ru"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("corpus directory"))
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with('t') && name.ends_with(".txt")
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("corpus file"),
            )
        })
        .collect()
}

/// The whole corpus per iteration; throughput in decrees, so criterion reports
/// the mean time per decree ("corpus: X ms per decree").
fn parse_corpus_to_yaml(c: &mut Criterion) {
    let decrees = corpus();
    assert!(decrees.len() >= 20, "expected the training corpus");
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(decrees.len() as u64));
    group.bench_function("corpus_bytes_to_yaml", |b| {
        b.iter(|| {
            for (name, bytes) in &decrees {
                // A decree that does not parse costs its error path; the run goes on.
                if let Ok(decree) = qauly::parse::parse_decree(black_box(bytes), name) {
                    black_box(qauly::yaml::to_string(&decree).unwrap());
                }
            }
        })
    });
    group.finish();
}

/// The archivist's path: `qauly parse DIR… -o OUT` on the whole corpus (both
/// cores, each YAML written through a temporary file, the report), in decrees.
/// Each iteration writes into a new directory, as a user converting an archive
/// does; the directories are removed at the end, not between iterations
/// (on ext4, files created right after mass deletions pay for the deleted inodes).
fn batch_corpus_to_dir(c: &mut Criterion) {
    let inputs: Vec<std::path::PathBuf> = vec![
        "fixtures/corpus/train".into(),
        "fixtures/corpus/train-ru".into(),
    ];
    let count = qauly::app::batch::jobs(&inputs).expect("corpus").len();
    let root = tempfile::tempdir().expect("temp dir");
    let mut n = 0;
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function("corpus_batch_to_fresh_dir", |b| {
        b.iter_batched(
            || {
                n += 1;
                qauly::app::batch::BatchOptions {
                    inputs: inputs.clone(),
                    out_dir: root.path().join(format!("fresh{n}")),
                }
            },
            |opts| qauly::app::batch::run(&opts).expect("batch"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    parse_fixture_to_yaml,
    parse_corpus_to_yaml,
    batch_corpus_to_dir
);
criterion_main!(benches);
