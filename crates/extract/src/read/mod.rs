//! Reading one input: bytes to text ([`decode`]), an HTML page ([`html`]) or a Markdown
//! clipping with its front matter ([`markdown`]) to a text view that maps back to the raw
//! input, and the article told apart from the page furniture around it, with its title, date,
//! author and outlet ([`clean`]). Inputs that hold articles (feeds, Word documents, e-mail,
//! PDF) are first opened into one HTML page per article ([`open`]).
pub mod clean;
pub mod decode;
pub mod html;
pub mod markdown;
pub mod open;
