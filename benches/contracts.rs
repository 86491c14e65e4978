//! `cargo bench --bench contracts`: the whole contracts batch of a decree into
//! a temporary directory, and its stages in memory.
//!
//! The fixture's 608 contracts as PDF plus the 29 combined employer PDFs (target:
//! ≤ 0.6 s on 2 cores, ≤ 30 KB per contract). `batch_to_dir` regenerates into
//! the same directory (files whose bytes do not change are left in place);
//! `batch_to_fresh_dir` writes every file into a new, empty directory.
//!
//! The fresh directories are all kept until the end (about 17 MB each): deleting
//! 638 files between iterations made the next iteration's file creations pay
//! for ext4's search past recently deleted inodes, which a user writing one
//! batch does not pay.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use qauly::app::contracts::{self, ContractFormat, ContractOptions};
use qauly::contract;
use std::path::PathBuf;
use std::time::Duration;

// The same allocator as the `qauly` binary, so the figure is the one users see.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const INPUT: &str = "fixtures/karasai-2014-public-works/input.txt";
const FORMAT: ContractFormat = ContractFormat::Pdf;

fn options(out: PathBuf) -> ContractOptions {
    ContractOptions {
        input: PathBuf::from(INPUT),
        out_dir: out,
        roster: None,
        employers: None,
        lang: None,
        format: FORMAT,
        start: qauly::model::Date::new(2014, 7, 3),
        end: None,
        mzp: None,
        templates: None,
    }
}

fn batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let opts = options(dir.path().join("out"));
    let mut g = c.benchmark_group("contracts");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("batch_to_dir", |b| {
        b.iter(|| contracts::run(&opts).unwrap())
    });
    let mut n = 0;
    g.bench_function("batch_to_fresh_dir", |b| {
        b.iter_batched(
            || {
                n += 1;
                options(dir.path().join(format!("fresh{n}")))
            },
            |fresh| contracts::run(&fresh).unwrap(),
            BatchSize::PerIteration,
        )
    });

    let decree = qauly::app::io::load_decree(&opts.input).unwrap();
    let plan = contracts::plan(&opts, &decree).unwrap();
    g.bench_function("render_all_in_memory", |b| {
        b.iter(|| contracts::render_all(&opts, &decree, &plan.contracts).unwrap())
    });
    let tera = contract::tera::contract_tera(None).unwrap();
    g.bench_function("html_and_flow_one_core", |b| {
        b.iter(|| {
            for cv in &plan.contracts {
                let html = contract::render_html(&tera, cv).unwrap();
                contract::to_flow(&html, cv).unwrap();
            }
        })
    });
    g.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
