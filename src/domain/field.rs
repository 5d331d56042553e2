//! A value typed into one field of a record (the `commit add` flags, a form on the
//! Commitments or People screen) that cannot be used. The message names the field in
//! words, so it reads well on its own; `field` tells a form where to put the cursor.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> FieldError<F> {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

impl<F> fmt::Display for FieldError<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl<F: fmt::Debug> std::error::Error for FieldError<F> {}
