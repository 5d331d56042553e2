//! Encryption at rest: the one place where journal files are read and written, so that
//! an encrypted journal never has its text on disk in the clear.
//!
//! An encrypted journal has `key.age` in its folder: an age identity (an X25519 key)
//! that is itself encrypted with the person's passphrase (age's scrypt recipient).
//! Every journal file is then `NAME.age`, encrypted to that key. This is the standard
//! age layout, so the files stay readable without truenorth:
//! `age -d -i key.age journal/2026/2026-11-25.toml.age` asks for the passphrase and
//! prints the day.
//!
//! Why a key file rather than the passphrase on each file: age's passphrase recipient
//! runs scrypt for every file it opens. At a work factor that makes guessing costly,
//! a ten-year journal (3,650 files) would take minutes to read; at one that makes it
//! fast, guessing would be cheap. With the key file, scrypt runs once per process (see
//! [`WORK_FACTOR`]) and each file costs one X25519 exchange.
//!
//! Once unlocked, the key stays in this process's memory (never on disk, never in the
//! clear), held per journal folder, so every store that opens the journal finds it:
//! [`Vault::for_root`].

mod convert;
#[cfg(test)]
mod tests;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use age::secrecy::zeroize::Zeroizing;
use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;

use super::StoreError;
use super::atomic;

pub use convert::{
    Converted, KeySource, Progress, decrypt_journal, encrypt_journal, finish_without_key,
};

/// The passphrase-encrypted key of an encrypted journal; its presence is what marks a
/// journal as encrypted.
pub const KEY_FILE: &str = "key.age";
/// Present while `truenorth encrypt` or `decrypt` is converting the journal; it names
/// the direction. While it is there the journal is not opened, so a half-converted
/// journal is never read or written as if it were whole.
pub const CONVERTING_FILE: &str = "converting";
/// What an encrypted journal's files end with.
pub const SUFFIX: &str = ".age";
/// The environment variable scripts and tests give the passphrase in.
pub const PASSPHRASE_ENV: &str = "TRUENORTH_PASSPHRASE";
/// scrypt's work factor (N = 2^16, 64 MiB) for a new key: about 0.2 s to open on the
/// busy 2-core development machine in a release build (`cargo bench --bench vault`),
/// so start-up stays well under a second while each guess costs an attacker the same.
pub const WORK_FACTOR: u8 = 16;
/// The highest work factor accepted when opening a key: a key made by hand with the
/// age command (which aims at one second) still opens; a hostile file cannot ask for
/// hours of work.
const MAX_WORK_FACTOR: u8 = 22;

/// Which way a conversion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Encrypt,
    Decrypt,
}

impl Direction {
    fn word(self) -> &'static str {
        match self {
            Direction::Encrypt => "encrypt",
            Direction::Decrypt => "decrypt",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// What the journal folder says about encryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Plain,
    Encrypted,
    /// A conversion started and has not finished.
    Converting(Direction),
}

/// The journal rooted at `root`: plain, encrypted, or part-way through a conversion.
pub fn state(root: &Path) -> Result<State, VaultError> {
    let note = root.join(CONVERTING_FILE);
    match fs::read_to_string(&note) {
        Ok(text) => {
            let direction = if text.trim_start().starts_with("decrypt") {
                Direction::Decrypt
            } else {
                Direction::Encrypt
            };
            return Ok(State::Converting(direction));
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(VaultError::Io { path: note, source }),
    }
    let key = root.join(KEY_FILE);
    match fs::symlink_metadata(&key) {
        Ok(_) => Ok(State::Encrypted),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(State::Plain),
        Err(source) => Err(VaultError::Io { path: key, source }),
    }
}

/// What can go wrong with the key or the passphrase.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("that passphrase does not open this journal")]
    WrongPassphrase,
    #[error(
        "the journal in {} is encrypted and was not unlocked: give its passphrase when \
         asked, or in {PASSPHRASE_ENV}",
        .0.display()
    )]
    Locked(PathBuf),
    #[error(
        "`truenorth {direction}` was interrupted in {}; run it again to finish \
         (no file has been lost)",
        .root.display()
    )]
    Interrupted { root: PathBuf, direction: Direction },
    #[error("{}: {message}", .path.display())]
    KeyFile { path: PathBuf, message: String },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{message}")]
    Conversion { message: String },
}

