"""Gazetteer of China's administrative divisions: resolve names, pinyin and codes; find mentions.

The data file (fuhe_cli/data/gazetteer.tsv) is generated at development time by
scripts/build_gazetteer.py; at run time it is parsed once, lazily, with the standard library.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from fuhe_cli.errors import UsageError
from fuhe_cli.models import Region

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
LEVEL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "州", "盟", "旗")
PINYIN_SUFFIXES = ("zizhiqu", "zizhizhou", "zizhixian", "diqu", "sheng", "shi", "xian", "qu", "zhou", "meng", "qi")
# Which Chinese suffix a pinyin suffix stands for, to narrow candidates ("taizhoushi").
PINYIN_SUFFIX_HANZI = {"zizhiqu": "自治区", "zizhizhou": "州", "zizhixian": "县", "diqu": "地区",
                       "sheng": "省", "shi": "市", "xian": "县", "qu": "区", "zhou": "州",
                       "meng": "盟", "qi": "旗"}
# 陕西 is spelt shaanxi by convention, but toneless pinyin "shanxi" is 山西 and 陕西 alike: ambiguous.
EXTRA_ALIASES = {"hongkong": "810000", "macau": "820000", "macao": "820000",
                 "shanxi": "610000", "shanxisheng": "610000"}
# Full names that are generic words in running text (城区 of 长治/晋城/阳泉, 郊区, 矿区).
GENERIC_FULL_NAMES = frozenset({"城区", "郊区", "矿区"})
APOSTROPHES = "'’‘`"
# A Han character: the word a short name is part of may go on before it.
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Customary abbreviations of banners used in Inner Mongolian reports and official press
# (科右前旗 for 科尔沁右翼前旗): names in their own right, for resolving and in running text.
# A place name followed by these words names a body that is not the division (新疆生产建设兵团).
NOT_A_DIVISION_AFTER = ("生产建设兵团",)
# A short name followed by these names a town, street or estate called so (兴隆镇, 永丰路), not the division.
BELOW_A_DIVISION_AFTER = ("镇", "乡", "街道", "村", "路", "街", "社区", "大道", "小区")

ABBREVIATIONS = {
    "科右前旗": "152221", "科右中旗": "152222", "科左中旗": "150521", "科左后旗": "150522",
    "察右前旗": "150926", "察右中旗": "150927", "察右后旗": "150928",
    "土左旗": "150121", "土右旗": "150221", "达茂旗": "150223", "达茂联合旗": "150223",
    "莫旗": "150722", "鄂温克旗": "150724", "鄂伦春旗": "150723",
    "阿左旗": "152921", "阿右旗": "152922", "东乌旗": "152525", "西乌旗": "152526",
    "新左旗": "150726", "新右旗": "150727", "陈旗": "150725",
    "乌前旗": "150823", "乌中旗": "150824", "乌后旗": "150825",
}


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    level: str
    parent: str
    name: str
    short: str
    short_pinyin: str
    full_pinyin: str
    common: bool       # the short name is also an ordinary word (中山, 和平, 合作)


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which makes the
# tens of thousands a large text yields three times dearer to build. Nothing changes one.
@dataclass(slots=True)
class Mention:
    start: int
    end: int
    region: Region
    candidates: tuple[Region, ...] = field(default=())   # all readings when the name is ambiguous
    short: bool = False                                   # matched by a short name (四川, 萧山)


def _plain_pinyin(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch not in APOSTROPHES and ch not in " -_.")


def _exact_pinyin(text: str) -> str:
    return "".join("'" if ch in APOSTROPHES else ch for ch in text.lower() if ch not in " -_.")


class MentionFinding:
    """The places a text names, on word boundaries and with the evidence a word-like name needs;
    mixed into `Gazetteer`, whose tables it reads."""

    # -- mentions in running text -----------------------------------------------------------
    def _surface_forms(self) -> dict[str, list[tuple[str, bool]]]:
        """surface string -> [(code, is_short)]; built on first use."""
        if self._surface is None:
            forms: dict[str, list[tuple[str, bool]]] = {}
            for entry in self._entries.values():
                if entry.name not in GENERIC_FULL_NAMES:
                    forms.setdefault(entry.name, []).append((entry.code, False))
                if entry.short != entry.name and len(entry.short) >= 2:
                    forms.setdefault(entry.short, []).append((entry.code, True))
                    for suffix in ("自治州", "自治县", "自治旗"):
                        if entry.name.endswith(suffix):   # 甘孜州, 恩施州, 积石山县
                            forms.setdefault(entry.short + suffix[-1], []).append((entry.code, False))
            for abbreviation, code in ABBREVIATIONS.items():
                if code in self._entries:
                    forms.setdefault(abbreviation, []).append((code, False))
            forms = {form: codes for form, codes in forms.items() if len(form) >= 2}
            self._surface = forms
            # Names are looked up only where two characters start one (about 1 position in 70 of
            # report text); a character-class regex finds the likely positions in C first and
            # returns the two characters there (findall: strings, not a match object per hit).
            lengths: dict[str, set[int]] = {}
            for form in forms:
                lengths.setdefault(form[:2], set()).add(len(form))
            self._lengths = {head: sorted(found, reverse=True) for head, found in lengths.items()}
            firsts = "".join(sorted({form[0] for form in forms}))
            seconds = "".join(sorted({form[1] for form in forms}))
            self._heads = re.compile(f"(?=([{re.escape(firsts)}][{re.escape(seconds)}]))")
        return self._surface

    def may_name_at(self, text: str, index: int) -> bool:
        """False when no place name starts at text[index] (its first two characters begin none)."""
        self._surface_forms()
        return text[index:index + 2] in self._lengths

    def find_mentions(self, text: str, context: Region | None = None) -> list[Mention]:
        """Places named in `text`, leftmost-longest, without overlaps.

        Short names that are ordinary words (中山, 和平, 合作) count only next to 妇联 or a level
        word, after 发自, or right after a parent's name (广东中山). Ambiguous names prefer a
        reading inside `context`, then inside the place named just before, then the higher level.
        """
        forms = self._surface if self._surface is not None else self._surface_forms()
        lengths_of = self._lengths
        mentions: list[Mention] = []
        n = len(text)
        resume = 0                      # the end of the last mention: no overlaps
        # The likely heads come in text order, so the next occurrence of one that begins a name,
        # from just past the last such head, is where it stands (any occurrence before would
        # have been a head of its own).
        after_last = 0
        for head in self._heads.findall(text):
            lengths = lengths_of.get(head)
            if lengths is None:
                continue                # most hits of the character classes begin no name
            i = text.find(head, after_last)
            after_last = i + 1
            if i < resume:
                continue
            for length in lengths:
                if i + length > n:
                    continue
                form = text[i:i + length]
                if form in forms:
                    mention = self._mention(text, i, i + length, form, mentions, context)
                    if mention is not None:
                        if mentions and mentions[-1].end == i and mentions[-1].short \
                                and not self.is_within(mention.region, mentions[-1].region) \
                                and not self.is_within(mentions[-1].region, mention.region):
                            mentions.pop()  # 龙城太原, 鹿城包头: a city's epithet before its name, not a place
                        mentions.append(mention)
                        resume = i + length
                    break
        return mentions

    # Enough characters either side of a name for the words that could straddle its edges.
    BOUNDARY_WINDOW = 4

    def _on_word_boundaries(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] starts and ends at word boundaries (jieba, on a window around
        it; answers are kept per window, so a name repeated in the same words costs one cut)."""
        low = max(0, start - self.BOUNDARY_WINDOW)
        window = text[low:end + self.BOUNDARY_WINDOW]
        cuts = self._cuts.get(window)
        if cuts is None:
            from fuhe_cli import words

            if len(self._cuts) > 50_000:
                self._cuts.clear()
            cuts = self._cuts[window] = frozenset(accumulate(map(len, words.split(window)), initial=0))
        return start - low in cuts and end - low in cuts

    def _reading(self, form: str) -> tuple[list[Region], bool, bool]:
        """(regions, is_short, common) of a surface form: full names win over short ones."""
        reading = self._readings.get(form)
        if reading is None:
            hits = self._surface_forms()[form]
            full = [code for code, is_short in hits if not is_short]
            codes = full or [code for code, _ in hits]
            reading = self._readings[form] = ([self.get(code) for code in codes], not full,
                                              any(self._entries[c].common for c in codes))
        return reading

    def _mention(self, text, start, end, form, previous, context) -> Mention | None:
        regions, is_short, common = self._readings.get(form) or self._reading(form)
        if text.startswith(NOT_A_DIVISION_AFTER, end):
            return None     # 新疆生产建设兵团 is no part of 新疆维吾尔自治区's administration
        before = previous[-1] if previous and previous[-1].end == start else None
        if is_short:
            after = text[end:end + 2]
            suffixed = after.startswith(("妇联", "市", "省", "县", "区", "州"))
            if text.startswith(BELOW_A_DIVISION_AFTER, end):
                return None     # 兴隆镇, 永丰路街道: a town or a street of that name, not the county
            # A parent's name just before it (山东惠民) is evidence; a neighbour's (蕉城公安) is not.
            parented = before is not None and any(self.is_within(r, before.region) for r in regions)
            anchored = suffixed or text[max(0, start - 2):start] == "发自" or parented
            if common and not anchored:
                return None
            if common and after.startswith("妇联") and not parented and start > 0 and _HAN.match(text, start - 1):
                return None     # 在新领域新建妇联组织17个: a verb before 妇联, not 新建区's federation
                #                 (a word-like name's own federation opens its clause: 惠民妇联举办…)
            if not suffixed and not self._on_word_boundaries(text, start, end):
                return None     # 搭建平台 holds 建平, 惠民生 holds 惠民: parts of other words
        chosen = regions[0] if len(regions) == 1 else self._pick(regions, before.region if before else None, context)
        if chosen is None:
            return None
        return Mention(start, end, chosen, tuple(regions) if len(regions) > 1 else (), is_short)

    def _pick(self, regions: list[Region], before: Region | None, context: Region | None) -> Region | None:
        if len(regions) == 1:
            return regions[0]
        for anchor in (before, context):
            if anchor is None:
                continue
            inside = [r for r in regions if self.is_within(r, anchor)]
            if len(inside) == 1:
                return inside[0]
            containing = [r for r in regions if self.is_within(anchor, r)]
            if len(containing) == 1:
                return containing[0]
        ranks = sorted(LEVEL_RANK[r.level] for r in regions)
        if ranks[0] < ranks[1]:
            return min(regions, key=lambda r: LEVEL_RANK[r.level])
        return None


