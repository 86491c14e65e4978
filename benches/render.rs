//! Render timings on a corpus decree YAML (35 rows): appendix HTML, appendix PDF,
//! whole-decree PDF, and one small two-page flow like a contract.

use criterion::{criterion_group, criterion_main, Criterion};
use qauly::flow::{Align, Block, FlowDoc, PageSetup, Para, Run};
use qauly::{html, pdf, templates};

fn decree() -> qauly::Decree {
    let path = "fixtures/corpus/train/t0001.gold.yaml";
    qauly::yaml::from_str(&std::fs::read_to_string(path).unwrap(), path).unwrap()
}

/// A two-page text document, the size of an employment contract.
fn contract_like(d: &qauly::Decree) -> FlowDoc {
    let mut blocks = vec![Block::Para(Para {
        runs: vec![Run::bold("ЖЕКЕ ЕҢБЕК ШАРТЫ")],
        align: Align::Center,
        ..Default::default()
    })];
    for c in d.clauses.iter().cycle().take(24) {
        blocks.push(Block::Para(Para {
            runs: vec![
                Run::bold(format!("{}.", c.number)),
                Run::plain(format!(" {}", c.text)),
            ],
            align: Align::Justify,
            first_indent: 28.0,
            space_after: 4.0,
            ..Default::default()
        }));
    }
    FlowDoc {
        setup: PageSetup::A4Portrait,
        title: "contract".into(),
        size: 11.0,
        blocks,
        page_numbers: true,
    }
}

fn benches(c: &mut Criterion) {
    let d = decree();
    let tera = templates::load(None).unwrap();
    c.bench_function("appendix_html", |b| {
        b.iter(|| html::appendix_html(&tera, &d).unwrap())
    });
    c.bench_function("appendix_pdf", |b| {
        b.iter(|| pdf::appendix_pdf(&d).unwrap())
    });
    c.bench_function("decree_pdf", |b| b.iter(|| pdf::decree_pdf(&d).unwrap()));
    let flow = contract_like(&d);
    let meta = pdf::PdfMeta::for_decree(&d, "contract");
    c.bench_function("contract_like_pdf", |b| {
        b.iter(|| pdf::render(&flow, &meta).unwrap())
    });
}

criterion_group!(render, benches);
criterion_main!(render);
