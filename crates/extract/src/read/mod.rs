//! Reading one input: bytes to text ([`decode`]), an HTML page ([`html`]) or a Markdown
//! clipping with its front matter ([`markdown`]) to a text view that maps back to the raw
//! input, and the article told apart from the page furniture around it, with its title, date,
//! author and outlet ([`clean`]).
pub mod clean;
pub mod decode;
pub mod html;
pub mod markdown;
