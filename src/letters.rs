//! Fast, exact character classes for Arabic text.
//!
//! `char::is_alphabetic` and `char::is_alphanumeric` search Unicode's tables
//! for every non-ASCII character: on Arabic text, where every letter is
//! non-ASCII, that search showed at the top of whole-run profiles. These
//! give the same answers, with the Arabic block (U+0600–U+06FF) read from a
//! table built once from the standard library's own answers.

use std::sync::LazyLock;

/// Bit `c - 0x600` set when the character is alphabetic / alphanumeric.
struct Block {
    alphabetic: [u64; 4],
    alphanumeric: [u64; 4],
}

static ARABIC: LazyLock<Block> = LazyLock::new(|| {
    let mut b = Block {
        alphabetic: [0; 4],
        alphanumeric: [0; 4],
    };
    for k in 0..256u32 {
        let Some(c) = char::from_u32(0x600 + k) else {
            continue;
        };
        let (word, bit) = ((k / 64) as usize, 1u64 << (k % 64));
        if c.is_alphabetic() {
            b.alphabetic[word] |= bit;
        }
        if c.is_alphanumeric() {
            b.alphanumeric[word] |= bit;
        }
    }
    b
});

fn in_block(table: &[u64; 4], c: char) -> Option<bool> {
    let k = (c as u32).wrapping_sub(0x600);
    (k < 256).then(|| table[(k / 64) as usize] & (1 << (k % 64)) != 0)
}

/// Exactly `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_block(&ARABIC.alphabetic, c).unwrap_or_else(|| c.is_alphabetic())
}

/// Exactly `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_block(&ARABIC.alphanumeric, c).unwrap_or_else(|| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_the_standard_library_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
