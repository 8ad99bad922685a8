"""connectors/patches.py: every patch checks the version it was written for, and the
action server's guard accepts only the Rasa server's token."""

import pytest

from connectors import patches


def test_a_patched_library_at_another_version_stops_start_up(monkeypatch):
    monkeypatch.setattr(patches.importlib.metadata, "version", lambda package: "99.0.0")
    with pytest.raises(patches.PatchedVersionError, match="written for sanic 21.12.x, not 99.0.0"):
        patches.install()
    with pytest.raises(patches.PatchedVersionError, match="rasa-sdk 3.6.x"):
        patches.install_action_server("t" * 32)


def test_every_patched_library_is_version_checked():
    assert {"sanic", "python-engineio", "rasa"} <= set(patches.WRITTEN_FOR)
    assert set(patches.WRITTEN_FOR_ACTION_SERVER) == {"rasa-sdk"}
    patches.check_versions()  # the lock's versions are the ones written for
    patches.check_versions(patches.WRITTEN_FOR_ACTION_SERVER)


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("Bearer " + "k" * 32, True),
        ("bearer " + "k" * 32, True),
        ("Bearer " + "k" * 31, False),
        ("Basic " + "k" * 32, False),
        ("", False),
        ("Bearer", False),
    ],
)
def test_only_the_rasa_servers_token_is_authorized(header, allowed):
    assert patches.authorized(header, "k" * 32) is allowed
