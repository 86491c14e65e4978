//! The contracts batch on corpus decrees: one contract per demand slot, the
//! 13 particulars of Labour Code Art. 28 in every contract, pay in words,
//! manifest, templates override, determinism.

use qauly::app::contracts::{self, ContractFormat, ContractOptions};
use qauly::contract::{self, view::ContractView};
use qauly::flow_html::plain_text;
use qauly::model::{Decree, Language};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const KK: &str = "fixtures/corpus/train/t0001.gold.yaml";
const RU: &str = "fixtures/corpus/train-ru/t2001.gold.yaml";

/// Headings of the 13 particulars, as the default templates print them.
const KK_PARTICULARS: [&str; 13] = [
    "1. Тараптардың деректері",
    "2. Еңбек функциясы",
    "3. Жұмыс орны",
    "4. Шарттың мерзімі",
    "5. Жұмысқа кірісу күні",
    "6. Жұмыс уақыты және тынығу уақыты",
    "7. Еңбекке ақы төлеу мөлшері мен шарттары",
    "8. Еңбек жағдайлары, кепілдіктер мен жеңілдіктер",
    "9. Қызметкердің құқықтары мен міндеттері",
    "10. Жұмыс берушінің құқықтары мен міндеттері",
    "11. Шартты өзгерту және тоқтату тәртібі",
    "12. Тараптардың жауапкершілігі",
    "13. Шарттың жасалған күні мен нөмірі",
];
const RU_PARTICULARS: [&str; 13] = [
    "1. Сведения о сторонах",
    "2. Трудовая функция",
    "3. Место работы",
    "4. Срок договора",
    "5. Дата начала работы",
    "6. Режим рабочего времени и времени отдыха",
    "7. Размер и условия оплаты труда",
    "8. Условия труда, гарантии и льготы",
    "9. Права и обязанности работника",
    "10. Права и обязанности работодателя",
    "11. Порядок изменения и прекращения договора",
    "12. Ответственность сторон",
    "13. Дата заключения и номер договора",
];

fn decree(path: &str) -> Decree {
    qauly::app::io::load_decree(Path::new(path)).unwrap()
}

fn options(input: &str, out: &Path) -> ContractOptions {
    ContractOptions {
        input: PathBuf::from(input),
        out_dir: out.to_path_buf(),
        roster: None,
        employers: None,
        lang: None,
        format: ContractFormat::Html,
        start: None,
        end: None,
        mzp: None,
        templates: None,
    }
}

fn plan(opts: &ContractOptions) -> Vec<ContractView> {
    let d = decree(opts.input.to_str().unwrap());
    contracts::plan(opts, &d).unwrap().contracts
}

/// Each contract's HTML and the plain text of its flow.
fn rendered(contracts: &[ContractView]) -> Vec<(String, String)> {
    let tera = contract::tera::contract_tera(None).unwrap();
    contracts
        .iter()
        .map(|c| {
            let html = contract::render_html(&tera, c).unwrap();
            let text = plain_text(&contract::to_flow(&html, c).unwrap());
            (html, text)
        })
        .collect()
}

#[test]
fn writes_one_contract_per_demand_slot_of_every_row() {
    let d = decree(KK);
    let out = tempfile::tempdir().unwrap();
    contracts::run(&options(KK, out.path())).unwrap();
    let mut per_row: BTreeMap<u32, u32> = BTreeMap::new();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".html") {
            let row: u32 = stem.split('-').next().unwrap().parse().unwrap();
            *per_row.entry(row).or_default() += 1;
        }
    }
    let want: BTreeMap<u32, u32> = d.rows().map(|r| (r.number, r.demand.unwrap())).collect();
    assert_eq!(per_row, want);
    let total: u32 = d.rows().filter_map(|r| r.demand).sum();
    assert_eq!(per_row.values().sum::<u32>(), total);
    assert_eq!(total, 534, "t0001's demand column");
}

