//! Hostile and broken inputs, each as a generated file given to the real binary: nothing a
//! file contains may hang it, exhaust memory or destroy a file. Time limits are generous
//! (the tests run a debug build on a shared, slow machine); what they catch is growth
//! faster than the input, which takes minutes, not seconds.

use crate::run::{newslens_with_data, stderr};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far above what a linear run needs here, far below what the quadratic cases took.
const LIMIT: Duration = Duration::from_secs(90);

/// Runs the binary with a fresh data folder and a time limit; the test fails (and the
/// process is killed) if it runs over.
fn run_limited(args: &[&str], limit: Duration) -> Output {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .env("NEWSLENS_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes on threads so that a big output cannot block the child.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut bytes).map(|_| bytes)
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut bytes).map(|_| bytes)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("newslens {args:?} ran over {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs `extract` in a format and checks it succeeded within the limit with an output at
/// most `factor` times the input.
fn extract_bounded(path: &Path, format: &str, factor: usize) -> Output {
    let output = run_limited(&["extract", "--format", format, path_str(path)], LIMIT);
    assert!(output.status.success(), "{}", stderr(&output));
    let input = std::fs::metadata(path).unwrap().len() as usize;
    assert!(
        output.stdout.len() <= factor * input + 100_000,
        "{format} of {} is {} bytes for {input}",
        path.display(),
        output.stdout.len()
    );
    output
}

#[test]
fn a_text_without_sentence_ends_exports_in_bounded_size() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "Ana Lopez",
        "Pedro Alves",
        "Chen Wei",
        "Maria Silva",
        "John Smith",
    ];
    let list: Vec<&str> = (0..25_000).map(|i| names[i % names.len()]).collect();
    let path = write(dir.path(), "names.txt", list.join(", "));
    for format in ["csv", "json", "md"] {
        let output = extract_bounded(&path, format, 64);
        if format == "csv" {
            let longest = String::from_utf8_lossy(&output.stdout)
                .lines()
                .map(str::len)
                .max()
                .unwrap_or(0);
            assert!(longest < 1_000, "a row of {longest} bytes");
        }
    }
    let figures: Vec<String> = (0..2_700)
        .map(|i| format!("${i} billion rose {}% to ${} billion", i % 90, i + 1))
        .collect();
    let path = write(dir.path(), "figures.txt", figures.join(", "));
    let output = extract_bounded(&path, "json", 100);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let facts = json["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    for fact in facts {
        assert!(
            fact["text"].as_str().unwrap().len() <= newslens::export::MAX_CONTEXT_BYTES + 6,
            "{fact}"
        );
    }
}

#[test]
fn deeply_nested_and_attribute_laden_html_reads_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let nested = format!(
        "<html><body>{}<p>Xi Jinping visited Lima.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let path = write(dir.path(), "nested.html", nested);
    let output = run_limited(&["extract", "--format", "text", path_str(&path)], LIMIT);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Xi Jinping visited Lima."));

    let attributes: Vec<String> = (0..300_000).map(|i| format!("a{i}=\"x\"")).collect();
    let laden = format!(
        "<html><body><p {}>Dina Boluarte spoke in Lima.</p></body></html>",
        attributes.join(" ")
    );
    let path = write(dir.path(), "attributes.html", laden);
    let output = run_limited(&["extract", "--format", "text", path_str(&path)], LIMIT);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Dina Boluarte spoke in Lima."));
}

