# Plenum — build, run and test. `make run` and `make test` install what is missing themselves.
#
# Pipeline without cargo-leptos (whose install alone takes ~28 minutes here): the `frontend`
# crate is built for wasm32, bound with wasm-bindgen (pinned to the crate version), shrunk with
# wasm-opt from npm, and the server is built in release mode; `plenum assets` then gives every
# file of target/site/pkg a content hash in its name and brotli/gzip copies. The server finds
# the site in target/site when started from the repository root.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

WASM_BINDGEN_VERSION := 0.2.130
# CI keeps the cargo target directory outside the clone, so a clean clone builds incrementally.
ifeq ($(CI),true)
export CARGO_TARGET_DIR ?= $(HOME)/.cache/plenum-target
endif
TARGET := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),target)
SITE := target/site
WASM_OPT := tools/node_modules/.bin/wasm-opt
PG_ADMIN_URL ?= postgres://postgres@127.0.0.1:5432/test
CARGO_PKGS := -p app -p server -p migrations

.PHONY: help tools build site server run test lint unit services e2e e2e-deps clean

help:
	@echo "make run    build and start Plenum on http://127.0.0.1:3000 (SQLite in data/)"
	@echo "make test   format, lint, unit and service tests (SQLite + PostgreSQL), browser tests"
	@echo "make build  release build: target/release/plenum and target/site/"

## Tools: the wasm target, wasm-bindgen at the crate's version, wasm-opt from npm.
tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 4 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@[ -x $(WASM_OPT) ] || (cd tools && npm ci --no-audit --no-fund --loglevel=error)

build: site server
	@if [ "$(TARGET)" != "target" ]; then mkdir -p target/release && cp $(TARGET)/release/plenum target/release/plenum; fi
	./target/release/plenum assets --dir $(SITE)/pkg
	@echo "built target/release/plenum and $(SITE)/"

site: tools
	cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
	rm -rf $(SITE)/pkg
	mkdir -p $(SITE)/pkg
	wasm-bindgen $(TARGET)/wasm32-unknown-unknown/wasm-release/frontend.wasm \
	  --target web --no-typescript --out-dir $(SITE)/pkg --out-name plenum
	$(WASM_OPT) -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-reference-types --enable-multivalue --enable-mutable-globals \
	  $(SITE)/pkg/plenum_bg.wasm -o $(SITE)/pkg/plenum_bg.wasm
	cp style/plenum.css $(SITE)/pkg/plenum.css
	cp frontend/live.js $(SITE)/pkg/live.js
	cp -r public/. $(SITE)/

server:
	cargo build -p server --release --bin plenum

run: build
	./target/release/plenum serve

## Tests
test: tools lint unit e2e

lint:
	cargo fmt --all -- --check
	cargo clippy $(CARGO_PKGS) --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

# Unit tests and service tests on SQLite and PostgreSQL (see scripts/test-db-env.sh).
# The router tests render pages with leptos; several tokio runtimes rendering at once in one
# process can lose a wake-up (seen ~1 run in 12), so that binary runs one test at a time.
unit:
	@command -v sqlite3 >/dev/null || (apt-get update -qq && apt-get install -y -qq sqlite3)
	source scripts/test-db-env.sh && cargo test -p app -p migrations --features app/ssr && cargo test -p server -- --test-threads=1

e2e-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	@[ -d end2end/node_modules/playwright-core ] && [ -d end2end/node_modules/vnu-jar ] || (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)

e2e: build e2e-deps
	cd end2end && PLENUM_BIN=$(abspath target/release/plenum) PLENUM_SITE_ROOT=$(abspath $(SITE)) npm test

clean:
	cargo clean
	rm -rf $(SITE)
