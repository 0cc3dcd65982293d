"""The benchmark's reference script reads what it claims to (its speed is bench/bench.py's business)."""
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import naive  # noqa: E402


def test_naive_figures_scale_and_units():
    found = [(value, unit) for _, value, unit in naive.figures("培训妇女3万人次，筹资1.5亿元，新建十二个站点")]
    assert found == [(30000.0, "人次"), (150000000.0, "元"), (12, "个")]


def test_naive_command_writes_a_json_line_per_figure(tmp_path):
    (tmp_path / "a.txt").write_text("第一行\n开展宣讲120场\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(BENCH / "naive.py"), str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["value"], r["unit"]) for r in records] == [(2, 120.0, "场")]
