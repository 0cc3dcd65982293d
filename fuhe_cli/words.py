"""Word boundaries for context phrases, with jieba.

Each line of words.txt also carries jieba's part-of-speech tag, so the noun phrase an unnamed figure
counts can be told from the verb before it (建成 | 儿童友好社区).

Only for naming what an unnamed figure counts ("基层法院均设有妇女儿童维权岗" → cut between words,
not inside 妇女儿童) — never for the number grammar, which jieba splits ("1.72万亿" → pieces).
A small dictionary (jieba's 40,000 most frequent words, fuhe_cli/data/words.txt, built by
scripts/build_word_list.py) keeps start-up near 40 ms instead of the full dictionary's 0.5 s.
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).parent / "data" / "words.txt"


def _import_jieba():
    """jieba, imported without pkg_resources: jieba 0.42 imports it (≈60 ms, most of jieba's import
    time) only to open its bundled files, and falls back to plain paths without it. fuhe passes its
    own dictionary and never uses jieba's HMM, so nothing it does depends on which one is used."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None     # `import pkg_resources` raises ImportError meanwhile
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer(dictionary=str(WORDS_FILE))
    # jieba caches its prefix dictionary in a temp file; a private folder avoids clashes.
    tokenizer.tmp_dir = os.path.join(tempfile.gettempdir(), f"fuhe-jieba-{os.getuid() if hasattr(os, 'getuid') else 0}")
    os.makedirs(tokenizer.tmp_dir, exist_ok=True)
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    """The dictionary's words of 2-4 characters, read without jieba (a set look-up per position)."""
    import re

    return frozenset(re.findall(r"^(\S{2,4}) ", WORDS_FILE.read_text(encoding="utf-8"), re.MULTILINE))


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def boundary_after(text: str, position: int, end: int) -> int:
    """`position`, or — when it falls inside a word of the dictionary — the end of that word (at
    most `end`). Cheap enough for every fact's snippet: a few set look-ups, no segmentation.
    The end of the word found is taken as a boundary (妇联系统: 妇联, not 妇联 + 联系)."""
    if not (0 < position < end and _is_cjk(text[position - 1]) and _is_cjk(text[position])):
        return position
    words = _short_words()
    spanning = [stop for start in range(max(0, position - 3), position)
                for stop in range(position + 1, min(end, start + 4) + 1) if text[start:stop] in words]
    return max(spanning) if spanning else position


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    import re

    return dict(re.findall(r"^(\S+) \d+ (\S+)$", WORDS_FILE.read_text(encoding="utf-8"), re.MULTILINE))


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for each word of `text`; a word not in the dictionary is "x"."""
    tags = _tags()
    return [(word, tags.get(word, "x")) for word in split(text)]


def split(text: str) -> list[str]:
    return _tokenizer().lcut(text, HMM=False)


def tail(phrase: str, max_chars: int) -> str:
    """The longest run of whole words at the end of `phrase` that fits in max_chars."""
    if len(phrase) <= max_chars:
        return phrase
    kept = ""
    for word in reversed(split(phrase)):
        if len(kept) + len(word) > max_chars:
            break
        kept = word + kept
    return kept or phrase[-max_chars:]


def head(phrase: str, max_chars: int) -> str:
    """The longest run of whole words at the start of `phrase` that fits in max_chars."""
    if len(phrase) <= max_chars:
        return phrase
    kept = ""
    for word in split(phrase):
        if len(kept) + len(word) > max_chars:
            break
        kept += word
    return kept or phrase[:max_chars]
