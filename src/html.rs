//! HTML output from tera templates.