class Gazetteer(MentionFinding):
    def __init__(self, entries: list[Entry]):
        self._entries = {entry.code: entry for entry in entries}
        self._regions: dict[str, Region] = {}
        self._children: dict[str, list[str]] = {}
        self._by_name: dict[str, list[str]] = {}
        self._by_short: dict[str, list[str]] = {}
        self._by_pinyin: dict[str, list[str]] = {}        # without apostrophes
        self._by_pinyin_exact: dict[str, list[str]] = {}  # with apostrophes (xi'an)
        for entry in entries:
            self._children.setdefault(entry.parent, []).append(entry.code)
            self._by_name.setdefault(entry.name, []).append(entry.code)
            if entry.short != entry.name:
                self._by_short.setdefault(entry.short, []).append(entry.code)
            for key in {entry.short_pinyin, entry.full_pinyin}:
                self._by_pinyin_exact.setdefault(key, []).append(entry.code)
                self._by_pinyin.setdefault(key.replace("'", ""), []).append(entry.code)
        for abbreviation, code in ABBREVIATIONS.items():
            if code in self._entries:
                self._by_short.setdefault(abbreviation, []).append(code)
        for alias, code in EXTRA_ALIASES.items():
            self._by_pinyin_exact.setdefault(alias, []).append(code)
            self._by_pinyin.setdefault(alias, []).append(code)
        self._surface: dict[str, list[tuple[str, bool]]] | None = None
        self._readings: dict[str, tuple[list[Region], bool, bool]] = {}
        self._cuts: dict[str, frozenset[int]] = {}      # window -> its word boundaries

    # -- lookups --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return (self.get(code) for code in self._entries)

    def entry(self, code: str) -> Entry | None:
        return self._entries.get(code)

    def get(self, code: str) -> Region | None:
        code = str(code).strip()
        if len(code) == 12 and code.isdigit() and code.endswith("000000"):
            code = code[:6]      # statistical 12-digit codes
        region = self._regions.get(code)
        if region is None:
            entry = self._entries.get(code)
            if entry is None:
                return None
            region = self._regions[code] = Region(code=entry.code, name=entry.name, level=entry.level)
        return region

    def parent(self, region: Region) -> Region | None:
        entry = self._entries.get(region.code)
        return self.get(entry.parent) if entry and entry.parent else None

    def children(self, region: Region) -> list[Region]:
        return [self.get(code) for code in self._children.get(region.code, [])]

    def chain(self, region: Region) -> list[Region]:
        """Province .. region, top down."""
        out = [region]
        while (parent := self.parent(out[-1])) is not None:
            out.append(parent)
        return out[::-1]

    def is_within(self, region: Region, ancestor: Region) -> bool:
        """True when `region` is `ancestor` or lies inside it."""
        code = region.code
        while code:
            if code == ancestor.code:
                return True
            entry = self._entries.get(code)
            code = entry.parent if entry else ""
        return False

    def short_name(self, region: Region) -> str:
        entry = self._entries.get(region.code)
        return entry.short if entry else region.name

    def describe(self, region: Region) -> str:
        """台州市 (331000, 浙江省) — a candidate as shown in error messages."""
        parents = [r.name for r in self.chain(region)[:-1]]
        where = "/".join(parents) if parents else region.level
        return f"{region.name} ({region.code}, {where})"

    # -- resolve ---------------------------------------------------------------------------
    def resolve(self, query: str) -> Region:
        """One region for a code, Chinese full or short name, or pinyin; UsageError otherwise."""
        text = str(query).strip()
        if not text:
            raise UsageError("empty region name")
        if text.isdigit():
            region = self.get(text)
            if region is None:
                raise UsageError(f"no region has the code {text!r} (codes are six digits, e.g. 510000)")
            return region
        codes = self._candidates(text)
        if not codes:
            codes = self._qualified_candidates(text)
        if not codes and (city := xpcc_city(text)) is not None:
            return self.get(city)
        if not codes:
            raise UsageError(self._unknown_message(text))
        return self._choose(text, codes)

    def candidates(self, query: str) -> list[Region]:
        """Every region a name could mean (no tie-breaking)."""
        text = str(query).strip()
        if text.isdigit():
            region = self.get(text)
            return [region] if region else []
        codes = self._candidates(text) or self._qualified_candidates(text)
        return [self.get(code) for code in codes]

    def _candidates(self, text: str) -> list[str]:
        if re.search(r"[\u3400-\u9fff]", text):
            return self._hanzi_candidates(text)
        return self._pinyin_candidates(text)

    def _hanzi_candidates(self, text: str) -> list[str]:
        if text in self._by_name:
            return list(self._by_name[text])
        if text in self._by_short:
            return list(self._by_short[text])
        for suffix in LEVEL_SUFFIXES:      # 甘孜州, 积石山县, 广西省 (a common slip)
            stem = text[: -len(suffix)]
            if text.endswith(suffix) and stem in self._by_short:
                codes = self._by_short[stem]
                narrowed = [c for c in codes if self._entries[c].name.endswith(suffix)]
                return list(narrowed or codes)
        return []

    def _pinyin_candidates(self, text: str) -> list[str]:
        # The spelling as typed first (guanxian is 冠县, not gu'an xian), then without apostrophes.
        attempts = [(self._by_pinyin_exact, _exact_pinyin(text))]
        if "'" not in attempts[0][1]:
            attempts.append((self._by_pinyin, _plain_pinyin(text)))
        for index, key in attempts:
            if key in index:
                return list(dict.fromkeys(index[key]))
        for index, key in attempts:
            for suffix in PINYIN_SUFFIXES:
                stem = key[: -len(suffix)].rstrip("'")
                if key.endswith(suffix) and stem in index:
                    codes = list(dict.fromkeys(index[stem]))
                    hanzi = PINYIN_SUFFIX_HANZI[suffix]
                    narrowed = [c for c in codes if self._entries[c].name.endswith(hanzi)]
                    return narrowed or codes
        return []

    def _qualified_candidates(self, text: str) -> list[str]:
        """北京朝阳区, 浙江台州, 长春市朝阳区: a parent name followed by a child name."""
        if not re.search(r"[\u3400-\u9fff]", text):
            return []
        for cut in range(2, len(text) - 1):
            head, tail = text[:cut], text[cut:]
            parents = self._hanzi_candidates(head)
            if not parents:
                continue
            children = self._hanzi_candidates(tail) or self._qualified_candidates(tail)
            inside = [c for c in children
                      if any(self.is_within(self.get(c), self.get(p)) for p in parents if p != c)]
            if inside:
                return inside
        return []

    def _choose(self, query: str, codes: list[str]) -> Region:
        regions = [self.get(code) for code in dict.fromkeys(codes)]
        if len(regions) == 1:
            return regions[0]
        ranks = sorted(LEVEL_RANK[r.level] for r in regions)
        # One candidate above a field of counties (西安市 vs two 西安区, 甘孜州 vs 甘孜县) wins;
        # a province against a prefecture of the same name (海南, 吉林) stays ambiguous.
        if ranks[0] < ranks[1] and ranks[1] == LEVEL_RANK["county"]:
            chosen = min(regions, key=lambda r: LEVEL_RANK[r.level])
            others = "; ".join(self.describe(r) for r in regions if r != chosen)
            _note(f"{query!r} taken as {self.describe(chosen)}; also: {others}")
            return chosen
        listing = "; ".join(self.describe(r) for r in regions)
        raise UsageError(f"{query!r} is ambiguous: {listing}. "
                         "Give the code, or qualify it with the parent (e.g. 浙江台州, 北京朝阳区)")

    def _unknown_message(self, text: str) -> str:
        keys = [*self._by_name, *self._by_short] if re.search(r"[\u3400-\u9fff]", text) \
            else [*self._by_pinyin_exact]
        target = text if re.search(r"[\u3400-\u9fff]", text) else _exact_pinyin(text)
        close = difflib.get_close_matches(target, keys, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"unknown region {text!r}{hint}"



def _note(message: str) -> None:
    from fuhe_cli import console

    console.note(f"fuhe: note: {message}")


def _parse(text: str, wordlike: frozenset[str] = frozenset()) -> list[Entry]:
    entries = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, level, parent, name, short, short_py, full_py, flags = line.split("\t")
        common = "common" in flags or (short in wordlike and short != name)
        entries.append(Entry(code, level, parent, name, short, short_py, full_py, common))
    return entries


@lru_cache(maxsize=1)
def wordlike_names() -> frozenset[str]:
    """Short names that are everyday words (fuhe_cli/data/wordlike_places.txt)."""
    data = resources.files("fuhe_cli").joinpath("data", "wordlike_places.txt").read_text(encoding="utf-8")
    return frozenset(word for line in data.splitlines() for word in line.split("#", 1)[0].split())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, parsed on first use and cached."""
    data = resources.files("fuhe_cli").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    return Gazetteer(_parse(data, wordlike_names()))


def resolve(query: str) -> Region:
    return gazetteer().resolve(query)


# --- 新疆生产建设兵团 (XPCC) ---------------------------------------------------------------------
XPCC = "新疆生产建设兵团"
_XPCC_NAMES = (XPCC, "新疆兵团", "兵团", "xpcc")
_XPCC_DIVISION = re.compile(r"(?:新疆生产建设兵团|新疆兵团|兵团)?(?:第|农)?([一二三四五六七八九十]{1,3})师(.*)")


@lru_cache(maxsize=1)
def xpcc_divisions() -> dict[str, tuple[str, str]]:
    """第八师 -> (659001, 石河子市): the XPCC's divisions and the city each is one with (师市合一),
    from fuhe_cli/data/xpcc.tsv; ("", "") for a division without a city."""
    data = resources.files("fuhe_cli").joinpath("data", "xpcc.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]
    return {division: (code, city) for division, code, city in rows}


def xpcc_division_of(code: str) -> str | None:
    """The XPCC division a city is one with: 659001 -> 新疆生产建设兵团第八师."""
    return next((f"{XPCC}{division}" for division, (city_code, _) in xpcc_divisions().items()
                 if city_code == code), None)


def xpcc_city(query: str) -> str | None:
    """The code of the city an XPCC division is one with (第八师, 兵团第八师, 农八师, 第八师石河子市);
    None when the query names no division.  UsageError for the corps itself or a division
    without a city: neither is one region."""
    text = query.strip()
    divisions = xpcc_divisions()
    if text.lower() in _XPCC_NAMES:
        listed = ", ".join(f"{division} {city} ({code})" if code else f"{division} (no city)"
                           for division, (code, city) in divisions.items())
        raise UsageError(f"{XPCC} is not one region: name one of its divisions or cities: {listed}")
    match = _XPCC_DIVISION.fullmatch(text)
    if match is None:
        return None
    division = f"第{match.group(1)}师"
    if division not in divisions:
        return None
    code, city = divisions[division]
    rest = match.group(2)
    if rest and rest not in (city, city.removesuffix("市")):
        return None
    if not code:
        raise UsageError(f"{XPCC}{division} has no city of its own (师市合一 covers 12 of its 14 divisions), "
                         "so no region code")
    return code
