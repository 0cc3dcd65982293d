"""The command-line contract: start-up, help, docs, exit codes, the error boundary."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuhe_cli.__main__ import main
from fuhe_cli.cli import COMMAND_MODULES, app

REPO = Path(__file__).resolve().parents[1]


def run_fuhe(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None):
    """Run fuhe as a real process: exit codes and streams exactly as a shell sees them."""
    return subprocess.run(
        [sys.executable, "-m", "fuhe_cli", *args], input=stdin, capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})}, cwd=cwd or REPO, timeout=120,
    )


def test_version_does_not_import_heavy_modules():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "fuhe_cli", "--version"],
                            capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("fuhe ")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    for heavy in ("jieba", "cn2an", "typer", "pydantic", "opencc", "rich"):
        assert heavy not in imported, f"--version imported {heavy}"


def test_help_lists_every_command_and_exit_codes(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("extract", "compare", "regions", "rules", "docs", "check", "schema"):
        assert command in out
    assert "130" in out and "internal error" in out


def test_every_command_has_help_and_is_in_the_readme(capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = [command.name for command in app.registered_commands]
    names += [group.name for group in app.registered_groups]
    assert set(names) >= {"extract", "schema"}
    for name in names:
        assert f"fuhe {name}" in readme, f"README does not mention `fuhe {name}`"
        assert main([name, "--help"]) == 0
        assert "Usage" in capsys.readouterr().out
    assert len(COMMAND_MODULES) == len(set(COMMAND_MODULES))


@pytest.mark.parametrize("command", [[name] for name in COMMAND_MODULES] + [["rules", "list"], ["rules", "test"], []])
def test_help_does_not_import_pydantic_the_rules_or_the_store(command):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "fuhe_cli", *command, "--help"],
                            capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0 and "Usage: fuhe" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    for heavy in ("pydantic", "fuhe_cli.indicators", "fuhe_cli.rulefile", "fuhe_cli.store", "fuhe_cli.models",
                  "jieba", "cn2an", "opencc"):
        assert heavy not in imported, f"fuhe {' '.join(command)} --help imported {heavy}"


def test_subcommand_help_is_the_subcommands(capsys):
    assert main(["rules", "test", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Usage: fuhe rules test")
    assert main(["extract", "--format", "json", "--help"]) == 0
    assert capsys.readouterr().out.startswith("Usage: fuhe extract")


@pytest.mark.parametrize("line", [["-q", "extract"], ["extract", "-q"], ["extract", "--quiet"]])
def test_quiet_works_anywhere_on_the_line(tmp_path, line):
    report = tmp_path / "report.txt"
    report.write_text("全年开展巾帼宣讲320场。\n", encoding="utf-8")
    result = run_fuhe(*line, str(report), "--db", str(tmp_path / "fuhe.sqlite"), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b"", "-q silences the 'saved …' note"
    assert json.loads(result.stdout)["documents"][0]["facts"]


def test_debug_after_the_command_shows_the_traceback(monkeypatch, capsys):
    import fuhe_cli.extract as extract_module

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(extract_module, "iter_extract_parts", explode)
    assert main(["extract", "whatever.txt", "--no-save", "--debug"]) == 5
    assert "Traceback" in capsys.readouterr().err


def test_global_flags_after_double_dash_are_arguments(tmp_path):
    result = run_fuhe("extract", "--no-save", "--", "-q", cwd=tmp_path)
    assert result.returncode == 4 and b"-q: no such file" in result.stderr


def test_unknown_command_and_bad_option_are_usage_errors():
    result = run_fuhe("no-such-command")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    result = run_fuhe("extract", "--format", "xml", "x.txt")
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) <= 3


def test_internal_error_is_one_line_with_debug_hint(monkeypatch, capsys):
    import fuhe_cli.extract as extract_module

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(extract_module, "iter_extract_parts", explode)
    code = main(["extract", "whatever.txt", "--no-save"])
    err = capsys.readouterr().err
    assert code == 5
    assert "boom" in err and "--debug" in err
    assert "Traceback" not in err


def test_missing_file_exits_4_after_processing_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("全年开展巾帼宣讲320场，覆盖群众4.5万人次。\n", encoding="utf-8")
    result = run_fuhe("extract", str(tmp_path / "absent.txt"), str(good), "--no-save", "--format", "json")
    assert result.returncode == 4
    payload = json.loads(result.stdout)
    assert [doc["path"] for doc in payload["documents"]] == [str(good)]
    assert payload["documents"][0]["facts"], "the readable file was still processed"
    assert payload["errors"][0]["path"].endswith("absent.txt")
    assert "absent.txt" in result.stderr.decode()


def test_stdin_is_read_as_bytes():
    text = "全年培训农村妇女1.3万人次。\n".encode("gb18030")
    result = run_fuhe("extract", "-", "--no-save", "--format", "jsonl", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    facts = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(fact["value"], fact["unit"]) for fact in facts] == [(13000, "人次")]


def test_stdin_name_names_stdin_in_facts_errors_and_annotations():
    text = "全年培训农村妇女1.3万人次，就业率达120%。\n".encode("utf-8")
    result = run_fuhe("extract", "-", "--no-save", "--format", "jsonl", "--stdin-name", "reports/a.txt", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert {json.loads(line)["path"] for line in result.stdout.decode().splitlines()} == {"reports/a.txt"}
    result = run_fuhe("check", "-", "--format", "github", "--stdin-name", "drafts/a.txt", stdin=text)
    assert result.returncode == 1
    assert "file=drafts/a.txt,line=1" in result.stdout.decode()
    result = run_fuhe("extract", "-", "--no-save", "--stdin-name", "reports/b.txt", stdin=b"\x00\x01\x02\x03")
    assert result.returncode == 4 and b"reports/b.txt: binary file" in result.stderr


def test_stdin_name_keeps_the_columns_of_an_html_page():
    page = "<html><body><p>全年培训农村妇女1.3万人次。</p></body></html>".encode("utf-8")
    result = run_fuhe("extract", "-", "--no-save", "--format", "json", "--stdin-name", "page.htm", stdin=page)
    document = json.loads(result.stdout)["documents"][0]
    assert document["path"] == "page.htm"
    assert document["facts"][0]["column"] == len("<html><body><p>全年培训农村妇女") + 1


def test_fail_on_empty_gate(tmp_path):
    empty = tmp_path / "plan.txt"
    empty.write_text("今后五年，我们将深入实施五大巾帼行动。\n", encoding="utf-8")
    assert run_fuhe("extract", str(empty), "--no-save", "--format", "json").returncode == 0
    assert run_fuhe("extract", str(empty), "--no-save", "--format", "json", "--fail-on", "empty").returncode == 1


def test_fail_on_warnings_gate(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("今年调解成功率达91。6%。\n", encoding="utf-8")
    result = run_fuhe("extract", str(draft), "--no-save", "--format", "json", "--fail-on", "warnings")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["documents"][0]["warnings"][0]["code"] == "ideographic-decimal"


def test_broken_pipe_is_quiet(tmp_path):
    report = tmp_path / "big.txt"
    report.write_text("开展宣讲活动120场，覆盖2.3万人次。\n" * 5000, encoding="utf-8")
    shell = (f"{sys.executable} -m fuhe_cli extract {report} --no-save --format jsonl | head -n 1")
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert result.stdout.count(b"\n") == 1
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


@pytest.mark.parametrize("payload", ["extract", "compare", "rule", "check"])
def test_schema_command_prints_json_schema(payload, capsys):
    assert main(["schema", payload]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object" and schema["properties"]


def test_extract_envelope_matches_its_schema(tmp_path, capsys):
    import jsonschema
    report = tmp_path / "r.txt"
    report.write_text("2023年，全市建成妇女微家70余家，开展家庭教育讲座近300场。\n", encoding="utf-8")
    assert main(["schema", "extract"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert main(["extract", str(report), "--no-save", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    jsonschema.validate(payload, schema)
    assert list(payload)[:2] == ["schema", "fuhe_version"]
    assert payload["schema"] == "fuhe.extract/1"
