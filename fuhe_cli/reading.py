"""Read report files: bytes -> text, with the encoding detected and reported.

- `iter_input_paths(args)` expands files, directories (recursively: .txt .htm .html .md
  .docx .pdf) and '-' (stdin), in sorted order; a missing path is yielded as given so the
  reader reports it.
- `read_source(path, encoding=None)` returns a `SourceText` or raises `InputError` whose
  `.code` is one of missing | unreadable | empty | binary | undecodable | unsupported.

Encodings.  Detection is deliberately conservative: a BOM decides (utf-8-sig, utf-16,
utf-32); otherwise strict UTF-8; otherwise GB18030 and Big5 (cp950 / big5hkscs as
supersets) are both tried and, when both decode, the one whose characters are more often
common report characters wins.  charset-normalizer misjudges short Chinese texts, so it is
only asked when none of those decode.  `encoding=` overrides detection.  The reported
name is the lowercase Python codec name ("utf-8", "utf-8-sig", "gb18030", "big5", ...).

Line numbers and offsets.  For text and HTML, `SourceText.text` has exactly the length and
the newlines of the decoded file (line endings are kept as they are), so an offset, line or
column in the text is the one in the file.  HTML markup is blanked, not removed: tags,
comments, <script>/<style> and navigation or boilerplate containers (<nav>, <footer>,
<header> outside an <article>, and elements whose class or id says nav/menu/breadcrumb/
footer/copyright/sidebar) become spaces, newlines kept; entities (&nbsp; &amp; &#x4e00;)
are decoded in place and padded with spaces to their original length.  Where two blocks
(<p>, <div>, <li>, <td>, <br>, <h1>…) share one source line, the '<' of the tag between
them becomes "。", so the number grammar sees a clause break without moving a line.

For .docx, line n of the text is paragraph n of the document (breaks inside a paragraph
become spaces); after the paragraphs comes one line per table row, cells separated by a tab
so a row's label stays on the line with its figure.  `line_labels` names them "p3" and
"t1r2".  For .pdf, each page's text layer is split into lines, and `line_labels` names
each line "page:line".
"""
from __future__ import annotations

import codecs
import fnmatch
import html
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import Iterator

from fuhe_cli.errors import InputError as _BaseInputError

INPUT_SUFFIXES = (".txt", ".htm", ".html", ".md", ".docx", ".pdf")
HTML_SUFFIXES = (".htm", ".html")


class InputError(_BaseInputError):
    """An input that could not be read; `code` says why (missing, empty, binary, ...)."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


@dataclass
class SourceText:
    path: str
    text: str
    encoding: str
    kind: str = "txt"  # txt | html | md | docx | pdf
    # For formats whose "line" is not a text line (docx paragraphs, pdf page:line),
    # line_labels[i] names line i+1; None means plain 1-based line numbers.
    line_labels: list[str] | None = field(default=None)
    repairs: list[str] = field(default_factory=list)   # what reading had to repair, for a warning


# --- paths ----------------------------------------------------------------------------------
# A folder's own documentation is not a report: skipped when walking directories (not when named).
NOT_REPORTS = ("readme", "license", "licence", "changelog", "contributing")


IGNORE_FILE = ".fuheignore"


def _ignore_patterns(directory: str) -> list[str]:
    """Glob patterns from a directory's .fuheignore (one per line, '#' comments, 'name/' = folder)."""
    try:
        with open(os.path.join(directory, IGNORE_FILE), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _ignored(relative: str, is_dir: bool, patterns: list[tuple[str, list[str]]]) -> bool:
    for base, globs in patterns:
        if not relative.startswith(base):
            continue
        rest = relative[len(base):]
        for glob in globs:
            if glob.endswith("/"):
                if is_dir and fnmatch.fnmatch(rest, glob.rstrip("/")):
                    return True
            elif fnmatch.fnmatch(rest, glob) or fnmatch.fnmatch(os.path.basename(rest), glob):
                return True
    return False


def iter_input_paths(args: list[str]) -> Iterator[str]:
    """Files as given, directories walked recursively (sorted), '-' for stdin.

    Walking a directory skips hidden files and folders, README/LICENSE/CHANGELOG files, and
    whatever a `.fuheignore` in a walked folder lists (globs relative to that folder; `drafts/`
    for a folder). A file named on the command line is always read.
    """
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            found = []
            patterns: list[tuple[str, list[str]]] = []
            for root, dirs, files in os.walk(arg):
                relative_root = os.path.relpath(root, arg)
                prefix = "" if relative_root == "." else relative_root.replace(os.sep, "/") + "/"
                own = _ignore_patterns(root)
                if own:
                    patterns.append((prefix, own))
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not _ignored(prefix + d, True, patterns))
                for name in files:
                    if (name.lower().endswith(INPUT_SUFFIXES) and not name.startswith(".")
                            and not name.lower().startswith(NOT_REPORTS)
                            and not _ignored(prefix + name, False, patterns)):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield arg


