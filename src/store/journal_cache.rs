//! A cache of the parsed journal, so the scripting commands (`list`, `search`) and the
//! screens can load ten years of day files in milliseconds instead of parsing 3,000+
//! TOML files each time.
//!
//! The day files stay the only truth. The cache (`cache/journal.bin` in the journal
//! folder, owner-only like everything there) holds each day as it was parsed, with the
//! size and modification time of its file. Loading lists the day files, takes a day
//! from the cache when its file is unchanged and parses the file otherwise (in
//! parallel when many changed); then it rewrites the cache if anything differed. A
//! missing, older-format or damaged cache is simply rebuilt. Files changed within the
//! last two seconds are always parsed, because a file system's clock ticks are too
//! coarse to tell two quick writes of the same size apart.
//!
//! Entry text, most of the cache's bytes, is kept in a section of its own after a
//! short summary of each entry (its first line and tags). `list` and `search` print
//! from the summaries and pass over the text (see [`load_listing`]), which halves what
//! a ten-year journal costs them to load.
//!
//! The format is a private detail of this build (see [`FORMAT`]); nothing else reads it.

mod listing;

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Cursor, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::atomic::{self, create_private_dir_all};
use super::{Journal, JournalScan, StoreError, Vault};
use crate::binary::{Reader, Writer};
use crate::domain::index::JournalIndex;
use crate::domain::{AnswerValue, Day, Entry, EntrySummary, Frame, Problem, Rating, Ratings};

pub use listing::{Listed, Listing};

/// Bumped whenever the layout (or [`Day`]) changes, so an old cache is rebuilt rather
/// than misread.
const FORMAT: u32 = 4;
const MAGIC: &[u8; 8] = b"TNJCACHE";
const END: &[u8; 8] = b"TNJC-END";
/// Files modified this recently are parsed even when they look unchanged.
const RACY: Duration = Duration::from_secs(2);
/// Fewer changed files than this are parsed on the calling thread: starting threads
/// costs more than it saves.
const PARALLEL_FROM: usize = 64;

/// The journal, indexed, and a problem for each file that could not be read (those
/// files are left out, as [`Journal::scan`] leaves them out).
#[derive(Debug, Default)]
pub struct LoadedJournal {
    pub index: JournalIndex,
    pub problems: Vec<Problem>,
}

/// The cache file of `journal` (`journal.bin.age` in an encrypted journal: it holds
/// entry text).
pub fn cache_path(journal: &Journal) -> PathBuf {
    journal
        .vault()
        .file(&journal.root().join("cache").join("journal.bin"))
}

/// Loads and indexes every day, using and refreshing the cache: the index comes back
/// from the cache too, so this is the fast way to an index. A cache that cannot be
/// read is rebuilt; one that cannot be written is not an error (the next load parses
/// again).
pub fn load_index(journal: &Journal) -> LoadedJournal {
    load_index_at(journal, SystemTime::now())
}

/// Loads every day like [`Journal::scan`] (oldest first, a problem per unreadable
/// file), through the cache. When the days are to be indexed, [`load_index`] is
/// faster: it restores the index instead of building it again.
pub fn load(journal: &Journal) -> JournalScan {
    scan_at(journal, SystemTime::now())
}

fn scan_at(journal: &Journal, now: SystemTime) -> JournalScan {
    let loaded = load_index_at(journal, now);
    let mut days = loaded.index.into_days();
    days.reverse();
    JournalScan {
        days,
        problems: loaded.problems,
    }
}

/// The journal as `list` and `search` print it. Unless `with_text` is asked for, and
/// when no day file changed since the cache was written, entries come without their
/// text: their summaries stand in for it, and most of the cache is never read. In
/// every other case this is [`load_index`] (which also brings the cache up to date).
pub fn load_listing(journal: &Journal, with_text: bool) -> Listing {
    load_listing_at(journal, SystemTime::now(), with_text)
}

