//! Run the binary with stdout and stderr on a pseudo-terminal of a chosen width, so
//! that terminal-only behaviour (colour, fitting the width, progress) can be tested.

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};

pub struct TerminalRun {
    /// Everything written to the terminal, with the terminal's `\r\n` turned back into `\n`.
    pub screen: String,
    pub status: ExitStatus,
}

/// Run `cmd` on a new terminal `cols` wide, as its controlling terminal.
pub fn run_on_terminal(mut cmd: Command, cols: u16) -> TerminalRun {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: 40,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the pointers we pass.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    cmd.stdin(Stdio::null())
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(1, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn on a terminal");
    drop(slave);
    drop(cmd); // closes the parent's copies of the slave
    let reader = std::thread::spawn(move || {
        let mut master = File::from(master);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        // Reading the master fails with EIO once every slave descriptor is closed.
        while let Ok(n) = master.read(&mut chunk) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        bytes
    });
    let status = child.wait().unwrap();
    let bytes = reader.join().unwrap();
    TerminalRun {
        screen: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
        status,
    }
}
