//! A terminal that goes away (a closed window, a killed tmux server) while text is
//! unsaved: truenorth must notice, keep the text as a draft and exit, not spin on a
//! dead terminal forever.
//!
//! The common harness reads the terminal on a thread of its own, which keeps the
//! terminal open; here the test reads it itself, so it can close every handle of the
//! terminal's far end, as a window closing does.

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::Sandbox;
use portable_pty::native_pty_system;

/// Reads the app's output until the screen shows `text`.
fn read_until(reader: &mut dyn Read, parser: &mut vt100::Parser, text: &str) {
    let deadline = Instant::now() + common::TIMEOUT;
    let mut buffer = [0u8; 8192];
    while !parser.screen().contents().contains(text) {
        assert!(Instant::now() < deadline, "never showed {text:?}");
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => panic!("the app stopped before showing {text:?}"),
            Ok(n) => parser.process(&buffer[..n]),
        }
    }
}

#[test]
fn a_closed_terminal_keeps_unsaved_text_as_a_draft_and_the_app_exits() {
    let sandbox = Sandbox::new();
    let launch = sandbox.launch();
    let pty = native_pty_system()
        .openpty(launch.pty_size())
        .expect("open a pseudo-terminal");
    // Its errors go to a file: a message written to a closed terminal would fail in
    // a way of its own, hiding whether the app noticed the hang-up.
    let errors = sandbox.root().join("stderr.txt");
    let mut command = launch.command();
    let program = command.get_argv()[0].clone();
    let mut argv = vec![
        "sh".into(),
        "-c".into(),
        "exec \"$0\" \"$@\" 2>\"$ERRORS\"".into(),
        program,
    ];
    argv.extend(command.get_argv()[1..].iter().cloned());
    *command.get_argv_mut() = argv;
    command.env("ERRORS", &errors);
    let mut child = pty.slave.spawn_command(command).expect("start truenorth");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    // Not `take_writer`: its writer types an end-of-file (Ctrl-D) when dropped, and a
    // closing window types nothing.
    let master_fd = pty.master.as_raw_fd().expect("the pty's descriptor");
    // SAFETY: the descriptor belongs to `pty.master`, which outlives this borrow.
    let borrowed = unsafe { std::os::fd::BorrowedFd::borrow_raw(master_fd) };
    let mut writer = std::fs::File::from(borrowed.try_clone_to_owned().expect("dup the pty"));
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    // A read that never returns would hang the test: kill the app after a while,
    // which ends any read.
    let pid = child.process_id().expect("pid");
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(60));
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    });

    read_until(&mut reader, &mut parser, "True north");
    let answer = "Words typed just before the window closed";
    writer.write_all(answer.as_bytes()).unwrap();
    writer.flush().unwrap();
    // Its redraw is left unread, as in a window that closes mid-frame: that is when
    // crossterm's read loop spins.
    std::thread::sleep(Duration::from_millis(300));
    // Well inside the 2 s autosave: a draft found next came from the hang-up.
    assert!(
        !std::fs::read_to_string(sandbox.drafts_file()).is_ok_and(|d| d.contains(answer)),
        "the draft was written before the hang-up; the test cannot tell the paths apart"
    );

    // The window closes: every handle of the terminal's far end goes.
    drop(reader);
    drop(writer);
    drop(pty.master);

    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "truenorth kept running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let said = std::fs::read_to_string(&errors).unwrap_or_default();
    assert_eq!(
        status.exit_code(),
        129,
        "128 + SIGHUP, as shells expect: {said}"
    );
    assert!(
        !said.contains("truenorth:"),
        "a hang-up is no error: {said}"
    );
    let drafts = std::fs::read_to_string(sandbox.drafts_file()).expect("drafts.toml written");
    assert!(
        drafts.contains(answer),
        "drafts.toml lacks the answer:\n{drafts}"
    );
}
