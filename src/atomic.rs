//! Writing a file so that a crash, a kill or a full disk never leaves it half written.
//!
//! [`write`] and [`write_with`] put the bytes in a hidden temporary file beside the target
//! (`.NAME.PID.newslens-tmp`), flush it to disk, rename it over the target in one step and
//! then flush the folder, so the target always holds either its old or its new content.
//! They also guarantee that:
//!
//! - a symbolic link, or a chain of them (relative or absolute, even dangling), is written
//!   through: its final target is replaced and the link stays a link; a loop is an error;
//! - a target that exists but is not a regular file (a FIFO, a device, a socket, a folder)
//!   is refused with "not a regular file" and never opened, so a FIFO cannot block;
//! - a replaced file keeps its mode and, where the process is allowed to set them, its
//!   owner and group; a new file gets the mode `File::create` would give it;
//! - the temporary file is always created afresh, never an existing file or link reused;
//! - the temporaries being written are registered, so that [`remove_temporaries`] can delete
//!   them when the process is told to stop, and those left behind by processes that died are
//!   removed by the next write into the same folder (on Linux, with `/proc` mounted).

use std::ffi::OsStr;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::Duration;

/// How the names of the temporary files end.
pub const TEMPORARY_SUFFIX: &str = ".newslens-tmp";

/// As many links as Linux itself follows before giving up with `ELOOP`.
const MAX_SYMLINK_HOPS: usize = 40;

/// How many bytes of the target's name go into the temporary's name, which keeps the
/// latter within the usual limit of 255 bytes per name.
const MAX_NAME_IN_TEMPORARY: usize = 160;

/// The temporary files this process is writing right now, as absolute paths where possible
/// so that they can still be removed after a change of working folder.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Replaces `path` with `bytes`, atomically.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(bytes))
}

/// Replaces `path` with what `fill` writes, atomically. If `fill` fails, the temporary file
/// is removed and `path` keeps its previous content.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let (target, existing) = resolve(path)?;
    if existing
        .as_ref()
        .is_some_and(|metadata| !metadata.is_file())
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let Some(file_name) = target.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not name a file",
        ));
    };
    // The temporary must sit beside the target: a rename is only atomic within one file system.
    let parent = parent_dir(&target);
    let dir = fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
    remove_stale_temporaries(&dir);

    // From here on, dropping `temporary` (on an error or a panic in `fill`) removes the file.
    let mut temporary = Temporary::claim(&dir, file_name);
    let mut file = temporary.create(existing.as_ref())?;
    fill(&mut file)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&temporary.path, &target)?;
    temporary.renamed = true;
    drop(temporary);
    sync_dir(&dir);
    Ok(())
}

/// Removes every temporary file this process is writing right now. Meant for a SIGINT or
/// SIGTERM handler thread just before the process exits: the writes concerned then fail at
/// their rename and leave their targets as they were. Never blocks for long, even if a
/// thread panicked while holding the registry.
pub fn remove_temporaries() {
    remove_registered(|_| true);
}

