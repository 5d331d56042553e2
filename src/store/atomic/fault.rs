//! Debug builds only: writes that fail the way a full disk or a read-only file system
//! makes them fail, so tests can show that such a failure loses nothing. Nothing fails
//! unless a test asks, for the folders it names: [`inject`] in-process, or
//! `TRUENORTH_DEBUG_FULL_DISK=DIR` / `TRUENORTH_DEBUG_READ_ONLY=DIR` for the real
//! binary. Release builds compile none of it.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
#[cfg(debug_assertions)]
use std::path::PathBuf;

/// A way for writes to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Half the bytes go in, then ENOSPC.
    DiskFull,
    /// The file cannot even be created: EROFS.
    ReadOnly,
}

#[cfg(debug_assertions)]
static INJECTED: std::sync::Mutex<Vec<(PathBuf, Fault)>> = std::sync::Mutex::new(Vec::new());

/// Makes every atomic write under `dir` fail with `fault` (debug builds; a no-op in
/// release builds), until [`clear`].
pub fn inject(dir: &Path, fault: Fault) {
    #[cfg(debug_assertions)]
    injected().push((dir.to_path_buf(), fault));
    #[cfg(not(debug_assertions))]
    let _ = (dir, fault);
}

/// Ends the faults injected under `dir`.
pub fn clear(dir: &Path) {
    #[cfg(debug_assertions)]
    injected().retain(|(under, _)| under != dir);
    #[cfg(not(debug_assertions))]
    let _ = dir;
}

#[cfg(debug_assertions)]
fn injected() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Fault)>> {
    INJECTED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(debug_assertions)]
fn fault_for(path: &Path) -> Option<Fault> {
    let from_env = [
        ("TRUENORTH_DEBUG_FULL_DISK", Fault::DiskFull),
        ("TRUENORTH_DEBUG_READ_ONLY", Fault::ReadOnly),
    ]
    .into_iter()
    .find(|(name, _)| std::env::var_os(name).is_some_and(|dir| path.starts_with(dir)))
    .map(|(_, fault)| fault);
    from_env.or_else(|| {
        injected()
            .iter()
            .find(|(dir, _)| path.starts_with(dir))
            .map(|(_, fault)| *fault)
    })
}

#[cfg(debug_assertions)]
fn error(fault: Fault) -> io::Error {
    // The codes the system gives, so the message reads as a real one does.
    #[cfg(unix)]
    return io::Error::from_raw_os_error(match fault {
        Fault::DiskFull => 28,
        Fault::ReadOnly => 30,
    });
    #[cfg(not(unix))]
    io::Error::from(match fault {
        Fault::DiskFull => io::ErrorKind::StorageFull,
        Fault::ReadOnly => io::ErrorKind::ReadOnlyFilesystem,
    })
}

/// Called before the temp file `path` is created.
pub(super) fn before_create(path: &Path) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if fault_for(path) == Some(Fault::ReadOnly) {
        return Err(error(Fault::ReadOnly));
    }
    let _ = path;
    Ok(())
}

/// Writes `bytes` into the temp file `path`, or fails partway as a full disk would.
pub(super) fn write_all(path: &Path, file: &mut File, bytes: &[u8]) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if fault_for(path) == Some(Fault::DiskFull) {
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(error(Fault::DiskFull));
    }
    let _ = path;
    file.write_all(bytes)
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::super::write_atomic;
    use super::*;

    #[test]
    fn injected_faults_fail_writes_and_leave_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("day.toml");
        write_atomic(&path, b"old").unwrap();
        for (fault, code) in [(Fault::DiskFull, 28), (Fault::ReadOnly, 30)] {
            inject(dir.path(), fault);
            let failed = write_atomic(&path, b"new and longer").unwrap_err();
            clear(dir.path());
            #[cfg(unix)]
            assert_eq!(failed.raw_os_error(), Some(code), "{fault:?}");
            #[cfg(not(unix))]
            let _ = (failed, code);
            assert_eq!(std::fs::read(&path).unwrap(), b"old");
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        }
        write_atomic(&path, b"new").unwrap();
    }
}
