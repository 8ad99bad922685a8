# `make run` and `make test` do all the set-up: venv from the lock, spaCy
# pipeline, trained model. Each step reruns only when its inputs change.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SPACY_PIPELINE := build/spacy_pipeline
MODEL := models/coach.tar.gz
TRAINING_DATA := $(shell find data -name '*.yml')
WEB_INSTALLED := web/node_modules/.installed
CHROMIUM := /usr/bin/chromium
# Debian's PostgreSQL, Redis and HAProxy: the tests run the coach on throwaway
# instances of them (tests/e2e/engines.py); COACH_RASA_WORKERS needs HAProxy.
ENGINES := /usr/bin/redis-server /usr/sbin/haproxy /usr/lib/postgresql/15/bin/initdb

# Settings (see README). Rasa must never phone home.
export RASA_TELEMETRY_ENABLED := false
export COACH_RASA_PORT ?= 5005
export COACH_ACTIONS_PORT ?= 5055
export COACH_ACTION_URL ?= http://127.0.0.1:$(COACH_ACTIONS_PORT)/webhook
# The Rasa server's key to the action server: a new random one for each make run
# unless set (servers on several machines share one; see README, Security).
ifndef COACH_ACTION_TOKEN
COACH_ACTION_TOKEN := $(shell od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
endif
export COACH_ACTION_TOKEN
export COACH_TRACKER_URL ?= sqlite:///$(CURDIR)/var/tracker.db
# Empty: Rasa's in-memory lock store, one Rasa process. redis://host:6379/0 and
# COACH_RASA_WORKERS=N: N Rasa processes behind HAProxy (README: Scaling out).
export COACH_LOCK_STORE_URL ?=
export COACH_MODEL ?= $(CURDIR)/$(MODEL)
export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Our dependencies' deprecation notices are noise in the server log.
export PYTHONWARNINGS ?= ignore::DeprecationWarning

.PHONY: engines run shell test bench eval eval-red-flags eval-red-flags-e2e eval-sessions audio alexa-model lint format install pipeline model web browser clean

run: $(MODEL) $(WEB_INSTALLED)
	$(BIN)/python scripts/serve.py run

shell: $(MODEL)
	$(BIN)/python scripts/serve.py shell

test: $(MODEL) $(WEB_INSTALLED) $(CHROMIUM) $(ENGINES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -p no:cacheprovider tests

# The newest blind set of whole conversations (tests/blind/*-sessions.yml), scored
# against the real servers on free ports.
eval-sessions: $(MODEL)
	$(BIN)/python -m tests.blind.score_sessions --show-failures --json results/blind-sessions.json

bench: $(MODEL) $(ENGINES)
	$(BIN)/python bench/bench.py

# Blind sets, scored (README: figures). The red-flag screen alone takes seconds;
# the end-to-end score says every phrase in every dialogue state over REST.
eval-red-flags: $(INSTALLED)
	$(BIN)/python scripts/eval_red_flags.py

eval-red-flags-e2e: $(MODEL)
	$(BIN)/python scripts/eval_red_flags.py --e2e

# The speech of the fixed phrases, from Google (gTTS): needs the network.
audio: $(INSTALLED)
	$(BIN)/python scripts/prebuild_audio.py

install: $(INSTALLED)
pipeline: $(SPACY_PIPELINE)/meta.json
model: $(MODEL)
web: $(WEB_INSTALLED)
browser: $(CHROMIUM)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Rasa 3.6 declares Python <3.11: the lock is the tested set, installed as is.
$(INSTALLED): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (CPython 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --no-deps --ignore-requires-python -r requirements.lock
	$(BIN)/pip install --no-deps --no-build-isolation -e .
	touch $@

$(SPACY_PIPELINE)/meta.json: $(INSTALLED) nlp/build_pipeline.py coach/vocabulary.py
	$(BIN)/python -m nlp.build_pipeline $(SPACY_PIPELINE)

# Rasa keeps the file when nothing changed, so touch it for make's sake.
$(MODEL): $(SPACY_PIPELINE)/meta.json config.yml domain.yml $(TRAINING_DATA)
	$(BIN)/rasa train --config config.yml --domain domain.yml --data data \
		--out models --fixed-model-name coach
	touch $@

# The web chat page's libraries, exactly as web/package-lock.json pins them; the
# Rasa server serves them from web/node_modules (connectors/webchat.py), no CDN.
$(WEB_INSTALLED): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the web chat page (Debian: apt-get install npm)"; exit 1; }
	cd web && npm ci --no-audit --no-fund
	touch $@

# Debian's chromium, for the browser test (Playwright drives it and never downloads one).
$(CHROMIUM):
	@[ "$$(id -u)" = 0 ] || { echo "The browser test needs Debian's chromium at $@: run 'sudo make browser' or 'sudo apt-get install -y chromium'"; exit 1; }
	apt-get update
	apt-get install -y --no-install-recommends chromium

engines: $(ENGINES)

$(ENGINES):
	@[ "$$(id -u)" = 0 ] || { echo "The scale-out tests need Debian's postgresql, redis-server and haproxy: run 'sudo make engines'"; exit 1; }
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql redis-server haproxy

# The Alexa skill's interaction model, generated from the NLU data. The locales are
# LOCALES in scripts/alexa_model.py: keep the two in step.
ALEXA_MODELS := $(foreach locale,en-US en-GB,build/alexa/interaction-model.$(locale).json)
alexa-model: $(ALEXA_MODELS)

$(ALEXA_MODELS) &: scripts/alexa_model.py $(wildcard data/nlu/*.yml) | $(INSTALLED)
	$(BIN)/python scripts/alexa_model.py --out build/alexa

clean:
	rm -rf build models results .rasa

# Blind evaluation: the trained coach over REST, one fresh conversation per
# question. SET=tests/blind/<date>-questions.yml picks a set (default: the newest).
SET ?=
eval: $(MODEL) eval-red-flags
	$(BIN)/python scripts/eval_blind.py $(SET) --show-failures
