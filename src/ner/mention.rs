//! What the recognizer finds: a typed stretch of text.

use crate::text::span::Span;
use serde::Serialize;

/// The four CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Kind {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: companies, agencies, parties, governments as institutions.
    #[serde(rename = "ORG")]
    Org,
    /// A place: countries, cities, regions, geographic features.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, titles of works, and the like.
    #[serde(rename = "MISC")]
    Misc,
}

impl Kind {
    /// All kinds, in tag-index order.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    /// The CoNLL tag name: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    /// Parses a CoNLL tag name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One recognised name in the text, before mentions are grouped into entities.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    /// Where the name is; a possessive "’s" is outside the span.
    pub span: Span,
    /// What kind of thing it names.
    pub kind: Kind,
    /// How sure the recognizer is of the kind: the smallest, over the name's tokens, of the
    /// score margin between the kind and the next best kind (0 when unknown).
    pub confidence: f32,
    /// The kind the recognizer would give the name next, if it knows.
    pub second: Option<Kind>,
}
