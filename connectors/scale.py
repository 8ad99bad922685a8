"""Settings for running the coach as several processes (README: "Scaling out").

- COACH_LOCK_STORE_URL: empty (the default) keeps Rasa's in-memory lock store,
  which serialises one user's turns inside one process only; redis://host:port/db
  (or rediss://) switches to Rasa's RedisLockStore, shared by every process.
- COACH_RASA_WORKERS: how many Rasa server processes answer on COACH_RASA_PORT
  (default 1). More than one are replicas on loopback ports behind HAProxy
  (scripts/serve.py), and are refused without a shared lock store: two processes
  with their own in-memory locks would let two turns of one user race.
- COACH_ACTION_WORKERS: Sanic workers of the action server (default 1); it keeps
  no state of its own, so any number is safe.
- COACH_NLU_CACHE_SIZE: how many texts' parses each Rasa process keeps, so that a
  text seen before ("done", "yes", a count) is not run through the NLU pipeline
  again (default 4096; 0 parses every message).

Pure: nothing from Rasa, so that scripts/serve.py can check the settings before it
starts anything.
"""

import os
from urllib.parse import urlsplit

LOCK_STORE_SETTING = "COACH_LOCK_STORE_URL"
RASA_WORKERS_SETTING = "COACH_RASA_WORKERS"
ACTION_WORKERS_SETTING = "COACH_ACTION_WORKERS"
NLU_CACHE_SETTING = "COACH_NLU_CACHE_SIZE"
DEFAULT_NLU_CACHE_SIZE = 4096  # texts; a parse is a few kB pickled
MAX_NLU_CACHE_SIZE = 1_000_000
REDIS_SCHEMES = ("redis", "rediss")
MAX_WORKERS = 64


class ScaleSettingError(ValueError):
    pass


def lock_store_url(environ: dict | None = None) -> str:
    """The shared lock store's URL, or "" for Rasa's in-memory one."""
    environ = os.environ if environ is None else environ
    url = environ.get(LOCK_STORE_SETTING, "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    db = parts.path.strip("/")
    if parts.scheme not in REDIS_SCHEMES or not parts.hostname or port == -1:
        raise ScaleSettingError(
            f"{LOCK_STORE_SETTING} must be a Redis URL such as redis://localhost:6379/0 "
            "(or empty for one process)."
        )
    if db and not db.isdigit():
        raise ScaleSettingError(f"{LOCK_STORE_SETTING}: the Redis database must be a number.")
    return url


def _count(environ: dict, name: str) -> int:
    raw = environ.get(name, "").strip() or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_WORKERS:
        raise ScaleSettingError(f"{name} must be a whole number from 1 to {MAX_WORKERS}.")
    return int(raw)


def rasa_workers(environ: dict | None = None) -> int:
    """How many Rasa server processes to run; ScaleSettingError if that is unsafe."""
    environ = os.environ if environ is None else environ
    workers = _count(environ, RASA_WORKERS_SETTING)
    if workers > 1 and not lock_store_url(environ):
        raise ScaleSettingError(
            f"{RASA_WORKERS_SETTING}={workers} needs a lock store shared by the processes: "
            f"set {LOCK_STORE_SETTING}=redis://host:6379/0 (and COACH_TRACKER_URL to a "
            "PostgreSQL database when they run on several machines)."
        )
    return workers


def action_workers(environ: dict | None = None) -> int:
    environ = os.environ if environ is None else environ
    return _count(environ, ACTION_WORKERS_SETTING)


def nlu_cache_size(environ: dict | None = None) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(NLU_CACHE_SETTING, "").strip() or str(DEFAULT_NLU_CACHE_SIZE)
    if not raw.isdigit() or int(raw) > MAX_NLU_CACHE_SIZE:
        raise ScaleSettingError(
            f"{NLU_CACHE_SETTING} must be a whole number from 0 (no cache) to {MAX_NLU_CACHE_SIZE}."
        )
    return int(raw)


def check(environ: dict | None = None) -> None:
    """Every scaling setting, so that a bad one stops start-up with one line."""
    lock_store_url(environ)
    rasa_workers(environ)
    action_workers(environ)
    nlu_cache_size(environ)
