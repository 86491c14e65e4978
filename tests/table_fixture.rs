//! The table of the bundled fixture, rebuilt and checked against what a careful
//! reader sees in the raw text (fixtures/karasai-2014-public-works/input.txt).

use qauly::lines::Line;
use qauly::model::{Language, RepairKind, Row};
use qauly::table::{reconstruct, TableOutput};

const FIXTURE: &str = include_str!("../fixtures/karasai-2014-public-works/input.txt");

/// Lines from the first table-header line ("№ …") to the end: 1-based numbers,
/// a page break before a line that starts with a form feed or follows 3+ blank lines.
fn table_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blanks = 0;
    let mut started = false;
    for (i, raw) in text.lines().enumerate() {
        let ff = raw.starts_with('\u{c}');
        let t = raw.trim_start_matches('\u{c}');
        started |= t.trim_start().starts_with('№');
        if started {
            out.push(Line {
                no: i + 1,
                text: t.to_string(),
                page_break_before: ff || blanks >= 3,
            });
        }
        blanks = if t.trim().is_empty() { blanks + 1 } else { 0 };
    }
    out
}

fn table() -> TableOutput {
    reconstruct(&table_lines(FIXTURE), Language::Kk)
}

fn row(out: &TableOutput, n: u32) -> &Row {
    out.table
        .rows
        .iter()
        .find(|r| r.number == n)
        .expect("row exists")
}

#[test]
fn has_29_rows_numbered_in_order() {
    let out = table();
    let numbers: Vec<u32> = out.table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=29).collect::<Vec<_>>());
}

#[test]
fn head_counts_add_up() {
    let out = table();
    let demand: u32 = out.table.rows.iter().map(|r| r.demand.unwrap()).sum();
    let supply: u32 = out.table.rows.iter().map(|r| r.supply.unwrap()).sum();
    assert_eq!(demand, 608);
    assert_eq!(supply, 608);
    assert_eq!(
        (
            row(&out, 1).demand,
            row(&out, 4).demand,
            row(&out, 29).demand
        ),
        (Some(10), Some(2), Some(6))
    );
}

const CONDITIONS: &str = "Қоғамдық жұмыстар уақытша жұмыс орындарын ашу жолымен ұйымдастырылады және тек жұмыссыздар үшін арналады. Жұмыссыздарды қоғамдық жұмыстарға жіберуді аудандық жұмыспен қамту және әлеуметтік бағдарламалар бөлімі жұмыссыздардың келісімімен тіркелу күніне сәйкес кезектілік тәртібімен жүзеге асырады. Мақсатты топқа кіретін жұмыссыздардың қоғамдық жұмыстарға басым тәртіппен қатысуға құқығы бар. Жұмыс беруші мен қоғамдық жұмыстарға қатысатын жұмыссыз арасында жеке еңбек шарты жасалады. Уақытылы еңбекақысы төленеді.";
const PAY: &str =
    "Қазақстан Республикасының заңнамасында белгіленген ең төменгі айлық жалақының 1,5 мөлшерінде";

fn works(r: &Row) -> Vec<(&str, &str)> {
    r.works
        .iter()
        .map(|w| (w.kind.as_str(), w.volume.as_str()))
        .collect()
}

#[test]
fn two_volumes_give_row_1_two_kinds_of_work() {
    let out = table();
    assert_eq!(
        works(row(&out, 1)),
        [
            ("Курьерлік жұмыс", "150 құжатқа дейін"),
            (
                "мұрағатқа өткізілетін құжаттарды өңдеу",
                "500 құжатқа дейін"
            )
        ]
    );
    assert_eq!(
        row(&out, 1).organization,
        "\"Қарасай ауданы әкімінің аппараты\" мемлекеттік мекемесі"
    );
}

#[test]
fn every_row_has_the_printed_conditions_pay_and_funding() {
    // Every row of this decree prints the same conditions, pay and funding
    // (rows 3, 7, 14, 21 and 24 are torn by page breaks and rebuilt).
    let out = table();
    for r in &out.table.rows {
        assert_eq!(r.conditions, CONDITIONS, "row {}", r.number);
        assert_eq!(r.pay, PAY, "row {}", r.number);
        assert_eq!(r.pay_mzp_multiple, Some(1.5), "row {}", r.number);
        assert_eq!(r.funding, "Жергілікті бюджет", "row {}", r.number);
        assert_eq!(r.demand, r.supply, "row {}", r.number);
    }
}

#[test]
fn first_lines_printed_before_a_row_number_join_their_row() {
    let out = table();
    assert!(row(&out, 3)
        .conditions
        .starts_with("Қоғамдық жұмыстар уақытша жұмыс орындарын ашу"));
    assert_eq!(row(&out, 2).conditions, CONDITIONS);
    assert_eq!(
        works(row(&out, 3)),
        [(
            "Қарулы күштер қатарына шақыру қағаздарын тарату",
            "500 шақыру қағазға дейін"
        )]
    );
    let abat = "Абаттандыруға, көгалдандыруға көмек көрсету (құрғақ ағаштарды кесу, шөп шабу, гүл және жас көшеттерді отырғызу, суару, отау, ағаштарды, жол бойындағы бордюрларды әктеу, қар тазалау)";
    let two = [
        (abat, "1500 шаршы метрге дейін"),
        (
            "шаруашылық кітаптарды толтыруға көмек көрсету",
            "150 құжатқа дейін",
        ),
    ];
    assert_eq!(works(row(&out, 21)), two);
    assert_eq!(works(row(&out, 20)), two);
    assert_eq!(works(row(&out, 24)), two);
}

