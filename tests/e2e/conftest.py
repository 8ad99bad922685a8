"""One real coach (`make run`) shared by the end-to-end tests; a test that stops it
(the restart tests) leaves it to the next test to start it again."""

import pytest

from tests.e2e.coach_server import CoachServer


@pytest.fixture(scope="session")
def coach_server(tmp_path_factory):
    server = CoachServer(tmp_path_factory.mktemp("coach"))
    yield server
    server.stop()


@pytest.fixture
def coach(coach_server):
    """The shared server, started again if an earlier test stopped it."""
    if not coach_server.running():
        coach_server.start()
    return coach_server
