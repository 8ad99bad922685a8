"""Throwaway PostgreSQL and Redis servers on free ports, for tests on the real engines.

Debian's packages (make engines) are used as installed; no service is touched.
PostgreSQL refuses to run as root, so as root the cluster belongs to an
unprivileged system user made for it (ENGINE_USER). Both keep their data in a
temporary folder, with durability off: a test database need not survive a crash.
"""

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from glob import glob
from pathlib import Path

from tests.e2e.coach_server import free_port, port_open

ENGINE_USER = "coach-engines"
START_SECONDS = 60


def _postgres_bin(name: str) -> str:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise RuntimeError(f"PostgreSQL's {name} is missing: run 'sudo make engines'.")
    return found[-1]


def _unprivileged_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix, uid and gid to run PostgreSQL with."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        entry = pwd.getpwnam(ENGINE_USER)
    except KeyError:
        no_login = ["--no-create-home", "--shell", "/usr/sbin/nologin"]
        subprocess.run(["useradd", "--system", *no_login, ENGINE_USER], check=True)
        entry = pwd.getpwnam(ENGINE_USER)
    return ["runuser", "-u", ENGINE_USER, "--"], entry.pw_uid, entry.pw_gid


class Postgres:
    """A PostgreSQL cluster on a free port; `url` names its database `coach`."""

    def __init__(self) -> None:
        self.prefix, uid, gid = _unprivileged_user()
        self.dir = Path(tempfile.mkdtemp(prefix="coach-pg-"))
        if uid is not None:
            os.chown(self.dir, uid, gid)
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgresql://coach@127.0.0.1:{self.port}/coach"

    def _run(self, *command: str) -> None:
        subprocess.run(
            [*self.prefix, *command], check=True, capture_output=True, cwd=self.dir, timeout=120
        )

    def start(self) -> "Postgres":
        if not self.data.exists():
            self._run(
                _postgres_bin("initdb"),
                "-D", str(self.data),
                "-U", "coach",
                "--auth=trust",
                "--no-sync",
            )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            _postgres_bin("pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.dir / "log"), "-w", "-t", str(START_SECONDS), "start",
        )  # fmt: skip
        if not (self.dir / "created").exists():
            self._run(_postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                      "-U", "coach", "coach")  # fmt: skip
            (self.dir / "created").touch()
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(_postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def query(self, sql: str, *parameters: object) -> list[tuple]:
        import psycopg2

        with psycopg2.connect(self.url) as db, db.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall() if cursor.description else []


class Redis:
    """redis-server on a free port, in memory only."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Redis":
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise RuntimeError("redis-server is missing: run 'sudo make engines'.")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + START_SECONDS
        while not port_open(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
