"""Root conftest: its folder (the repo root) goes on sys.path, so ``tests.support`` imports, and the
local Anthropic-compatible server fixtures become available to every test tier.

(``pytest_plugins`` here is refused by pytest because ``testpaths`` makes tests/ the initial
conftest location, so the fixtures are imported instead.)"""

from tests.support.fixtures import anthropic_server, llm_env, no_llm_env

__all__ = ["anthropic_server", "llm_env", "no_llm_env"]
