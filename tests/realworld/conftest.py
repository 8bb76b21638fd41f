"""Keep pytest out of the reproductions: they carry their projects' own test files on purpose.

Real repositories ship tests that build extra apps (``create_app(TestConfig)``, throwaway
``Flask(__name__)`` apps with test-only routes). The static reader meets them when it reads a
whole repository, so the reproductions keep them; but they are data for the reader, not tests
of this project, so pytest must not collect or import them.
"""

from pathlib import Path

collect_ignore = sorted(p.name for p in Path(__file__).parent.iterdir() if p.is_dir())
