"""Figures measured by tests (such as the held-out NLU score), printed at the end of
every run so that CI logs show them whether the tests pass or fail; and a fixed
time zone, so that "the next morning" means the same on every machine."""

import os
import time

import pytest

# Dates the coach names ("tomorrow", "the next morning") use local time: pin it.
os.environ["TZ"] = "UTC"
time.tzset()

MEASURED: dict[str, str] = {}


@pytest.fixture
def report_figure():
    def report(name: str, value: str) -> None:
        MEASURED[name] = value

    return report


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("measured figures")
        for name, value in MEASURED.items():
            terminalreporter.write_line(f"{name}: {value}")
