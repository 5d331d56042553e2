//! A minimal little-endian byte format for caches: numbers, strings and `u32` lists,
//! each string and list prefixed with its length. Readers stream from any `Read` (so a
//! cache is never held twice in memory) and fail with `None` on anything malformed,
//! including a length longer than what is left, so a damaged cache is rebuilt rather
//! than trusted.

use std::io::{Read, Seek, SeekFrom};

/// Appends values to a byte vector.
#[derive(Debug, Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, value: u8) {
        self.0.push(value);
    }
    pub fn bool(&mut self, value: bool) {
        self.u8(u8::from(value));
    }
    pub fn u32(&mut self, value: u32) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    pub fn i32(&mut self, value: i32) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    pub fn u64(&mut self, value: u64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    pub fn i64(&mut self, value: i64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    pub fn i128(&mut self, value: i128) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }
    pub fn length(&mut self, len: usize) {
        self.u32(u32::try_from(len).expect("cache items stay under 4 GiB"));
    }
    pub fn str(&mut self, value: &str) {
        self.length(value.len());
        self.0.extend_from_slice(value.as_bytes());
    }
    pub fn opt_str(&mut self, value: Option<&str>) {
        match value {
            Some(value) => {
                self.u8(1);
                self.str(value);
            }
            None => self.u8(0),
        }
    }
    pub fn u32s(&mut self, values: &[u32]) {
        self.length(values.len());
        for value in values {
            self.u32(*value);
        }
    }
}

/// Reads values back, never past `remaining` bytes.
pub struct Reader<R> {
    input: R,
    remaining: u64,
}

impl<R: Read> Reader<R> {
    /// Reads at most `len` bytes from `input` (the file's size, or the slice's length).
    pub fn new(input: R, len: u64) -> Reader<R> {
        Reader {
            input,
            remaining: len,
        }
    }

    pub fn is_at_end(&self) -> bool {
        self.remaining == 0
    }

    pub fn bytes(&mut self, out: &mut [u8]) -> Option<()> {
        let len = out.len() as u64;
        if len > self.remaining {
            return None;
        }
        self.input.read_exact(out).ok()?;
        self.remaining -= len;
        Some(())
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut bytes = [0; N];
        self.bytes(&mut bytes)?;
        Some(bytes)
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
    pub fn i32(&mut self) -> Option<i32> {
        self.array().map(i32::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }
    pub fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_le_bytes)
    }
    pub fn i128(&mut self) -> Option<i128> {
        self.array().map(i128::from_le_bytes)
    }

    /// A length that fits in what is left, each item taking at least `item_bytes`.
    pub fn length(&mut self, item_bytes: u64) -> Option<usize> {
        let len = self.u32()?;
        (u64::from(len) * item_bytes.max(1) <= self.remaining).then_some(len as usize)
    }

    pub fn string(&mut self) -> Option<String> {
        let len = self.length(1)?;
        let mut bytes = vec![0; len];
        self.bytes(&mut bytes)?;
        String::from_utf8(bytes).ok()
    }

    pub fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }

    pub fn u32s(&mut self) -> Option<Vec<u32>> {
        let len = self.length(4)?;
        let mut values = Vec::with_capacity(len);
        let mut chunk = [0u8; 4096];
        let mut left = len;
        while left > 0 {
            let take = left.min(chunk.len() / 4);
            self.bytes(&mut chunk[..take * 4])?;
            values.extend(
                chunk[..take * 4]
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
            left -= take;
        }
        Some(values)
    }
}

impl<R: Read + Seek> Reader<R> {
    /// Passes over the next `len` bytes without reading them.
    pub fn skip(&mut self, len: u64) -> Option<()> {
        if len > self.remaining {
            return None;
        }
        self.input
            .seek(SeekFrom::Current(i64::try_from(len).ok()?))
            .ok()?;
        self.remaining -= len;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_lies_about_lengths_fail() {
        let mut out = Writer::default();
        out.u8(7);
        out.bool(true);
        out.i128(-5);
        out.str("café");
        out.opt_str(None);
        out.u32s(&(0..3000).collect::<Vec<u32>>());
        let bytes = out.0;
        let mut input = Reader::new(bytes.as_slice(), bytes.len() as u64);
        assert_eq!(input.u8(), Some(7));
        assert_eq!(input.bool(), Some(true));
        assert_eq!(input.i128(), Some(-5));
        assert_eq!(input.string().as_deref(), Some("café"));
        assert_eq!(input.opt_string(), Some(None));
        assert_eq!(input.u32s(), Some((0..3000).collect()));
        assert!(input.is_at_end());

        let lying = u32::MAX.to_le_bytes();
        assert_eq!(Reader::new(&lying[..], 4).string(), None);
    }

    #[test]
    fn skipping_passes_over_bytes_but_never_past_the_end() {
        let bytes = [1, 2, 3, 4, 5];
        let mut input = Reader::new(std::io::Cursor::new(&bytes[..]), 5);
        assert_eq!(input.skip(3), Some(()));
        assert_eq!(input.u8(), Some(4));
        assert_eq!(input.skip(2), None);
        assert_eq!(input.u8(), Some(5));
        assert!(input.is_at_end());
    }
}
