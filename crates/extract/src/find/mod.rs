//! Finding candidate mentions in a text: the shipped knowledge ([`gazetteer`]), the word
//! classes the rules test ([`lexicon`]), the rules for names no list holds ([`names`]) and date
//! expressions with their normalised values ([`dates`]). `stage` settles what they find.
pub mod dates;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
