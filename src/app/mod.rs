//! One function per CLI subcommand, taking plain options structs (the library never sees clap).

pub mod batch;
pub mod contracts;
pub mod io;
pub mod parse;
pub mod render;
pub mod workers;
