//! Where `-o` writes: checked before any input is read, written so that no
//! input and no special file is ever replaced, and no temporary file is left
//! behind.
//!
//! - The target is checked first (a folder, a missing folder, a read-only
//!   file, an input of the run: a plain error naming the path as given),
//!   so a mistake costs no analysis time.
//! - An input of the run (an article, a JSON Lines corpus, the baseline,
//!   the config) is recognised by file identity (device and inode), not by
//!   spelling: `d/a.txt`, `./d/a.txt` and a symlink to it are the same file.
//! - A symlink is followed: the file it points to is replaced, the link stays.
//! - A target that exists and is not a regular file (a device such as
//!   `/dev/null`, a FIFO, a terminal), or any path through `/dev/` or
//!   `/proc/` (`/dev/stdout`), is written in place, like a shell redirection.
//! - A regular file is written to a temporary file beside it, renamed into
//!   place: a failed or interrupted run leaves the old file intact; on
//!   SIGINT, SIGTERM or SIGHUP the temporary file is removed
//!   ([`install_cleanup`]).
//! - A file the user may not write (0444 for a non-root user) is refused,
//!   as `cp` does without `-f`.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary file being written, for the signal handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary file being written,
/// if any, and exit with 128 + the signal's number, as the default action
/// would have. Call once, early.
pub fn install_cleanup() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Holding the lock: a rename in progress finishes first and
            // clears the path, so a finished report is never removed.
            let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(p) = pending.as_ref() {
                let _ = fs::remove_file(p);
            }
            std::process::exit(128 + signal);
        }
    });
}

/// A checked place to write to.
#[derive(Debug, Clone)]
pub struct Target {
    /// The path as the user gave it, for messages.
    pub given: PathBuf,
    how: How,
}

#[derive(Debug, Clone)]
enum How {
    /// A regular file, existing or not: temporary file + rename onto `real`.
    Replace { real: PathBuf },
    /// An existing special file, or a path through /dev or /proc: in place.
    InPlace { real: PathBuf },
}

/// Symlinks followed by hand, so that each hop is seen; a link chain
/// longer than this is an error, as for the kernel.
const MAX_LINKS: usize = 40;

/// Follows `given` through symlinks to the path that will be written.
/// Also says whether a hop went through /dev or /proc.
fn resolve(given: &Path) -> Result<(PathBuf, bool), String> {
    let special_dir = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    let mut p = given.to_path_buf();
    let mut special = special_dir(&p);
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p).map_err(|e| plain(&e))?;
                p = if to.is_absolute() {
                    to
                } else {
                    p.parent().unwrap_or(Path::new("")).join(to)
                };
                special |= special_dir(&p);
            }
            _ => return Ok((p, special)),
        }
    }
    Err("too many levels of symbolic links".into())
}

/// An I/O error in a few plain words, without "(os error N)".
fn plain(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let m = e.to_string();
            let m = m.find(" (os error").map_or(m.as_str(), |i| &m[..i]);
            m.to_lowercase()
        }
    }
}

#[cfg(unix)]
fn identity(m: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The folder a new file at `real` goes into.
fn folder_of(real: &Path) -> &Path {
    match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Can a file be created in `dir`? (A temporary file, removed at once.)
fn check_folder(dir: &Path) -> Result<(), String> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(format!("{} is not a folder", dir.display())),
        Err(_) => return Err(format!("folder {} does not exist", dir.display())),
    }
    tempfile::Builder::new()
        .prefix(".factdiff-")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| {
            format!(
                "cannot create a file in folder {}: {}",
                dir.display(),
                plain(&e)
            )
        })
}

