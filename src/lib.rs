//! Dossier's web app: Leptos components and reactive state. It renders what `dossier_corpus`
//! computes and holds no extraction, indexing or query logic of its own.
pub mod app;
pub mod components;
pub mod corpus;
pub mod download;
pub mod library;
pub mod sharded;
pub mod state;
pub mod store;

pub use app::App;
