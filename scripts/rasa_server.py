"""`rasa run` / `rasa shell` with the settings from the environment added inside this
process (connectors/server_settings.py), so API secrets never appear on a command line,
with the patches of connectors/patches.py installed, and
with request bodies capped at COACH_MAX_BODY_BYTES.

    python scripts/rasa_server.py run --model ... --credentials ...
"""

import os
import sys

from rasa.__main__ import main as rasa_main

from connectors import patches
from connectors.server_settings import SettingError, max_body_bytes, rasa_arguments

if __name__ == "__main__":
    try:
        extra = rasa_arguments() if sys.argv[1:2] == ["run"] else []
        # Sanic reads SANIC_* settings when Rasa creates its app: bodies larger than
        # this get 413 before any channel reads them.
        os.environ["SANIC_REQUEST_MAX_SIZE"] = str(max_body_bytes())
    except SettingError as error:
        sys.exit(f"Cannot start the coach: {error}")
    # endpoints.yml names the lock store's URL; empty means Rasa's in-memory one.
    os.environ.setdefault("COACH_LOCK_STORE_URL", "")
    sys.argv = ["rasa", *sys.argv[1:], *extra]
    patches.install()
    rasa_main()
