# Two commands for a newcomer: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3

.PHONY: run test setup messages lint serve worker bench bench-smoke

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

messages: setup
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

run: messages
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	@if command -v chromium >/dev/null 2>&1; then \
		echo "Browser tests: using $$(command -v chromium)"; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! chromium not found: BROWSER TESTS WILL BE SKIPPED.               !!"; \
		echo "!! Install Debian's chromium (apt-get install chromium) to run them. !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# Benchmarks (PostgreSQL on 127.0.0.1:5432, Redis on 6379, wrk): see bench/README.md.
bench: messages
	$(PY) -m bench.run $(BENCH_ARGS)

bench-smoke: messages
	$(PY) -m bench.run --smoke $(BENCH_ARGS)
