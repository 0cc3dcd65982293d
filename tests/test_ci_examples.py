"""The CI examples in examples/ci/ run green (and fail when they should) against this checkout."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CI = REPO / "examples" / "ci"


@pytest.fixture
def shell_env(tmp_path):
    """PATH with a `fuhe` that runs this checkout, as an installed console script would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "fuhe"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m fuhe_cli "$@"\n')
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("FUHE_INDICATORS", None)
    return env


def run_script(script: str, *args: str, env: dict, cwd: Path):
    return subprocess.run(["bash", str(CI / script), *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


def test_extract_and_compare_script_publishes_artifacts(tmp_path, shell_env):
    out = tmp_path / "out"
    shell_env["FUHE_INDICATORS"] = "lecture.sessions training.participants mediation.success_rate"
    result = run_script("fuhe-ci.sh", str(REPO / "examples"), str(out), "sichuan", "chongqing",
                        env=shell_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert [row["indicator"]["id"] for row in payload["rows"]] == \
        ["lecture.sessions", "mediation.success_rate", "training.participants"]
    assert all(cell is not None for row in payload["rows"] for cell in row["cells"])
    assert (out / "compare.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel-friendly BOM
    assert "| indicator |" in (out / "compare.md").read_text(encoding="utf-8")
    assert (out / "facts.jsonl").read_text(encoding="utf-8").count("\n") > 50


def test_extract_and_compare_script_fails_on_a_missing_indicator(tmp_path, shell_env):
    # Only Sichuan's report states a figure for new-sector federations: the gate trips.
    shell_env["FUHE_INDICATORS"] = "org.new_sector_federations"
    result = run_script("fuhe-ci.sh", str(REPO / "examples"), str(tmp_path / "out"), "sichuan", "chongqing",
                        env=shell_env, cwd=tmp_path)
    assert result.returncode == 1
    assert "missing" in result.stderr


def test_check_drafts_script_gates_on_wrong_figures(tmp_path, shell_env):
    result = run_script("check-drafts.sh", str(REPO / "examples" / "drafts"), str(tmp_path / "check"),
                        env=shell_env, cwd=tmp_path)
    assert result.returncode == 1
    assert "::error file=" in result.stdout
    sarif = json.loads((tmp_path / "check" / "fuhe.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_check_drafts_script_passes_a_clean_folder(tmp_path, shell_env):
    clean = tmp_path / "drafts"
    clean.mkdir()
    source = REPO / "examples" / "drafts" / "clean-2023年度总结.md"
    (clean / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_script("check-drafts.sh", str(clean), str(tmp_path / "check"), env=shell_env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
