//! Byte offsets to line/column positions (characters and UTF-16 code units).

use crate::diagnostic::Position;

/// Start offsets of every line, built only when a report has findings to place.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a char boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|s| *s <= offset) - 1;
        let start = self.starts[line];
        let before = &self.text[start..offset];
        let utf16_line: usize = before.encode_utf16().count();
        Position {
            line: line + 1,
            column: before.chars().count() + 1,
            utf16_column: utf16_line + 1,
            utf16_offset: self.text[..start].encode_utf16().count() + utf16_line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_utf16_units() {
        let idx = LineIndex::new("ab\n\u{e9}\u{1F600}x");
        let p = idx.position(3 + 2 + 4);
        assert_eq!(
            (p.line, p.column, p.utf16_column, p.utf16_offset),
            (2, 3, 4, 6)
        );
        assert_eq!(idx.position(0).column, 1);
        assert_eq!(idx.position(999).line, 2);
    }
}