impl VaultError {
    fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> VaultError {
        let path = path.into();
        move |source| VaultError::Io { path, source }
    }
}

/// How the journal's files are read and written: as they are, or through its key.
/// Cheap to clone; the key is shared, never copied.
#[derive(Clone, Default)]
pub struct Vault {
    key: Option<Arc<Key>>,
}

struct Key {
    identity: x25519::Identity,
    recipient: x25519::Recipient,
}

impl fmt::Debug for Vault {
    // Never the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.is_encrypted() {
            "encrypted"
        } else {
            "plain"
        };
        write!(f, "Vault({kind})")
    }
}

/// The keys unlocked in this process, by journal folder.
static KEYRING: Mutex<Vec<(PathBuf, Vault)>> = Mutex::new(Vec::new());

/// The journal's folder as the keyring names it, so `dir` and `./dir` are one journal.
fn keyring_name(root: &Path) -> PathBuf {
    fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

fn keyring() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Vault)>> {
    // The list is only ever pushed to or filtered, so a panic elsewhere cannot leave
    // it half-changed.
    KEYRING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn remember(root: &Path, vault: &Vault) {
    let name = keyring_name(root);
    let mut ring = keyring();
    ring.retain(|(known, _)| *known != name);
    ring.push((name, vault.clone()));
}

fn forget(root: &Path) {
    let name = keyring_name(root);
    keyring().retain(|(known, _)| *known != name);
}

impl Vault {
    /// The vault of the journal at `root`: plain when it is not encrypted, its key when
    /// it was unlocked in this process ([`Vault::unlock`]), an error otherwise.
    pub fn for_root(root: &Path) -> Result<Vault, VaultError> {
        match state(root)? {
            State::Plain => Ok(Vault::default()),
            State::Encrypted => {
                let name = keyring_name(root);
                keyring()
                    .iter()
                    .find(|(known, _)| *known == name)
                    .map(|(_, vault)| vault.clone())
                    .ok_or_else(|| VaultError::Locked(root.to_path_buf()))
            }
            State::Converting(direction) => Err(VaultError::Interrupted {
                root: root.to_path_buf(),
                direction,
            }),
        }
    }

    /// Opens the key of the journal at `root` with `passphrase` (the one slow step: it
    /// runs scrypt) and keeps it for the rest of the process.
    pub fn unlock(root: &Path, passphrase: &SecretString) -> Result<Vault, VaultError> {
        let path = root.join(KEY_FILE);
        let sealed = fs::read(&path).map_err(VaultError::io(&path))?;
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let text = age::decrypt(&identity, &sealed)
            .map(Zeroizing::new)
            .map_err(|error| match error {
                age::DecryptError::DecryptionFailed
                | age::DecryptError::KeyDecryptionFailed
                | age::DecryptError::NoMatchingKeys => VaultError::WrongPassphrase,
                other => VaultError::KeyFile {
                    path: path.clone(),
                    message: format!("cannot be opened: {other}"),
                },
            })?;
        let identity = parse_identity(&text).ok_or_else(|| VaultError::KeyFile {
            path: path.clone(),
            message: "opens with this passphrase but holds no age secret key".into(),
        })?;
        let vault = Vault::from_identity(identity);
        remember(root, &vault);
        Ok(vault)
    }

    /// Makes a new key for the journal at `root`, encrypted with `passphrase` at
    /// `work_factor`, and keeps it for the rest of the process. Refuses to replace a
    /// key that exists: files encrypted to it would be lost.
    pub fn create(
        root: &Path,
        passphrase: &SecretString,
        work_factor: u8,
    ) -> Result<Vault, VaultError> {
        let path = root.join(KEY_FILE);
        if fs::symlink_metadata(&path).is_ok() {
            return Err(VaultError::KeyFile {
                path,
                message: "already exists; it is never replaced".into(),
            });
        }
        let identity = x25519::Identity::generate();
        // The layout of `age-keygen`, so the age command takes the file as `-i key.age`.
        let text = Zeroizing::new(format!(
            "# created: {}\n# public key: {}\n{}\n",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
            identity.to_public(),
            identity.to_string().expose_secret(),
        ));
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        recipient.set_work_factor(work_factor);
        let sealed =
            age::encrypt(&recipient, text.as_bytes()).map_err(|error| VaultError::KeyFile {
                path: path.clone(),
                message: format!("cannot be made: {error}"),
            })?;
        atomic::write_atomic(&path, &sealed).map_err(VaultError::io(&path))?;
        let vault = Vault::from_identity(identity);
        remember(root, &vault);
        Ok(vault)
    }

    fn from_identity(identity: x25519::Identity) -> Vault {
        let recipient = identity.to_public();
        Vault {
            key: Some(Arc::new(Key {
                identity,
                recipient,
            })),
        }
    }

    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Where the file that a plain journal names `plain` lives in this one.
    pub fn file(&self, plain: &Path) -> PathBuf {
        if self.is_encrypted() {
            sealed_name(plain)
        } else {
            plain.to_path_buf()
        }
    }

    /// The plain name of `on_disk` when it is a TOML file this vault reads (`x.toml`
    /// in a plain journal, `x.toml.age` in an encrypted one), `None` for anything
    /// else, temp files a killed writer left included.
    pub fn plain_name(&self, on_disk: &Path) -> Option<PathBuf> {
        if atomic::is_temp_file(on_disk) {
            return None;
        }
        let name = on_disk.file_name()?.to_str()?;
        let plain = if self.is_encrypted() {
            name.strip_suffix(SUFFIX)?
        } else {
            name
        };
        plain
            .ends_with(".toml")
            .then(|| on_disk.with_file_name(plain))
    }

    /// Why `on_disk` is left unread, when it is a TOML file of the other kind: a plain
    /// file in an encrypted journal or an encrypted one in a plain journal.
    pub fn stray(&self, on_disk: &Path) -> Option<&'static str> {
        if atomic::is_temp_file(on_disk) {
            return None;
        }
        let name = on_disk.file_name()?.to_str()?;
        match (self.is_encrypted(), name.strip_suffix(SUFFIX)) {
            (true, None) if name.ends_with(".toml") => Some(
                "this file is not encrypted, so truenorth leaves it unread; \
                 `truenorth encrypt` encrypts it",
            ),
            (false, Some(plain)) if plain.ends_with(".toml") => Some(
                "this file is encrypted but the journal has no key.age: put key.age back \
                 from a backup, then run `truenorth decrypt` or keep the journal encrypted",
            ),
            _ => None,
        }
    }

    /// The file `plain` names, decrypted; `None` when it does not exist.
    pub fn read(&self, plain: &Path) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
        let path = self.file(plain);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(StoreError::io(&path)(error)),
        };
        if !self.is_encrypted() {
            return Ok(Some(Zeroizing::new(bytes)));
        }
        self.unseal(&bytes).map(Some).map_err(StoreError::io(&path))
    }

    /// [`Vault::read`] as text. Text that is not UTF-8 is an
    /// [`io::ErrorKind::InvalidData`] error, as [`fs::read_to_string`] gives.
    pub fn read_text(&self, plain: &Path) -> Result<Option<String>, StoreError> {
        let Some(bytes) = self.read(plain)? else {
            return Ok(None);
        };
        match std::str::from_utf8(&bytes) {
            Ok(text) => Ok(Some(text.to_string())),
            Err(_) => Err(StoreError::io(self.file(plain))(io::Error::new(
                io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            ))),
        }
    }

    /// Replaces the file `plain` names with `bytes`, encrypted when the journal is,
    /// atomically (see [`atomic::write_atomic`]).
    pub fn write(&self, plain: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        self.write_to(plain, bytes, None)
    }

    /// [`Vault::write`] with the folder's fsync left to `folders` (see
    /// [`atomic::write_atomic_batched`]).
    pub fn write_batched(
        &self,
        plain: &Path,
        bytes: &[u8],
        folders: &atomic::FolderSyncs,
    ) -> Result<(), StoreError> {
        self.write_to(plain, bytes, Some(folders))
    }

    fn write_to(
        &self,
        plain: &Path,
        bytes: &[u8],
        folders: Option<&atomic::FolderSyncs>,
    ) -> Result<(), StoreError> {
        let path = self.file(plain);
        let sealed;
        let bytes = if self.is_encrypted() {
            sealed = self.seal(bytes).map_err(StoreError::io(&path))?;
            &sealed[..]
        } else {
            bytes
        };
        match folders {
            None => atomic::write_atomic(&path, bytes),
            Some(folders) => atomic::write_atomic_batched(&path, bytes, folders),
        }
        .map_err(StoreError::io(&path))
    }

    /// Removes the file `plain` names; one that is already gone is fine.
    pub fn remove(&self, plain: &Path) -> Result<(), StoreError> {
        let path = self.file(plain);
        match fs::remove_file(&path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                Err(StoreError::io(&path)(error))
            }
            _ => Ok(()),
        }
    }

    /// `bytes` as they go on disk: an age file for the journal's key, or unchanged.
    pub fn seal(&self, bytes: &[u8]) -> io::Result<Vec<u8>> {
        match &self.key {
            None => Ok(bytes.to_vec()),
            Some(key) => age::encrypt(&key.recipient, bytes).map_err(io::Error::other),
        }
    }

    /// What [`Vault::seal`] sealed. An age file for another key, or a damaged one, is
    /// an error that says which.
    pub fn unseal(&self, bytes: &[u8]) -> io::Result<Zeroizing<Vec<u8>>> {
        match &self.key {
            None => Ok(Zeroizing::new(bytes.to_vec())),
            Some(key) => age::decrypt(&key.identity, bytes)
                .map(Zeroizing::new)
                .map_err(|error| io::Error::other(undecryptable(&error))),
        }
    }

    /// A writer that seals what goes through it into `output`, for files too large to
    /// hold twice (the journal cache). [`SealedWriter::finish`] must end it.
    pub fn seal_stream<W: Write>(&self, output: W) -> io::Result<SealedWriter<W>> {
        match &self.key {
            None => Ok(SealedWriter::Plain(output)),
            Some(key) => {
                let encryptor = age::Encryptor::with_recipients(std::iter::once(
                    &key.recipient as &dyn age::Recipient,
                ))
                .map_err(io::Error::other)?;
                encryptor.wrap_output(output).map(SealedWriter::Sealed)
            }
        }
    }
}

