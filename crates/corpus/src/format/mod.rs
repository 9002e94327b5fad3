//! The corpus written out: the annotation guidelines' JSON ([`json`], offsets mapped back to the
//! raw input) and the exports a reader downloads ([`export`]).
pub mod export;
pub mod json;
