"""Reading: encodings, bad inputs, HTML blanking with offsets kept, directories, docx, pdf."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuhe_cli.errors import InputError as BaseInputError
from fuhe_cli.reading import SourceText, decode_bytes, html_to_text, iter_input_paths, read_source

REPORT = (
    "某县妇联2023年工作总结\n"
    "一年来，全县各级妇联组织举办巾帼创业培训班46期，参训妇女3200余人次。\n"
    "新建妇女儿童之家118个，覆盖率达到91.6%，较上年提高4.5个百分点。\n"
    "发放小额担保贷款1.3亿元，帮扶困难家庭760户。\n"
)
# The same report as a Big5 document would carry it (written in traditional characters).
REPORT_TRADITIONAL = (
    "某縣婦聯2023年工作總結\n"
    "一年來，全縣各級婦聯組織舉辦巾幗創業培訓班46期，參訓婦女3200餘人次。\n"
    "新建婦女兒童之家118個，覆蓋率達到91.6%，較上年提高4.5個百分點。\n"
    "發放小額擔保貸款1.3億元，幫扶困難家庭760戶。\n"
)


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),        # GBK bytes are GB18030 bytes; the superset is reported
    ("utf-16", "utf-16"),      # Python writes a BOM for "utf-16"
])
def test_simplified_report_in_each_encoding(tmp_path, encoding, expected):
    path = _write(tmp_path, "report.txt", REPORT.encode(encoding))
    source = read_source(path)
    assert source.text == REPORT
    assert source.encoding == expected
    assert source.kind == "txt"


def test_big5_report_is_detected_as_big5(tmp_path):
    path = _write(tmp_path, "report.txt", REPORT_TRADITIONAL.encode("big5"))
    source = read_source(path)
    assert source.encoding == "big5"
    assert source.text == REPORT_TRADITIONAL


@pytest.mark.parametrize("text, encoding", [
    ("妇联", "gbk"), ("婦聯", "big5"),                       # two characters: both decodings succeed
    ("帮扶困难妇女", "gbk"), ("幫扶困難婦女", "big5"),
])
def test_short_texts_choose_the_right_chinese_decoding(text, encoding):
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert used == ("gb18030" if encoding == "gbk" else "big5")


def test_short_gbk_that_is_valid_utf8_by_accident():
    # GBK "实施" is the valid UTF-8 sequence "ʵʩ"; a Chinese reading wins
    assert decode_bytes("实施".encode("gbk")) == ("实施", "gb18030")
    assert decode_bytes("café résumé".encode("utf-8")) == ("café résumé", "utf-8")


def test_mojibake_candidate_loses_to_the_real_big5_text():
    # GB18030 also decodes these Big5 bytes, into kana and private-use characters
    for text in ["朋友圈", "留守兒童", "營造氛圍", "資源"]:
        assert decode_bytes(text.encode("big5")) == (text, "big5")


def test_utf16_with_big_endian_bom(tmp_path):
    path = _write(tmp_path, "report.txt", b"\xfe\xff" + REPORT.encode("utf-16-be"))
    source = read_source(path)
    assert source.text == REPORT and source.encoding == "utf-16"


def test_encoding_override_wins_over_detection(tmp_path):
    data = REPORT.encode("gb18030")
    path = _write(tmp_path, "report.txt", data)
    assert read_source(path, encoding="GBK").encoding == "gbk"
    assert read_source(path, encoding="GBK").text == REPORT
    # latin-1 decodes anything: the override is obeyed even when it is wrong
    forced = read_source(path, encoding="latin-1")
    assert forced.encoding == "iso8859-1"
    assert forced.text == data.decode("latin-1")


def test_encoding_override_that_does_not_fit_is_undecodable(tmp_path):
    path = _write(tmp_path, "report.txt", REPORT.encode("gb18030"))
    with pytest.raises(BaseInputError) as info:
        read_source(path, encoding="utf-8")
    assert info.value.code == "undecodable"
    assert "report.txt" in str(info.value)


def test_unknown_encoding_name(tmp_path):
    path = _write(tmp_path, "report.txt", REPORT.encode())
    with pytest.raises(BaseInputError) as info:
        read_source(path, encoding="no-such-codec")
    assert info.value.code == "undecodable"


@pytest.mark.parametrize("name, data, code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n  ", "empty"),
    ("blank16.txt", "\n   \n".encode("utf-16"), "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
    ("controls.txt", bytes(range(1, 9)) * 200, "binary"),
    ("broken.txt", b"\xff\xfe\xff\xfe\x80\x80\xff" * 3 + "妇联".encode("utf-8"), "undecodable"),
    ("blank.html", b"<html><body><script>var n = 120;</script></body></html>", "empty"),
])
def test_bad_inputs_carry_a_code_and_name_the_file(tmp_path, name, data, code):
    path = _write(tmp_path, name, data)
    with pytest.raises(BaseInputError) as info:
        read_source(path)
    assert info.value.code == code, str(info.value)
    message = str(info.value)
    assert name in message and "\n" not in message


def test_undecodable_bytes(tmp_path):
    # Bytes that are neither UTF-8, GB18030 nor Big5
    data = REPORT.encode("utf-8")[:40] + b"\xff\xff\xff" + REPORT.encode("utf-8")[40:]
    path = _write(tmp_path, "mixed.txt", data)
    with pytest.raises(BaseInputError) as info:
        read_source(path)
    assert info.value.code in ("undecodable", "binary")


def test_utf8_cut_inside_the_last_character(tmp_path):
    data = REPORT.encode("utf-8") + "妇".encode("utf-8")[:2]
    source = read_source(_write(tmp_path, "cut.txt", data))
    assert source.encoding == "utf-8"
    assert source.text == REPORT + "\ufffd"


def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    with pytest.raises(BaseInputError) as info:
        read_source(path)
    assert info.value.code == "missing"
    assert "nope.txt" in str(info.value)


def test_directory_is_unreadable(tmp_path):
    with pytest.raises(BaseInputError) as info:
        read_source(str(tmp_path))
    assert info.value.code == "unreadable"


def test_input_error_is_the_shared_exit_code(tmp_path):
    from fuhe_cli.errors import ExitCode

    with pytest.raises(BaseInputError) as info:
        read_source(str(tmp_path / "nope.txt"))
    assert info.value.exit_code == ExitCode.INPUT


def test_stdin_is_read_as_bytes(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(REPORT.encode("gb18030")), encoding="latin-1")
    monkeypatch.setattr(sys, "stdin", fake)
    source = read_source("-")
    assert source.path == "-"
    assert source.text == REPORT
    assert source.encoding == "gb18030"


def test_line_endings_are_kept(tmp_path):
    path = _write(tmp_path, "crlf.txt", REPORT.replace("\n", "\r\n").encode())
    assert read_source(path).text == REPORT.replace("\n", "\r\n")


# --- paths -----------------------------------------------------------------------------------
def test_directories_recurse_sorted_and_filter_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["z.txt", "a.html", "b/c.md", "b/deep/d.htm", "b/x.docx", "b/y.pdf",
                 "notes.csv", "b/image.png", ".hidden/h.txt"]:
        (tmp_path / name).write_bytes(b"x")
    found = list(iter_input_paths([str(tmp_path)]))
    relative = [p[len(str(tmp_path)) + 1:] for p in found]
    assert relative == ["a.html", "b/c.md", "b/deep/d.htm", "b/x.docx", "b/y.pdf", "z.txt"]
    assert list(iter_input_paths([str(tmp_path)])) == found  # deterministic


def test_paths_keep_argument_order_stdin_and_missing(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "2.txt").write_text("x")
    (tmp_path / "d" / "1.txt").write_text("x")
    missing = str(tmp_path / "missing.txt")
    found = list(iter_input_paths([missing, "-", str(tmp_path / "d")]))
    assert found == [missing, "-", str(tmp_path / "d" / "1.txt"), str(tmp_path / "d" / "2.txt")]


# --- HTML ------------------------------------------------------------------------------------
HTML_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>某市妇联工作动态</title>
<style>.nav { width: 960px; } p { margin: 12px }</style>
<script type="text/javascript">var visits = 8848; document.write("<p>访问量 8848</p>");</script>
</head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻 2024</a></li></ul></div>
<nav>栏目导航 7777</nav>
<div class="breadcrumb">当前位置：首页 &gt; 工作动态</div>
<!-- 统计代码 6666 -->
<article>
<header><h1>市妇联召开年度工作会议</h1></header>
<p>会上通报，全市妇联系统全年开展家庭教育讲座&nbsp;1250场，受益家长9.8万人次。</p>
<p>培训农村妇女<b>4600</b>人</p><p>新增女性创业带头人&#x33;86名</p>
</article>
<div id="footer">版权所有 &copy; 2023 某市妇女联合会 电话 0000-12345678</div>
<footer>网站备案号 5555</footer>
</body>
</html>
"""


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_html_keeps_length_lines_and_offsets(tmp_path):
    path = _write(tmp_path, "news.html", HTML_PAGE.encode("utf-8"))
    source = read_source(path)
    assert source.kind == "html"
    assert len(source.text) == len(HTML_PAGE)
    assert source.text.count("\n") == HTML_PAGE.count("\n")
    for number in ["1250", "9.8万", "4600", "某市妇联工作动态"]:
        offset = source.text.index(number)
        assert HTML_PAGE[offset:offset + len(number)] == number
        assert _line_col(source.text, offset) == _line_col(HTML_PAGE, HTML_PAGE.index(number))


