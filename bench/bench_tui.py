"""Benchmark the TUI on the large synthetic project of the map benchmark (issue 3).

Runs ``architect`` in a real pseudo-terminal (120x40), in a child process, and prints:

- process start -> first painted frame (the footer's keys reach the terminal): target <= 1.0 s
- process start -> map filled (the reader finished and every node is in the tree)
- the longest gap between ticks of a 10 ms UI timer while the map fills (event-loop stall):
  target <= 100 ms

once with an empty reader cache (cold) and once with the cache warm.
Run: ``.venv/bin/python bench/bench_tui.py`` (a minute or two on 2 cores).
"""

from __future__ import annotations

import argparse
import fcntl
import importlib.util
import itertools
import json
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child: the real app, plus a 10 ms timer and a note of when the map is filled.
CHILD = r"""
import json, sys, time
started = float(sys.argv[3])
sys.path.insert(0, sys.argv[4])
from pathlib import Path
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.widgets.map_tree import MapTree


class BenchApp(ArchitectApp):
    def on_mount(self) -> None:
        self.ticks = [time.monotonic()]
        self.filled_at = None
        self.set_interval(0.01, self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.monotonic())
        if self.filled_at is not None and self.ticks[-1] - self.filled_at > 0.3:
            self.exit()

    def on_main_screen_project_read(self, message) -> None:
        self.read_at = time.monotonic()

    def on_main_screen_project_read_failed(self, message) -> None:
        self.error = message.error
        self.filled_at = time.monotonic()

    def on_map_tree_filled(self, message: MapTree.Filled) -> None:
        if message.total_routes and self.filled_at is None:
            self.filled_at = time.monotonic()
            self.routes = message.total_routes


app = BenchApp(Path(sys.argv[1]), cursor_blink=False)
app.run()
ticks = app.ticks
filled = app.filled_at or ticks[-1]
Path(sys.argv[2]).write_text(json.dumps({
    "filled": filled - started,
    "mounted": ticks[0] - started,
    "read": getattr(app, "read_at", filled) - started,
    "ticks": [t - started for t in ticks if t <= filled + 0.05],
    "routes": getattr(app, "routes", 0),
    "error": getattr(app, "error", None),
}))
"""

FIRST_FRAME_MARK = b"Re-read"  # a footer key: only the main screen's first frame has it


def _load_generator() -> Callable[..., dict[str, int]]:
    """The map benchmark's generator, so both benchmarks measure the same project."""
    path = ROOT / "bench" / "bench_map.py"
    spec = importlib.util.spec_from_file_location("bench_map", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_tui: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def run_once(
    project: Path, cache: Path, timeout: float = 120.0, with_key: bool = False
) -> dict[str, float]:
    """One run of the app in a pty; returns the child's figures plus the first-frame time."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"}
    }
    env.update(TERM="xterm-256color", ARCHITECT_CACHE_DIR=str(cache), COLUMNS="120", LINES="40")
    if with_key:  # a placeholder: the app warms the SDK up after the first frame, never calls it
        env["ANTHROPIC_API_KEY"] = "bench-placeholder"
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(project), str(result_file), repr(started), str(ROOT)],
        stdin=slave,
        stdout=slave,
        stderr=slave,  # Textual draws on stderr
        env=env,
        close_fds=True,
    )
    os.close(slave)
    first_frame: float | None = None
    seen = b""
    deadline = started + timeout
    try:
        while child.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen = (seen + chunk)[-65536:]
            if first_frame is None and FIRST_FRAME_MARK in seen:
                first_frame = time.monotonic() - started
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        os.close(master)
    if not result_file.exists() or not result_file.read_text():
        tail = re.sub(rb"\x1b\[[0-9;?<>=$]*[A-Za-z]|\x1b\][^\x07]*\x07", b"", seen)[-2000:]
        raise SystemExit(
            f"bench_tui: the app did not report (exit {child.returncode}):\n"
            + tail.decode(errors="replace")
        )
    figures = json.loads(result_file.read_text())
    result_file.unlink()
    figures["first_frame"] = first_frame if first_frame is not None else float("nan")
    ticks = figures.pop("ticks")
    # The stall that matters: from the first painted frame until the map is filled.
    after = [t for t in ticks if first_frame is None or t >= first_frame]
    gaps = [b - a for a, b in itertools.pairwise(after)]
    figures["max_gap"] = max(gaps, default=0.0)
    figures["ticks"] = len(after)
    startup = [b - a for a, b in itertools.pairwise(ticks) if first_frame and b <= first_frame]
    figures["startup_gap"] = max(startup, default=0.0)
    if figures.get("error"):
        raise SystemExit(f"bench_tui: the app could not read the project: {figures['error']}")
    return figures


def _report(name: str, runs: list[dict[str, float]]) -> None:
    """Median first frame and fill time; the worst stall of all runs."""
    frame = statistics.median(r["first_frame"] for r in runs)
    best = min(r["first_frame"] for r in runs)
    read = statistics.median(r["read"] for r in runs)
    filled = statistics.median(r["filled"] for r in runs)
    stall = max(r["max_gap"] for r in runs)
    startup = max(r["startup_gap"] for r in runs)
    ok_frame = "ok" if frame <= 1.0 else "OVER"
    ok_stall = "ok" if stall <= 0.1 else "OVER"
    print(
        f"{name}: first frame {frame:.2f} s (best {best:.2f}; {ok_frame}, target <= 1.0) · "
        f"map read {read:.2f} s, filled {filled:.2f} s ({int(runs[0]['routes'])} routes) · "
        f"longest UI stall after the first frame {stall * 1000:.0f} ms ({ok_stall}, target "
        f"<= 100; before it {startup * 1000:.0f} ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1500)
    parser.add_argument("--blueprints", type=int, default=120)
    parser.add_argument("--project", type=Path, help="measure this project instead")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs (median is shown)")
    parser.add_argument(
        "--with-key",
        action="store_true",
        help="set a placeholder API key, so the app also warms the LLM SDK up while the map fills",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="architect-bench-tui-") as tmp:
        if args.project is not None:
            project = args.project.resolve()
            print(f"project: {project}")
        else:
            project = Path(tmp) / "project"
            counts = _load_generator()(project, args.modules, args.blueprints)
            print(
                f"synthetic project: {counts['files']} files, {counts['lines']:,} lines, "
                f"{counts['blueprints']} blueprints, {counts['routes']} routes expected"
            )
        cache = Path(tmp) / "cache"
        cold = run_once(project, cache, with_key=args.with_key)
        warm = [run_once(project, cache, with_key=args.with_key) for _ in range(args.repeat)]
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        _report("cold cache", [cold])
        _report(f"warm cache, {args.repeat} runs", warm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
