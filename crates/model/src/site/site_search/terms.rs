//! The terms of a text and of a bundle (see the module notes of [`super`]): each Chinese
//! character, each pair, their readings' first letters (`~nc`), pieces of Latin and digit runs.

use crate::chars::{fold, is_han};
use std::collections::{BTreeSet, HashMap};

/// Adds the terms of `text` to `out`; `initials(c)` gives, for a Chinese character, a bit mask of
/// the first letters of its readings (bit 0 = 'a'; 0 when unknown).
pub fn text_terms(text: &str, initials: &dyn Fn(char) -> u32, out: &mut BTreeSet<String>) {
    let mut keys = KeySet::default();
    term_keys(text, &mut |c| initials(c), &mut keys);
    out.extend(keys.into_iter().map(key_term));
}

/// A hasher for the term keys (already well mixed numbers): one multiplication.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = (k ^ (k >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeySet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<KeyHasher>>;

// Terms are gathered as numbers (no allocation per term), made text once per distinct term:
// kind in the top 4 bits; a character is 21 bits.
const K_HAN: u64 = 1 << 60;
const K_PAIR: u64 = 2 << 60;
const K_PINYIN: u64 = 3 << 60;
const K_LATIN: u64 = 4 << 60;
const K_DIGITS: u64 = 5 << 60;

/// The term a key stands for.
fn key_term(k: u64) -> String {
    let ch = |v: u64| char::from_u32((v & 0x1f_ffff) as u32).unwrap_or('\u{fffd}');
    match k & (0xf << 60) {
        K_HAN => ch(k).to_string(),
        K_PAIR => [ch(k >> 21), ch(k)].iter().collect(),
        K_PINYIN => {
            let (a, b) = ((k >> 8) as u8, k as u8);
            let mut s = String::from("~");
            s.push(char::from(a));
            if b != 0 {
                s.push(char::from(b));
            }
            s
        }
        K_DIGITS => {
            let len = ((k >> 32) & 0xf) as u32;
            (0..len)
                .rev()
                .map(|i| char::from(b'0' + ((k >> (4 * i)) & 0xf) as u8))
                .collect()
        }
        _ => {
            let len = (k & 0xff) as usize;
            (0..len).map(|i| char::from((k >> (8 * (i + 1))) as u8)).collect()
        }
    }
}

/// Adds the keys of the terms of `text` to `out` (see [`text_terms`]).
fn term_keys(text: &str, initials: &mut dyn FnMut(char) -> u32, out: &mut KeySet) {
    let chars: Vec<char> = text.chars().map(fold).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            out.insert(K_HAN | u64::from(c));
            let mine = initials(c);
            for l in letters(mine) {
                out.insert(K_PINYIN | (u64::from(l as u8) << 8));
            }
            if let Some(&d) = chars.get(i + 1).filter(|d| is_han(**d)) {
                out.insert(K_PAIR | (u64::from(c) << 21) | u64::from(d));
                let theirs = initials(d);
                for a in letters(mine) {
                    for b in letters(theirs) {
                        out.insert(K_PINYIN | (u64::from(a as u8) << 8) | u64::from(b as u8));
                    }
                }
            }
            i += 1;
        } else if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let run = &chars[start..i];
            for len in 1..=3 {
                for w in run.windows(len) {
                    let mut k = K_LATIN | len as u64;
                    for (j, c) in w.iter().enumerate() {
                        k |= u64::from(*c as u8) << (8 * (j + 1));
                    }
                    out.insert(k);
                }
            }
            // Digits (codes, amounts) also by every piece of 4 to 7: a code is found exactly.
            if run.iter().all(char::is_ascii_digit) {
                for len in 4..=7 {
                    for w in run.windows(len) {
                        let digits = w.iter().fold(0u64, |k, c| k << 4 | u64::from(*c as u8 - b'0'));
                        out.insert(K_DIGITS | (len as u64) << 32 | digits);
                    }
                }
            }
        } else {
            i += 1;
        }
    }
}

fn letters(mask: u32) -> impl Iterator<Item = char> {
    (0..26u8)
        .filter(move |n| mask & (1 << n) != 0)
        .map(|n| char::from(b'a' + n))
}

/// The bit mask of first letters of a character's readings, from the `pinyin` crate.
#[cfg(feature = "pinyin")]
pub fn reading_initials(c: char) -> u32 {
    use pinyin::ToPinyinMulti;
    let Some(multi) = c.to_pinyin_multi() else {
        return 0;
    };
    multi
        .into_iter()
        .filter_map(|p| p.plain().bytes().next())
        .filter(u8::is_ascii_lowercase)
        .fold(0, |m, b| m | 1 << (b - b'a'))
}

/// The terms of one bundle: of everything it says (`all`, which includes the names) and of its
/// names (department, region), sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BundleTerms {
    pub all: Vec<String>,
    pub names: Vec<String>,
}

/// The terms of a bundle listed by a catalog `entry` (its department and region names).
pub fn bundle_terms(b: &crate::Bundle, entry: &crate::CatalogEntry, initials: &dyn Fn(char) -> u32) -> BundleTerms {
    fragment_terms(&crate::search::Fragment::of(b), b, entry, initials)
}

/// [`bundle_terms`] from the bundle's fragment, when it is made already.
pub fn fragment_terms(
    fragment: &crate::search::Fragment,
    b: &crate::Bundle,
    entry: &crate::CatalogEntry,
    initials: &dyn Fn(char) -> u32,
) -> BundleTerms {
    // Each character's readings looked up once.
    let mut known: HashMap<char, u32> = HashMap::new();
    let mut cached = |c: char| *known.entry(c).or_insert_with(|| initials(c));
    let mut names = KeySet::default();
    for name in [&entry.department, &entry.region, &b.meta.department] {
        term_keys(name, &mut cached, &mut names);
    }
    let mut all = names.clone();
    for e in &fragment.entries {
        for t in std::iter::once(&e.title).chain(&e.texts) {
            term_keys(t, &mut cached, &mut all);
        }
    }
    let sorted = |keys: KeySet| {
        let mut v: Vec<String> = keys.into_iter().map(key_term).collect();
        v.sort_unstable();
        v
    };
    BundleTerms {
        all: sorted(all),
        names: sorted(names),
    }
}

/// The readings' initials of 农 (n) and 村 (c), none of any other character: for the tests.
#[cfg(test)]
pub(super) fn nong_cun_initials(c: char) -> u32 {
    match c {
        '农' => 1 << (b'n' - b'a'),
        '村' => 1 << (b'c' - b'a'),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_every_piece_the_module_notes_name() {
        let mut terms = BTreeSet::new();
        text_terms("农村，Ab 2010101", &nong_cun_initials, &mut terms);
        let mut expected: BTreeSet<String> = ["农", "村", "农村", "~n", "~c", "~nc", "a", "b", "ab"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let code = "2010101";
        for len in 1..=7 {
            for at in 0..=code.len() - len {
                expected.insert(code[at..at + len].to_string());
            }
        }
        assert_eq!(terms, expected);
    }
}
