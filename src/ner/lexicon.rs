//! What the tagger knows of words beyond the training data: name lists (`gazetteer`) and word
//! classes learned from a large corpus (`wordclass`).

use super::gazetteer::Gazetteer;
use super::wordclass::WordClasses;

/// The name lists and word classes, as the tagger's features read them.
pub struct Lexicon {
    /// Name lists.
    pub gazetteer: Gazetteer,
    /// Word classes.
    pub classes: WordClasses,
}

impl Lexicon {
    /// The embedded lists and classes.
    pub fn embedded() -> Lexicon {
        Lexicon {
            gazetteer: Gazetteer::embedded(),
            classes: WordClasses::embedded(),
        }
    }
}
