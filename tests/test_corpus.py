"""Every text of the report corpus (tests/corpus/NAME.txt) scored against its answers (NAME.yaml).

The scorer, the suites and what an answer may say are described in tests/corpus_scoring.py; run
it as a script for the figures.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scoring import CORPUS, evaluate, names, suite_of, suites, well_formed_problems  # noqa: E402

NAMES = names()
_OUTCOMES: dict = {}


def outcome(name: str, rules):
    """One extraction per text for the tests below."""
    if name not in _OUTCOMES:
        _OUTCOMES[name] = evaluate(name, rules)
    return _OUTCOMES[name]


@pytest.mark.parametrize("name", NAMES)
def test_corpus_text(name, rules):
    problems = outcome(name, rules).problems()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_known_gap_notes_go_once_fuhe_gets_the_answer_right(name, rules):
    stale = outcome(name, rules).stale_todos()
    assert not stale, "remove the todo of:\n" + "\n".join(stale)


@pytest.mark.parametrize("name", [name for name in NAMES if suite_of(name).document])
def test_document_fields(name, rules):
    wrong = outcome(name, rules).document
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", NAMES)
def test_answers_are_well_formed(name):
    problems = well_formed_problems(name)
    assert not problems, "\n".join(problems)


def test_index_lists_every_text_once():
    """Every text has its answers and one suite; every suite holds at least its minimum."""
    texts = sorted(path.stem for path in CORPUS.glob("*.txt"))
    assert sorted(path.stem for path in CORPUS.glob("*.yaml") if path.stem != "index") == texts
    assert NAMES == texts and len(set(NAMES)) == len(NAMES)
    for suite in suites().values():
        assert len(suite.texts) >= suite.minimum, suite.name


def test_encoded_text_is_really_encoded():
    """One text is stored as GB18030, so the corpus also goes through decoding."""
    from fuhe_cli.reading import read_source

    raw = (CORPUS / "speech_executive_meeting_gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert read_source(str(CORPUS / "speech_executive_meeting_gb18030.txt")).encoding in {"gb18030", "gbk", "gb2312"}


def test_no_test_file_is_named_by_round():
    """Test files say what behaviour they guard; a new batch of texts goes into the corpus."""
    import re

    tests = Path(__file__).resolve().parent
    named_by_round = [path.name for path in tests.rglob("*.py")
                      if re.search(r"heldout|unseen|round|batch|\d\.py$", path.name)]
    assert not named_by_round
