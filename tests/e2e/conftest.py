"""One real coach (scripts/serve.py, as `make run` starts it) shared by the end-to-end
tests; a test that stops it (the restart tests) leaves it to the next test to start it
again.

Fake Telegram and Slack APIs (tests/e2e/fake_platforms.py) run in this process for
the whole session, started before the coach, which is configured to call them:
no test reaches a real platform."""

import pytest

from tests.e2e.coach_server import CoachServer
from tests.e2e.fake_platforms import FakePlatforms


@pytest.fixture(scope="session")
def fake_platforms():
    platforms = FakePlatforms().start()
    yield platforms
    platforms.stop()


@pytest.fixture(scope="session")
def coach_server(tmp_path_factory, fake_platforms):
    server = CoachServer(tmp_path_factory.mktemp("coach"), extra_env=fake_platforms.env())
    yield server
    server.stop()


@pytest.fixture
def coach(coach_server):
    """The shared server, started again if an earlier test stopped it."""
    if not coach_server.running():
        coach_server.start()
    return coach_server
