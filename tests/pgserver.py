"""A throwaway PostgreSQL server for the tests: initdb with trust auth in a temporary folder, pg_ctl on a
spare port, stopped and removed afterwards.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as the ``postgres`` user.
Also usable from the shell (``.ci/run``)::

    python tests/pgserver.py start FOLDER   # prints the URL
    python tests/pgserver.py stop FOLDER
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def bindir() -> Path | None:
    """Where PostgreSQL's server programs are (``pg_config --bindir``), or None when not installed."""
    for candidate in (os.environ.get("PG_BINDIR"), _pg_config_bindir(), *sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _pg_config_bindir() -> str | None:
    try:
        return subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def spare_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user() -> dict:
    """subprocess arguments that run a command as ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return {}
    return {"user": "postgres", "group": pwd.getpwnam("postgres").pw_gid}


def start(folder: Path | None = None) -> tuple[str, Path]:
    """Start a server; returns its URL (database ``postgres``, user ``postgres``) and its folder."""
    programs = bindir()
    if programs is None:
        raise RuntimeError("PostgreSQL server programs not found (pg_config --bindir)")
    folder = Path(folder or tempfile.mkdtemp(prefix="ledger-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o755)
    run = dict(check=True, capture_output=True, text=True, **_as_server_user())
    subprocess.run([str(programs / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync"], **run)
    port = spare_port()
    options = f"-p {port} -k {folder} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run([str(programs / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
                    "-w", "-t", "60", "start"], **run)
    (folder / "port").write_text(str(port))
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", folder


def stop(folder: Path) -> None:
    programs = bindir()
    if programs and (folder / "data").exists():
        subprocess.run([str(programs / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
                       capture_output=True, **_as_server_user())
    shutil.rmtree(folder, ignore_errors=True)


def wait_ready(url: str, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(url.replace("+psycopg", ""), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


if __name__ == "__main__":
    verb, where = sys.argv[1], Path(sys.argv[2])
    if verb == "start":
        url, _ = start(where)
        print(url)
    else:
        stop(where)