def test_html_drops_script_style_comments_and_navigation(tmp_path):
    path = _write(tmp_path, "news.htm", HTML_PAGE.encode("utf-8"))
    text = read_source(path).text
    for gone in ["8848", "960px", "首页", "栏目导航", "7777", "6666", "当前位置", "版权所有",
                 "5555", "12345678", "<p>", "charset", "新闻 2024"]:
        assert gone not in text, gone
    assert "市妇联召开年度工作会议" in text
    assert "培训农村妇女 " in text


def test_html_entities_are_decoded_in_place(tmp_path):
    text = html_to_text("<p>讲座&nbsp;1250场，带头人&#x33;86名，A&amp;B</p>")
    assert text.index("1250") == "<p>讲座&nbsp;1250场".index("1250")
    assert "讲座 " in text and "带头人3     86名" in text and "A&    B" in text


def test_html_blocks_on_one_line_get_a_clause_break():
    source = "<td>培训人数</td><td>4600</td>\n<p>创业带头人386名</p><p>覆盖率92%</p>"
    text = html_to_text(source)
    assert len(text) == len(source)
    assert text.split("\n")[1].replace(" ", "") == "创业带头人386名。覆盖率92%"
    assert text.split("\n")[0].replace(" ", "") == "培训人数。4600"
    # an inline tag does not break the clause
    assert html_to_text("<p>培训<b>4600</b>人</p>").replace(" ", "") == "培训4600人"


