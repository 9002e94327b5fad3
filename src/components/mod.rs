//! The page's components, one module each.
pub mod article_list;
pub mod reader;
