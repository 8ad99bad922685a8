"""The layout's promises: the coach's own modules are pure Python, and the Rasa
server never loads the action server's side (rasa_sdk, gTTS, the adapters)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COACH_MODULES = sorted((ROOT / "coach").glob("*.py"))


def imported(path: Path) -> set[str]:
    """Top-level package names a module imports at load time (not inside functions)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", COACH_MODULES, ids=lambda p: p.name)
def test_the_coach_modules_import_nothing_from_rasa_or_the_adapters(path):
    assert imported(path).isdisjoint({"rasa", "rasa_sdk", "actions", "connectors", "gtts"})


def test_the_rasa_server_side_never_loads_the_action_server_side():
    modules = sorted(
        f"{path.parent.name}.{path.stem}"
        for folder in ("connectors", "nlp")
        for path in (ROOT / folder).glob("*.py")
        if path.stem != "__init__"
    )
    check = (
        "import sys\n"
        f"for name in {modules!r}: __import__(name)\n"
        "loaded = sorted(m for m in ('rasa_sdk', 'gtts', 'actions.actions') if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == ""
