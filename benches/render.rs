//! Render timings on the bundled fixture (Karasai 2014, 29 rows, parsed once) and
//! a 35-row corpus YAML: appendix HTML, appendix PDF, whole-decree PDF, and a
//! two-page text flow the size of a contract.

use criterion::{criterion_group, criterion_main, Criterion};
use qauly::flow::{Align, Block, FlowDoc, PageSetup, Para, Run};
use qauly::{html, pdf, templates};

fn fixture() -> qauly::Decree {
    let path = "fixtures/karasai-2014-public-works/input.txt";
    qauly::parse::parse_decree(&std::fs::read(path).unwrap(), "input.txt").unwrap()
}

fn corpus() -> qauly::Decree {
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
    let tera = templates::load(None).unwrap();
    for (name, d) in [("fixture", fixture()), ("t0001", corpus())] {
        c.bench_function(&format!("{name}/appendix_html"), |b| {
            b.iter(|| html::appendix_html(&tera, &d).unwrap())
        });
        c.bench_function(&format!("{name}/appendix_pdf"), |b| {
            b.iter(|| pdf::appendix_pdf(&d).unwrap())
        });
        c.bench_function(&format!("{name}/decree_pdf"), |b| {
            b.iter(|| pdf::decree_pdf(&d).unwrap())
        });
    }
    let d = corpus();
    let flow = contract_like(&d);
    let meta = pdf::PdfMeta::for_decree(&d, "contract");
    c.bench_function("contract_like_pdf", |b| {
        b.iter(|| pdf::render(&flow, &meta).unwrap())
    });
}

criterion_group!(render, benches);
criterion_main!(render);
