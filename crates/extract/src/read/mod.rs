//! Reading one input: bytes to text ([`decode`]), an HTML page to a text view that maps back
//! to the page ([`html`]), and the article told apart from the page furniture around it, with
//! its title, date, author and outlet ([`clean`]).
pub mod clean;
pub mod decode;
pub mod html;
