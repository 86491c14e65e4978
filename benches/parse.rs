//! End-to-end parse benchmark: the fixture's raw bytes → the decree YAML string
//! (decode, lines, grammar, repairs, table, YAML). Target: median ≤ 1 ms.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

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

criterion_group!(benches, parse_fixture_to_yaml);
criterion_main!(benches);
