//! The page's components, one module each, and how entity types are presented.
pub mod disagreements;
pub mod entities;
pub mod facets;
pub mod header;
pub mod library;
pub mod network;
pub mod notices;
pub mod overview;
pub mod reader;
pub mod results;
pub mod timeline;

use dossier_corpus::EntityType;

/// How a type is shown: its name, its plural, the letter that marks it beside its colour, and
/// its CSS class.
pub fn type_style(t: EntityType) -> (&'static str, &'static str, &'static str, &'static str) {
    match t {
        EntityType::Person => ("Person", "People", "P", "t-person"),
        EntityType::Org => ("Organisation", "Organisations", "O", "t-org"),
        EntityType::Place => ("Place", "Places", "L", "t-place"),
        EntityType::Weapon => ("Weapon system", "Weapon systems", "W", "t-weapon"),
        EntityType::Event => ("Event", "Events", "E", "t-event"),
        EntityType::Date => ("Date", "Dates", "D", "t-date"),
    }
}
