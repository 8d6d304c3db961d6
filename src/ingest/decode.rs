//! Bytes to text: byte order marks, UTF-8, legacy Arabic encodings, and the
//! refusal of what is not text.
//!
//! Order of decisions:
//! 1. empty → refused;
//! 2. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); bytes that do not
//!    decode under it are refused;
//! 3. known binary signatures, NUL bytes, or many control characters → binary;
//! 4. valid UTF-8 → UTF-8;
//! 5. mostly valid UTF-8 with a few broken sequences → refused (a corrupted or
//!    truncated UTF-8 file: decoding it as a legacy encoding would be mojibake);
//! 6. otherwise chardetng guesses; windows-1256 and ISO-8859-6 (Arabic) and
//!    windows-1252 (French, English) are accepted when every byte maps and the
//!    result reads as letters; anything else is refused, never decoded lossily.

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1256};

/// Decoded text and the name of the encoding it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a file's bytes, or says in one line why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(Decoded {
                text: s.to_string(),
                encoding: "UTF-8",
            }),
            Err(e) => Err(format!(
                "invalid UTF-8 at byte {} (the file starts with a UTF-8 byte order mark)",
                e.valid_up_to() + 3
            )),
        };
    }
    // UTF-32 first: its little-endian mark starts like UTF-16's.
    if let Some(decoded) = utf32(bytes) {
        return decoded;
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match enc.decode_without_bom_handling_and_without_replacement(rest) {
                Some(s) => Ok(Decoded {
                    text: s.into_owned(),
                    encoding: enc.name(),
                }),
                None => Err(format!(
                    "undecodable bytes: not valid {} (odd length or unpaired surrogate)",
                    enc.name()
                )),
            };
        }
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(format!("binary file ({kind}), not an article"));
    }
    if bytes.contains(&0) {
        if looks_like_bomless_utf16(bytes) {
            return Err(
                "looks like UTF-16 without a byte order mark; save it as UTF-8".to_string(),
            );
        }
        return Err("binary file (contains NUL bytes), not an article".to_string());
    }
    let controls = bytes.iter().filter(|&&b| is_control_byte(b)).count();
    if controls * 10 > bytes.len() {
        return Err("binary file (too many control characters), not an article".to_string());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
        });
    }
    if let Some(at) = broken_utf8(bytes) {
        return Err(format!(
            "invalid UTF-8 at byte {at} (the rest of the file is UTF-8: corrupted or truncated?)"
        ));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess: &'static Encoding = detector.guess(None, false);
    if ![WINDOWS_1256, ISO_8859_6, WINDOWS_1252].contains(&guess) {
        return Err(format!(
            "undecodable bytes: not UTF-8 (looks like {}, which factdiff does not read); convert it to UTF-8",
            guess.name()
        ));
    }
    let Some(text) = guess.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(format!(
            "undecodable bytes: not UTF-8, and not valid {} either",
            guess.name()
        ));
    };
    if !reads_as_letters(&text) {
        return Err(format!(
            "undecodable bytes: not UTF-8, and as {} it does not read as text; convert it to UTF-8",
            guess.name()
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: guess.name(),
    })
}

fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old office document"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, k)| *k)
}

/// UTF-32 with a byte order mark (`FF FE 00 00` or `00 00 FE FF`), which
/// would otherwise read as UTF-16 and give junk: decoded, or refused when a
/// code unit is no character. `None`: not UTF-32.
fn utf32(bytes: &[u8]) -> Option<Result<Decoded, String>> {
    let (rest, little, name) = if let Some(r) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        (r, true, "UTF-32LE")
    } else if let Some(r) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        (r, false, "UTF-32BE")
    } else {
        return None;
    };
    if rest.len() % 4 != 0 {
        return Some(Err(format!(
            "undecodable bytes: not valid {name} (length not a multiple of 4)"
        )));
    }
    let mut text = String::with_capacity(rest.len() / 2);
    for (i, unit) in rest.chunks_exact(4).enumerate() {
        let u = [unit[0], unit[1], unit[2], unit[3]];
        let n = if little {
            u32::from_le_bytes(u)
        } else {
            u32::from_be_bytes(u)
        };
        match char::from_u32(n) {
            Some(c) => text.push(c),
            None => {
                return Some(Err(format!(
                    "undecodable bytes: not valid {name} (no character U+{n:X} at byte {})",
                    4 + 4 * i
                )))
            }
        }
    }
    Some(Ok(Decoded {
        text,
        encoding: name,
    }))
}