def test_html_sniffed_in_a_txt_file(tmp_path):
    path = _write(tmp_path, "saved.txt", HTML_PAGE.encode("gb18030"))
    source = read_source(path)
    assert source.kind == "html" and source.encoding == "gb18030"
    assert "8848" not in source.text and "1250" in source.text


_HTML_PIECES = ["<p>", "</p>", "<br/>", "<div class=\"nav\">", "</div>", "<nav>", "</nav>", "<!--", "-->",
                "<script>", "</script>", "&nbsp;", "&amp;", "&#x4e00;", "&bogus;", "<", ">", "\n", "\r\n",
                "妇联", "1,200", "3.5%", " ", "<td>", "</td>", "<a href='x>y'>", "</a>", "<style>", "</style>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=30).map("".join))
def test_html_blanking_never_moves_an_offset(source):
    text = html_to_text(source)
    assert len(text) == len(source)
    assert [i for i, ch in enumerate(text) if ch == "\n"] == [i for i, ch in enumerate(source) if ch == "\n"]
    for index, char in enumerate(text):
        if char.isdigit():
            assert source[index] == char or source[index] == "&"


def test_xml_prolog_and_legacy_word_files(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>妇女3200人</p></body></html>'
    assert read_source(_write(tmp_path, "page.txt", page.encode())).kind == "html"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
    with pytest.raises(BaseInputError) as info:
        read_source(_write(tmp_path, "old.doc", ole))
    assert info.value.code == "binary" and ".docx" in str(info.value)


def test_unclosed_comment_and_script_do_not_leak():
    text = html_to_text("<p>妇女3200人</p><!-- 未闭合 999")
    assert "999" not in text and "3200" in text
    text = html_to_text("<p>妇女3200人</p><script>var x = 999")
    assert "999" not in text


# --- docx and pdf ----------------------------------------------------------------------------
def test_docx_paragraph_n_is_line_n_and_tables_follow(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某区妇联2023年工作报告")
    document.add_paragraph("")
    document.add_paragraph("全年开展维权服务活动210场，接待来访妇女1560人次。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数值"
    table.cell(1, 0).text = "新建妇女之家"
    table.cell(1, 1).text = "35个"
    path = str(tmp_path / "report.docx")
    document.save(path)
    source = read_source(path)
    lines = source.text.split("\n")
    assert source.kind == "docx"
    assert lines[:3] == ["某区妇联2023年工作报告", "", "全年开展维权服务活动210场，接待来访妇女1560人次。"]
    assert lines[3:] == ["指标\t数值", "新建妇女之家\t35个"]
    assert source.line_labels == ["p1", "p2", "p3", "t1r1", "t1r2"]


def test_corrupt_docx_is_unreadable(tmp_path):
    pytest.importorskip("docx")
    path = _write(tmp_path, "broken.docx", b"PK\x03\x04 this is not a zip at all")
    with pytest.raises(BaseInputError) as info:
        read_source(path)
    assert info.value.code == "unreadable" and "broken.docx" in str(info.value)


def _tiny_pdf(lines_per_page: list[list[str]]) -> bytes:
    """A minimal PDF with an ASCII text layer (Helvetica), one page per list."""
    objects = []
    page_ids = []
    font_id = 3
    next_id = 4
    for lines in lines_per_page:
        stream = "BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        objects.append((content_id, f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream"))
        objects.append((page_id, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                 f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"))
        page_ids.append(page_id)
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects = [(1, "<< /Type /Catalog /Pages 2 0 R >>"),
               (2, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>"),
               (3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")] + objects
    objects.sort()
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number, body in objects:
        offsets[number] = len(out)
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for number, _ in objects:
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_layer_with_page_line_labels(tmp_path):
    pytest.importorskip("pypdf")
    path = _write(tmp_path, "report.pdf", _tiny_pdf([["Trained 4600 women", "Loans 1.3"], ["Homes 118"]]))
    source = read_source(path)
    assert source.kind == "pdf"
    lines = source.text.split("\n")
    assert len(lines) == len(source.line_labels)
    assert "4600" in lines[0] and "118" in lines[-1]
    assert source.line_labels[0] == "1:1" and source.line_labels[-1].startswith("2:")


def test_pdf_without_text_is_empty(tmp_path):
    pytest.importorskip("pypdf")
    path = _write(tmp_path, "scan.pdf", _tiny_pdf([[]]))
    with pytest.raises(BaseInputError) as info:
        read_source(path)
    assert info.value.code == "empty" and "scan.pdf" in str(info.value)


def test_source_text_contract():
    source = SourceText("a.txt", "x", "utf-8")
    assert source.kind == "txt" and source.line_labels is None


def test_directory_walk_skips_a_folders_readme(tmp_path):
    (tmp_path / "README.md").write_text("本目录收录各地妇联报告100篇。", encoding="utf-8")
    (tmp_path / "report.txt").write_text("开展宣讲120场。", encoding="utf-8")
    assert [Path(p).name for p in iter_input_paths([str(tmp_path)])] == ["report.txt"]
    # named explicitly, it is read like any file
    assert [Path(p).name for p in iter_input_paths([str(tmp_path / "README.md")])] == ["README.md"]


def test_fuheignore_skips_listed_folders_and_files(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.md").write_text("开展宣讲12场。", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "keep.txt").write_text("开展宣讲12场。", encoding="utf-8")
    (tmp_path / "sub" / "old-2019.txt").write_text("开展宣讲12场。", encoding="utf-8")
    (tmp_path / "sub" / ".fuheignore").write_text("*-2019.txt\n", encoding="utf-8")
    (tmp_path / ".fuheignore").write_text("# drafts are linted, not stored\ndrafts/\n", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_input_paths([str(tmp_path)])]
    assert found == ["sub/keep.txt"]
    # walking the ignored folder itself, or naming the file, still reads it
    assert [Path(p).name for p in iter_input_paths([str(tmp_path / "drafts")])] == ["draft.md"]


# --- stray NUL bytes -------------------------------------------------------------------------
STRAY_NUL_REPORT = "全市妇联2023年工作总结\n全年开展巾帼宣讲320场，覆盖群众4.5万人次。\n发放创业担保贷款1.2亿元。\n" * 5


def test_stray_nul_bytes_in_utf8_text_are_read_as_spaces_with_a_repair(tmp_path):
    from fuhe_cli.reading import read_source

    with_nuls = STRAY_NUL_REPORT.replace("覆盖", "\x00覆盖", 2).replace("发放", "发放\x00", 1)
    path = tmp_path / "exported.txt"
    path.write_bytes(with_nuls.encode("utf-8"))
    source = read_source(str(path))
    assert source.text == with_nuls.replace("\x00", " ") and source.encoding == "utf-8"
    assert source.repairs == ["3 stray NUL byte(s) read as spaces"]


def test_stray_nul_bytes_keep_every_fact_and_column(tmp_path):
    from fuhe_cli.extract import extract_path, extract_text

    with_nuls = STRAY_NUL_REPORT.replace("覆盖", "\x00覆盖", 3)
    path = tmp_path / "exported.txt"
    path.write_bytes(with_nuls.encode("utf-8"))
    document = extract_path(str(path))
    expected = extract_text(with_nuls.replace("\x00", " "), str(path))
    assert [(f.line, f.column, f.value) for f in document.facts] == [(f.line, f.column, f.value) for f in expected.facts]
    assert len(document.facts) >= 15


def test_stray_nul_bytes_are_named_on_stderr():
    import subprocess
    import sys

    data = STRAY_NUL_REPORT.replace("覆盖", "\x00覆盖", 1).encode("utf-8")
    result = subprocess.run([sys.executable, "-m", "fuhe_cli", "extract", "-", "--no-save", "--format", "jsonl"],
                            input=data, capture_output=True, timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0
    assert b"stray NUL byte(s) read as spaces" in result.stderr and result.stdout.count(b"\n") >= 15


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 64, "正文".encode() + b"\x00" * 40 + "正文".encode(),
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 400,
                                  STRAY_NUL_REPORT.encode() + b"\x00\x07"])
def test_real_binary_is_still_refused(tmp_path, data):
    from fuhe_cli.errors import InputError
    from fuhe_cli.reading import read_source

    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert caught.value.code == "binary"
