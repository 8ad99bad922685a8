"""The action server (rasa_sdk), started without TensorFlow.

    python scripts/action_server.py --actions actions --port 5055

spaCy's thinc imports TensorFlow whenever it is installed (Rasa needs it), and
that adds about 400 MB to a process that only uses spaCy's tokenizer and
phrase matcher (the red-flag screen). Marking the module as missing makes
thinc skip it; the Rasa server itself is not affected.
"""

import sys

sys.modules["tensorflow"] = None  # type: ignore[assignment]

from rasa_sdk.__main__ import main  # noqa: E402

if __name__ == "__main__":
    main()
