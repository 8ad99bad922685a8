"""Score the trained coach end to end on a blind question set (`make eval`).

    python scripts/eval_blind.py [SET.yml ...] [--model models/coach.tar.gz] [--out results]

With no set given, the newest file under tests/blind/ whose name ends in
`questions.yml` is scored. The coach's two servers are started here (scripts/
serve.py) on free ports with a throw-away conversation store; each question is
sent over REST as a new user (a fresh conversation), and the reply (all its
messages for that turn, joined) is checked against the question's keyword
groups: every group must have at least one of its words in the reply, case
insensitively. Printed: answer accuracy, fallback rate (the "didn't catch that"
reply or a "did you mean" question), the number of distinct replies and the
share of the most frequent one. Everything is written to results/eval-*.json.

A set is a YAML list of questions (or a mapping holding one), each with the
question under `text` (or `question`, `q`, `message`) and the groups under
`expect`: `expect: [["2", "two"], ["second"]]`. A question may instead say
`expect_fallback: true` (the coach should not answer it), and `in_scope: false`
marks a question beyond the exercise (still checked against its groups, left
out of the in-scope fallback rate).
"""

import argparse
import json
import sys
import tempfile
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach import answers  # noqa: E402
from tests import blind  # noqa: E402
from tests.e2e.coach_server import CoachServer  # noqa: E402

BLIND_DIR = ROOT / "tests" / "blind"
TEXT_KEYS = ("text", "question", "q", "message", "say", "user")
# Replies that are not an answer: the coach did not understand, or asked which
# answer was meant.
FALLBACK_MARKERS = tuple(
    text for text in (answers.NOT_UNDERSTOOD, getattr(answers, "DID_YOU_MEAN", None)) if text
)
# An out-of-scope question is handled well when the coach says it cannot help.
OUT_OF_SCOPE_MARKS = ("I only know about", "I only coach", "can't help with")


def _as_groups(expect) -> list[list[str]]:
    """[["2", "two"], ["second"]], "hold" or ["hold", "second"] as keyword groups."""
    if expect is None:
        return []
    if isinstance(expect, str | int | float):
        return [[str(expect)]]
    groups = []
    for group in expect:
        if isinstance(group, list | tuple):
            groups.append([str(word) for word in group])
        else:
            groups.append([str(group)])
    return groups


def load_set(path: Path) -> list[dict]:
    """The questions of one set: [{"id", "text", "groups", "expect_fallback", "extra"}]."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        if not lists:
            raise SystemExit(f"{path}: no list of questions found")
        items = [item for value in lists for item in value]
    elif isinstance(data, list):
        items = data
    else:
        raise SystemExit(f"{path}: expected a list of questions")
    questions = []
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            continue
        text = next((item[key] for key in TEXT_KEYS if isinstance(item.get(key), str)), None)
        if text is None:
            print(f"warning: {path.name} item {number} has no question text, skipped")
            continue
        expect = item.get("expect", item.get("expected", item.get("expects")))
        fallback = bool(item.get("expect_fallback"))
        questions.append(
            {
                "id": str(item.get("id", number)),
                "text": text,
                "groups": _as_groups(expect),
                "expect_fallback": fallback,
                "in_scope": item.get("in_scope", True) is not False,
                "extra": {
                    key: value
                    for key, value in item.items()
                    if key not in TEXT_KEYS and key not in ("id", "expect", "expected")
                },
            }
        )
    return questions


def newest_set() -> Path:
    sets = list(BLIND_DIR.glob("*questions.yml"))
    if not sets:
        raise SystemExit(f"no question set under {BLIND_DIR}")
    return blind.newest(sets)


def reply_text(messages: list[dict]) -> str:
    """The turn's reply as a user reads it: its texts, without the not-a-clinician line."""
    texts = [m.get("text", "") for m in messages if m.get("text")]
    return " ".join(text for text in texts if text != answers.DISCLAIMER)


def check(question: dict, reply: str) -> tuple[bool, bool]:
    """(answered correctly, fell back) for one reply."""
    fell_back = any(marker in reply for marker in FALLBACK_MARKERS)
    if question["expect_fallback"]:
        return fell_back or any(mark in reply for mark in OUT_OF_SCOPE_MARKS), fell_back
    lowered = reply.lower()
    matched = all(any(word.lower() in lowered for word in group) for group in question["groups"])
    return (matched and not fell_back), fell_back


def score(coach: CoachServer, questions: list[dict]) -> list[dict]:
    results = []
    for question in questions:
        sender = f"eval-{uuid.uuid4().hex[:12]}"
        try:
            reply = reply_text(coach.replies(sender, question["text"]))
        except (OSError, AssertionError) as error:  # no answer, or not a 200
            reply = f"<no reply: {error}>"
        correct, fell_back = check(question, reply)
        results.append({**question, "reply": reply, "correct": correct, "fallback": fell_back})
    return results


def summary(results: list[dict]) -> dict:
    total = len(results)
    replies = Counter(result["reply"] for result in results)
    top_reply, top_count = replies.most_common(1)[0] if replies else ("", 0)
    in_scope = [r for r in results if r["in_scope"] and not r["expect_fallback"]]
    return {
        "questions": total,
        "correct": sum(r["correct"] for r in results),
        "accuracy": round(sum(r["correct"] for r in results) / total, 4) if total else 0.0,
        "fallback_rate": round(sum(r["fallback"] for r in results) / total, 4) if total else 0.0,
        "in_scope_fallback_rate": round(sum(r["fallback"] for r in in_scope) / len(in_scope), 4)
        if in_scope
        else 0.0,
        "distinct_replies": len(replies),
        "top_reply_share": round(top_count / total, 4) if total else 0.0,
        "top_reply": top_reply,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (default: newest)")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "coach.tar.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--show-failures", action="store_true", help="print each failure")
    args = parser.parse_args()
    sets = args.sets or [newest_set()]
    if not args.model.exists():
        raise SystemExit(f"no trained model at {args.model} (make model)")
    with tempfile.TemporaryDirectory(prefix="coach-eval-") as workdir:
        # The tests' server (tests/e2e/coach_server.py): its limits are off for one client.
        coach = CoachServer(Path(workdir), model=args.model.resolve())
        try:
            ready = coach.start()
            coach.replies("eval-warm-up", "hello")
            print(f"coach ready in {ready:.0f} s (model {args.model})")
            args.out.mkdir(parents=True, exist_ok=True)
            for path in sets:
                questions = load_set(path)
                results = score(coach, questions)
                figures = summary(results)
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                out = args.out / f"eval-{path.stem}-{stamp}.json"
                out.write_text(
                    json.dumps(
                        {"set": str(path), "model": str(args.model), **figures, "results": results},
                        indent=2,
                    )
                )
                print(
                    f"{path.name}: {figures['correct']}/{figures['questions']} answered correctly"
                    f" ({figures['accuracy']:.1%}); fallback {figures['fallback_rate']:.1%}"
                    f" (in scope {figures['in_scope_fallback_rate']:.1%});"
                    f" {figures['distinct_replies']} distinct replies; most frequent reply"
                    f" {figures['top_reply_share']:.1%} of questions -> {out}"
                )
                if args.show_failures:
                    for result in results:
                        if not result["correct"]:
                            print(f"  x {result['text']!r}\n      -> {result['reply'][:160]!r}")
        finally:
            coach.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
