//! How the index writes bundle ids and names its files: sets of ids, their text encoding
//! (LEB128 gaps or a bit map, in base64) and content-hashed file names.

use crate::catalog::fnv1a64;
use base64::Engine as _;

/// A set of bundle ids (positions in the catalog), kept sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdSet {
    Sparse(Vec<u32>),
    /// Bit `id` set; used once more than one id in 32 is present.
    Dense(Vec<u64>),
}

impl Default for IdSet {
    fn default() -> Self {
        IdSet::Sparse(Vec::new())
    }
}

impl IdSet {
    /// Adds `id` (below `n`, the number of bundles).
    pub fn push(&mut self, id: u32, n: u32) {
        match self {
            IdSet::Sparse(v) => {
                match v.last() {
                    Some(l) if *l >= id => {
                        if let Err(at) = v.binary_search(&id) {
                            v.insert(at, id);
                        }
                    }
                    _ => v.push(id),
                }
                if v.len() * 32 > n as usize && n > 64 {
                    let mut bits = vec![0u64; (n as usize).div_ceil(64)];
                    for i in v.iter() {
                        bits[*i as usize / 64] |= 1 << (i % 64);
                    }
                    *self = IdSet::Dense(bits);
                }
            }
            IdSet::Dense(bits) => bits[id as usize / 64] |= 1 << (id % 64),
        }
    }
    /// The ids, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        match self {
            IdSet::Sparse(v) => v.clone(),
            IdSet::Dense(bits) => bits
                .iter()
                .enumerate()
                .flat_map(|(w, word)| {
                    (0..64)
                        .filter(move |b| word & (1 << b) != 0)
                        .map(move |b| (w * 64 + b) as u32)
                })
                .collect(),
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            IdSet::Sparse(v) => v.is_empty(),
            IdSet::Dense(bits) => bits.iter().all(|w| *w == 0),
        }
    }
}

/// Encodes ascending ids below `n` as text: base64 of either `0` + the gaps as LEB128
/// varints, or `1` + a bit map of `n` bits — whichever is shorter. Empty for no ids.
pub fn encode_ids(ids: &[u32], n: u32) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let mut gaps = vec![0u8];
    let mut prev = 0u32;
    for (i, id) in ids.iter().enumerate() {
        let mut gap = if i == 0 { *id } else { id - prev - 1 };
        prev = *id;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                gaps.push(byte);
                break;
            }
            gaps.push(byte | 0x80);
        }
    }
    let map_len = 1 + (n as usize).div_ceil(8);
    let bytes = if map_len < gaps.len() {
        let mut map = vec![0u8; map_len];
        map[0] = 1;
        for id in ids {
            map[1 + *id as usize / 8] |= 1 << (id % 8);
        }
        map
    } else {
        gaps
    };
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
}

/// Reads what [`encode_ids`] wrote; ids at or above `n` are an error.
pub fn decode_ids(text: &str, n: u32) -> Result<Vec<u32>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(text)
        .map_err(|e| format!("postings: {e}"))?;
    let mut out = Vec::new();
    match bytes.split_first() {
        Some((0, rest)) => {
            let (mut value, mut shift, mut next) = (0u32, 0u32, 0u32);
            for b in rest {
                if shift > 28 {
                    return Err("postings: number too long".into());
                }
                value |= u32::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    let id = next.checked_add(value).ok_or("postings: overflow")?;
                    out.push(id);
                    next = id + 1;
                    value = 0;
                    shift = 0;
                }
            }
        }
        Some((1, map)) => {
            for (i, byte) in map.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        out.push((i * 8 + bit) as u32);
                    }
                }
            }
        }
        _ => return Err("postings: unknown encoding".into()),
    }
    match out.last() {
        Some(last) if *last >= n => Err(format!("postings: bundle {last} of {n}")),
        _ => Ok(out),
    }
}

/// A term's bundles: those whose texts contain it, those whose names do.
pub type Ids = (Vec<u32>, Vec<u32>);

/// Content-hashed file name: `<stem>.<16 hex digits>.<ext>`.
pub fn hashed_name(stem: &str, ext: &str, content: &[u8]) -> String {
    format!("{stem}.{:016x}.{ext}", fnv1a64(&[content]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD_NO_PAD.decode(text).unwrap()
    }

    #[test]
    fn ids_are_encoded_as_specified() {
        // Gaps: marker 0, the first id, then each id minus the previous minus one, as LEB128
        // (seven bits a byte, low first, high bit = more): 3, 0, 195 = 0xc3 0x01.
        assert_eq!(raw(&encode_ids(&[3, 4, 200], 1000)), [0, 3, 0, 0xc3, 0x01]);
        // 70,000 = 4·2¹⁴ + 34·2⁷ + 112.
        assert_eq!(raw(&encode_ids(&[70_000], 100_000)), [0, 0x80 | 112, 0x80 | 34, 4]);
        // Three ids of ten: the gaps take 4 bytes, the bit map 1 + 2: marker 1, bits 0, 2 | 9.
        assert_eq!(raw(&encode_ids(&[0, 2, 9], 10)), [1, 0b101, 0b10]);
        // A tie keeps the gaps.
        assert_eq!(raw(&encode_ids(&[1], 2)), [0, 1]);
        assert_eq!(encode_ids(&[], 10), "");
        // Base64 as RFC 4648 writes it, without padding.
        assert_eq!(encode_ids(&[0, 1], 2), "AQM");
        assert_eq!(encode_ids(&[1], 2), "AAE");
    }

    #[test]
    fn ids_round_trip_in_both_encodings() {
        for (ids, n) in [
            (vec![], 10),
            (vec![0], 1),
            (vec![3, 4, 200, 70_000], 100_000),
            ((0..1000).collect::<Vec<u32>>(), 1000),
            ((0..1000).step_by(3).collect(), 1000),
        ] {
            let text = encode_ids(&ids, n);
            assert_eq!(decode_ids(&text, n).unwrap(), ids, "{text}");
        }
        // Dense lists take the bit map: 1,000 ids in 126 bytes, not 1,001.
        assert!(encode_ids(&(0..1000).collect::<Vec<_>>(), 1000).len() < 200);
        assert!(decode_ids(&encode_ids(&[5], 10), 5).is_err(), "id beyond the bundles");
        assert!(decode_ids("Ag", 10).is_err(), "unknown encoding");
        let mut set = IdSet::default();
        for id in (0..500).step_by(7) {
            set.push(id, 500);
        }
        assert!(matches!(set, IdSet::Dense(_)));
        assert_eq!(set.to_vec(), (0..500).step_by(7).collect::<Vec<_>>());
    }
}
