//! qauly: raw text of a Kazakh akimat decree on public works → clean YAML →
//! HTML, PDF and individual employment contracts.
//!
//! The stages, in pipeline order; data flows one way:
//!
//! 1. [`decode`]: raw bytes → text (UTF-8/UTF-16, BOM, line ends), NFC.
//! 2. [`lines`]: text → numbered lines with page breaks.
//! 3. [`parse`]: lines → document structure (pest grammar in `grammar/decree.pest`),
//!    header metadata, paragraphs; [`table`] rebuilds the appendix table;
//!    [`repair`] holds the small text repairs both use.
//! 4. [`model`]: the typed decree, read and written as YAML by [`yaml`].
//! 5. Outputs, each reading `&Decree` only: [`html`] (tera templates),
//!    [`pdf`] (our layout and PDF writer, from a [`flow`] of blocks), [`contract`].
//!
//! [`app`] holds one function per CLI subcommand; `main.rs` only parses arguments.

pub mod app;
pub mod contract;
pub mod decode;
pub mod error;
pub mod flow;
pub mod flow_html;
pub mod html;
pub mod lines;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod repair;
pub mod table;
pub mod templates;
pub mod view;
pub mod yaml;

pub use error::{Error, Result};
pub use model::Decree;
