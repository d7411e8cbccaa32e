"""A private, real Secret Service keychain for the test session.

A D-Bus bus of our own (a config file listening in a temporary folder, with no service
activation, so nothing but our daemon can answer as the keychain) and gnome-keyring-daemon
serving only the secrets component, its login keyring created and unlocked with the password
"pw" read from stdin. HOME and the XDG folders point into the same temporary folder, so the
developer's own keyring is never touched. Both daemons run in the foreground as our children,
so they are stopped (and reaped) by their own process ids at the end.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
MISSING = (
    "{tool} not found: the keychain tests need a real Secret Service. Install the Debian "
    "packages 'dbus' and 'gnome-keyring' (the README's test command does)."
)
READY_TIMEOUT = 10.0


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(
    backend: SecretService.Keyring, daemons: list[subprocess.Popen[bytes]], log: Path
) -> None:
    # keyring leaves its D-Bus connection open when the service is not there yet; those sockets
    # are collected here, with their ResourceWarning (an error under filterwarnings=error) muted.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            _poll(backend, daemons, log)
        finally:
            gc.collect()


def _poll(
    backend: SecretService.Keyring, daemons: list[subprocess.Popen[bytes]], log: Path
) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        try:
            backend.set_password("vipdesk-tests", "ready", "yes")
            backend.delete_password("vipdesk-tests", "ready")
            return
        except Exception as exc:
            dead = [str(p.args) for p in daemons if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                detail = log.read_text(errors="replace") if log.exists() else ""
                raise RuntimeError(
                    f"the test Secret Service did not start (exited: {dead}; last error: "
                    f"{exc!r}); gnome-keyring-daemon said:\n{detail}"
                ) from exc
            time.sleep(0.05)


@contextlib.contextmanager
def running_secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretService.Keyring]:
    """Yield a keyring backend on a fresh, unlocked Secret Service; ``os.environ`` gets its
    DBUS_SESSION_BUS_ADDRESS through ``monkeypatch`` (the caller undoes it)."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.fail(MISSING.format(tool=tool), pytrace=False)
    root = Path(tempfile.mkdtemp(prefix="vipdesk-keyring-"))
    home, runtime = root / "home", root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
    }
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(folder=root))
    daemons: list[subprocess.Popen[bytes]] = []
    log = root / "gnome-keyring.log"
    try:
        with (root / "dbus-daemon.log").open("wb") as bus_log:  # e.g. "cannot raise fd limit"
            bus = subprocess.Popen(
                ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                stdout=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                stderr=bus_log,
                env=env,
                cwd=root,
            )
        daemons.append(bus)
        assert bus.stdout is not None
        with bus.stdout:
            address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        with log.open("wb") as log_file:
            secrets_daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=root,
            )
        daemons.append(secrets_daemon)
        assert secrets_daemon.stdin is not None
        with secrets_daemon.stdin:  # EOF after the password: --unlock reads stdin to the end
            secrets_daemon.stdin.write(b"pw")
        backend = SecretService.Keyring()
        _wait_until_ready(backend, daemons, log)
        yield backend
    finally:
        for process in reversed(daemons):
            _stop(process)
        shutil.rmtree(root, ignore_errors=True)
