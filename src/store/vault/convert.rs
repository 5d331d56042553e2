//! `truenorth encrypt` and `truenorth decrypt`: the journal converted in place, a file
//! at a time. Each file's new form is written atomically and read back and compared
//! before the old form is removed, so whenever the work stops (a kill, a full disk,
//! a power cut) every file is whole in one form or the other, or in both with the same
//! content. A note in the folder ([`CONVERTING_FILE`]) keeps the journal closed until a
//! run finishes; running either command again finishes the job from where it stopped.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use age::secrecy::zeroize::Zeroizing;

use super::{CONVERTING_FILE, Direction, KEY_FILE, SUFFIX, Vault, VaultError, forget, sealed_name};
use crate::store::atomic;
use crate::store::commitments::COMMITMENTS_FILE;
use crate::store::drafts::DRAFTS_FILE;
use crate::store::people::PEOPLE_FILE;

#[cfg(test)]
thread_local! {
    /// Stops a conversion after this many files, as a kill would.
    pub(super) static STOP_AFTER: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Where the key for [`encrypt_journal`] comes from.
pub enum KeySource {
    /// The journal's existing key, already unlocked (a run that resumes).
    Unlocked(Vault),
    /// A new key, sealed with this passphrase at this scrypt work factor.
    New {
        passphrase: SecretString,
        work_factor: u8,
    },
}

/// Told how many files of how many are done, before each file: a ten-year journal
/// takes half a minute to convert, every file being flushed to disk twice.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

/// What a conversion did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Files turned into the new form.
    pub converted: usize,
    /// Files that were in the new form already (an earlier, interrupted run).
    pub unchanged: usize,
}

/// Encrypts every journal file of the journal at `root`, making its key first when it
/// has none. Safe to run again at any point, and on a journal already encrypted (it
/// then encrypts any plain file that has appeared).
pub fn encrypt_journal(
    root: &Path,
    key: KeySource,
    progress: Progress,
) -> Result<Converted, VaultError> {
    let has_key = fs::symlink_metadata(root.join(KEY_FILE)).is_ok();
    // The note goes first: a journal that has a key but still plain files must not be
    // opened as if it were whole.
    write_note(root, Direction::Encrypt)?;
    let vault = match key {
        KeySource::Unlocked(vault) => vault,
        KeySource::New { .. } if has_key => {
            return Err(VaultError::Conversion {
                message: "this journal has a key already; unlock it with its passphrase".into(),
            });
        }
        KeySource::New {
            passphrase,
            work_factor,
        } => Vault::create(root, &passphrase, work_factor)?,
    };
    let converted = convert_all(root, &vault, Direction::Encrypt, progress)?;
    remove_note(root)?;
    Ok(converted)
}

/// Decrypts every journal file of the journal at `root` with `vault` (its unlocked
/// key), then removes the key: the journal is plain again. Safe to run again at any
/// point, including after an interrupted [`encrypt_journal`].
pub fn decrypt_journal(
    root: &Path,
    vault: &Vault,
    progress: Progress,
) -> Result<Converted, VaultError> {
    write_note(root, Direction::Decrypt)?;
    let converted = convert_all(root, vault, Direction::Decrypt, progress)?;
    // Only now that no encrypted file is left can the key go.
    let key = root.join(KEY_FILE);
    match fs::remove_file(&key) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            return Err(VaultError::io(key)(error));
        }
        _ => {}
    }
    forget(root);
    remove_note(root)?;
    Ok(converted)
}

/// Ends a conversion that left no key behind (it stopped before making one, or a
/// decrypt stopped after removing it): the journal is plain once the note goes. Refused
/// while an encrypted file is still there, since nothing could decrypt it.
pub fn finish_without_key(root: &Path) -> Result<(), VaultError> {
    let files = journal_files(root).map_err(VaultError::io(root))?;
    let sealed: Vec<String> = files
        .plain
        .iter()
        .map(|plain| sealed_name(plain))
        .filter(|sealed| fs::symlink_metadata(sealed).is_ok())
        .map(|sealed| format!("  {}", sealed.display()))
        .collect();
    if !sealed.is_empty() {
        return Err(VaultError::Conversion {
            message: format!(
                "{KEY_FILE} is missing, and these files cannot be read without it; put it                  back from a backup and run `truenorth decrypt` again:\n{}",
                sealed.join("\n")
            ),
        });
    }
    remove_note(root)
}

fn convert_all(
    root: &Path,
    vault: &Vault,
    direction: Direction,
    progress: Progress,
) -> Result<Converted, VaultError> {
    if !vault.is_encrypted() {
        return Err(VaultError::Conversion {
            message: "the journal's key is needed to convert it".into(),
        });
    }
    // `cache/` holds only what can be rebuilt, entry text among it: it is emptied and
    // rebuilt in the new form on the next load.
    let cache = root.join("cache");
    for entry in read_dir_if_present(&cache).map_err(VaultError::io(&cache))? {
        let entry = entry.map_err(VaultError::io(&cache))?;
        if entry.file_type().is_ok_and(|kind| kind.is_file()) {
            remove_if_present(&entry.path())?;
        }
    }
    let files = journal_files(root).map_err(VaultError::io(root))?;
    for temp in &files.temps {
        remove_if_present(temp)?;
    }
    let mut converted = Converted::default();
    let mut clashes = Vec::new();
    let total = files.plain.len();
    for (done, plain) in files.plain.iter().enumerate() {
        progress(done, total);
        #[cfg(test)]
        if STOP_AFTER.get() == Some(converted.converted) {
            return Err(VaultError::Conversion {
                message: "stopped by the test".into(),
            });
        }
        match convert_file(vault, plain, direction)? {
            Step::Converted => converted.converted += 1,
            Step::AlreadyDone => converted.unchanged += 1,
            Step::Gone => {}
            Step::Clash(reason) => clashes.push(format!("  {}: {reason}", plain.display())),
        }
    }
    progress(total, total);
    if !clashes.is_empty() {
        return Err(VaultError::Conversion {
            message: format!(
                "{} file(s) exist both plain and encrypted with different content, so \
                 neither was removed; compare them (`age -d -i {KEY_FILE} FILE.age`), \
                 delete the one you do not want and run `truenorth {direction}` again:\n{}",
                clashes.len(),
                clashes.join("\n")
            ),
        });
    }
    Ok(converted)
}

