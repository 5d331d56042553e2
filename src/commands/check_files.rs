//! `pack check` and `theme check`: files a person wrote, read and judged one by one,
//! with every problem named by file, line and column.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::domain::Problem;

/// Reads each of `files` and prints what `judge` (given the file's name and text)
/// says of it: for a good file each of its lines as `FILE: line`, otherwise every
/// problem as `file:line:col: message`. A file that cannot be read is a problem too.
/// Returns whether every file is good.
pub fn check_files(
    files: &[PathBuf],
    out: &mut impl Write,
    judge: impl Fn(&str, &str) -> Result<Vec<String>, Vec<Problem>>,
) -> anyhow::Result<bool> {
    let mut all_good = true;
    for file in files {
        let source = file.display().to_string();
        let text = match fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                writeln!(out, "{source}: cannot read it: {error}")?;
                all_good = false;
                continue;
            }
        };
        match judge(&source, &text) {
            Ok(lines) => {
                for line in lines {
                    writeln!(out, "{source}: {line}")?;
                }
            }
            Err(problems) => {
                all_good = false;
                for problem in &problems {
                    writeln!(out, "{problem}")?;
                }
            }
        }
    }
    Ok(all_good)
}
