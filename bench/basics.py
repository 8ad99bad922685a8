"""Measure the README's figures on this machine.

    make bench      # or: .venv/bin/python bench/basics.py [--requests N]

Training time and peak memory (a forced retrain into a temporary folder),
time from `make run` to the first answer with a trained model, REST
round-trip latency (sequential, one user) and resident memory of both
servers, idle and after the latency run. Writes bench/results.json and
prints a Markdown table.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.coach_server import CoachServer  # noqa: E402

QUESTIONS = [
    "how long do I hold the lift?",
    "how many reps?",
    "how often a week?",
    "which muscles does it work?",
    "how do I do it",
    "yes",
    "is there an easier version",
    "thanks",
]


def train_once(out: Path) -> dict:
    started = time.monotonic()
    subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "train", "--force", "--out", str(out),
         "--config", "config.yml", "--domain", "domain.yml", "--data", "data"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"train_seconds": round(time.monotonic() - started, 1), "train_peak_mb": peak_kb // 1024}


def descendants(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children += [int(child) for child in text]
    return children + [grand for child in children for grand in descendants(child)]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_memory(server: CoachServer) -> dict:
    memory = {}
    for pid in descendants(server.process.pid):
        command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
        if "action_server.py" in command:
            memory["action_server_rss_mb"] = round(rss_mb(pid))
        elif "rasa run" in command:
            memory["rasa_server_rss_mb"] = round(rss_mb(pid))
    return memory


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def serve_and_measure(requests: int) -> dict:
    with tempfile.TemporaryDirectory() as workdir:
        server = CoachServer(Path(workdir))
        startup = server.start()
        try:
            started = time.perf_counter()
            server.say("bench-first", QUESTIONS[0])
            startup += time.perf_counter() - started
            idle = server_memory(server)
            latencies = []
            for index in range(requests):
                sender = f"bench-{index // len(QUESTIONS)}"
                started = time.perf_counter()
                server.say(sender, QUESTIONS[index % len(QUESTIONS)])
                latencies.append((time.perf_counter() - started) * 1000)
            loaded = server_memory(server)
        finally:
            server.stop()
    return {
        "startup_to_first_answer_seconds": round(startup, 1),
        "rest_requests": requests,
        "rest_median_ms": round(statistics.median(latencies), 1),
        "rest_p95_ms": round(percentile(latencies, 0.95), 1),
        **{f"idle_{key}": value for key, value in idle.items()},
        **{f"after_load_{key}": value for key, value in loaded.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--skip-training", action="store_true")
    args = parser.parse_args()
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    results: dict = {"machine": machine}
    if not args.skip_training:
        with tempfile.TemporaryDirectory() as out:
            results.update(train_once(Path(out)))
    results.update(serve_and_measure(args.requests))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| figure | value |\n| --- | --- |")
    for key, value in results.items():
        print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
