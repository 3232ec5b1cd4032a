# OrderUp Kiosk: the two commands you need are `make run` and `make test`.
SHELL := /bin/bash
# The newest python3.x on this machine (3.13, 3.12 or 3.11) unless PYTHON is given.
PYTHON ?= $(shell bash scripts/find-python.sh)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# pytest-xdist workers for `make test` (auto: one per core); TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= auto

# Debian libraries Qt needs to run offscreen / under Xvfb, plus Xvfb itself, and libusb
# for usb:// receipt printers.
# (Found with ldd on PySide6's Qt libraries and platform plugins.)
DEB_PKGS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
            libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 \
            libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render0 \
            libxcb-render-util0 libxcb-image0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 \
            libxcb-xkb1 xvfb xauth libusb-1.0-0

.PHONY: run test lint format bench screenshots deps clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(STAMP)

deps:
	@bash scripts/install-system-deps.sh $(DEB_PKGS)

run: deps $(STAMP)
	$(VENV)/bin/kiosk db upgrade
	$(VENV)/bin/kiosk demo-data --if-empty
	bash scripts/with-display.sh $(VENV)/bin/kiosk --demo $(ARGS)

test: deps $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	# (bytecode is cached even where the environment turns it off: each worker and each
	# kiosk the tests start would otherwise compile the package and the tests again)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: deps $(TEST_STAMP)
	$(PY) -m bench

screenshots: deps $(STAMP)
	$(VENV)/bin/kiosk screenshots screenshots --lang all --size all

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