#[test]
fn numbers_contracts_by_act_row_and_position() {
    let cs = plan(&options(KK, Path::new("unused")));
    assert_eq!(cs[0].number, "2-885/1/1");
    assert_eq!(cs[33].number, "2-885/1/34");
    assert_eq!(cs[34].number, "2-885/2/1");
    assert!(
        cs[0].file_stem.starts_with("1-1-Ойтоған-орта-мектебі"),
        "{}",
        cs[0].file_stem
    );
}

#[test]
fn every_kazakh_contract_holds_the_13_particulars_and_its_row() {
    let d = decree(KK);
    let cs = plan(&options(KK, Path::new("unused")));
    let rows: BTreeMap<u32, _> = d.rows().map(|r| (r.number, r)).collect();
    for (c, (html, text)) in cs.iter().zip(rendered(&cs)) {
        for (n, heading) in KK_PARTICULARS.iter().enumerate() {
            assert!(
                html.contains(&format!("data-art28=\"{}\"", n + 1)),
                "{} lacks {n}",
                c.number
            );
            assert!(text.contains(heading), "{} lacks `{heading}`", c.number);
        }
        let row = rows[&c.row];
        assert!(text.contains(&row.organization), "{}", c.number);
        for w in &row.works {
            assert!(
                text.contains(&w.kind) && text.contains(&w.volume),
                "{}",
                c.number
            );
        }
        assert!(
            text.contains(&row.funding) && text.contains(&row.conditions),
            "{}",
            c.number
        );
        assert!(text.contains(&format!("№ {}", c.number)), "{}", c.number);
    }
}

#[test]
fn pay_is_the_multiple_of_the_minimum_wage_of_the_act_year_in_words() {
    // t0001 is a 2009 act; row 1 pays 1.5 minimum wages: 1.5 × 13 470 = 20 205
    let cs = plan(&options(KK, Path::new("unused")));
    let (_, text) = &rendered(&cs[..1])[0];
    assert!(
        text.contains("20 205 (жиырма мың екі жүз бес) теңге"),
        "{text}"
    );
}

#[test]
fn start_date_sets_the_contract_year_and_mzp_overrides_the_table() {
    let mut opts = options(KK, Path::new("unused"));
    opts.start = qauly::model::Date::new(2014, 7, 3);
    let cs = plan(&opts);
    assert_eq!(cs[0].pay.figures, "29 949");
    assert_eq!(cs[0].start, "2014 жылғы 3 шілде");
    let (_, text) = &rendered(&cs[..1])[0];
    assert!(text.contains("29 949 (жиырма тоғыз мың тоғыз жүз қырық тоғыз) теңге"));
    opts.mzp = Some(100_000.0);
    assert_eq!(plan(&opts)[0].pay.figures, "150 000");
}

#[test]
fn russian_decree_gives_russian_contracts_with_tiyn() {
    // t2001: 2011 act, 1.5 × 15 999 = 23 998,50
    let d = decree(RU);
    let cs = plan(&options(RU, Path::new("unused")));
    assert_eq!(
        cs.len() as u32,
        d.rows().filter_map(|r| r.demand).sum::<u32>()
    );
    let all = rendered(&cs);
    for (c, (_, text)) in cs.iter().zip(&all) {
        for heading in RU_PARTICULARS {
            assert!(text.contains(heading), "{} lacks `{heading}`", c.number);
        }
    }
    let text = &all[0].1;
    assert!(
        text.contains("ИНДИВИДУАЛЬНЫЙ ТРУДОВОЙ ДОГОВОР № 03-310/1/1"),
        "{text}"
    );
    assert!(text.contains(
        "23 998 тенге 50 тиын (двадцать три тысячи девятьсот девяносто восемь тенге 50 тиын)"
    ));
    assert!(text.contains("Государственное учреждение \"Аппарат акима Байзакского района\""));
}

