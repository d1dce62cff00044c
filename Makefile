# Two commands for a newcomer: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3

.PHONY: run test setup setup-dev system messages lint bugs mutate serve worker bench bench-smoke fault-test screenshots

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Production needs requirements.txt alone; tests, lint, benchmarks and
# mutation testing add requirements-dev.txt.
$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

system:
	@ops/check-system

messages: setup system
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

# Certificate QR codes and e-mail links open the server this target starts.
# Quiet unless VERBOSE=1: the set-up's details (migrations, the schema sync of
# the translated page fields, the demo's pages and e-mails) go to
# var/log/setup.log, and the server logs warnings and requests only.
ifdef VERBOSE
RUN_ENV = WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)
SETUP_OUTPUT =
SEED_ENV = $(RUN_ENV)
else
RUN_ENV = WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) DJANGO_LOG_LEVEL=WARNING
SETUP_OUTPUT = >>var/log/setup.log
SEED_ENV = $(RUN_ENV) DJANGO_EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
endif

run: messages
	@mkdir -p var/log
	@echo "Setting up the database and the demo (details in var/log/setup.log; VERBOSE=1 shows them)..."
	@$(RUN_ENV) $(PY) manage.py migrate --noinput $(SETUP_OUTPUT)
	@$(SEED_ENV) $(PY) manage.py seed_demo
	@$(RUN_ENV) $(PY) manage.py certificate_keys ensure $(SETUP_OUTPUT)
	@echo ""
	@echo "Open http://127.0.0.1:$(PORT)/es/ (Spanish) or http://127.0.0.1:$(PORT)/en/ (English);"
	@echo "the admin is at http://127.0.0.1:$(PORT)/admin/. Ctrl-C stops the server."
	@echo ""
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# A PNG of every kind of page, in English and Spanish, at 390 and 1280 px, from
# the demo on a temporary database; written to var/screenshots/ (not committed).
screenshots: messages setup-dev
	$(PY) ops/screenshots.py

# Tests run on every core (pytest-xdist, one database per worker); a test that
# hangs fails after PYTEST_TIMEOUT seconds (pyproject.toml) instead of blocking.
TEST_WORKERS ?= auto
test: messages setup-dev
	@ops/check-system --tests
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# Puts each deliberate bug of tests/deliberate_bugs.py into a copy of the
# project and checks that its tests fail (docs/testing.md).
bugs: messages setup-dev
	$(PY) -m tests.deliberate_bugs $(BUGS_ARGS)

# Production topology on one machine: gunicorn + WhiteNoise, PostgreSQL, Redis,
# and a database-backed task worker (docs/deploy.md). Plain HTTP on loopback,
# so it allows a loopback base URL (DJANGO_ALLOW_LOCAL_BASE_URL, never in production).
SERVE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jtp
SERVE_REDIS_URL ?= redis://127.0.0.1:6379/0
SERVE_WORKERS ?= 2
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat var/secret_key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 \
	DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 DJANGO_TASKS_BACKEND=database \
	DATABASE_URL=$(SERVE_DATABASE_URL) REDIS_URL=$(SERVE_REDIS_URL) \
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) DJANGO_ALLOW_LOCAL_BASE_URL=1

var/secret_key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

serve: messages var/secret_key
	psql "$(SERVE_DATABASE_URL)" -c "SELECT 1" >/dev/null 2>&1 || \
		createdb -h 127.0.0.1 -U postgres $(notdir $(SERVE_DATABASE_URL))
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(SERVE_ENV) $(PY) manage.py seed_demo --force
	$(SERVE_ENV) $(PY) manage.py certificate_keys ensure
	@echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn and one task worker (Ctrl-C stops both)"
	$(SERVE_ENV) $(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(VENV)/bin/gunicorn config.wsgi --workers $(SERVE_WORKERS) --threads 4 \
		--bind 127.0.0.1:$(PORT) --access-logfile - --timeout 60

worker: messages var/secret_key
	$(SERVE_ENV) $(PY) manage.py db_worker --queue-name '*'

# Benchmarks (PostgreSQL on 127.0.0.1:5432, Redis on 6379, wrk): see bench/README.md.
bench: messages setup-dev
	$(PY) -m bench.run $(BENCH_ARGS)

bench-smoke: messages setup-dev
	$(PY) -m bench.run --smoke $(BENCH_ARGS)

# Restarts PostgreSQL and kills an app worker under load; checks nothing is lost.
fault-test: messages setup-dev
	$(PY) -m bench.faults

# Mutation testing of the pure core and the services (docs/testing.md); not part
# of `make test`. Verdicts are kept in mutants/: a run tests the mutants of
# changed functions and the previous survivors; `rm -rf mutants` starts afresh.
MUTATE_CHILDREN ?= 2
MUTATION_TEMPLATE_DB := $(CURDIR)/var/mutation-template.sqlite3

$(MUTATION_TEMPLATE_DB): $(VENV)/.installed-dev $(wildcard */migrations/*.py)
	mkdir -p var
	rm -f $@
	DJANGO_SETTINGS_MODULE=config.settings_test DATABASE_URL=sqlite:///$@ \
		$(PY) manage.py migrate --noinput -v 0 >/dev/null

mutate: messages setup-dev $(MUTATION_TEMPLATE_DB)
	$(PY) ops/mutation_score.py --forget-survivors
	$(PY) ops/mutation_score.py --sync-files
	rm -rf mutants/var/mutation-databases
	env -u DATABASE_URL MUTATION_TEMPLATE_DB=$(MUTATION_TEMPLATE_DB) \
		$(VENV)/bin/mutmut run --max-children $(MUTATE_CHILDREN)
	$(PY) ops/mutation_score.py
