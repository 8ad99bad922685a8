"""The action server (rasa_sdk), started without TensorFlow, open to the Rasa server only.

    COACH_ACTION_TOKEN=... python scripts/action_server.py --actions actions --port 5055

spaCy's thinc imports TensorFlow whenever it is installed (Rasa needs it), and
that adds about 400 MB to a process that only uses spaCy's tokenizer and
phrase matcher (the red-flag screen). Marking the module as missing makes
thinc skip it; the Rasa server itself is not affected.

The action server acts on whatever sender id a call names (it reads and
deletes that user's files), so only the Rasa server may call it: it listens
on COACH_ACTIONS_HOST (the loopback address by default) and every call must
carry "Authorization: Bearer <COACH_ACTION_TOKEN>", which endpoints.yml makes
the Rasa server send. scripts/serve.py makes a random token for each run when
none is set.
"""

import os
import sys

sys.modules["tensorflow"] = None  # type: ignore[assignment]

from rasa_sdk.__main__ import main  # noqa: E402

from connectors import patches  # noqa: E402

TOKEN_SETTING = "COACH_ACTION_TOKEN"
HOST_SETTING = "COACH_ACTIONS_HOST"
MIN_TOKEN_CHARS = 16


def token_from_environment() -> str:
    token = os.environ.get(TOKEN_SETTING, "").strip()
    if len(token) < MIN_TOKEN_CHARS:
        sys.exit(
            f"Cannot start the action server: set {TOKEN_SETTING} (at least "
            f"{MIN_TOKEN_CHARS} characters, the same for the Rasa server). "
            "`make run` sets one for you."
        )
    return token


if __name__ == "__main__":
    patches.install_action_server(token_from_environment())
    # rasa_sdk binds to SANIC_HOST (all interfaces by default).
    os.environ["SANIC_HOST"] = os.environ.get(HOST_SETTING, "").strip() or "127.0.0.1"
    main()
