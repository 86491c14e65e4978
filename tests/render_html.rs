//! HTML output: autoescaping, self-contained files, and a real browser printing
//! the appendix (headless Chromium → PDF → pdftotext).

mod corpus_support;
mod render_support;

use corpus_support::decree;
use qauly::app::render::{
    build, export_templates, render, BuildOptions, Format, Part, RenderOptions,
};
use qauly::{html, templates};
use render_support::*;
use std::process::Command;

#[test]
fn script_in_an_organization_name_comes_out_escaped() {
    let mut d = decree("train/t0003");
    d.appendices[0].table.rows[0].organization = "<script>alert(1)</script> \"Ұйым\" & Co".into();
    let tera = templates::load(None).unwrap();
    for out in [
        html::appendix_html(&tera, &d).unwrap(),
        html::decree_html(&tera, &d).unwrap(),
    ] {
        assert!(!out.contains("<script>"), "raw script tag in output");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Ұйым&quot; &amp; Co"));
    }
}

#[test]
fn html_is_self_contained_utf8_with_print_and_phone_css() {
    let tera = templates::load(None).unwrap();
    let out = html::appendix_html(&tera, &decree("train/t0001")).unwrap();
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("name=\"viewport\""));
    assert!(out.contains("size: A4 landscape"));
    assert!(out.contains("display: table-header-group"));
    assert!(out.contains("@media screen and (max-width"));
    for external in ["<link", "<script", "src=", "@import", "url("] {
        assert!(!out.contains(external), "external reference `{external}`");
    }
}

#[test]
fn build_writes_all_five_outputs_and_render_writes_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = std::path::PathBuf::from("fixtures/corpus/train/t0012.gold.yaml");
    build(&BuildOptions {
        input: input.clone(),
        out_dir: dir.path().join("out"),
        templates: None,
    })
    .unwrap();
    for name in [
        "decree.yaml",
        "appendix.html",
        "appendix.pdf",
        "decree.html",
        "decree.pdf",
    ] {
        let len = std::fs::metadata(dir.path().join("out").join(name))
            .unwrap()
            .len();
        assert!(len > 500, "{name} is {len} bytes");
    }
    let yaml = std::fs::read_to_string(dir.path().join("out/decree.yaml")).unwrap();
    assert_eq!(
        qauly::yaml::from_str(&yaml, "decree.yaml").unwrap(),
        decree("train/t0012")
    );
    let out = dir.path().join("a.pdf");
    let opts = RenderOptions {
        input,
        to: Format::Pdf,
        part: Part::Appendix,
        output: out.clone(),
        templates: None,
    };
    render(&opts).unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temp files left: {leftovers:?}");
}

#[test]
fn a_broken_yaml_names_the_key_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("fixtures/corpus/train/t0012.gold.yaml").unwrap();
    let bad = text.replacen("  organization:", "  organisation:", 1);
    let input = dir.path().join("bad.yaml");
    std::fs::write(&input, bad).unwrap();
    let out = dir.path().join("out.html");
    let opts = RenderOptions {
        input,
        to: Format::Html,
        part: Part::Appendix,
        output: out.clone(),
        templates: None,
    };
    let err = render(&opts).unwrap_err().to_string();
    assert!(
        err.contains("bad.yaml") && err.contains("organisation"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn edited_exported_templates_are_used_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let tdir = dir.path().join("tpl");
    export_templates(&tdir).unwrap();
    let path = tdir.join("_appendix.html.tera");
    let t = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, t.replace("<h2>", "<h2 class=\"mine\">")).unwrap();
    let input = std::path::PathBuf::from("fixtures/corpus/train/t0012.gold.yaml");
    let out = dir.path().join("a.html");
    let mut opts = RenderOptions {
        input,
        to: Format::Html,
        part: Part::Appendix,
        output: out.clone(),
        templates: Some(tdir.clone()),
    };
    render(&opts).unwrap();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("<h2 class=\"mine\">"));
    std::fs::write(tdir.join("_table.html.tera"), "{{ appendix.nope.deeper }}").unwrap();
    opts.output = dir.path().join("b.html");
    let err = render(&opts).unwrap_err().to_string();
    assert!(err.contains("appendix.html.tera"), "{err}");
    assert!(!opts.output.exists());
}

#[test]
fn chromium_prints_the_appendix_with_every_cell_and_a_sane_page_count() {
    if !have("chromium") || !have("pdftotext") {
        return;
    }
    let d = decree("train/t0001");
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("appendix.html");
    let tera = templates::load(None).unwrap();
    std::fs::write(&html_path, html::appendix_html(&tera, &d).unwrap()).unwrap();
    let pdf = dir.path().join("printed.pdf");
    let profile = dir.path().join("profile");
    run(Command::new("chromium").args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        &format!("--user-data-dir={}", profile.display()),
        &format!("--print-to-pdf={}", pdf.display()),
        &format!("file://{}", html_path.display()),
    ]));
    let text = solid(&pdftotext(&pdf, &["-raw"]));
    let table = &qauly::view::DecreeView::new(&d).appendices[0].table;
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            for line in &cell.lines {
                assert!(
                    text.contains(&solid(line)),
                    "row {r} col {c}: `{line}` not in the printed PDF"
                );
            }
        }
    }
    let pages = page_count(&pdf);
    let rows = table.rows.len();
    assert!(
        pages >= rows / 15 && pages <= rows,
        "{pages} pages for {rows} rows"
    );
    let layout_text = pdftotext(&pdf, &["-layout"]);
    let with_header = layout_text
        .split('\u{c}')
        .filter(|p| p.contains("Нақты жағдайлары"))
        .count();
    assert_eq!(
        with_header, pages,
        "header rows repeated on every printed page"
    );
}