/// [`load_listing`] as of `now` (which decides the files too recent to trust).
pub fn load_listing_at(journal: &Journal, now: SystemTime, with_text: bool) -> Listing {
    let path = cache_path(journal);
    // The cache is read while the day files are stat'ed: the one is mostly our own
    // work, the other mostly the kernel's.
    let (found, cached) = thread::scope(|scope| {
        let reader = (!with_text).then(|| scope.spawn(|| read_summaries(journal.vault(), &path)));
        let found = day_files_at(journal, now);
        let cached = reader.and_then(|reader| {
            reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (found, cached)
    });
    let (files, strays) = match found {
        Ok(found) => found,
        Err(problem) => return Listing::with_text(LoadedJournal::failed(problem)),
    };
    match cached {
        Some((manifest, index, summaries)) if describes(&manifest, &files) => {
            Listing::without_text(index, summaries, strays)
        }
        _ => Listing::with_text(index_files(journal, &files, strays)),
    }
}

/// [`load_index`] as of `now` (which decides the files too recent to trust).
pub fn load_index_at(journal: &Journal, now: SystemTime) -> LoadedJournal {
    match day_files_at(journal, now) {
        Ok((files, strays)) => index_files(journal, &files, strays),
        Err(problem) => LoadedJournal::failed(problem),
    }
}

impl LoadedJournal {
    fn failed(problem: Problem) -> LoadedJournal {
        LoadedJournal {
            index: JournalIndex::default(),
            problems: vec![problem],
        }
    }
}

/// The day files as found at `now` (each marked if too recent to trust), and a
/// problem for each stray file; or the problem that kept the folder from being read.
fn day_files_at(
    journal: &Journal,
    now: SystemTime,
) -> Result<(Vec<DayFile>, Vec<Problem>), Problem> {
    let mut strays = Vec::new();
    let mut files = list_day_files(journal, &mut strays).map_err(|error| {
        Problem::new(
            journal.display_path(&journal.root().join("journal")),
            error.to_string(),
        )
    })?;
    for file in &mut files {
        file.stamp.racy =
            file.stamp.modified_nanos + RACY.as_nanos() as i128 > nanos_since_epoch(now);
    }
    Ok((files, strays))
}

/// Every day of `files` indexed, from the cache where it is still true and parsed
/// where not; the cache is rewritten if anything differed.
fn index_files(journal: &Journal, files: &[DayFile], strays: Vec<Problem>) -> LoadedJournal {
    let path = cache_path(journal);
    let vault = journal.vault();
    let loaded = match read_cache(vault, &path) {
        Some(cached) => refresh(journal, cached, files),
        None => build(journal, files),
    };
    if loaded.changed {
        // A cache that cannot be written only costs speed next time.
        let _ = write_cache(vault, &path, &loaded.index, &loaded.manifest);
    }
    let mut problems = strays;
    problems.extend(loaded.problems);
    LoadedJournal {
        index: loaded.index,
        problems,
    }
}

/// What the cache holds besides the days: each day file's stamp and the date it held.
type Manifest = Vec<(Stamp, NaiveDate)>;

struct Cached {
    index: JournalIndex,
    manifest: Manifest,
}

struct Refreshed {
    index: JournalIndex,
    manifest: Manifest,
    problems: Vec<Problem>,
    /// Whether the cache must be written again.
    changed: bool,
}

/// No usable cache: parse every file (on two threads) and index them.
fn build(journal: &Journal, files: &[DayFile]) -> Refreshed {
    let stale: Vec<Stale> = files
        .iter()
        .map(|file| Stale {
            path: &file.path,
            stamp: file.stamp.clone(),
            before: None,
        })
        .collect();
    let mut days = Vec::with_capacity(files.len());
    let mut manifest = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (stale, result) in stale.iter().zip(parse_files(journal, &stale)) {
        match result {
            Ok(day) => {
                manifest.push((stale.stamp.clone(), day.date));
                days.push(day);
            }
            Err(problem) => problems.push(problem),
        }
    }
    Refreshed {
        index: JournalIndex::new(days),
        manifest,
        problems,
        changed: true,
    }
}

/// A cache was read: parse only the files that changed since, and update the index.
fn refresh(journal: &Journal, cached: Cached, files: &[DayFile]) -> Refreshed {
    let Cached {
        mut index,
        manifest: old,
    } = cached;
    let mut by_name: HashMap<&str, &(Stamp, NaiveDate)> = old
        .iter()
        .map(|entry| (entry.0.name.as_str(), entry))
        .collect();
    let mut manifest = Vec::with_capacity(files.len());
    let mut stale = Vec::new();
    for file in files {
        match by_name.remove(file.stamp.name.as_str()) {
            Some((stamp, date)) if !file.stamp.racy && *stamp == file.stamp => {
                manifest.push((file.stamp.clone(), *date));
            }
            before => stale.push(Stale {
                path: &file.path,
                stamp: file.stamp.clone(),
                before: before.map(|entry| (*entry).clone()),
            }),
        }
    }
    let mut changed = false;
    // Days whose files are gone.
    let gone: Vec<NaiveDate> = by_name.values().map(|(_, date)| *date).collect();
    for date in gone {
        index.remove_day(date);
        changed = true;
    }
    let mut problems = Vec::new();
    for (stale, result) in stale.iter().zip(parse_files(journal, &stale)) {
        match result {
            Ok(day) => {
                let same_file = stale.before.as_ref().is_some_and(|(stamp, date)| {
                    stamp.racy == stale.stamp.racy && *date == day.date
                });
                if !(same_file && index.day(day.date) == Some(&day)) {
                    changed = true;
                    if let Some((_, date)) = &stale.before
                        && *date != day.date
                    {
                        index.remove_day(*date);
                    }
                    manifest.push((stale.stamp.clone(), day.date));
                    index.replace_day(day);
                } else {
                    manifest.push((stale.stamp.clone(), day.date));
                }
            }
            Err(problem) => {
                if let Some((_, date)) = &stale.before {
                    index.remove_day(*date);
                    changed = true;
                }
                problems.push(problem);
            }
        }
    }
    Refreshed {
        index,
        manifest,
        problems,
        changed,
    }
}

/// A day file as found on disk: its name under `journal/`, size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    name: String,
    size: u64,
    modified_nanos: i128,
    /// Modified too recently to be trusted next time without parsing.
    racy: bool,
}

struct DayFile {
    /// Its plain name (see [`Vault::file`](super::Vault::file)).
    path: PathBuf,
    stamp: Stamp,
}

/// A file that must be parsed, and what the cache said of it.
struct Stale<'a> {
    path: &'a Path,
    stamp: Stamp,
    before: Option<(Stamp, NaiveDate)>,
}