/// Removes the registered temporaries for which `matches` is true. The entries stay in the
/// registry: each belongs to a write, which unregisters it when it ends.
fn remove_registered(matches: impl Fn(&Path) -> bool) {
    let mut attempts = 0;
    let registry = loop {
        match TEMPORARIES.try_lock() {
            Ok(registry) => break registry,
            Err(TryLockError::Poisoned(poisoned)) => break poisoned.into_inner(),
            // The lock is only ever held for a moment; if it stays taken, the holder is
            // the very thread this runs on, and waiting would never end.
            Err(TryLockError::WouldBlock) if attempts < 100 => {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(TryLockError::WouldBlock) => return,
        }
    };
    for path in registry.iter().filter(|path| matches(path)) {
        let _ = fs::remove_file(path);
    }
}

fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file being written, registered from before it is created until it has been
/// renamed or removed.
struct Temporary {
    path: PathBuf,
    created: bool,
    renamed: bool,
}

impl Temporary {
    /// Registers a fresh name for a temporary beside `file_name` in `dir`: the usual
    /// `.NAME.PID.newslens-tmp`, or `.NAME.N.PID.newslens-tmp` while another write of this
    /// process has that one.
    fn claim(dir: &Path, file_name: &OsStr) -> Self {
        let name = file_name.to_string_lossy();
        let name = &name[..name.floor_char_boundary(MAX_NAME_IN_TEMPORARY)];
        let pid = std::process::id();
        let mut registry = registry();
        let mut path = dir.join(format!(".{name}.{pid}{TEMPORARY_SUFFIX}"));
        let mut n = 0u64;
        while registry.contains(&path) {
            n += 1;
            path = dir.join(format!(".{name}.{n}.{pid}{TEMPORARY_SUFFIX}"));
        }
        registry.push(path.clone());
        Temporary {
            path,
            created: false,
            renamed: false,
        }
    }

    /// Creates the file, with the owner and mode of the file it will replace, if any.
    fn create(&mut self, existing: Option<&Metadata>) -> io::Result<File> {
        let open = || {
            let mut options = OpenOptions::new();
            // `create_new` never follows or reuses whatever already has the name.
            options.write(true).create_new(true);
            #[cfg(unix)]
            if existing.is_some() {
                use std::os::unix::fs::OpenOptionsExt;
                // Nobody else may read it before it has the owner and mode of the target.
                options.mode(0o600);
            }
            options.open(&self.path)
        };
        let file = match open() {
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                // Left by an earlier process with our PID (the registry rules out another
                // write of ours). Removing it, even if it is a link, touches nothing else.
                fs::remove_file(&self.path)?;
                open()?
            }
            result => result?,
        };
        self.created = true;
        if let Some(existing) = existing {
            copy_owner_and_mode(&file, existing)?;
        }
        Ok(file)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if self.created && !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
        let mut registry = registry();
        if let Some(index) = registry.iter().position(|path| *path == self.path) {
            registry.swap_remove(index);
        }
    }
}

#[cfg(unix)]
fn copy_owner_and_mode(file: &File, existing: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    // Best effort: giving a file away needs privileges, but a member of the file's group
    // may still set the group.
    if fchown(file, Some(existing.uid()), Some(existing.gid())).is_err() {
        let _ = fchown(file, None, Some(existing.gid()));
    }
    // After the owner, because changing the owner clears the set-user-ID and set-group-ID bits.
    file.set_permissions(fs::Permissions::from_mode(existing.mode() & 0o7777))
}

#[cfg(not(unix))]
fn copy_owner_and_mode(_file: &File, _existing: &Metadata) -> io::Result<()> {
    Ok(())
}

