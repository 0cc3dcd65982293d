"""Folders of many small reports for the tests that run extraction in several processes
(test_parallel.py) or on a Dask cluster (test_dask.py): one writer, so both see the same corpus."""
from __future__ import annotations

from pathlib import Path

PLACES = ["四川省", "重庆市", "成都市", "绵阳市", "甘肃省", "江苏省"]


def write_reports(folder: Path, count: int) -> None:
    """Reports with figures, regions and years that differ per file, one unreadable file among them."""
    for index in range(count):
        place = PLACES[index % len(PLACES)]
        sub = folder / ("county" if index % 3 == 0 else "city")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{index:03d}-report.txt").write_text(
            f"{place}妇联{2016 + index % 8}年工作总结\n"
            f"一年来，{place}各级妇联组织开展家庭教育讲座{200 + index}场，服务家庭{1 + index % 4}.{index % 9}万户。\n"
            f"为农村妇女争取小额担保贷款{index + 3}亿元，带动就业{5000 + 11 * index}余人。\n"
            f"两癌检查覆盖率达到{80 + index % 15}%，较上年提高{index % 5 + 1}个百分点。\n",
            encoding="gb18030" if index % 4 == 1 else "utf-8")
    (folder / "city" / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