/// The day files in `journal/YYYY/` with sizes and times, skipping temp files a
/// killed writer may have left and reporting day files of the other kind to
/// `strays` (as [`Journal::scan`] does).
fn list_day_files(journal: &Journal, strays: &mut Vec<Problem>) -> io::Result<Vec<DayFile>> {
    let root = journal.root().join("journal");
    let years = match fs::read_dir(&root) {
        Ok(years) => years,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut folders = Vec::new();
    for year in years {
        let year = year?;
        if year.file_type()?.is_dir() {
            folders.push(year);
        }
    }
    // Thousands of stat calls are most of what an unchanged journal costs to load:
    // two threads, a year folder at a time.
    let list =
        |folders: &[fs::DirEntry], take: usize| -> io::Result<(Vec<DayFile>, Vec<Problem>)> {
            let mut files = Vec::new();
            let mut strays = Vec::new();
            for year in folders.iter().skip(take).step_by(2) {
                list_year(journal, year, &mut files, &mut strays)?;
            }
            Ok((files, strays))
        };
    let (mine, others) = thread::scope(|scope| {
        let other = scope.spawn(|| list(&folders, 1));
        let mine = list(&folders, 0);
        let others = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (mine, others)
    });
    let (mut files, mine) = mine?;
    let (other_files, others) = others?;
    files.extend(other_files);
    strays.extend(mine);
    strays.extend(others);
    Ok(files)
}

fn list_year(
    journal: &Journal,
    year: &fs::DirEntry,
    files: &mut Vec<DayFile>,
    strays: &mut Vec<Problem>,
) -> io::Result<()> {
    let year_name = year.file_name();
    for file in fs::read_dir(year.path())? {
        let file = file?;
        let path = match journal.day_file(&file.path()) {
            Some(Ok(plain)) => plain,
            Some(Err(stray)) => {
                strays.push(stray);
                continue;
            }
            None => continue,
        };
        let metadata = file.metadata()?;
        let modified = metadata.modified().unwrap_or(UNIX_EPOCH);
        let name = format!(
            "{}/{}",
            year_name.to_string_lossy(),
            file.file_name().to_string_lossy()
        );
        files.push(DayFile {
            path,
            stamp: Stamp {
                name,
                size: metadata.len(),
                modified_nanos: nanos_since_epoch(modified),
                racy: false,
            },
        });
    }
    Ok(())
}

fn nanos_since_epoch(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

/// Parses the given files, on two threads when there are many.
fn parse_files(journal: &Journal, files: &[Stale]) -> Vec<Result<Day, Problem>> {
    let parse_all = |chunk: &[Stale]| -> Vec<Result<Day, Problem>> {
        chunk
            .iter()
            .map(|stale| parse_file(journal, stale.path))
            .collect()
    };
    if files.len() < PARALLEL_FROM {
        return parse_all(files);
    }
    let (first, second) = files.split_at(files.len() / 2);
    thread::scope(|scope| {
        let other = scope.spawn(|| parse_all(second));
        let mut results = parse_all(first);
        results.extend(
            other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        results
    })
}

/// One day file (by its plain name), read the way [`Journal::scan`] reads it.
fn parse_file(journal: &Journal, path: &Path) -> Result<Day, Problem> {
    let on_disk = journal.vault().file(path);
    let loaded = journal.load_file(path).and_then(|day| {
        day.ok_or_else(|| {
            StoreError::io(&on_disk)(io::Error::new(io::ErrorKind::NotFound, "file vanished"))
        })
    });
    loaded.map_err(|error| match error {
        StoreError::Malformed(problem) => problem,
        other => Problem::new(journal.display_path(&on_disk), other.to_string()),
    })
}

/// Writes the cache beside its final name (through the vault, so encrypted in an
/// encrypted journal) and renames it into place, streaming so the journal is never
/// held twice in memory. No fsync: the cache can always be rebuilt, and a torn file
/// fails to decode and is rebuilt.
fn write_cache(
    vault: &Vault,
    path: &Path,
    index: &JournalIndex,
    manifest: &Manifest,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir_all(dir)?;
    let temp = dir.join(format!(".journal.bin.{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(atomic::PRIVATE_FILE_MODE);
    }
    let result = options.open(&temp).and_then(|file| {
        let mut file = BufWriter::with_capacity(256 * 1024, vault.seal_stream(file)?);
        let mut out = Writer::default();
        out.0.extend_from_slice(MAGIC);
        out.u32(FORMAT);
        out.length(manifest.len());
        for (stamp, date) in manifest {
            out.str(&stamp.name);
            out.u64(stamp.size);
            out.i128(stamp.modified_nanos);
            out.bool(stamp.racy);
            out.i32(date.num_days_from_ce());
        }
        let mut flush = |out: &mut Writer| -> io::Result<()> {
            if out.0.len() > 64 * 1024 {
                file.write_all(&out.0)?;
                out.0.clear();
            }
            Ok(())
        };
        out.length(index.days().len());
        for day in index.days() {
            encode_day(&mut out, day);
            flush(&mut out)?;
        }
        let entries = || index.days().iter().flat_map(|day| &day.entries);
        out.u64(entries().map(|entry| 4 + entry.text.len() as u64).sum());
        for entry in entries() {
            out.str(&entry.text);
            flush(&mut out)?;
        }
        index.write_snapshot(&mut out);
        out.0.extend_from_slice(END);
        file.write_all(&out.0)?;
        let sealed = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        sealed.finish()?.flush()
    });
    let result = result.and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    remove_abandoned_temps(dir, SystemTime::now());
    result
}

/// How old another process's temp cache file must be to count as abandoned: a write
/// takes well under a second, so one this old belongs to a process that ended mid-write
/// (the app does not wait for its background scan when it quits).
const ABANDONED: Duration = Duration::from_secs(60);

/// Removes temp cache files in `dir` that writers which ended mid-write left behind,
/// so they do not pile up; any still being written are too young to be touched.
fn remove_abandoned_temps(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_temp = name.starts_with(".journal.bin.") && name.ends_with(".tmp");
        let abandoned = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| {
                now.duration_since(modified)
                    .is_ok_and(|age| age > ABANDONED)
            });
        if is_temp && abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The cached index and manifest, or `None` if the file is missing, of another format
/// or damaged in any way.
fn read_cache(vault: &Vault, path: &Path) -> Option<Cached> {
    let mut input = open_cache(vault, path)?;
    let manifest = read_manifest(&mut input)?;
    let (mut days, _) = read_days(&mut input)?;
    read_texts(&mut input, &mut days)?;
    let index = read_index(&mut input, days)?;
    Some(Cached { index, manifest })
}

/// The cached manifest and index without entry text, and per day (newest first, as
/// the index keeps them) its entries' summaries; `None` if the cache cannot be read.
/// Whether the day files are still as the manifest says is the caller's to check.
fn read_summaries(
    vault: &Vault,
    path: &Path,
) -> Option<(Manifest, JournalIndex, Vec<Vec<EntrySummary>>)> {
    let mut input = open_cache(vault, path)?;
    let manifest = read_manifest(&mut input)?;
    let (days, summaries) = read_days(&mut input)?;
    // The summaries line up with the index's days only if these come as the index
    // keeps them: newest first, one per date.
    if !days.windows(2).all(|pair| pair[0].date > pair[1].date) {
        return None;
    }
    let texts = input.u64()?;
    input.skip(texts)?;
    let index = read_index(&mut input, days)?;
    Some((manifest, index, summaries))
}

/// Whether `manifest` names exactly `files`, each unchanged since and none too recent
/// to trust: the test [`refresh`] applies file by file.
fn describes(manifest: &Manifest, files: &[DayFile]) -> bool {
    if manifest.len() != files.len() {
        return false;
    }
    let cached: HashMap<&str, &Stamp> = manifest
        .iter()
        .map(|(stamp, _)| (stamp.name.as_str(), stamp))
        .collect();
    files
        .iter()
        .all(|file| !file.stamp.racy && cached.get(file.stamp.name.as_str()) == Some(&&file.stamp))
}

/// Anything that can be read and skipped over: the cache file, or its decrypted bytes.
trait Source: Read + Seek {}
impl<T: Read + Seek> Source for T {}

/// A reader of the cache file past its magic and format, or `None` if it is missing or
/// of another format.
fn open_cache(vault: &Vault, path: &Path) -> Option<Reader<Box<dyn Source>>> {
    let mut input: Reader<Box<dyn Source>> = if vault.is_encrypted() {
        // Decrypted whole: the reader must know the plain length to bound what it
        // reads, and age only tells it at the end.
        let bytes = vault.unseal(&fs::read(path).ok()?).ok()?;
        let len = bytes.len() as u64;
        Reader::new(Box::new(Cursor::new(bytes)), len)
    } else {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        Reader::new(Box::new(BufReader::with_capacity(256 * 1024, file)), len)
    };
    let mut magic = [0; 8];
    input.bytes(&mut magic)?;
    (&magic == MAGIC && input.u32()? == FORMAT).then_some(input)
}

fn read_manifest(input: &mut Reader<impl Read>) -> Option<Manifest> {
    let count = input.length(32)?;
    let mut manifest = Vec::with_capacity(count);
    for _ in 0..count {
        let stamp = Stamp {
            name: input.string()?,
            size: input.u64()?,
            modified_nanos: input.i128()?,
            racy: input.bool()?,
        };
        let date = NaiveDate::from_num_days_from_ce_opt(input.i32()?)?;
        manifest.push((stamp, date));
    }
    Some(manifest)
}

/// The days with every entry's text still empty, and per day its entries' summaries.
fn read_days(input: &mut Reader<impl Read>) -> Option<(Vec<Day>, Vec<Vec<EntrySummary>>)> {
    let count = input.length(16)?;
    let mut days = Vec::with_capacity(count);
    let mut summaries = Vec::with_capacity(count);
    for _ in 0..count {
        let (day, summary) = decode_day(input)?;
        days.push(day);
        summaries.push(summary);
    }
    Some((days, summaries))
}

/// Fills in the text of every entry of `days`, in the order they were written.
fn read_texts(input: &mut Reader<impl Read>, days: &mut [Day]) -> Option<()> {
    let expected = input.u64()?;
    let mut read = 0;
    for entry in days.iter_mut().flat_map(|day| &mut day.entries) {
        entry.text = input.string()?;
        read += 4 + entry.text.len() as u64;
    }
    (read == expected).then_some(())
}

/// The index snapshot over `days`, and the end mark with nothing after it.
fn read_index(input: &mut Reader<impl Read>, days: Vec<Day>) -> Option<JournalIndex> {
    let index = JournalIndex::read_snapshot(days, input)?;
    let mut end = [0; 8];
    input.bytes(&mut end)?;
    (&end == END && input.is_at_end()).then_some(index)
}

/// A day without its entries' text (that goes in a section of its own), and each
/// entry's summary in its place.
fn encode_day(out: &mut Writer, day: &Day) {
    out.u32(day.version);
    out.i32(day.date.num_days_from_ce());
    out.u8(day.ratings.energy.map_or(0, Rating::value));
    out.u8(day.ratings.outlook.map_or(0, Rating::value));
    write_table(out, &day.ratings.extra);
    write_table(out, &day.extra);
    write_table(out, &practice_table(day));
    out.length(day.entries.len());
    for entry in &day.entries {
        out.str(&entry.id);
        out.i64(entry.created.timestamp());
        out.i32(entry.created.offset().local_minus_utc());
        out.opt_str(entry.pack.as_deref());
        out.opt_str(entry.prompt.as_deref());
        out.opt_str(entry.question.as_deref());
        out.opt_str(entry.frame.as_ref().map(Frame::id));
        let summary = entry.summary();
        out.str(&summary.preview);
        out.length(summary.tags.len());
        for tag in &summary.tags {
            out.str(tag);
        }
        match entry.value {
            None => out.u8(0),
            Some(AnswerValue::YesNo(yes)) => {
                out.u8(1);
                out.bool(yes);
            }
            Some(AnswerValue::Number(n)) => {
                out.u8(2);
                out.i64(n);
            }
        }
        out.length(entry.tags.len());
        for tag in &entry.tags {
            out.str(tag);
        }
        out.bool(entry.private);
        write_table(out, &entry.extra);
    }
}

fn decode_day(input: &mut Reader<impl Read>) -> Option<(Day, Vec<EntrySummary>)> {
    let version = input.u32()?;
    let date = NaiveDate::from_num_days_from_ce_opt(input.i32()?)?;
    let rating = |value: u8| (value != 0).then(|| Rating::new(value)).flatten();
    let energy = rating(input.u8()?);
    let outlook = rating(input.u8()?);
    let ratings = Ratings {
        energy,
        outlook,
        extra: read_table(input)?,
    };
    let extra = read_table(input)?;
    let practice = read_table(input)?;
    let count = input.length(16)?;
    let mut entries = Vec::with_capacity(count.min(1024));
    let mut summaries = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let id = input.string()?;
        let seconds = input.i64()?;
        let offset = FixedOffset::east_opt(input.i32()?)?;
        let created = DateTime::from_timestamp(seconds, 0)?.with_timezone(&offset);
        let pack = input.opt_string()?;
        let prompt = input.opt_string()?;
        let question = input.opt_string()?;
        let frame = input.opt_string()?.map(Frame::from);
        let preview = input.string()?;
        let count = input.length(4)?;
        let mut all_tags = Vec::with_capacity(count.min(256));
        for _ in 0..count {
            all_tags.push(input.string()?);
        }
        summaries.push(EntrySummary {
            preview,
            tags: all_tags,
        });
        let value = match input.u8()? {
            0 => None,
            1 => Some(AnswerValue::YesNo(input.bool()?)),
            2 => Some(AnswerValue::Number(input.i64()?)),
            _ => return None,
        };
        let tag_count = input.length(4)?;
        let mut tags = Vec::with_capacity(tag_count.min(256));
        for _ in 0..tag_count {
            tags.push(input.string()?);
        }
        let private = input.bool()?;
        entries.push(Entry {
            id,
            created,
            pack,
            prompt,
            question,
            frame,
            text: String::new(),
            value,
            tags,
            private,
            extra: read_table(input)?,
        });
    }
    let day = Day {
        version,
        date,
        ratings,
        entries,
        checkins: from_practice(&practice, "checkin")?,
        connections: from_practice(&practice, "connection")?,
        extra,
    };
    Some((day, summaries))
}

/// Check-ins and connections, kept in the cache as a TOML table: they are small and
/// rare beside entries, and this way a field added to them needs no format change.
fn practice_table(day: &Day) -> toml::Table {
    // Most days have neither: an empty table costs one byte to write and nothing to
    // read back.
    let mut table = toml::Table::new();
    if !day.checkins.is_empty()
        && let Ok(value) = toml::Value::try_from(&day.checkins)
    {
        table.insert("checkin".to_string(), value);
    }
    if !day.connections.is_empty()
        && let Ok(value) = toml::Value::try_from(&day.connections)
    {
        table.insert("connection".to_string(), value);
    }
    table
}

fn from_practice<T: serde::de::DeserializeOwned>(table: &toml::Table, key: &str) -> Option<Vec<T>> {
    match table.get(key) {
        Some(value) => value.clone().try_into().ok(),
        None => Some(Vec::new()),
    }
}

/// Keys this version does not know, kept as TOML text (almost always empty).
fn write_table(out: &mut Writer, table: &toml::Table) {
    if table.is_empty() {
        out.str("");
    } else {
        out.str(&toml::to_string(table).unwrap_or_default());
    }
}

fn read_table(input: &mut Reader<impl Read>) -> Option<toml::Table> {
    let text = input.string()?;
    if text.is_empty() {
        Some(toml::Table::new())
    } else {
        toml::from_str(&text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::index::{EntryRef, Filter, SearchQuery};
    use crate::sample::{SampleSize, write_sample};

    fn small() -> SampleSize {
        SampleSize {
            days: 60,
            reflect_percent: 90,
            words_per_entry: 40,
        }
    }

    fn last_day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    /// Well after every file was written, so none counts as too recent.
    fn later() -> SystemTime {
        SystemTime::now() + Duration::from_secs(60)
    }

    #[test]
    fn the_cache_gives_back_exactly_what_parsing_gives() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 3).unwrap();
        // Unknown keys survive the cache too.
        let path = journal.day_path(last_day());
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replacen("[ratings]", "weather = \"snow\"\n\n[ratings]\nsleep = 7", 1);
        let text = text.replacen("text = ", "mood = { calm = true }\ntext = ", 1);
        fs::write(&path, text).unwrap();

        let scanned = journal.scan();
        let first = scan_at(&journal, later());
        assert!(cache_path(&journal).exists());
        let second = scan_at(&journal, later());
        assert_eq!(first.days, scanned.days);
        assert_eq!(second.days, scanned.days);
        let last = second.days.last().unwrap();
        assert!(last.extra.contains_key("weather"));
        assert!(last.entries[0].extra.contains_key("mood"));
    }

    #[test]
    fn changed_added_removed_and_broken_files_are_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 4).unwrap();
        scan_at(&journal, later());

        let edited = last_day();
        journal
            .update_day(edited, |day| day.entries[0].text = "rewritten".into())
            .unwrap();
        let added = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        journal.update_day(added, |_| {}).unwrap();
        let removed = journal.scan().days[0].date;
        fs::remove_file(journal.day_path(removed)).unwrap();
        let broken = journal.scan().days[1].date;
        fs::write(journal.day_path(broken), "version = 1\ndate = \"oops\"\n").unwrap();

        let refreshed = load_index_at(&journal, later()).index;
        let loaded = scan_at(&journal, later());
        let scanned = journal.scan();
        assert_eq!(loaded.days, scanned.days);
        // The index updated in place answers like one built afresh.
        let fresh = JournalIndex::new(scanned.days.clone());
        for query in ["", "rewritten", "robot fair", "#staff"] {
            let filter = Filter::default();
            let ids = |index: &JournalIndex| {
                index
                    .search(query, &filter, usize::MAX)
                    .hits
                    .iter()
                    .map(|hit| hit.entry)
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&refreshed), ids(&fresh), "{query}");
        }
        assert_eq!(loaded.problems, scanned.problems);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.days.iter().any(|day| day.date == added));
        assert!(!loaded.days.iter().any(|day| day.date == removed));
    }

    #[test]
    fn a_file_rewritten_within_the_same_clock_tick_is_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let date = last_day();
        journal
            .update_day(date, |day| {
                day.upsert(Entry::new(
                    "2026-11-24T07:00:00Z".parse().unwrap(),
                    0,
                    "aaaa".into(),
                ))
            })
            .unwrap();
        let now = SystemTime::now();
        scan_at(&journal, now);
        // Same size, and (on a coarse clock) possibly the same time.
        let path = journal.day_path(date);
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        let text = fs::read_to_string(&path).unwrap().replace("aaaa", "bbbb");
        fs::write(&path, text).unwrap();
        let file = fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(modified).unwrap();
        let loaded = scan_at(&journal, now);
        assert_eq!(loaded.days[0].entries[0].text, "bbbb");
    }

    /// Every entry of `listing`, in ranked order, as `list` would print it.
    fn listed(listing: &Listing, query: &str) -> Vec<(EntryRef, Entry, EntrySummary)> {
        let ranking = listing.rank(SearchQuery::parse(query), &Filter::default(), usize::MAX);
        ranking
            .matches
            .iter()
            .map(|scored| {
                let listed = listing.entry(scored.entry).unwrap();
                let facts = Entry {
                    text: String::new(),
                    ..listed.facts.clone()
                };
                (scored.entry, facts, listed.summary.into_owned())
            })
            .collect()
    }

    #[test]
    fn a_listing_without_text_shows_what_one_with_text_shows() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 6).unwrap();
        journal
            .update_day(last_day(), |day| {
                let entry = &mut day.entries[0];
                entry.text = "\n  First line with #Café-Talk\nsecond #staff line".into();
                entry.tags = vec!["explicit".into(), "staff".into()];
            })
            .unwrap();
        load_index_at(&journal, later());

        let light = load_listing_at(&journal, later(), false);
        let full = load_listing_at(&journal, later(), true);
        assert!(!light.has_text());
        assert!(full.has_text());
        assert_eq!(light.entry_count(), full.entry_count());
        for query in ["", "robot", "fair rob", "#staff", "convrsation"] {
            assert_eq!(listed(&light, query), listed(&full, query), "{query}");
        }
        let newest = listed(&light, "").remove(0).2;
        assert_eq!(newest.preview, "First line with #Café-Talk…");
        assert_eq!(newest.tags, ["café-talk", "staff", "explicit"]);
    }

    #[test]
    fn a_listing_reads_text_whenever_the_cache_is_not_the_whole_truth() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 7).unwrap();
        // No cache yet.
        assert!(load_listing_at(&journal, later(), false).has_text());
        assert!(!load_listing_at(&journal, later(), false).has_text());

        journal
            .update_day(last_day(), |day| {
                day.entries[0].text = "Edited since.".into()
            })
            .unwrap();
        // Just written: too recent to trust whatever the cache says.
        let racy = load_listing_at(&journal, SystemTime::now(), false);
        assert!(racy.has_text());
        // Changed, later on: read again, and the cache brought up to date.
        let changed = load_listing_at(&journal, later(), false);
        assert!(changed.has_text());
        let listing = load_listing_at(&journal, later(), false);
        assert!(!listing.has_text());
        assert_eq!(listed(&listing, "edited")[0].2.preview, "Edited since.");

        let gone = journal.scan().days[0].date;
        fs::remove_file(journal.day_path(gone)).unwrap();
        assert!(load_listing_at(&journal, later(), false).has_text());
        let listing = load_listing_at(&journal, later(), false);
        assert!(!listing.has_text());
        assert!(listed(&listing, "").iter().all(|(at, ..)| at.date != gone));
    }

    #[test]
    #[should_panic(expected = "load the listing with text")]
    fn a_quoted_phrase_is_never_looked_for_in_text_that_was_not_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 8).unwrap();
        load_index_at(&journal, later());
        let light = load_listing_at(&journal, later(), false);
        light.rank(
            SearchQuery::parse("\"the student\""),
            &Filter::default(),
            10,
        );
    }

    #[test]
    fn temp_files_of_writers_that_ended_mid_write_are_cleared_away() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 9).unwrap();
        let cache_dir = cache_path(&journal).parent().unwrap().to_path_buf();
        fs::create_dir_all(&cache_dir).unwrap();
        let abandoned = cache_dir.join(".journal.bin.99999.tmp");
        let in_progress = cache_dir.join(".journal.bin.99998.tmp");
        fs::write(&abandoned, "cut short").unwrap();
        fs::write(&in_progress, "still being written").unwrap();
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&abandoned)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();

        load_index_at(&journal, later());
        assert!(cache_path(&journal).exists());
        assert!(!abandoned.exists());
        assert!(in_progress.exists(), "a write still going on is left alone");
    }

    #[test]
    fn a_damaged_cache_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        write_sample(&journal, last_day(), small(), 5).unwrap();
        scan_at(&journal, later());
        let path = cache_path(&journal);
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        assert!(read_cache(&Vault::default(), &path).is_none());
        assert_eq!(scan_at(&journal, later()).days, journal.scan().days);
        assert!(read_cache(&Vault::default(), &path).is_some());
    }
}
