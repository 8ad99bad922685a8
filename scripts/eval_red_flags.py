"""Score the red-flag screen on a blind set (tests/blind/*red-flags*.yml).

The set lists `flags` (text, sign, urgency: emergency or prompt) and
`near_misses` (text): written by someone who never saw the patterns.

Two modes:
- matcher (default, a second or two): the screen in coach/red_flags.py, as the
  NLU pipeline and the coach call it;
- --e2e: the real servers (scripts/serve.py on free ports, as the e2e tests start them),
  each phrase said over REST in every dialogue state: idle, mid-set, at rest,
  paused, a pain question pending, a delete confirmation pending, and by voice.

A flag is caught when the coach gives the red-flag advice (an emergency only when
it gives the emergency advice); "asked" counts the yes/no safety question the coach
asks when it is unsure. A near miss is flagged when it gets advice or that question.

    .venv/bin/python scripts/eval_red_flags.py [SET] [--e2e] [--failures]

--failures lists what was missed: read it only after the set has been scored, to
learn the kind of miss; never copy a blind phrase into the patterns or examples.
"""

import argparse
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach import red_flags  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "blind" / "2026-11-26-red-flags.yml"
EMERGENCY = "emergency"
STATES = ("idle", "mid_set", "at_rest", "paused", "pain_pending", "delete_pending", "voice")
# What to say to put a fresh user in each state (the safety screening before a
# first session, where the coach has one, is answered "no").
SETUP: dict[str, tuple[str, ...]] = {
    "idle": (),
    "mid_set": ("start my session", "ready", "done", "done"),
    "at_rest": ("start my session", "ready", "did 10", "did 10"),
    "paused": ("start my session", "ready", "done", "pause"),
    "pain_pending": ("my lower back hurts",),
    "delete_pending": ("delete my data",),
    "voice": (),
}


def load(path: Path) -> tuple[list[dict], list[dict]]:
    data = yaml.safe_load(path.read_text())
    flags = [f for f in data.get("flags") or [] if str(f.get("text") or "").strip()]
    misses = [m for m in data.get("near_misses") or [] if str(m.get("text") or "").strip()]
    return flags, misses


# -- the verdict on one reply --------------------------------------------------------


def matcher_verdict(text: str) -> str:
    """emergency, soon, asked or none, from the screen alone."""
    check = getattr(red_flags, "check", None)
    if check is not None:
        result = check(text)
        if result.flag is not None:
            return EMERGENCY if result.flag.urgency == EMERGENCY else "soon"
        return "asked" if result.suspected is not None else "none"
    flag = red_flags.screen(text)
    if flag is None:
        return "none"
    return EMERGENCY if flag.urgency == EMERGENCY else "soon"


def _markers() -> tuple[list[str], list[str], list[str]]:
    """Pieces of the emergency advice, the soon advice and the safety question."""
    flags = list(red_flags.SIGNS.values())
    emergency = next(f for f in flags if f.urgency == EMERGENCY)
    soon = next(f for f in flags if f.urgency != EMERGENCY)

    def tail(flag) -> str:  # the advice without the sign's own words
        return red_flags.advice(flag).split(flag.description, 1)[-1][:60].strip(" ,.")

    return [tail(emergency), "999"], [tail(soon)], ["Just to check"]


def reply_verdict(reply: str) -> str:
    emergency, soon, asked = _markers()
    if any(m in reply for m in emergency):
        return EMERGENCY
    if any(m in reply for m in soon):
        return "soon"
    if any(m in reply for m in asked):
        return "asked"
    return "none"


# -- scoring -------------------------------------------------------------------------


def score(flags: list[dict], misses: list[dict], verdicts: dict[tuple[str, str], str]):
    """Per state: (emergencies caught, total), (other caught, total), misses flagged..."""
    table = {}
    states = sorted({state for _, state in verdicts}, key=STATES.index)
    for state in states:
        em = [verdicts[f["text"], state] for f in flags if f["urgency"] == EMERGENCY]
        other = [verdicts[f["text"], state] for f in flags if f["urgency"] != EMERGENCY]
        near = [verdicts[m["text"], state] for m in misses]
        table[state] = {
            "emergencies caught": (sum(v == EMERGENCY for v in em), len(em)),
            "emergencies asked about": (sum(v == "asked" for v in em), len(em)),
            "other signs caught": (sum(v in (EMERGENCY, "soon") for v in other), len(other)),
            "other signs asked about": (sum(v == "asked" for v in other), len(other)),
            "near misses flagged": (sum(v in (EMERGENCY, "soon") for v in near), len(near)),
            "near misses asked about": (sum(v == "asked" for v in near), len(near)),
        }
    return table