#[test]
fn utf32_with_a_byte_order_mark_is_decoded() {
    let text = "زار الوفد أنقرة في 18 سبتمبر.";
    let mut le = b"\xFF\xFE\x00\x00".to_vec();
    let mut be = b"\x00\x00\xFE\xFF".to_vec();
    for c in text.chars() {
        le.extend((c as u32).to_le_bytes());
        be.extend((c as u32).to_be_bytes());
    }
    let d = decode(&le).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-32LE"));
    let d = decode(&be).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-32BE"));
    le.push(0);
    assert!(decode(&le).unwrap_err().contains("UTF-32LE"));
}

/// ASCII-range text stored as UTF-16 without a BOM: NULs on every other byte.
fn looks_like_bomless_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 16 {
        return false;
    }
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    (even * 10 >= half * 4 && odd == 0) || (odd * 10 >= half * 4 && even == 0)
}

/// When the bytes are mostly well-formed UTF-8 multi-byte sequences with some
/// broken ones, the byte offset of the first broken sequence.
fn broken_utf8(bytes: &[u8]) -> Option<usize> {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut first_invalid = None;
    let mut offset = 0usize;
    for chunk in bytes.utf8_chunks() {
        let v = chunk.valid();
        valid_multibyte += v.bytes().filter(|b| *b >= 0x80).count();
        offset += v.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            first_invalid.get_or_insert(offset);
            invalid += bad.len();
            offset += bad.len();
        }
    }
    (valid_multibyte >= 4 && valid_multibyte >= invalid * 4).then_some(first_invalid?)
}

/// Legacy-decoded text is plausible when its non-ASCII characters are mostly
/// letters (Arabic or accented Latin) and common punctuation, not symbols or
/// C1 controls.
fn reads_as_letters(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut good = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if c.is_alphabetic()
            || matches!(
                c,
                '،' | '؛'
                    | '؟'
                    | '«'
                    | '»'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '–'
                    | '—'
                    | '…'
                    | '\u{a0}'
                    | '\u{64b}'..='\u{652}' | '\u{640}'
            )
        {
            good += 1;
        }
    }
    non_ascii > 0 && good * 10 >= non_ascii * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "شهدت العاصمة التركية أنقرة من 18 إلى 20 شتنبر الجاري، زيارة عمل رسمية للمدير العام للأمن الوطني.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(AR.as_bytes()).unwrap();
        assert_eq!(
            plain,
            Decoded {
                text: AR.to_string(),
                encoding: "UTF-8"
            }
        );
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(AR.as_bytes());
        assert_eq!(
            decode(&with_bom).unwrap().text,
            AR,
            "the BOM is not part of the text"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in AR.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(
            decode(&le).unwrap(),
            Decoded {
                text: AR.to_string(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(
            decode(&be).unwrap(),
            Decoded {
                text: AR.to_string(),
                encoding: "UTF-16BE"
            }
        );
        le.push(0x41); // odd length
        assert!(decode(&le).unwrap_err().contains("UTF-16LE"));
    }

    #[test]
    fn legacy_arabic() {
        let (bytes, _, bad) = WINDOWS_1256.encode(AR);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, AR);
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert!(decode(b"%PDF-1.4\n...").unwrap_err().contains("PDF"));
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
        assert!(decode(&[1, 2, 3, 4, 5, 6, b'a', 7, 8])
            .unwrap_err()
            .contains("control"));
        let utf16_no_bom: Vec<u8> = "hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(decode(&utf16_no_bom)
            .unwrap_err()
            .contains("without a byte order mark"));
    }

    #[test]
    fn refuses_corrupted_utf8_instead_of_mojibake() {
        let mut bytes = AR.as_bytes().to_vec();
        bytes.insert(9, 0xFF); // after "شهدت " (9 bytes)
        let err = decode(&bytes).unwrap_err();
        assert!(err.starts_with("invalid UTF-8 at byte 9 "), "{err}");
        // Truncated in the middle of a character.
        let cut = &AR.as_bytes()[..AR.len() - 2];
        let mut t = cut.to_vec();
        t.extend_from_slice("ش".as_bytes().split_at(1).0);
        t.extend_from_slice(b" more text");
        assert!(decode(&t).unwrap_err().starts_with("invalid UTF-8"));
    }

    #[test]
    fn refuses_symbol_soup() {
        // High bytes that map to symbols and C1 controls in every candidate.
        let bytes: Vec<u8> = (0..200)
            .map(|i| {
                if i % 2 == 0 {
                    0x80 + (i % 32) as u8
                } else {
                    b' '
                }
            })
            .collect();
        assert!(decode(&bytes).is_err());
    }
}
