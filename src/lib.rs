//! Dossier's web app: Leptos components and reactive state. It renders what `dossier_core`
//! computes and holds no extraction, indexing or query logic of its own.
pub mod app;
pub mod components;
pub mod corpus;
pub mod state;

pub use app::App;
