//! The passphrase as it is typed, kept so that no copy of it is left in memory: a
//! plain `String` leaves its old buffer behind each time it grows, and the bytes of
//! a deleted character in its spare room.

use age::secrecy::SecretString;
use age::secrecy::zeroize::Zeroizing;

/// Room for any passphrase a person types, so the buffer rarely has to grow.
const ROOM: usize = 256;

/// Text typed at a hidden prompt; every buffer it gives up is wiped first.
pub(super) struct Typed(Zeroizing<String>);

impl Typed {
    pub(super) fn new() -> Typed {
        Typed(Zeroizing::new(String::with_capacity(ROOM)))
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// Adds `text`, moving to a bigger buffer (and wiping the old one) when it does
    /// not fit.
    pub(super) fn push_str(&mut self, text: &str) {
        let needed = self.0.len() + text.len();
        if needed > self.0.capacity() {
            self.0 = wiped_on_drop(&self.0, needed * 2);
        }
        self.0.push_str(text);
    }

    /// Takes back the last character (Backspace).
    pub(super) fn pop(&mut self) {
        if let Some((at, _)) = self.0.char_indices().next_back() {
            self.0 = wiped_on_drop(&self.0[..at], self.0.capacity());
        }
    }

    /// Empties it (Ctrl-U).
    pub(super) fn clear(&mut self) {
        self.0 = wiped_on_drop("", self.0.capacity());
    }

    /// The typed text as a secret, handing over the buffer itself: no copy is made.
    pub(super) fn into_secret(mut self) -> SecretString {
        SecretString::from(std::mem::take(&mut *self.0))
    }
}

/// `text` in a new buffer with room for `capacity` bytes, wiped when dropped.
fn wiped_on_drop(text: &str, capacity: usize) -> Zeroizing<String> {
    let mut buffer = Zeroizing::new(String::with_capacity(capacity.max(text.len())));
    buffer.push_str(text);
    buffer
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn typing_growing_deleting_and_clearing_keep_the_right_text() {
        let mut typed = Typed::new();
        assert!(typed.is_empty());
        for c in "pass wörd".chars() {
            typed.push(c);
        }
        typed.pop();
        typed.pop();
        typed.push_str("rd");
        assert_eq!(typed.0.as_str(), "pass wörd");
        let long = "x".repeat(ROOM * 3);
        typed.push_str(&long);
        assert_eq!(typed.0.len(), "pass wörd".len() + long.len());
        typed.clear();
        assert!(typed.is_empty());
        typed.pop();
        typed.push_str("é!");
        assert_eq!(typed.into_secret().expose_secret(), "é!");
    }
}
