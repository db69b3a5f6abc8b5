//! Reading: plain text or HTML in, the article out: its text, story paragraphs, what is not
//! story (with the reason) and its metadata.
//!
//! `article` runs the stage: `html` parses a page into a small tree, `readability` finds the
//! article in it, `page_meta` reads `<title>`, meta tags and JSON-LD; for text and HTML alike
//! `boilerplate` sets aside appeals, prompts and link lists, and `meta` reads the headline,
//! date, dateline and credits. May use `text`; nothing here knows about names.

pub mod article;
pub mod boilerplate;
pub mod html;
pub mod meta;
pub mod page_meta;
pub mod readability;
