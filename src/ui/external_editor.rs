//! Hands an answer to the person's own editor (`$VISUAL`, then `$EDITOR`, then `vi`).

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

/// Writes `text` to a private temp file in `dir`, runs the editor on it and returns the
/// edited text. The temp file lives in the journal folder (owner-only), not in a shared
/// temp folder, and is removed afterwards.
pub fn edit(text: &str, dir: &Path) -> io::Result<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|value| !value.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|value| !value.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut file = tempfile::Builder::new()
        .prefix(".edit-")
        .suffix(".md")
        .tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    // Through the shell, so editors given with arguments ("code --wait") work.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("truenorth-editor")
        .arg(file.path())
        .status()?;
    if !status.success() {
        return Err(io::Error::other(format!("`{editor}` exited with {status}")));
    }
    std::fs::read_to_string(file.path())
}
