//! Byte offsets to line/column positions (characters and UTF-16 code units).

use crate::diagnostic::Position;

/// Start offsets of every line: the reference implementation [`positions`] is tested against.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

#[cfg(test)]
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

/// Positions of many offsets in one pass over the text (offsets in any order): linear in the
/// text plus the number of offsets, however long the lines are.
pub(crate) fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|i| offsets[*i]);
    let mut out = vec![
        Position {
            line: 1,
            column: 1,
            utf16_column: 1,
            utf16_offset: 0
        };
        offsets.len()
    ];
    let (mut line, mut col, mut col16, mut off16) = (1, 1, 1, 0);
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = offsets[i].min(text.len());
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            chars.next();
            let units = c.len_utf16();
            off16 += units;
            if c == '\n' {
                line += 1;
                col = 1;
                col16 = 1;
            } else {
                col += 1;
                col16 += units;
            }
        }
        out[i] = Position {
            line,
            column: col,
            utf16_column: col16,
            utf16_offset: off16,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_agrees_with_the_index() {
        let text = "ab\n\u{e9}\u{1F600}x\n\nz";
        let offsets: Vec<usize> = (0..=text.len()).rev().collect();
        let idx = LineIndex::new(text);
        for (o, p) in offsets.iter().zip(positions(text, &offsets)) {
            if text.is_char_boundary(*o) {
                assert_eq!(p, idx.position(*o), "offset {o}");
            }
        }
    }

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