# --- reading ---------------------------------------------------------------------------------
def read_source(path: str, encoding: str | None = None, *, stdin_name: str | None = None) -> SourceText:
    """Read one input into a `SourceText`; raise `InputError` with a `.code` if it cannot be.

    `stdin_name` is what '-' is called from then on (its suffix picks the format, as a file's
    would): `--stdin-name`, so reports and CI annotations point at the real file.
    """
    if path == "-" and stdin_name:
        data = _read_bytes(path, stdin_name)
        path = stdin_name
    else:
        data = _read_bytes(path)
    # isspace() rather than strip(): no copy of a large file just to test it
    if not data or data.isspace():
        raise InputError(f"{path}: empty file", code="empty")
    lower = path.lower()
    if data.startswith(b"%PDF-") or (lower.endswith(".pdf") and encoding is None):
        return _read_pdf(path, data)
    if lower.endswith(".docx") or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]):
        return _read_docx(path, data)

    repairs: list[str] = []
    text, used = decode_bytes(data, path, encoding, repairs)
    del data  # a large report should not be held twice
    if not text or text.isspace():
        raise InputError(f"{path}: empty file (only whitespace)", code="empty")
    if lower.endswith(HTML_SUFFIXES) or (not lower.endswith(".md") and looks_like_html(text)):
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{path}: no text outside the HTML markup", code="empty")
        return SourceText(path, text, used, "html", repairs=repairs)
    kind = "md" if lower.endswith(".md") else "txt"
    return SourceText(path, text, used, kind, repairs=repairs)


def _read_bytes(path: str, stdin_name: str = "-") -> bytes:
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except (OSError, AttributeError) as exc:
            raise InputError(f"{stdin_name}: cannot read standard input ({exc})", code="unreadable") from exc
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file", code="missing")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory", code="unreadable")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # a FIFO or device would block or never end
            raise InputError(f"{path}: not a regular file", code="unreadable")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"{path}: cannot read ({reason})", code="unreadable") from exc


# --- decoding --------------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc .xls .ppt
# Control characters that do not occur in text (tab, newlines, form feed are fine).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# The 1,200 most frequent characters of a general Chinese word list (weighted by word
# frequency) plus a few of federation reports; their traditional forms are added on first
# use.  Used only to choose between two decodings that both succeed.
_COMMON_SIMPLIFIED = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部"
    "能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山"
    "水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向"
    "治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首"
    "共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增"
    "历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔让拉思根格造较际亲单朝红"
    "型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源"
    "息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚"
    "般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗"
    "章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏"
    "敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎"
    "讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某"
    "顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆"
    "补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳"
    "屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横"
    "驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦"
    "殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损"
    "巾帼扶覆"
)
_common_chars: frozenset | None = None


def _common() -> frozenset:
    global _common_chars
    if _common_chars is None:
        chars = set(_COMMON_SIMPLIFIED)
        try:
            import opencc

            chars.update(opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED))
        except Exception:  # detection still works on the simplified set
            pass
        _common_chars = frozenset(chars)
    return _common_chars


