"""``python -m architect_tui``: the same entry point as the ``architect`` script."""

from architect_tui.cli import main

raise SystemExit(main())
