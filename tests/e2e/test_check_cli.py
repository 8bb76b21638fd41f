"""``architect check`` as CI runs it (real processes), and the offline review's fix going
through ``architect apply`` and ``architect undo``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import libcst as cst
import pytest

REPO = Path(__file__).resolve().parents[2]
SHOP = REPO / "examples" / "shop"
CLEAN = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef index():\n    return 'hi'\n"
LOW_ONLY = CLEAN + "\n\n@app.get('/log')\ndef log():\n    print('visited')\n    return 'ok'\n"
HIGH = CLEAN + "\n\nif __name__ == '__main__':\n    app.run(debug=True)\n"

# The SARIF 2.1.0 schema's required fields and enums for every object this tool writes
# (sarifLog, run, tool, toolComponent, reportingDescriptor, result, message, location,
# physicalLocation, artifactLocation, region), with the same property names.
_MESSAGE = {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}]}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_LOCATION = {
    "type": "object",
    "properties": {
        "physicalLocation": {
            "type": "object",
            "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "properties": {"uri": {"type": "string"}, "uriBaseId": {"type": "string"}},
                },
                "region": {
                    "type": "object",
                    "properties": {
                        "startLine": {"type": "integer", "minimum": 1},
                        "startColumn": {"type": "integer", "minimum": 1},
                        "endLine": {"type": "integer", "minimum": 1},
                    },
                },
            },
        }
    },
}
SARIF_REQUIRED = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"enum": ["2.1.0"]},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "shortDescription": {
                                                    "type": "object",
                                                    "required": ["text"],
                                                },
                                                "fullDescription": {
                                                    "type": "object",
                                                    "required": ["text"],
                                                },
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {"level": _LEVEL},
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": -1},
                                "level": _LEVEL,
                                "message": _MESSAGE,
                                "locations": {"type": "array", "items": _LOCATION},
                            },
                        },
                    },
                },
            },
        },
    },
}


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A developer's own ~/.config/architect-tui must not change the gate under test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


def architect(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def check_inline(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The same CLI entry point in this process (no interpreter start-up): exit code, stdout."""
    from architect_tui.cli import main

    code = main(["check", *args])
    return code, capsys.readouterr().out


def project(tmp_path: Path, source: str) -> Path:
    root = tmp_path / "proj"
    root.mkdir(parents=True)
    (root / "app.py").write_text(source)
    return root


def test_clean_project_passes(tmp_path: Path) -> None:
    """No findings: exit 0 and a summary line."""
    out = architect("check", str(project(tmp_path, CLEAN)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0 findings in 1 files; 0 with an automatic fix"


def test_fail_on_gates_by_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A low finding fails only when --fail-on is low or lower; the default gate is high."""
    root = project(tmp_path, LOW_ONLY)
    assert check_inline(str(root), capsys=capsys)[0] == 0
    code, out = check_inline(str(root), "--fail-on", "low", capsys=capsys)
    assert code == 1
    assert "app.py:13:5: FLK303 [low]" in out
    high = project(tmp_path / "h", HIGH)
    assert check_inline(str(high), capsys=capsys)[0] == 1
    assert check_inline(str(high), "--fail-on", "critical", capsys=capsys)[0] == 0


def test_fail_on_from_project_config_and_ignore_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """[tool.architect] fail_on and ignore_rules apply; --fail-on overrides the config."""
    root = project(tmp_path, LOW_ONLY)
    (root / "pyproject.toml").write_text('[tool.architect]\nfail_on = "low"\n')
    assert check_inline(str(root), capsys=capsys)[0] == 1
    assert check_inline(str(root), "--fail-on", "high", capsys=capsys)[0] == 0
    (root / "pyproject.toml").write_text(
        '[tool.architect]\nfail_on = "low"\nignore_rules = ["FLK303"]\n'
    )
    code, out = check_inline(str(root), capsys=capsys)
    assert code == 0 and "FLK303" not in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    """A missing path or a bad option exits 2 with a message, never a traceback."""
    missing = architect("check", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "is not a directory" in missing.stderr
    bad = architect("check", str(tmp_path), "--fail-on", "severe")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    fmt = architect("check", str(tmp_path), "--format", "xml")
    assert fmt.returncode == 2


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json lists findings with rule, severity, location and the fix diff."""
    code, out = check_inline(str(project(tmp_path, HIGH)), "--format", "json", capsys=capsys)
    assert code == 1
    data = json.loads(out)
    (finding,) = data["findings"]
    assert finding["rule"] == "FLK101" and finding["severity"] == "high"
    assert (finding["file"], finding["line"], finding["fixable"]) == ("app.py", 12, True)
    assert data["summary"]["total"] == 1 and data["summary"]["high"] == 1
    assert data["changes"].startswith("--- a/app.py\n+++ b/app.py\n@@ ")


@pytest.mark.skipif(not SHOP.is_dir(), reason="examples/shop is not in this checkout")
def test_sarif_on_the_example_shop_is_valid() -> None:
    """SARIF 2.1.0: required fields and enums hold; every result's rule is in the driver's
    rules at its ruleIndex; locations are project-relative with a line."""
    out = architect("check", str(SHOP), "--format", "sarif")
    assert out.returncode == 1, out.stderr
    log = json.loads(out.stdout)
    jsonschema.validate(log, SARIF_REQUIRED)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules) >= 30
    assert len(run["results"]) >= 40
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert (SHOP / location["artifactLocation"]["uri"]).is_file()
        assert location["region"]["startLine"] >= 1
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")


@pytest.mark.skipif(not SHOP.is_dir(), reason="examples/shop is not in this checkout")
def test_offline_review_fix_applies_and_undoes(tmp_path: Path) -> None:
    """No key: review a route offline, apply its proposed change, undo it byte for byte."""
    root = tmp_path / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".architect"))
    original = (root / "shop/catalog/views.py").read_bytes()
    review = architect("review", "catalog.search", "--project", str(root), "--offline", "--no-save")
    assert review.returncode == 0, review.stderr
    assert "### [critical] security:" in review.stdout
    answer = tmp_path / "review.md"
    answer.write_text(review.stdout)
    applied = architect("apply", str(answer), "--project", str(root), "--json")
    assert applied.returncode == 0, applied.stdout + applied.stderr
    fixed = (root / "shop/catalog/views.py").read_text()
    cst.parse_module(fixed)
    assert 'request.args.get("q")' in fixed and ":term" in fixed
    assert "LIKE '%{term}%'" not in fixed and 'request.args["q"]' not in fixed
    undone = architect("undo", "--project", str(root))
    assert undone.returncode == 0, undone.stderr
    assert (root / "shop/catalog/views.py").read_bytes() == original


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """--list-rules prints one line per rule: id, severity, category, title."""
    code, out = check_inline("--list-rules", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) >= 35
    assert lines[0].split()[:3] == ["FLK101", "high", "security"]