#[test]
fn russian_contract_for_a_kazakh_decree_keeps_the_fields_in_kazakh() {
    let d = decree(KK);
    let mut opts = options(KK, Path::new("unused"));
    opts.lang = Some(Language::Ru);
    let cs = plan(&opts);
    let (html, text) = &rendered(&cs[..1])[0];
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(text.contains("ИНДИВИДУАЛЬНЫЙ ТРУДОВОЙ ДОГОВОР"));
    let row = d.rows().next().unwrap();
    assert!(text.contains(&row.works[0].kind), "Kazakh work kind kept");
    assert!(text.contains(&format!("Источник финансирования: {}", row.funding)));
    assert!(
        text.contains("двадцать тысяч двести пять"),
        "pay words in Russian"
    );
}

#[test]
fn manifest_lists_every_contract_with_its_columns() {
    let out = tempfile::tempdir().unwrap();
    contracts::run(&options(KK, out.path())).unwrap();
    let manifest = std::fs::read_to_string(out.path().join("manifest.csv")).unwrap();
    let mut lines = manifest.lines();
    assert_eq!(
        lines.next(),
        Some("number,file,employer,participant,iin,pay")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("2-885/1/1,1-1-Ойтоған-орта-мектебі"),
        "{first}"
    );
    assert!(first.ends_with(",,,20 205"), "{first}");
    assert_eq!(lines.count(), 533);
    for name in manifest
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
    {
        assert!(out.path().join(name).is_file(), "{name}");
    }
}

#[test]
fn same_inputs_give_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    contracts::run(&options(RU, a.path())).unwrap();
    contracts::run(&options(RU, b.path())).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(a.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 332);
    for n in names {
        assert_eq!(
            std::fs::read(a.path().join(&n)).unwrap(),
            std::fs::read(b.path().join(&n)).unwrap()
        );
    }
}

#[test]
fn a_template_in_the_templates_dir_overrides_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let default = contract::tera::default_text(qauly::model::Language::Kk);
    let edited = default.replace("ЖЕКЕ ЕҢБЕК ШАРТЫ", "ЕҢБЕК ШАРТЫ (ӨЗГЕРТІЛГЕН)");
    std::fs::write(dir.path().join("contract.kk.html.tera"), edited).unwrap();
    let tera = contract::tera::contract_tera(Some(dir.path())).unwrap();
    let cs = plan(&options(KK, Path::new("unused")));
    let html = contract::render_html(&tera, &cs[0]).unwrap();
    let text = plain_text(&contract::to_flow(&html, &cs[0]).unwrap());
    assert!(
        text.starts_with("ЕҢБЕК ШАРТЫ (ӨЗГЕРТІЛГЕН) № 2-885/1/1"),
        "{text}"
    );
}

#[test]
fn unsupported_markup_in_a_template_names_the_contract_and_writes_nothing() {
    let tpl = tempfile::tempdir().unwrap();
    let edited = contract::tera::default_text(qauly::model::Language::Kk)
        .replace("</body>", "<img src=\"logo.png\"></body>");
    std::fs::write(tpl.path().join("contract.kk.html.tera"), edited).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(KK, &out.path().join("contracts"));
    opts.templates = Some(tpl.path().to_path_buf());
    opts.format = ContractFormat::Both;
    let err = contracts::run(&opts).unwrap_err();
    let chain = format!("{err}: {}", std::error::Error::source(&err).unwrap());
    assert!(chain.contains("contract 2-885/1/1"), "{chain}");
    assert!(chain.contains("<img>"), "{chain}");
    assert!(!out.path().join("contracts").exists(), "nothing written");
}

#[test]
fn names_from_the_decree_are_escaped_in_html_and_kept_in_text() {
    let mut d = decree(KK);
    d.appendices[0].table.rows[0].organization = "<script>alert(1)</script> & Co".into();
    let opts = options(KK, Path::new("unused"));
    let cs = contracts::plan(&opts, &d).unwrap().contracts;
    let (html, text) = &rendered(&cs[..1])[0];
    assert!(!html.contains("<script>"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; Co")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"),
        "{html}"
    );
    assert!(text.contains("<script>alert(1)</script> & Co"));
}

