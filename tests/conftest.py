"""Figures measured by tests (such as the held-out NLU score), printed at the end of
every run so that CI logs show them whether the tests pass or fail."""

import pytest

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
