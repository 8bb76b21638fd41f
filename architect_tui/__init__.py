"""architect-tui: a senior Flask architect in your terminal."""

__version__ = "0.1.0"
