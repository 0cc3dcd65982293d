"""Read report files: bytes -> text, with the encoding detected and reported.

Contract (owned by the reading helper; stubs until then):
- `iter_input_paths(args)` expands files, directories (recursively: .txt .htm .html .md
  .docx .pdf) and '-' (stdin), in sorted order; a missing path is yielded as given so the
  reader reports it.
- `read_source(path, encoding=None)` returns a `SourceText` or raises
  `InputError` whose `.code` is one of missing | unreadable | empty | binary | undecodable.
  For HTML, markup is blanked (replaced by spaces, newlines kept) so every offset into
  `SourceText.text` is the offset into the decoded original file.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceText:
    path: str
    text: str
    encoding: str
    kind: str = "txt"  # txt | html | md | docx | pdf
    # For formats whose "line" is not a text line (docx paragraphs, pdf page:line),
    # line_labels[i] names line i+1; None means plain 1-based line numbers.
    line_labels: list[str] | None = field(default=None)
