//! The tera templates: defaults embedded in the binary, overridable by file name.
