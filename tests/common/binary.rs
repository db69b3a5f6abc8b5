//! Runs the `parallax` binary as a user would, for the tests of the command line. Included by
//! path from the tests that need it (the wasm tests have no binary).

use std::io::Write;
use std::process::{Child, Command, Stdio};

/// Starts `parallax args` with its standard input, output and error piped.
pub fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs")
}

/// Runs `parallax args` with `stdin` as its input: (stdout, stderr, whether it succeeded).
pub fn parallax(args: &[&str], stdin: impl AsRef<[u8]>) -> (String, String, bool) {
    let mut child = spawn(args);
    // A command that fails early may exit before reading its input: a broken pipe is fine then.
    let written = child.stdin.take().expect("stdin").write_all(stdin.as_ref());
    assert!(written.is_ok() || written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe));
    let out = child.wait_with_output().expect("finishes");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
        out.status.success(),
    )
}
