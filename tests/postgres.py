"""A throwaway PostgreSQL server on loopback for the test session.

Started from the Debian server binaries with ``initdb``/``pg_ctl`` in a temporary folder (as the
``postgres`` user when the tests run as root, since PostgreSQL refuses to run as root), with
fsync off, on a free port; stopped and deleted at the end.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg


def find_bindir() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(cmd: list[str], as_postgres: bool) -> None:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, cwd="/", capture_output=True, text=True)


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Yield an admin URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``)."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL server binaries not found: install the Debian package 'postgresql' "
            "(the README's test command does)"
        )
    as_postgres = os.geteuid() == 0
    datadir = Path(tempfile.mkdtemp(prefix="vipdesk-pg-"))
    if as_postgres:
        shutil.chown(datadir, "postgres", "postgres")
    port = _free_port()
    try:
        _run(
            [str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "--auth=trust",
             "-E", "UTF8", "--no-locale"],
            as_postgres,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {datadir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        _run(
            [str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options, "-l",
             str(datadir / "server.log"), "-w", "-t", "30", "start"],
            as_postgres,
        )
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "-w", "stop"],
                 as_postgres)
    finally:
        shutil.rmtree(datadir, ignore_errors=True)


def create_database(admin_url: str, name: str, template: str | None = None) -> str:
    """Create database ``name`` (optionally copied from ``template``); return its URL."""
    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        suffix = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{suffix}')  # type: ignore[arg-type]
    return admin_url.rsplit("/", 1)[0] + "/" + name