/// The writer [`Vault::seal_stream`] gives.
pub enum SealedWriter<W: Write> {
    Plain(W),
    Sealed(age::stream::StreamWriter<W>),
}

impl<W: Write> SealedWriter<W> {
    /// Writes what is left (the last encrypted chunk) and gives the output back.
    pub fn finish(self) -> io::Result<W> {
        match self {
            SealedWriter::Plain(output) => Ok(output),
            SealedWriter::Sealed(stream) => stream.finish(),
        }
    }
}

impl<W: Write> Write for SealedWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            SealedWriter::Plain(output) => output.write(bytes),
            SealedWriter::Sealed(stream) => stream.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            SealedWriter::Plain(output) => output.flush(),
            SealedWriter::Sealed(stream) => stream.flush(),
        }
    }
}

/// `plain` with [`SUFFIX`] added to its name.
pub fn sealed_name(plain: &Path) -> PathBuf {
    let mut name = plain.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// The first age secret key in an identity file's text.
fn parse_identity(text: &[u8]) -> Option<x25519::Identity> {
    let text = std::str::from_utf8(text).ok()?;
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .find_map(|line| line.parse().ok())
}

/// Why a file cannot be decrypted, in words a person can act on.
fn undecryptable(error: &age::DecryptError) -> String {
    match error {
        age::DecryptError::NoMatchingKeys => {
            "cannot be decrypted: it was encrypted with another key than this journal's \
             key.age"
                .into()
        }
        other => format!("cannot be decrypted: the file is damaged or not an age file ({other})"),
    }
}
