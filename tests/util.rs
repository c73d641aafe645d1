//! Helpers: a temp dir and the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn byline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared folder beside the repository, when it is there and python3 can run its
/// scorers (a machine with only the Rust toolchain skips the scored tests).
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (python && p.join("tools").join("score_seed.py").exists()).then_some(p)
}

pub fn run(args: &[&str]) -> Output {
    byline().args(args).output().expect("run byline")
}

pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = byline()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn byline");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

/// Parses JSONL stdout into records.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

/// Asserts `text[start:end] == span.text` in code points for every span of a record.
pub fn check_spans(rec: &serde_json::Value) {
    let text: Vec<char> = rec["text"].as_str().expect("text").chars().collect();
    let mut n = 0;
    let mut check = |sp: &serde_json::Value, what: &str| {
        if sp.is_null() {
            return;
        }
        let s = sp["start"].as_u64().expect("start") as usize;
        let e = sp["end"].as_u64().expect("end") as usize;
        assert!(
            s <= e && e <= text.len(),
            "{what}: [{s}, {e}) outside text of {}",
            text.len()
        );
        if let Some(t) = sp.get("text").and_then(|t| t.as_str()) {
            let got: String = text[s..e].iter().collect();
            assert_eq!(got, t, "{what}: text[{s}:{e}]");
        }
        n += 1;
    };
    for key in ["paragraphs", "sentences", "times", "quantities"] {
        for sp in rec[key].as_array().expect(key) {
            check(sp, key);
        }
    }
    for e in rec["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            check(m, "mention");
        }
    }
    for q in rec["quotes"].as_array().expect("quotes") {
        check(q, "quote");
        check(&q["speaker_mention"], "speaker_mention");
        check(&q["cue"], "cue");
    }
    for ev in rec["events"].as_array().expect("events") {
        check(&ev["trigger"], "trigger");
    }
    assert!(n > 0 || text.is_empty(), "no spans checked");
}