def _chinese_score(text: str) -> float:
    """How much `text` reads like Chinese prose: frequent characters up, mojibake down."""
    common = _common()
    total = 0
    score = 0.0
    for ch in text[:20000]:
        if ch <= "\x7f":
            continue
        total += 1
        if ch in common:
            score += 1
        elif "\u4e00" <= ch <= "\u9fff":
            pass
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u2027":
            score += 0.5
        else:  # private use, kana, box drawing, compatibility or rare ideographs: mis-decoding
            score -= 1
    return score / total if total else 0.0


def _normalise_encoding_name(name: str) -> str:
    try:
        return codecs.lookup(name).name.replace("_", "-").lower()
    except LookupError:
        return name.lower()


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


# Stray NUL bytes (left by some exporters) in text that is UTF-8 otherwise: at most 1 byte in 100.
STRAY_NUL_SHARE = 0.01


def decode_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None,
                 repairs: list[str] | None = None) -> tuple[str, str]:
    """Decode `data`, detecting the encoding unless given; returns (text, encoding name).
    What had to be repaired to read it is appended to `repairs`."""
    if encoding:
        name = _normalise_encoding_name(encoding)
        try:
            codecs.lookup(name)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}", code="undecodable") from None
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {name} (bad byte at offset {exc.start})",
                             code="undecodable") from None
        _check_not_binary(text, path)
        return text, name

    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: {name} byte-order mark but bad bytes at offset {exc.start}",
                                 code="undecodable") from None

    if b"\x00" in data:
        utf16 = _looks_like_utf16_without_bom(data)
        if utf16:
            try:
                text = data.decode(utf16)
                if not _CONTROL_RE.search(text[:4000]):
                    return text, utf16
            except UnicodeDecodeError:
                pass
        nuls = data.count(0)
        if nuls <= len(data) * STRAY_NUL_SHARE and not data.startswith(_OLE_MAGIC):
            # NUL -> space: one character for one, so every offset, line and column stays
            try:
                text = data.replace(b"\x00", b" ").decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if not _CONTROL_RE.search(text):
                    if repairs is not None:
                        repairs.append(f"{nuls} stray NUL byte(s) read as spaces")
                    return text, "utf-8"
        hint = " (a legacy Office file: save it as .docx)" if data.startswith(_OLE_MAGIC) else ""
        raise InputError(f"{path}: binary file (contains NUL bytes){hint}", code="binary")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
        if exc.reason == "unexpected end of data" and len(data) - exc.start < 4:
            # A download cut inside the last character: keep the rest, mark the cut with U+FFFD.
            try:
                text = data[:exc.start].decode("utf-8") + "\ufffd"
            except UnicodeDecodeError:
                pass
            else:
                _check_not_binary(text, path)
                return text, "utf-8"
    else:
        if _TWO_BYTE_UTF8_ONLY_RE.match(text):
            # Short GBK text can be valid UTF-8 by accident ("实施" -> "ʵʩ"): Chinese wins if it reads.
            chinese = _best_chinese_decoding(data)
            if chinese is not None and _chinese_score(chinese[0]) >= 0.5:
                text, name = chinese
                _check_not_binary(text, path)
                return text, name
        _check_not_binary(text, path)
        return text, "utf-8"

    chinese = _best_chinese_decoding(data)
    if chinese is not None:
        text, name = chinese
        _check_not_binary(text, path)
        return text, name

    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        text, name = guessed
        _check_not_binary(text, path)
        return text, name
    raise InputError(f"{path}: cannot decode: not UTF-8 (bad byte at offset {utf8_error}), GB18030 "
                     "or Big5; pass --encoding", code="undecodable")


# Non-ASCII text made only of U+0080..U+07FF (Latin, IPA, Greek, Cyrillic): no Chinese in it.
_TWO_BYTE_UTF8_ONLY_RE = re.compile("\\A[\\x00-\\u07ff]*[\\x80-\\u07ff][\\x00-\\u07ff]*\\Z")