def print_table(table: dict) -> None:
    for state, rows in table.items():
        print(f"[{state}]")
        for name, (hit, total) in rows.items():
            print(f"  {name:26} {hit:4}/{total:<4} {100 * hit / max(total, 1):5.1f}%")


def print_failures(flags, misses, verdicts) -> None:
    states = sorted({state for _, state in verdicts}, key=STATES.index)
    print("\nmissed or under-rated flags (state: verdict):")
    for f in flags:
        bad = {
            s: verdicts[f["text"], s]
            for s in states
            if verdicts[f["text"], s] not in (EMERGENCY, "soon")
            or (f["urgency"] == EMERGENCY and verdicts[f["text"], s] != EMERGENCY)
        }
        if bad:
            print(f"  [{f['urgency']}/{f['sign']}] {f['text']!r} {bad}")
    print("\nnear misses flagged or asked about:")
    for m in misses:
        bad = {s: verdicts[m["text"], s] for s in states if verdicts[m["text"], s] != "none"}
        if bad:
            print(f"  {m['text']!r} {bad}")


def by_sign(flags, verdicts, state) -> None:
    caught, total = Counter(), Counter()
    for f in flags:
        total[f["sign"]] += 1
        v = verdicts[f["text"], state]
        caught[f["sign"]] += v == EMERGENCY if f["urgency"] == EMERGENCY else v != "none"
    print(f"by sign [{state}]: " + ", ".join(f"{s} {caught[s]}/{total[s]}" for s in sorted(total)))


# -- end to end ------------------------------------------------------------------------


def _say(server, sender: str, text: str, voice: bool) -> str:
    metadata = {"voice": True} if voice else None
    return " ".join(server.say(sender, text, metadata))


def _dialogue(server, text: str, state: str, index: int) -> str:
    sender = f"blind-{state}-{index}-{int(time.time() * 1000) % 10**8}"
    voice = state == "voice"
    for step in SETUP[state]:
        reply = _say(server, sender, step, voice)
        for _ in range(4):  # the safety checklist before a first session: all clear
            if any(item.question in reply for item in getattr(red_flags, "CHECKLIST", ())):
                reply = _say(server, sender, "no", voice)
            else:
                break
    return reply_verdict(_say(server, sender, text, voice))


def e2e_verdicts(texts: list[str], states: tuple[str, ...], workers: int):
    from tests.e2e.coach_server import CoachServer

    verdicts: dict[tuple[str, str], str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        server = CoachServer(Path(tmp))
        print(f"servers ready in {server.start():.0f}s", file=sys.stderr)
        try:
            jobs = [(text, state, i) for state in states for i, text in enumerate(texts)]
            with ThreadPoolExecutor(workers) as pool:
                results = pool.map(lambda job: _dialogue(server, *job), jobs)
                for (text, state, _), verdict in zip(jobs, results, strict=True):
                    verdicts[text, state] = verdict
        finally:
            server.stop()
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--e2e", action="store_true", help="over REST in every dialogue state")
    parser.add_argument("--states", default=",".join(STATES), help="with --e2e")
    parser.add_argument("--workers", type=int, default=3, help="with --e2e")
    parser.add_argument("--failures", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    flags, misses = load(args.set)
    texts = list(dict.fromkeys([f["text"] for f in flags] + [m["text"] for m in misses]))
    print(f"{args.set.name}: {len(flags)} red-flag phrasings, {len(misses)} near misses")
    started = time.perf_counter()
    if args.e2e:
        states = tuple(s for s in args.states.split(",") if s)
        unknown = set(states) - set(STATES)
        if unknown:
            parser.error(f"unknown states {sorted(unknown)}; known: {', '.join(STATES)}")
        verdicts = e2e_verdicts(texts, states, args.workers)
    else:
        red_flags.prepare()
        verdicts = {(text, "idle"): matcher_verdict(text) for text in texts}
    table = score(flags, misses, verdicts)
    print_table(table)
    by_sign(flags, verdicts, next(iter(table)))
    differs = defaultdict(set)
    for (text, _state), verdict in verdicts.items():
        differs[text].add(verdict)
    varying = sum(len(v) > 1 for v in differs.values())
    if args.e2e:
        print(f"phrases whose verdict depends on the state: {varying}")
    print(f"({time.perf_counter() - started:.1f}s)")
    if args.failures:
        print_failures(flags, misses, verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