/// A PDF of `pages` empty pages.
fn empty_pdf(pages: usize) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_string()),
    );
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn a_pdf_of_many_empty_pages_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.pdf", empty_pdf(9_999));
    let output = run_limited(&["extract", path_str(&path)], LIMIT);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no text layer"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn runs_of_initials_and_capitalised_words_make_no_giant_names() {
    let dir = tempfile::tempdir().unwrap();
    let initials = write(dir.path(), "initials.txt", "A. B. C. ".repeat(110_000));
    let words = [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
    ];
    let capitalised: Vec<&str> = (0..150_000).map(|i| words[(i * 7 + i / 7) % 7]).collect();
    let capitalised = write(dir.path(), "capitalised.txt", capitalised.join(" "));
    for path in [initials, capitalised] {
        let output = extract_bounded(&path, "json", 64);
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        for entity in json["entities"].as_array().unwrap() {
            let words = entity["text"].as_str().unwrap().split_whitespace().count();
            assert!(
                words <= newslens::extract::MAX_NAME_TOKENS,
                "{}",
                entity["text"]
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn special_files_are_not_read_as_documents_or_stores() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut specials = vec![PathBuf::from("/dev/zero")];
    if made.is_ok_and(|s| s.success()) {
        specials.push(fifo.clone());
    }
    let socket = dir.path().join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    specials.push(socket);
    for special in &specials {
        let output = run_limited(&["extract", path_str(special)], Duration::from_secs(30));
        assert!(!output.status.success());
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains("not a regular file"), "{message}");
    }
    // A FIFO where the dictionary should be: a clear refusal, not a hang.
    if fifo.exists() {
        let data = tempfile::tempdir().unwrap();
        std::fs::rename(&fifo, data.path().join("dictionary.json")).unwrap();
        let document = write(dir.path(), "a.txt", "Xi Jinping visited Lima.");
        let output = newslens_with_data(&["extract", path_str(&document)], data.path());
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("not a regular file"),
            "{}",
            stderr(&output)
        );
    }
}

#[cfg(unix)]
#[test]
fn an_error_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let output = run_limited(&["extract", path_str(&a)], Duration::from_secs(30));
    assert!(!output.status.success());
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(message.matches("os error").count(), 1, "{message}");
}

#[test]
fn the_output_never_replaces_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Xi Jinping visited Lima on Monday.";
    let input = write(dir.path(), "article.txt", text);
    let output = run_limited(
        &["extract", path_str(&input), "-o", path_str(&input)],
        LIMIT,
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("the output is the input"),
        "{}",
        stderr(&output)
    );
    #[cfg(unix)]
    {
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let output = run_limited(&["extract", path_str(&input), "-o", path_str(&link)], LIMIT);
        assert!(!output.status.success());
        let folder = run_limited(
            &[
                "extract",
                "--format",
                "jsonl",
                path_str(dir.path()),
                "-o",
                path_str(&input),
            ],
            LIMIT,
        );
        assert!(!folder.status.success());
    }
    assert_eq!(std::fs::read_to_string(&input).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn the_output_goes_through_links_keeps_its_mode_and_refuses_special_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "article.txt",
        "Xi Jinping visited Lima on Monday.",
    );
    let target = write(dir.path(), "target.json", "old");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = run_limited(&["extract", path_str(&input), "-o", path_str(&link)], LIMIT);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Xi Jinping"));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let fifo = dir.path().join("fifo.json");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let output = run_limited(
            &["extract", path_str(&input), "-o", path_str(&fifo)],
            Duration::from_secs(30),
        );
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("not a regular file"),
            "{}",
            stderr(&output)
        );
        assert!(
            !std::fs::metadata(&fifo).unwrap().is_file(),
            "the FIFO stays"
        );
    }
}