def _best_chinese_decoding(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5 (or a Big5 superset), whichever decodes and reads better."""
    candidates = []
    for names in (("gb18030",), ("big5", "cp950", "big5hkscs")):
        for name in names:
            try:
                candidates.append((data.decode(name), name))
                break
            except UnicodeDecodeError:
                continue
    if not candidates:
        return None
    if len(candidates) == 2:
        # stable: on a tie GB18030 (mainland reports) stays first
        candidates.sort(key=lambda pair: -_chinese_score(pair[0]))
    return candidates[0]


# charset-normalizer's answers worth taking for Chinese reports: Unicode and the CJK multibyte
# encodings (GB18030 and Big5 have already been tried strictly by then).
_GUESSES_TRUSTED = ("utf-16", "utf-32", "utf-8", "hz", "iso2022", "euc", "shift-jis", "cp932", "cp949",
                    "johab", "big5hkscs", "gb2312", "gbk")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    name = _normalise_encoding_name(best.encoding)
    if not name.startswith(_GUESSES_TRUSTED):
        return None  # a single-byte guess for a report that is not UTF-8 or GB/Big5 is mojibake
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return None


def _check_not_binary(text: str, path: str) -> None:
    sample = text[:8192]
    if not sample:
        return
    controls = len(_CONTROL_RE.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 20):
        raise InputError(f"{path}: binary file (control characters)", code="binary")


# --- HTML ------------------------------------------------------------------------------------
_HTML_SNIFF_RE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                            re.IGNORECASE | re.DOTALL)
_HTML_TAG_COUNT_RE = re.compile(r"</?(?:p|div|span|br|table|td|a)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if _HTML_SNIFF_RE.match(head):
        return True
    return len(_HTML_TAG_COUNT_RE.findall(head)) >= 5


_NOT_NEWLINE_RE = re.compile(r"[^\r\n]")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?\]\]>", re.DOTALL)
_RAWTEXT_RE = re.compile(r"<(script|style|noscript|template|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)",
                         re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<![^>]*>|<\?[^>]*>")
_ATTR_RE = re.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_BOILERPLATE_NAME_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navi|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|footer|foot|"
    r"copyright|sidebar|topbar|dqwz|weizhi|daohang)(?:$|[\s_\d-])", re.IGNORECASE)
_BOILERPLATE_TAGS = {"nav", "footer", "aside"}
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "br", "tr", "td", "th", "table", "section", "article",
               "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "blockquote", "hr", "header",
               "footer", "main", "center", "pre", "title", "form"}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
              "wbr", "param", "track"}
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SENTENCE_END = set("。！？；：，、.!?;:,")


def _blank(match: re.Match) -> str:
    return _NOT_NEWLINE_RE.sub(" ", match.group())


def _entity(match: re.Match) -> str:
    raw = match.group()
    value = html.unescape(raw)
    if value == raw or len(value) > len(raw):
        return raw
    value = value.replace("\u00a0", " ")
    return value + " " * (len(raw) - len(value))


# fuhe's own comments (`<!-- fuhe-ignore: out-of-range -->`) stay in the text, as in Markdown, so
# `fuhe check` reads them in HTML drafts too.
FUHE_COMMENT_RE = re.compile(r"<!--\s*fuhe\s*[-:][^\n]*?-->")


def html_to_text(source: str) -> str:
    """Blank HTML markup to spaces, keeping every newline and offset of `source` (and fuhe's
    own comments, see FUHE_COMMENT_RE)."""
    text = _blank_markup(source)
    if "fuhe" not in source:
        return text
    directives = list(FUHE_COMMENT_RE.finditer(source))
    if not directives:
        return text
    pieces, position = [], 0
    for directive in directives:   # same length back at the same offsets
        pieces += [text[position:directive.start()], directive.group()]
        position = directive.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _blank_markup(source: str) -> str:
    text = _COMMENT_RE.sub(_blank, source)
    text = _RAWTEXT_RE.sub(_blank, text)

    tags = list(_TAG_RE.finditer(text))
    spans: list[tuple[int, int]] = []       # boilerplate element spans to blank
    boundaries: list[int] = []              # '<' of block tags: candidate clause breaks
    article_depth = 0
    index = 0
    while index < len(tags):
        tag = tags[index]
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if name in _BLOCK_TAGS:
            boundaries.append(tag.start())
        if name in ("article", "main"):
            article_depth += -1 if closing else 1
        if not closing and name and name not in _VOID_TAGS and _is_boilerplate(name, tag.group(3) or "",
                                                                              article_depth):
            end_index = _matching_close(tags, index, name)
            if end_index is not None:
                spans.append((tag.start(), tags[end_index].end()))
                index = end_index + 1
                continue
        index += 1

    if spans or tags:
        pieces = []
        position = 0
        for start, end in spans:
            pieces.append(text[position:start])
            pieces.append(_NOT_NEWLINE_RE.sub(" ", text[start:end]))
            position = end
        pieces.append(text[position:])
        text = "".join(pieces)
        text = _TAG_RE.sub(_blank, text)
    text = _ENTITY_RE.sub(_entity, text)
    return _mark_block_breaks(text, boundaries)


def _is_boilerplate(name: str, attributes: str, article_depth: int) -> bool:
    if name in _BOILERPLATE_TAGS:
        return True
    if name == "header" and article_depth <= 0:
        return True
    for match in _ATTR_RE.finditer(attributes):
        value = match.group(1) or match.group(2) or match.group(3) or ""
        if _BOILERPLATE_NAME_RE.search(value):
            return True
    return False


def _matching_close(tags: list[re.Match], index: int, name: str) -> int | None:
    depth = 0
    for position in range(index, len(tags)):
        tag = tags[position]
        if (tag.group(2) or "").lower() != name:
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return position
    return None


def _mark_block_breaks(text: str, boundaries: list[int]) -> str:
    """Put 。 at a block tag's '<' when text stands on both sides of it on the same line."""
    marks = []
    for position in boundaries:
        if text[position] != " ":
            continue  # inside a blanked region it is already a space; anything else: leave it
        left = position - 1
        while left >= 0 and text[left] in " \t\u3000":
            left -= 1
        if left < 0 or text[left] in "\r\n" or text[left] in _SENTENCE_END:
            continue
        if marks and marks[-1] > left:
            continue  # the previous block tag already broke this gap
        right = position + 1
        length = len(text)
        while right < length and text[right] in " \t\u3000":
            right += 1
        if right >= length or text[right] in "\r\n":
            continue
        marks.append(position)
    if not marks:
        return text
    chars = list(text)
    for position in marks:
        chars[position] = "。"
    return "".join(chars)


# --- docx and pdf ----------------------------------------------------------------------------
def _read_docx(path: str, data: bytes) -> SourceText:
    try:
        import docx
    except ImportError:
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)",
                         code="unsupported") from None
    import io

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(f"{path}: not a readable .docx ({exc.__class__.__name__})",
                         code="unreadable") from None
    lines: list[str] = []
    labels: list[str] = []
    for number, paragraph in enumerate(document.paragraphs, 1):
        lines.append(_one_line(paragraph.text))
        labels.append(f"p{number}")
    for table_number, table in enumerate(document.tables, 1):
        for row_number, row in enumerate(table.rows, 1):
            cells: list[str] = []
            previous = None
            for cell in row.cells:
                if cell._tc is previous:  # a merged cell repeats itself
                    continue
                previous = cell._tc
                cells.append(_one_line(cell.text).replace("\t", " "))
            lines.append("\t".join(cells))
            labels.append(f"t{table_number}r{row_number}")
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{path}: empty document (no paragraph or table text)", code="empty")
    return SourceText(path, text, "utf-8", "docx", labels)


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\v", " ")


def _read_pdf(path: str, data: bytes) -> SourceText:
    try:
        import pypdf
    except ImportError:
        raise InputError(f"{path}: reading .pdf needs pypdf (pip install pypdf)",
                         code="unsupported") from None
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise InputError(f"{path}: not a readable .pdf ({exc.__class__.__name__})",
                         code="unreadable") from None
    lines: list[str] = []
    labels: list[str] = []
    for page_number, page_text in enumerate(pages, 1):
        for line_number, line in enumerate(page_text.splitlines(), 1):
            lines.append(line)
            labels.append(f"{page_number}:{line_number}")
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{path}: no text layer (a scanned PDF needs OCR first)", code="empty")
    return SourceText(path, text, "pdf", "pdf", labels)