/// Follows `path` through any chain of symbolic links to the file they finally name, and
/// returns that path with its metadata (`None` if nothing is there yet).
fn resolve(path: &Path) -> io::Result<(PathBuf, Option<Metadata>)> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_SYMLINK_HOPS {
        let metadata = match fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok((current, None)),
            Err(error) => return Err(error),
        };
        if !metadata.file_type().is_symlink() {
            return Ok((current, Some(metadata)));
        }
        let link = fs::read_link(&current)?;
        // A relative link is relative to the folder holding it; `join` keeps an absolute one.
        current = parent_dir(&current).join(link);
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Removes from `dir` the temporary files of processes that no longer exist, i.e. were
/// killed or crashed mid-write. Best effort: nothing here can make a write fail.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn remove_stale_temporaries(dir: &Path) {
    use std::os::unix::fs::MetadataExt;
    // Without /proc, a dead process cannot cheaply be told from a live one.
    let Ok(this_process) = fs::metadata("/proc/self") else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own_pid = u64::from(std::process::id());
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(temporary_pid) else {
            continue;
        };
        if pid == own_pid || process_may_exist(pid) {
            continue;
        }
        let path = entry.path();
        let Ok(metadata) = fs::symlink_metadata(&path) else {
            continue;
        };
        // Only our own files (unless we are root): /proc may hide other users' processes
        // (`hidepid`), which would make their writes in progress look abandoned.
        let ours = this_process.uid() == 0 || metadata.uid() == this_process.uid();
        if metadata.is_file() && ours {
            let _ = fs::remove_file(&path);
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn remove_stale_temporaries(_dir: &Path) {}

/// The PID in a temporary's name `.{anything}.{PID}.newslens-tmp`, if `name` is one.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn temporary_pid(name: &str) -> Option<u64> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMPORARY_SUFFIX)?;
    let (stem, pid) = rest.rsplit_once('.')?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// False only when /proc says for sure that there is no such process.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn process_may_exist(pid: u64) -> bool {
    !matches!(
        fs::symlink_metadata(format!("/proc/{pid}")),
        Err(error) if error.kind() == io::ErrorKind::NotFound
    )
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failure_mid_write_leaves_the_previous_content_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.json");
        write(&path, b"first version").unwrap();
        let failed = write_with(&path, |file| {
            file.write_all(b"half of the sec")?;
            Err(io::Error::other("simulated crash"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"first version");
        let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(entries.len(), 1, "the temporary file was left behind");
    }

    #[test]
    fn a_successful_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn a_long_file_name_still_has_room_for_its_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("é".repeat(127));
        write(&path, b"long").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"long");
        assert_eq!(names_in(dir.path()).len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_symlink_keeps_the_link_and_changes_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&target, b"old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_link(&link).unwrap(), target);
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), ["link.json", "real.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn relative_chained_and_dangling_symlinks_are_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        for sub in ["a", "b", "c"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        // a/first -> ../b/second (relative) -> <dir>/c/final.txt (absolute).
        let last = dir.path().join("c/final.txt");
        fs::write(&last, b"old").unwrap();
        symlink(&last, dir.path().join("b/second")).unwrap();
        symlink("../b/second", dir.path().join("a/first")).unwrap();
        write(&dir.path().join("a/first"), b"through two links").unwrap();
        assert_eq!(fs::read(&last).unwrap(), b"through two links");
        assert_eq!(names_in(&dir.path().join("a")), ["first"]);
        assert_eq!(names_in(&dir.path().join("b")), ["second"]);
        assert_eq!(names_in(&dir.path().join("c")), ["final.txt"]);

        // A dangling link creates its target, beside which the temporary went.
        symlink("new.txt", dir.path().join("c/dangling")).unwrap();
        write(&dir.path().join("c/dangling"), b"created").unwrap();
        assert_eq!(fs::read(dir.path().join("c/new.txt")).unwrap(), b"created");
        let dangling = fs::symlink_metadata(dir.path().join("c/dangling")).unwrap();
        assert!(dangling.file_type().is_symlink());
        assert_eq!(
            names_in(&dir.path().join("c")),
            ["dangling", "final.txt", "new.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_and_writes_nothing() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        symlink("itself", dir.path().join("itself")).unwrap();
        for name in ["a", "itself"] {
            let error = write(&dir.path().join(name), b"never").unwrap_err();
            assert_eq!(error.to_string(), "too many levels of symbolic links");
        }
        assert_eq!(names_in(dir.path()), ["a", "b", "itself"]);

        // A long chain that ends is fine.
        fs::write(dir.path().join("end"), b"old").unwrap();
        let mut previous = "end".to_owned();
        for hop in 0..MAX_SYMLINK_HOPS {
            let name = format!("hop{hop}");
            symlink(&previous, dir.path().join(&name)).unwrap();
            previous = name;
        }
        write(&dir.path().join(&previous), b"far").unwrap();
        assert_eq!(fs::read(dir.path().join("end")).unwrap(), b"far");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("pipe", &link).unwrap();
        for path in [fifo, link] {
            // On a thread, so that a write that blocks fails the test instead of hanging it.
            let (sender, receiver) = std::sync::mpsc::channel();
            std::thread::spawn(move || sender.send(write(&path, b"never")));
            let error = receiver
                .recv_timeout(Duration::from_secs(10))
                .expect("writing to a FIFO blocked")
                .unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
            assert_eq!(error.to_string(), "not a regular file");
        }
        assert_eq!(names_in(dir.path()), ["link", "pipe"]);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        for path in [Path::new("/dev/null"), &link, &folder] {
            let error = write(path, b"never").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{path:?}");
            assert_eq!(error.to_string(), "not a regular file");
        }
        let null = fs::metadata("/dev/null").unwrap();
        assert!(null.file_type().is_char_device());
        assert_eq!(names_in(dir.path()), ["folder", "null"]);
        assert!(names_in(&folder).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_usual_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o7777;
        for wanted in [0o600, 0o640, 0o444] {
            let path = dir.path().join(format!("secret-{wanted:o}"));
            fs::write(&path, b"old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(wanted)).unwrap();
            write(&path, b"new").unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"new");
            assert_eq!(mode(&path), wanted);
        }
        let reference = dir.path().join("reference");
        File::create(&reference).unwrap();
        let fresh = dir.path().join("fresh");
        write(&fresh, b"new").unwrap();
        assert_eq!(mode(&fresh), mode(&reference));
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_owner_where_that_is_allowed() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("owned");
        fs::write(&path, b"old").unwrap();
        // Giving the file away needs privileges; without them there is nothing to check.
        if std::os::unix::fs::chown(&path, Some(65534), Some(65534)).is_err() {
            eprintln!("skipped: cannot change owners here");
            return;
        }
        write(&path, b"new").unwrap();
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (65534, 65534));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_stray_file_with_our_temporary_name_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"untouched").unwrap();
        let stray = dir
            .path()
            .join(format!(".out.txt.{}{TEMPORARY_SUFFIX}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &stray).unwrap();
        write(&dir.path().join("out.txt"), b"written").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"untouched");
        assert_eq!(fs::read(dir.path().join("out.txt")).unwrap(), b"written");
        assert_eq!(names_in(dir.path()), ["out.txt", "victim"]);
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn stale_temporaries_of_dead_processes_are_removed_and_others_kept() {
        if !Path::new("/proc/self").exists() {
            eprintln!("skipped: /proc is not mounted");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        // Linux PIDs never exceed 2^22, so this process cannot exist.
        let dead = 999_999_999u64;
        let own = std::process::id();
        let stale = format!(".store.json.{dead}{TEMPORARY_SUFFIX}");
        let kept = [
            format!(".store.json.1{TEMPORARY_SUFFIX}"), // PID 1 is alive.
            format!(".other.json.{own}{TEMPORARY_SUFFIX}"), // Ours; not stale.
            format!(".store.json.{dead}.txt"),
            format!(".store.json.x{dead}{TEMPORARY_SUFFIX}"),
            format!("..{dead}{TEMPORARY_SUFFIX}"),
            "notes.txt".to_owned(),
        ];
        for name in std::iter::once(&stale).chain(&kept) {
            fs::write(dir.path().join(name), b"leftover").unwrap();
        }
        // Only regular files go: not a folder, nor a link (let alone what it points to).
        let stale_folder = format!(".folder.{dead}{TEMPORARY_SUFFIX}");
        fs::create_dir(dir.path().join(&stale_folder)).unwrap();
        let stale_link = format!(".link.{dead}{TEMPORARY_SUFFIX}");
        std::os::unix::fs::symlink("notes.txt", dir.path().join(&stale_link)).unwrap();

        write(&dir.path().join("out.txt"), b"new").unwrap();
        let mut expected: Vec<String> = kept.to_vec();
        expected.extend([stale_folder, stale_link, "out.txt".to_owned()]);
        expected.sort();
        assert_eq!(names_in(dir.path()), expected);
        assert_eq!(fs::read(dir.path().join("notes.txt")).unwrap(), b"leftover");
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn temporary_names_are_recognised() {
        assert_eq!(temporary_pid(".a.json.42.newslens-tmp"), Some(42));
        assert_eq!(temporary_pid(".a.json.3.42.newslens-tmp"), Some(42));
        assert_eq!(temporary_pid(".a.42.newslens-tmp"), Some(42));
        assert_eq!(temporary_pid("a.42.newslens-tmp"), None);
        assert_eq!(temporary_pid("..42.newslens-tmp"), None);
        assert_eq!(temporary_pid(".a.+42.newslens-tmp"), None);
        assert_eq!(temporary_pid(".a..newslens-tmp"), None);
        assert_eq!(temporary_pid(".a.42.newslens-tmp.bak"), None);
        assert_eq!(
            temporary_pid(".a.99999999999999999999999.newslens-tmp"),
            None
        );
    }

    #[test]
    fn removing_the_temporaries_makes_the_write_fail_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write(&path, b"old").unwrap();
        let folder = fs::canonicalize(dir.path()).unwrap();
        let temporary = folder.join(format!(".out.txt.{}{TEMPORARY_SUFFIX}", std::process::id()));
        let result = write_with(&path, |file| {
            file.write_all(b"half")?;
            assert!(temporary.exists());
            assert!(registry().contains(&temporary));
            // What `remove_temporaries` does, limited to this test's folder: the whole
            // registry would also hold the writes of tests running in parallel.
            remove_registered(|registered| registered.parent() == Some(&folder));
            assert!(!temporary.exists());
            file.write_all(b" and the rest")
        });
        assert!(result.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["out.txt"]);
        assert!(!registry().contains(&temporary));
        // The next write is not hindered.
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn concurrent_writes_to_one_file_use_distinct_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.txt");
        std::thread::scope(|scope| {
            for thread in 0..4u8 {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..10 {
                        write(path, &[thread; 4096]).unwrap();
                    }
                });
            }
        });
        let content = fs::read(&path).unwrap();
        assert_eq!(content.len(), 4096);
        assert!(content.iter().all(|&b| b == content[0]));
        assert_eq!(names_in(dir.path()), ["shared.txt"]);
    }
}
