"""Blind sets: YAML files named <date><round>-<kind>.yml, rounds a, b, ..., z, aa, bb."""

import re
from pathlib import Path

_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?P<round>[a-z]*)-")


def newest(paths: list[Path]) -> Path:
    """The set written last: by date, then by round, where "aa" comes after "z"."""

    def written(path: Path) -> tuple[str, int, str]:
        name = _NAME.match(path.name)
        if name is None:
            return ("", 0, path.name)
        return (name["date"], len(name["round"]), name["round"])

    return max(paths, key=written)
