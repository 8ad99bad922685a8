"""Start the action server and the Rasa server together, and stop both together.

    python scripts/serve.py run     # serve over HTTP (REST, socket.io), no terminal needed
    python scripts/serve.py shell   # chat in this terminal

Both processes log to this process's stdout. SIGINT (Ctrl-C) or SIGTERM stops
both cleanly; if either exits on its own, the other is stopped too.
Settings come from the environment (the Makefile sets the defaults).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")
STOP_GRACE_SECONDS = 20


def setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


def action_server_command() -> list[str]:
    port = setting("COACH_ACTIONS_PORT", "5055")
    server = str(ROOT / "scripts" / "action_server.py")
    return [sys.executable, server, "--actions", "actions", "--port", port]


def rasa_command(mode: str) -> list[str]:
    command = [
        RASA,
        mode,
        "--model",
        setting("COACH_MODEL", str(ROOT / "models" / "coach.tar.gz")),
        "--endpoints",
        "endpoints.yml",
    ]
    if mode == "run":
        command += ["--credentials", "credentials.yml"]
        command += ["--port", setting("COACH_RASA_PORT", "5005")]
    return command


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(mode: str) -> int:
    if mode not in ("run", "shell"):
        print(__doc__)
        return 2
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.chdir(ROOT)
    processes = [subprocess.Popen(action_server_command())]
    # The shell reads this terminal; the HTTP server must not.
    stdin = None if mode == "shell" else subprocess.DEVNULL
    processes.append(subprocess.Popen(rasa_command(mode), stdin=stdin))

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
        first_to_exit = next(process for process in processes if process.poll() is not None)
        return first_to_exit.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "run"))
