//! Byte offsets to Unicode code point offsets.

/// Converts byte offsets of one string into code point offsets in O(log n).
///
/// Built once per document when the record is written; spans are stored as bytes everywhere
/// else. Only multi-byte chars are remembered, so ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// For every multi-byte char: the byte offset just after it and the number of chars up to
    /// and including it.
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::new();
        for (i, (byte, ch)) in text.char_indices().enumerate() {
            let w = ch.len_utf8();
            if w > 1 {
                marks.push((byte + w, i + 1));
            }
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
        }
    }

    /// The code point offset of byte offset `byte` (a char boundary, or the end of the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let k = self.marks.partition_point(|&(end, _)| end <= byte);
        match k {
            0 => byte,
            _ => {
                let (end, chars) = self.marks[k - 1];
                chars + (byte - end)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_curly() {
        let t = "“We’ve” said";
        let ix = CharIndex::new(t);
        for (chars, (byte, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_offset(byte), chars);
        }
        assert_eq!(ix.char_offset(t.len()), t.chars().count());
    }

    proptest! {
        #[test]
        fn matches_char_count(s in "\\PC{0,60}") {
            let ix = CharIndex::new(&s);
            for (byte, _) in s.char_indices() {
                prop_assert_eq!(ix.char_offset(byte), s[..byte].chars().count());
            }
            prop_assert_eq!(ix.char_offset(s.len()), s.chars().count());
        }
    }
}
