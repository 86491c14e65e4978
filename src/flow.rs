//! A document as a flow of blocks: the plain-data hand-off between what a
//! document says (decree, appendix, contract) and how the PDF engine lays it out.
//!
//! Nothing here knows printpdf; `pdf` turns a `FlowDoc` into pages and bytes.

/// Page size and orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSetup {
    A4Portrait,
    A4Landscape,
}

/// Horizontal alignment of a paragraph or cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
        }
    }
}

/// A paragraph: runs wrapped to the available width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    pub align: Align,
    /// First-line indent in points (official documents indent paragraphs).
    pub first_indent: f32,
    /// Left margin of the whole paragraph in points (e.g. the approval block).
    pub left_indent: f32,
    /// Font size in points; 0 means the document default.
    pub size: f32,
    /// Space after the paragraph in points.
    pub space_after: f32,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub bold: bool,
    pub align: Align,
}

/// A bordered table whose header rows repeat on every page it spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableBlock {
    /// Relative column widths; scaled to the text width.
    pub widths: Vec<f32>,
    pub header: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    /// Font size in points; 0 means the document default.
    pub size: f32,
}

/// A block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(TableBlock),
    /// Vertical space in points.
    Space(f32),
    PageBreak,
    /// A page orientation change starting a new page (decree text → landscape appendix).
    NewPage(PageSetup),
    /// Two texts on the same lines: one flush left, one flush right (a signatory's
    /// position and name, the parties' signature lines).
    LeftRight {
        left: Vec<Run>,
        right: Vec<Run>,
    },
}

/// A whole document ready for layout.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowDoc {
    pub setup: PageSetup,
    /// Document title for the PDF metadata.
    pub title: String,
    /// Default font size in points.
    pub size: f32,
    pub blocks: Vec<Block>,
    /// "1 / 2" page numbers in the footer.
    pub page_numbers: bool,
}