#[cfg(unix)]
#[test]
fn temporary_files_are_removed_on_terminate_and_stale_ones_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "article.txt",
        "Xi Jinping visited Lima on Monday.",
    );
    let out = dir.path().join("out.json");
    let stale = dir.path().join(".out.json.999999999.newslens-tmp");
    std::fs::write(&stale, vec![b'x'; 1000]).unwrap();
    let output = run_limited(&["extract", path_str(&input), "-o", path_str(&out)], LIMIT);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stale.exists(),
        "the stale temporary file of a dead process is gone"
    );

    // A long write, terminated while it writes its temporary file.
    let names = ["Ana Lopez", "Pedro Alves", "Chen Wei"];
    let list: Vec<&str> = (0..200_000).map(|i| names[i % 3]).collect();
    let big = write(dir.path(), "big.txt", list.join(", "));
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args([
            "extract",
            "--format",
            "csv",
            path_str(&big),
            "-o",
            path_str(&out),
        ])
        .env("NEWSLENS_DATA_DIR", data.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let temporary = dir
        .path()
        .join(format!(".out.json.{}.newslens-tmp", child.id()));
    let started = Instant::now();
    let mut seen = false;
    while !seen && started.elapsed() < LIMIT {
        seen = temporary.exists();
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    if temporary.exists() {
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
    }
    child.wait().unwrap();
    assert!(seen, "the export finished before it could be terminated");
    assert!(!temporary.exists(), "the temporary file was left behind");
}

#[test]
fn text_files_with_odd_bytes_open_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut stray = "Café owner José Ortega said hello in Perú. "
        .repeat(50)
        .into_bytes();
    stray.push(0xff);
    let stray = write(dir.path(), "stray.txt", stray);
    let utf16: Vec<u8> = "Xi Jinping met Dina Boluarte in Lima. "
        .repeat(20)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = write(dir.path(), "utf16.txt", utf16);
    let tabs = write(
        dir.path(),
        "tabs.txt",
        b"Xi Jinping\x0b met Dina Boluarte\x0b\x0b in Lima.\x0b".repeat(30),
    );
    let nuls = write(
        dir.path(),
        "nuls.txt",
        b"Xi Jinping met Dina Boluarte in Lima.\0\n".repeat(20),
    );
    let mentions_pdf = write(
        dir.path(),
        "notes.txt",
        "The header %PDF-1.7 starts a PDF. Xi Jinping met Dina Boluarte.",
    );
    let markdown = write(
        dir.path(),
        "raw.md",
        "# Visit\n\n<div>\nXi Jinping met Dina Boluarte in Lima.\n</div>\n",
    );
    for (path, said) in [
        (&stray, Some("invalid byte")),
        (&utf16, Some("UTF-16LE")),
        (&tabs, None),
        (&nuls, Some("NUL bytes were removed")),
        (&mentions_pdf, None),
        (&markdown, None),
    ] {
        let output = run_limited(&["extract", "--format", "text", path_str(path)], LIMIT);
        assert!(
            output.status.success(),
            "{}: {}",
            path.display(),
            stderr(&output)
        );
        let text = String::from_utf8(output.stdout.clone()).unwrap();
        assert!(text.contains("Boluarte") || text.contains("José"), "{text}");
        assert!(!text.contains('Ã'), "mojibake: {text}");
        if let Some(said) = said {
            assert!(stderr(&output).contains(said), "{}", stderr(&output));
        }
    }
}

#[test]
fn a_zero_length_correction_makes_no_empty_entity() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Xi Jinping visited Lima on Monday.";
    let input = write(dir.path(), "article.txt", text);
    let data = tempfile::tempdir().unwrap();
    let corrections = data.path().join("corrections");
    std::fs::create_dir_all(&corrections).unwrap();
    let hash = newslens::corrections::content_hash(text);
    std::fs::write(
        corrections.join(format!("{hash}.json")),
        r#"{"version":1,"document":"article.txt","corrections":[
            {"kind":"mark","start":3,"end":3,"text":"","label":"PERSON","everywhere":false}]}"#,
    )
    .unwrap();
    let output = newslens_with_data(&["extract", path_str(&input)], data.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    for entity in json["entities"].as_array().unwrap() {
        assert!(!entity["text"].as_str().unwrap().is_empty(), "{entity}");
    }
}

/// One of the two processes of the test below; does nothing when run on its own.
#[test]
#[ignore = "a child process of two_processes_saving_one_store_keep_each_others_work"]
fn store_writer_child() {
    use newslens::corrections::{Correction, Session, Store};
    let (Some(dir), Ok(writer)) = (
        std::env::var_os("NEWSLENS_TEST_STORE"),
        std::env::var("NEWSLENS_TEST_WRITER"),
    ) else {
        return;
    };
    let mut session = Session::open(Some(Store::at(dir)), "Shared text.", "t.txt").session;
    for k in 0..20 {
        let text = format!("Name{writer}x{k}");
        let correction = Correction::Mark {
            start: 0,
            end: text.len(),
            text,
            label: newslens::Label::Org,
            everywhere: true,
        };
        session.push(correction).unwrap();
    }
}

#[test]
fn two_processes_saving_one_store_keep_each_others_work() {
    use newslens::corrections::{Store, content_hash};
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..2)
        .map(|writer| {
            Command::new(&exe)
                .args(["--ignored", "--exact", "hostile::store_writer_child"])
                .env("NEWSLENS_TEST_STORE", dir.path())
                .env("NEWSLENS_TEST_WRITER", writer.to_string())
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = Store::at(dir.path());
    assert_eq!(store.load_dictionary().unwrap().value.len(), 40);
    let corrections = store.load(&content_hash("Shared text.")).unwrap().value;
    assert_eq!(corrections.len(), 40);
}
