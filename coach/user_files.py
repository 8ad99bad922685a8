"""Files made for one user (progress chart, history export), kept on disk until replaced.

The action server writes them; the Rasa server serves them (connectors/coach.py)
at COACH_PUBLIC_URL/webhooks/coach/files/<user>/<file>, so a channel can load
them. Both servers share COACH_FILES_DIR. A user's folder is named by a hash of
their sender id, and each file by a random token, so no one can guess another
user's files. "Delete my data" removes the folder.
"""

import hashlib
import os
import re
import secrets
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL_PATH = "/webhooks/coach/files"
SAFE_NAME = re.compile(r"^[a-z]+-[A-Za-z0-9_-]{16,64}\.(png|csv)$")
SAFE_USER = re.compile(r"^[0-9a-f]{32}$")


def files_dir() -> Path:
    return Path(os.environ.get("COACH_FILES_DIR") or ROOT / "var" / "files")


def public_url() -> str:
    port = os.environ.get("COACH_RASA_PORT") or "5005"
    return (os.environ.get("COACH_PUBLIC_URL") or f"http://localhost:{port}").rstrip("/")


def user_folder(sender_id: str) -> str:
    return hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:32]


def save(sender_id: str, kind: str, suffix: str, data: bytes) -> str:
    """Store a file for the user, replacing their previous one of this kind; its URL."""
    folder = files_dir() / user_folder(sender_id)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{kind}-*.{suffix}"):
        old.unlink(missing_ok=True)
    name = f"{kind}-{secrets.token_urlsafe(18)}.{suffix}"
    (folder / name).write_bytes(data)
    return f"{public_url()}{URL_PATH}/{folder.name}/{name}"


def path_for(user: str, name: str) -> Path | None:
    """The file behind a URL, or None if the names are not ours or the file is gone."""
    if not SAFE_USER.match(user) or not SAFE_NAME.match(name):
        return None
    path = files_dir() / user / name
    return path if path.is_file() else None


def delete_all(sender_id: str) -> None:
    shutil.rmtree(files_dir() / user_folder(sender_id), ignore_errors=True)