enum Step {
    Converted,
    AlreadyDone,
    /// Neither form is there any more.
    Gone,
    /// Both forms exist and differ: a person has to choose.
    Clash(&'static str),
}

/// Converts one file, named by its plain name, in `direction`.
fn convert_file(vault: &Vault, plain: &Path, direction: Direction) -> Result<Step, VaultError> {
    let sealed = sealed_name(plain);
    let (from, to) = match direction {
        Direction::Encrypt => (plain.to_path_buf(), sealed),
        Direction::Decrypt => (sealed, plain.to_path_buf()),
    };
    let read = |path: &Path| -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
        match fs::read(path) {
            Ok(bytes) if is_sealed(path) => {
                vault.unseal(&bytes).map(Some).map_err(VaultError::io(path))
            }
            Ok(bytes) => Ok(Some(Zeroizing::new(bytes))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(VaultError::io(path)(error)),
        }
    };
    let Some(content) = read(&from)? else {
        return Ok(if fs::symlink_metadata(&to).is_ok() {
            Step::AlreadyDone
        } else {
            Step::Gone
        });
    };
    if fs::symlink_metadata(&to).is_ok() {
        // An earlier run wrote the new form and stopped before removing the old one,
        // or someone put a file there by hand: the old form goes only when they agree.
        return match read(&to) {
            Ok(Some(existing)) if existing == content => {
                remove_if_present(&from)?;
                Ok(Step::AlreadyDone)
            }
            Ok(_) => Ok(Step::Clash("the two copies differ")),
            Err(_) => Ok(Step::Clash(
                "the encrypted copy cannot be decrypted with this journal's key",
            )),
        };
    }
    let bytes = if is_sealed(&to) {
        vault.seal(&content).map_err(VaultError::io(&to))?
    } else {
        content.to_vec()
    };
    atomic::write_atomic(&to, &bytes).map_err(VaultError::io(&to))?;
    // What is on disk, not what was meant to be, decides whether the old form may go.
    match read(&to)? {
        Some(back) if back == content => {}
        _ => {
            return Err(VaultError::Conversion {
                message: format!(
                    "{} did not read back as written; {} is kept",
                    to.display(),
                    from.display()
                ),
            });
        }
    }
    remove_if_present(&from)?;
    Ok(Step::Converted)
}

fn is_sealed(path: &Path) -> bool {
    path.as_os_str().to_string_lossy().ends_with(SUFFIX)
}

/// The files that hold journal text.
#[derive(Default)]
struct JournalFiles {
    /// Plain names of the day files, the drafts (and drafts files set aside as
    /// unreadable), commitments and people, found in either form. Packs and settings
    /// hold no entry text and stay plain.
    plain: Vec<PathBuf>,
    /// Temp files a killed writer left beside them: they may hold text in the clear.
    temps: Vec<PathBuf>,
}

fn journal_files(root: &Path) -> io::Result<JournalFiles> {
    let mut found = JournalFiles::default();
    let mut take = |path: PathBuf, wanted: &dyn Fn(&str) -> bool| {
        if atomic::is_temp_file(&path) {
            found.temps.push(path);
            return;
        }
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            return;
        };
        let plain = name.strip_suffix(SUFFIX).unwrap_or(name);
        if wanted(plain) {
            found.plain.push(path.with_file_name(plain));
        }
    };
    let is_root_file = |name: &str| {
        [DRAFTS_FILE, COMMITMENTS_FILE, PEOPLE_FILE].contains(&name)
            || (name.starts_with("drafts.broken-") && name.ends_with(".toml"))
    };
    for entry in read_dir_if_present(root)? {
        take(entry?.path(), &is_root_file);
    }
    for year in read_dir_if_present(&root.join("journal"))? {
        let year = year?;
        if !year.file_type()?.is_dir() {
            continue;
        }
        for file in fs::read_dir(year.path())? {
            take(file?.path(), &|name: &str| name.ends_with(".toml"));
        }
    }
    found.plain.sort();
    found.plain.dedup();
    Ok(found)
}

fn read_dir_if_present(
    dir: &Path,
) -> io::Result<Box<dyn Iterator<Item = io::Result<fs::DirEntry>>>> {
    match fs::read_dir(dir) {
        Ok(entries) => Ok(Box::new(entries)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Box::new(std::iter::empty())),
        Err(error) => Err(error),
    }
}

fn remove_if_present(path: &Path) -> Result<(), VaultError> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(VaultError::io(path)(error)),
        _ => Ok(()),
    }
}

fn write_note(root: &Path, direction: Direction) -> Result<(), VaultError> {
    let path = root.join(CONVERTING_FILE);
    let text = format!(
        "{direction}\n# `truenorth {direction}` is converting this journal, or was interrupted.\n\
         # Run `truenorth {direction}` again to finish; no file is lost meanwhile.\n"
    );
    atomic::write_atomic(&path, text.as_bytes()).map_err(VaultError::io(path))
}

fn remove_note(root: &Path) -> Result<(), VaultError> {
    remove_if_present(&root.join(CONVERTING_FILE))
}