#[test]
fn raw_fixture_text_gives_one_contract_per_demanded_participant() {
    let fixture = "fixtures/karasai-2014-public-works/input.txt";
    let d = decree(fixture);
    let cs = plan(&options(fixture, Path::new("unused")));
    assert_eq!(cs.len(), 608);
    for row in d.rows() {
        let n = cs.iter().filter(|c| c.row == row.number).count();
        assert_eq!(Some(n as u32), row.demand, "row {}", row.number);
    }
}

/// Needs the PDF engine (render stream) and `pdftotext`; the lead enables it
/// when `pdf_bytes` in src/app/contracts.rs is wired.
#[test]
fn pdf_contract_text_has_employer_work_and_amount_in_words() {
    let d = decree(KK);
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(KK, out.path());
    opts.format = ContractFormat::Pdf;
    opts.start = qauly::model::Date::new(2014, 7, 3);
    contracts::run(&opts).unwrap();
    let cs = plan(&opts);
    let pdf = out.path().join(format!("{}.pdf", cs[0].file_stem));
    assert!(
        std::fs::metadata(&pdf).unwrap().len() <= 30 * 1024,
        "≤ 30 KB"
    );
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let raw = String::from_utf8(text.stdout).unwrap();
    let pages = raw.matches('\u{c}').count();
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let row = d.rows().next().unwrap();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&squash(&row.organization)), "{text}");
    assert!(text.contains(&squash(&row.works[0].kind)), "{text}");
    assert!(
        text.contains("жиырма тоғыз мың тоғыз жүз қырық тоғыз"),
        "{text}"
    );
    // "1 / N" … "N / N"; pdftotext may drop the thin spaces around the slash
    let no_spaces = text.replace(' ', "");
    assert!(pages >= 2, "a contract takes more than one page");
    assert!(
        no_spaces.contains(&format!("1/{pages}"))
            && no_spaces.contains(&format!("{pages}/{pages}"))
    );
    for row in d.rows() {
        assert!(out
            .path()
            .join(format!("employer-{}.pdf", row.number))
            .is_file());
    }
}

#[test]
fn bad_command_line_values_are_rejected_before_anything_is_written() {
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(KK, &out.path().join("o"));
    opts.start = qauly::model::Date::new(2014, 7, 3);
    opts.end = qauly::model::Date::new(2014, 7, 2);
    let err = contracts::run(&opts).unwrap_err().to_string();
    assert!(
        err.contains("--end 2014-07-02 is before --start 2014-07-03"),
        "{err}"
    );
    opts.end = None;
    opts.mzp = Some(-5.0);
    assert!(contracts::run(&opts)
        .unwrap_err()
        .to_string()
        .contains("--mzp -5"));
    assert!(!out.path().join("o").exists());
}

#[test]
fn a_row_number_printed_twice_is_an_error_not_an_overwrite() {
    let mut d = decree(KK);
    d.appendices[0].table.rows[1].number = 1;
    let err = contracts::plan(&options(KK, Path::new("unused")), &d)
        .unwrap_err()
        .to_string();
    assert!(err.contains("row number 1 appears twice"), "{err}");
}

/// Same bytes from the PDF engine whatever the thread that made each file.
#[test]
fn pdf_batch_is_deterministic() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let mut opts = options("fixtures/corpus/train-ru/t2002.gold.yaml", dir.path());
        opts.format = ContractFormat::Pdf;
        contracts::run(&opts).unwrap();
    }
    let mut names: Vec<_> = std::fs::read_dir(a.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names
        .iter()
        .any(|n| n.to_str().unwrap().starts_with("employer-")));
    for n in names {
        let (x, y) = (
            std::fs::read(a.path().join(&n)).unwrap(),
            std::fs::read(b.path().join(&n)).unwrap(),
        );
        assert!(x == y, "{n:?} differs between runs");
    }
}