#[test]
fn rest_of_a_cell_after_a_break_stays_in_its_row() {
    let out = table();
    for n in [17, 27] {
        let w = works(row(&out, n));
        assert_eq!(
            w[1],
            (
                "шаруашылық кітаптарды толтыруға көмек көрсету",
                "150 құжатқа дейін"
            ),
            "row {n}"
        );
    }
    assert_eq!(row(&out, 10).conditions, CONDITIONS);
}

#[test]
fn row_number_on_the_line_of_its_organization_rest() {
    let out = table();
    assert_eq!(
        row(&out, 24).organization,
        "\"Қарасай ауданының Үшқоңыр ауылдық округі әкімінің аппараты\" мемлекеттік мекемесі"
    );
    assert_eq!(
        row(&out, 23).organization,
        "\"Қарасай ауданының Райымбек ауылдық округі әкімінің аппараты\" мемлекеттік мекемесі"
    );
}

#[test]
fn authors_spelling_is_kept() {
    let out = table();
    assert!(row(&out, 5).works[0]
        .kind
        .starts_with("Абаттандыруға, көгалдандырға көмек көрсету (құрғақ"));
    assert_eq!(row(&out, 14).organization, "Қарасай аудандық \"Зорлық -зомбылық жоқ\" деп әйелдер мен балаларды қолдау орталығы\" қоғамдық бірлестігі");
    assert_eq!(
        row(&out, 10).organization,
        "\"\"Жігер-М\" мүгедек спортшылардың федерациясы\" қоғамдық бірлестігі"
    );
}

#[test]
fn spaced_and_split_words_are_joined() {
    let out = table();
    assert_eq!(
        row(&out, 14).organization.split(' ').next_back(),
        Some("бірлестігі")
    );
    assert_eq!(
        works(row(&out, 13)),
        [
            ("Бір рет қолданылатын шприц тарату", "150 үйге дейін"),
            (
                "түскен ақпараттарды тіркеуге көмектесу",
                "150 құжатқа дейін"
            )
        ]
    );
    assert_eq!(
        works(row(&out, 9)),
        [("Мүмкіндігі шектеулі мүгедектерге әлеуметтік көмек көрсету (бақшаларын қазу, отын дайындау)", "мүмкіндігі шектеулі 20 адамға дейін")]
    );
    assert_eq!(row(&out, 8).organization, "Қарасай аудандық \"Тірек и М\" қозғалыс мүшелері зақымданған мүгедектер қоғамдық бірлестігі");
    assert_eq!(row(&out, 5).organization, "\"Қарасай аудандық тұрғын-үй коммуналдық шаруашылық, жолаушы тасымалдау және автокөлік жолдары бөлімі\" мемлекеттік мекемесінің \"Шаруашылық жүргізу құқындағы \"Қолдау\" коммуналдық мемлекеттік кәсіпорны");
}

#[test]
fn split_words_are_joined_only_where_the_page_broke_them() {
    let out = table();
    let split: Vec<(usize, &str)> = out
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::SplitWord)
        .map(|r| (r.line, r.after.as_str()))
        .collect();
    assert_eq!(split, [(62, "қатысушыға)"), (1267, "Қаржыландыру")]);
}

#[test]
fn headers_are_the_printed_ones_in_order() {
    let out = table();
    assert_eq!(
        out.table.columns,
        [
            "№",
            "Ұйымдардың атауы",
            "Қоғамдық жұмыстардың түрлері",
            "Көлемі (бір қатысушыға)",
            "Нақты жағдайлары",
            "Қатысушылардың еңбегіне төленетін ақының мөлшері",
            "Қаржыландыру көздері",
            "Сұраныс(қатысушы)",
            "Ұсыныс (қатысушы)",
        ]
    );
    assert_eq!(out.table.column_groups.len(), 1);
    assert_eq!(
        out.table.column_groups[0].title,
        "Қоғамдық жұмыстардың көлемі мен нақты жағдайлары"
    );
    assert_eq!(out.table.column_groups[0].columns, [4, 5]);
}

#[test]
fn continuation_marker_is_silent_residue_and_merged_cells_are_logged() {
    let out = table();
    assert_eq!(out.residue.len(), 1);
    assert_eq!(
        (out.residue[0].line, out.residue[0].text.as_str()),
        (1261, "кестенің жалғасы")
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let merged: Vec<(usize, &str)> = out
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::ColumnMerge)
        .map(|r| (r.line, r.before.as_str()))
        .collect();
    assert!(merged.contains(&(1313, "заңнамасында белгіленген ең Жергілікті")));
    assert!(merged.contains(&(1320, "бюджет 2 2")));
    let torn = out
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::PageBreakRow)
        .count();
    assert!(torn >= 5);
    assert!(out
        .repairs
        .iter()
        .any(|r| r.kind == RepairKind::SpacedLetters
            && r.line == 550
            && r.after.ends_with("бірлестігі")));
}

#[test]
fn nothing_of_the_table_is_lost() {
    let out = table();
    let count = |s: &str| {
        let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        v.sort_unstable();
        v
    };
    let raw: String = table_lines(FIXTURE)
        .iter()
        .map(|l| l.text.clone() + "\n")
        .collect();
    let mut placed = String::new();
    let t = &out.table;
    for c in &t.columns {
        placed += c;
    }
    for g in &t.column_groups {
        placed += &g.title;
    }
    for r in &t.rows {
        placed += &format!(
            "{}{}{}{}{}{}{}",
            r.number,
            r.organization,
            r.conditions,
            r.pay,
            r.funding,
            r.demand.unwrap(),
            r.supply.unwrap()
        );
        for w in &r.works {
            placed += &format!("{}{}", w.kind, w.volume);
        }
    }
    for res in &out.residue {
        placed += &res.text;
    }
    assert_eq!(count(&placed), count(&raw));
}
