//! Small pure repairs of extraction artifacts, one module per artifact kind.
//! Each returns what it changed, so the repair log comes for free.

pub mod displaced_link;
pub mod hyphen;
pub mod join;
pub mod spaced;
pub mod split_word;