/// The employer PDF reuses each contract's encoded pages: it must be the very
/// file that laying out the contracts joined by page breaks would give, even
/// when the contracts draw different characters (here: different employers).
#[test]
fn combined_pdf_of_prepared_contracts_equals_the_joined_flows_rendered() {
    let cs = plan(&options(KK, Path::new("unused")));
    let tera = contract::tera::contract_tera(None).unwrap();
    let picked: Vec<&ContractView> = cs.iter().filter(|c| c.k == 1).take(4).collect();
    let flows: Vec<_> = picked
        .iter()
        .map(|c| contract::to_flow(&contract::render_html(&tera, c).unwrap(), c).unwrap())
        .collect();
    let prepared: Vec<_> = flows.iter().map(qauly::pdf::prepare).collect();
    let parts: Vec<&qauly::pdf::Prepared> = prepared.iter().collect();
    let meta = qauly::pdf::PdfMeta {
        title: "Employer".into(),
        ..Default::default()
    };
    let joined = contract::combine(flows.clone(), "Employer").unwrap();
    let whole = qauly::pdf::render(&joined, &meta).unwrap();
    assert_eq!(qauly::pdf::assemble(&parts, &meta), whole);
    let pages: usize = prepared.iter().map(|p| p.pages()).sum();
    assert_eq!(pages, qauly::pdf::layout::layout(&joined).len());
    assert!(pages >= 8, "{pages}");
}

/// Regenerating rewrites only files whose bytes change: the others keep their
/// inode (and date); a damaged one is replaced with the right bytes.
#[cfg(unix)]
#[test]
fn regenerating_rewrites_only_the_files_that_change() {
    use std::os::unix::fs::MetadataExt;
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(KK, out.path());
    opts.format = ContractFormat::Pdf;
    contracts::run(&opts).unwrap();
    let cs = plan(&opts);
    let (a, b) = (
        out.path().join(format!("{}.pdf", cs[0].file_stem)),
        out.path().join(format!("{}.pdf", cs[1].file_stem)),
    );
    let good_b = std::fs::read(&b).unwrap();
    let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
    let (ino_a, ino_b) = (ino(&a), ino(&b));
    let mut damaged = good_b.clone();
    damaged[100] ^= 0xFF;
    std::fs::write(&b, &damaged).unwrap();
    contracts::run(&opts).unwrap();
    assert_eq!(ino(&a), ino_a, "an unchanged contract is left in place");
    assert_ne!(ino(&b), ino_b, "a changed one is replaced by rename");
    assert_eq!(std::fs::read(&b).unwrap(), good_b);
}

/// A new output directory appears whole, with nothing left beside it, and
/// readable by others; an existing empty directory is filled the same way.
#[cfg(unix)]
#[test]
fn a_new_output_directory_appears_whole_and_leaves_nothing_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let names = |p: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let fresh = parent.path().join("fresh");
    contracts::run(&options(KK, &fresh)).unwrap();
    let empty = parent.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    contracts::run(&options(KK, &empty)).unwrap();
    // A link to an empty directory stays a link; the files land behind it.
    let behind = parent.path().join("behind");
    std::fs::create_dir(&behind).unwrap();
    let link = parent.path().join("link");
    std::os::unix::fs::symlink(&behind, &link).unwrap();
    contracts::run(&options(KK, &parent.path().join("link/"))).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(names(parent.path()), ["behind", "empty", "fresh", "link"]);
    let written = names(&fresh);
    assert_eq!(written.len(), plan(&options(KK, &fresh)).len() + 1);
    assert!(written.iter().any(|n| n == "manifest.csv"));
    assert_eq!(names(&empty), written);
    assert_eq!(names(&behind), written);
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
    assert_eq!(mode & 0o755, 0o755, "others may read and enter the output");
}
