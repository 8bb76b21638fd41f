"""Root conftest: puts the repo root on sys.path (so ``tests.support`` imports) and loads the
local Anthropic-compatible server fixtures for every test tier."""

pytest_plugins = ["tests.support.fixtures"]