/// Checks `given` as a place to write, before anything is read.
/// `inputs` are the files the run reads (articles, corpora, baseline,
/// config): writing over one of them is refused.
pub fn check(given: &Path, inputs: &[PathBuf]) -> Result<Target, String> {
    let fail = |why: String| Err(format!("cannot write to {}: {why}", given.display()));
    if given.as_os_str().is_empty() {
        return fail("the path is empty".into());
    }
    let text = given.as_os_str().to_string_lossy();
    if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return fail("that names a folder; give a file name".into());
    }
    let (real, special) = match resolve(given) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    // Through /dev or /proc (`/dev/stdout` → `/proc/self/fd/1` → a pipe):
    // the kernel resolves such links on open, not the path they spell.
    let real = if special { given.to_path_buf() } else { real };
    let how = match fs::metadata(&real) {
        Ok(m) if m.is_dir() => return fail("it is a folder; give a file name".into()),
        Ok(m) => {
            let id = identity(&m);
            if cfg!(unix) {
                if let Some(input) = inputs
                    .iter()
                    .find(|i| fs::metadata(i).is_ok_and(|im| identity(&im) == id))
                {
                    return Err(format!(
                        "refusing to write over an input of this run: {}{}",
                        input.display(),
                        if input.as_path() == given {
                            String::new()
                        } else {
                            format!(" (as {})", given.display())
                        }
                    ));
                }
            }
            if !m.is_file() || special {
                How::InPlace { real }
            } else {
                // Opening for writing (no truncation) asks the system the
                // question `cp` asks: may this user write the file?
                if let Err(e) = OpenOptions::new().write(true).open(&real) {
                    return fail(format!("{} (the file is not writable)", plain(&e)));
                }
                if let Err(e) = check_folder(folder_of(&real)) {
                    return fail(e);
                }
                How::Replace { real }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Err(e) = check_folder(folder_of(&real)) {
                return fail(e);
            }
            How::Replace { real }
        }
        Err(e) => return fail(plain(&e)),
    };
    Ok(Target {
        given: given.to_path_buf(),
        how,
    })
}

impl Target {
    /// Writes through `write`; an error is one plain line naming the path given.
    pub fn write(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), String> {
        let fail =
            |e: io::Error| format!("cannot write to {}: {}", self.given.display(), plain(&e));
        match &self.how {
            How::InPlace { real } => {
                let file = OpenOptions::new().write(true).open(real).map_err(fail)?;
                let mut out = io::BufWriter::new(file);
                match write(&mut out).and_then(|()| out.flush()) {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(fail(e)),
                    _ => Ok(()),
                }
            }
            How::Replace { real } => {
                let mut tmp = tempfile::Builder::new()
                    .prefix(".factdiff-")
                    .tempfile_in(folder_of(real))
                    .map_err(fail)?;
                set_pending(Some(tmp.path().to_path_buf()));
                let written = (|| {
                    hold_for_tests();
                    let mut out = io::BufWriter::new(tmp.as_file_mut());
                    write(&mut out).and_then(|()| out.flush())?;
                    drop(out);
                    // A temporary file is private (0600); a report is not:
                    // keep the permissions of the file it replaces, or 0644.
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        let mode = fs::metadata(real).map_or(0o644, |m| m.permissions().mode());
                        tmp.as_file()
                            .set_permissions(fs::Permissions::from_mode(mode))?;
                    }
                    tmp.as_file().sync_all()
                })();
                if let Err(e) = written {
                    set_pending(None);
                    return Err(fail(e));
                }
                // Renamed under the lock: see `install_cleanup`.
                let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
                let kept = tmp.persist(real).map(drop).map_err(|e| fail(e.error));
                *pending = None;
                kept
            }
        }
    }
}

fn set_pending(p: Option<PathBuf>) {
    *PENDING.lock().unwrap_or_else(|e| e.into_inner()) = p;
}

/// For the signal test only: `FACTDIFF_TEST_HOLD_TEMP_MS` keeps the
/// temporary file open that long before writing, so that a test can
/// interrupt the run at that point deterministically.
fn hold_for_tests() {
    if let Some(ms) = std::env::var("FACTDIFF_TEST_HOLD_TEMP_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
