"""Normalise report text for the number grammar, keeping the way back.

`normalise(text)` returns a `Normalised` whose `text` is what the number grammar reads and
whose `to_original(i)` maps any index in it (including `len(text)`) back to the input text.
`repairs` lists every change with offsets in the ORIGINAL text, so `fuhe check` can point a
draft's author at a malformed figure.

Stages, cheapest first; each is skipped when it has nothing to do:

1. traditional → simplified (OpenCC t2s), only when a common traditional character occurs.
   OpenCC is applied per line and must keep the line's length; a line where it does not is
   converted character by character, so this stage never moves an offset.
2. width: full-width digits, letters and ％ become ASCII, full-width ．between digits
   becomes '.', and corner quotes 「」『』 become “”‘’.  Also length-preserving.  Letters are folded silently (ＧＤＰ is not a
   defect of a figure); digits, ％ and ． are recorded as fullwidth-digits or mixed-width.
   Years written in Chinese numerals (二〇二四年) become digits here too, character for character.
3. one regex pass for the length-changing or judgement repairs: converter noise (toned
   pinyin in brackets right after a CJK character), thousands separators, spaces inside a
   number, and the ideographic full stop used as a decimal point.

The 。 rule: "91。6%" and "31。2万" are decimals, but "培训120期。3月起……" is a sentence
end followed by a sentence that starts with a digit.  A 。 between digits is read as a
decimal point only when the digits after it (at most 4) are followed by a unit that a
fraction can carry (%, 万, 亿, 元, 倍, 个百分点, 公里 …) or by clause punctuation (，；）).
Digit-。-digit on its own is not enough: dates (3月), counters (3个) and list items (3、)
after a full stop are common in reports.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

_TRADITIONAL_HINTS = (
    "並亞佔來個們倫偉側傑備傳債傷傾僅僑僞價儀億儉優儲兒內兩冊凍凱別刪剄則剛創劃劇劉劍劑動務勝勞勢勳勵勸匯區協卻厭厲參吳呂員問"
    "啓啞喚單嗎嗚嘆嘯噴嚇國圍園圓圖團執堅報場塊塗墜墳墾壇壓壘壞壟壩壯壽夢夥奮婦媽嬰學實寧審寫寬將專尋對導屆層屬岡峯島崗帥師帶"
    "幗幟幫幹幾庫廚廠廣廳張強後徑從徵徹恆悶愛態慮慶憑應懷戰戶掃掙掛採揚換揮損搖撐擁擇擊擋擔據擠擬擴擺攏攜攝敗敘敵數斃斷於時晉"
    "暈暢暫曇曉曠曬書會東條棟楊業極榮構槍樂樓標樞樣樹橋機橫檔檢櫃欄權歐歡歷殘殺殼氣決沒況涼淚淨淪淵淺減測湊湯準溝溫溼滄滅滬滯"
    "滾滿漁漢漲漸漿潑潔潤澤濃濟濤濫濱濾瀏瀝灣災無煉煙煥煩熱燈燒營燦燭爍爐爛爭爲爺牽犧狀狹猶獨獲獵獸獻現瑣瑩瑪環產畢畫異當疇瘋"
    "療癢發皚監盤睜瞞矯確碼磚礎礦禍禮稅種稱積穎穩窮竅竊競筆節範築簡籌籠籤籮糧糾紀約紅紋納紐純紙級紛紡細紹終組結絕絞絡給統綁經"
    "綜綠維綱網綻綿緊緒線緣編緩練縣縮縱總績織繞繡繩繪繳繼續纖罰罵罷羅羣義習聖聞聯聰聲職聽肅脅脈脫脹腦腫腳腸膚膽臉臘臺與興舉舊"
    "艙艦艱莖華萊萬葉蓋蕩蕭薦藍藝藥蘆蘇蘊蘋蘭蘿處虛號蝕螞蟲蟻衆術衛衝裏補裝見規視親覺覽觀觸訂計訊討訓記訝訟訪設許訴診評詞詠詢"
    "試詩話該詳認誕誘語誠誤說誰課誼調談請論諱諸謀謂謙講謝謠謹證識譜譯議護譽讀變讓豐豬貓貝貞負財貢貧貨販貪貫責貴買貸費貼貿賀資"
    "賞賠賢賣賦質賴賺購賽贈贊贏趕趙趨踐蹤躍車軌軍軒軟較載輔輕輛輝輩輪輸輿轄轉轟辦辭辯農這連進遊運過達違遙遜遞遠適遲遷選遺遼邁"
    "還邊邏郵鄉鄧鄭鄰醞醫醬釋釘針釣鈴鉛鉤銀銅銘銜銷鋒鋪鋼錘錢錦錫錯鍋鍛鍵鍾鎖鎮鏈鏡鐵鑑鑰長門閃閉開閒間閘閥閱闖關闡陝陣陰陳陸"
    "陽隊階際隨險隱雖雙雛雜雞離難雲電霧靈靜鞏韓響頁頂項順須預頑頒頓頗領頭頻顆題額顏願類顧顯風飄飛飢飯飲飼飽飾餅養餘館饒馬駐駕"
    "駛騎騙騷驅驗驛驟髒體鬥鬧魚魯鮑鮮鳥鳳鳴鴨鴻鵝鵬鹽麗麼黃點黨齊齋齒齡龍"
)
_PINYIN_SYLLABLES = frozenset((
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca "
    "cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua "
    "chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den "
    "deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang "
    "fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang "
    "gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun "
    "huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken "
    "keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian "
    "liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men "
    "meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia "
    "nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei "
    "pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu "
    "quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se "
    "sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui "
    "shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting "
    "tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie "
    "xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za "
    "zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu "
    "zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo "
).split())


@dataclass
class Repair:
    start: int  # offsets in the ORIGINAL text
    end: int
    kind: str   # ideographic-decimal | mixed-width | fullwidth-digits | stray-space
    #             | pinyin-noise | separator | traditional


@dataclass
class Normalised:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    # Sparse offset map: from normalised index _breaks[k] on, original = index + _deltas[k].
    _breaks: list[int] = field(default_factory=lambda: [0], repr=False)
    _deltas: list[int] = field(default_factory=lambda: [0], repr=False)

    def to_original(self, index: int) -> int:
        """Index in the normalised text → index in the input text (index == len(text) works)."""
        if len(self._breaks) == 1:
            return index + self._deltas[0]
        return index + self._deltas[bisect_right(self._breaks, index) - 1]


# --- stage 1: traditional → simplified ----------------------------------------------------
_TRADITIONAL_RE = re.compile("[" + _TRADITIONAL_HINTS + "]")
_converter = None


def _t2s():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def _to_simplified(text: str, repairs: list[Repair]) -> str:
    if _TRADITIONAL_RE.search(text) is None:
        return text
    convert = _t2s().convert
    converted = convert(text)
    if converted == text:
        return text
    lines = text.split("\n")
    if len(converted) == len(text) and converted.count("\n") == len(lines) - 1:
        new_lines = converted.split("\n")
        if any(len(a) != len(b) for a, b in zip(lines, new_lines)):
            new_lines = [convert(line) for line in lines]
    else:
        new_lines = [convert(line) for line in lines]
    out = []
    offset = 0
    for old, new in zip(lines, new_lines):
        if old != new:
            if len(new) != len(old):
                # A phrase rule changed the length: fall back to characters, keeping offsets.
                chars = []
                for ch in old:
                    simple = convert(ch)
                    chars.append(simple if len(simple) == 1 else ch)
                new = "".join(chars)
            run_start = None
            for i, (a, b) in enumerate(zip(old, new)):
                if a != b:
                    if run_start is None:
                        run_start = i
                elif run_start is not None:
                    repairs.append(Repair(offset + run_start, offset + i, "traditional"))
                    run_start = None
            if run_start is not None:
                repairs.append(Repair(offset + run_start, offset + len(old), "traditional"))
        out.append(new)
        offset += len(old) + 1
    return "\n".join(out)


# --- stage 2: width -------------------------------------------------------------------------
_FULLWIDTH_TABLE = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_TABLE.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_TABLE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_TABLE[0xFF05] = _FULLWIDTH_TABLE[0xFE6A] = ord("%")  # ％ and small ﹪
# Big5-era small forms of clause punctuation (﹐﹑﹔﹕︰﹖﹗), which OpenCC leaves: folded here so
# every later stage splits clauses on the ordinary marks only.
_SMALL_PUNCTUATION = {"\ufe50": "，", "\ufe51": "、", "\ufe54": "；", "\ufe55": "：", "\ufe30": "：",
                      "\ufe56": "？", "\ufe57": "！"}
_FULLWIDTH_TABLE.update({ord(small): ord(mark) for small, mark in _SMALL_PUNCTUATION.items()})
# Corner quotes (「三八」期間, 『最美家庭』), the quotes of traditional and of some mainland pages: folded to
# the curly quotes every pattern reads.
_FULLWIDTH_TABLE.update({ord("「"): ord("“"), ord("」"): ord("”"), ord("『"): ord("‘"), ord("』"): ord("’")})
_FULLWIDTH_RE = re.compile("[\u300c-\u300f\ufe30\ufe50\ufe51\ufe54-\ufe57\ufe6a\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FW_POINT_RE = re.compile("(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")
_NUMBER_RUN_RE = re.compile(
    "[0-9\uff10-\uff19](?:[0-9\uff10-\uff19]|[.\uff0e,\uff0c](?=[0-9\uff10-\uff19]))*[%\uff05\ufe6a]?")
_FW_NUMBER_CHARS = re.compile("[\ufe6a\uff05\uff0e\uff10-\uff19]")
# Runs of characters to fold: str.translate looks every character of a non-ASCII text up in the
# table (70 ns a character), while a report holds a few hundred such characters in a million;
# the runs are found by one class scan in C and only they are translated.
_FULLWIDTH_RUN_RE = re.compile(_FULLWIDTH_RE.pattern + "+")
_ASCII_NUMBER_CHARS = re.compile("[0-9.%]")


def _fold_width(text: str, repairs: list[Repair]) -> str:
    if _FULLWIDTH_RE.search(text) is None:
        return text
    for match in _NUMBER_RUN_RE.finditer(text):
        run = match.group()
        if _FW_NUMBER_CHARS.search(run):
            kind = "mixed-width" if _ASCII_NUMBER_CHARS.search(run) else "fullwidth-digits"
            repairs.append(Repair(match.start(), match.end(), kind))
    text = _FW_POINT_RE.sub(".", text)
    return _FULLWIDTH_RUN_RE.sub(lambda run: run.group().translate(_FULLWIDTH_TABLE), text)


# Any character stage 1 or 2 would act on (their own first tests, in one pass).
_STAGES_1_2_RE = re.compile("[" + _TRADITIONAL_HINTS + _FULLWIDTH_RE.pattern[1:-1] + "]")


# --- stage 3: one pass for pinyin noise and number repairs ------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONE_STRIP = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
_SPACE = "[ \u00a0\u2009\u202f\u3000]"
_UNIT_AFTER_SPACE = "[%‰余多万亿千]"
_CJK = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_BRACKETED_LETTERS = "[A-Za-z\u00c0-\u024f\u0300-\u036f\u1e3f'’ ]{1,30}[)）]"
_NUMBER_NEEDS = f"[0-9.]*(?:[,，。]|{_SPACE}+)[0-9%‰余多万亿千]"
_REPAIR_RE = re.compile(
    # converter noise: 婦聯(lián) → the bracket right after a CJK character, letters only
    f"(?P<pinyin>(?<={_CJK})[(（]{_BRACKETED_LETTERS})"
    # Markdown bold in posts (**2.36万名**): the markers go, the figure stays
    "|(?P<markup>\\*\\*)"
    # a number with a separator, a 。, or a space inside or before its unit
    f"|(?P<number>(?<![0-9])(?={_NUMBER_NEEDS})"
    f"[0-9]+(?:(?:[,，。.]|{_SPACE}+)[0-9]+)*(?:{_SPACE}+(?={_UNIT_AFTER_SPACE}))?)"
)
_NUMBER_TOKEN_RE = re.compile(f"[0-9]+|[,，。.]|{_SPACE}+")
# What may follow the fraction of a decimal written with 。
_AFTER_DECIMAL_RE = re.compile(
    f"{_SPACE}*(?:[%‰万亿千百元倍，,；;）)]|个百分点|百分点|公里|千米|平方|米|吨|亩|公顷|岁|小时|美元)")


# Where a _REPAIR_RE match can start: a bracket, or the first digit of a run. re cannot skip
# ahead to them by itself (the pattern opens with lookbehinds), so this finds them in C, with
# one character class first so that re scans for it.  Each branch's own conditions are
# checked there too, so most brackets and runs are never handed to Python:
# - a bracket needs a CJK character before it and bracketed letters after it;
# - a digit run needs a separator, a 。 or a space (then a digit or unit) after its digits
#   and dots, checked from the run's end (the separator cannot lie inside the run).  A run
#   that fails is retried from its next digits and fails the same way; one that passes is
#   reported at its first digit.
_REPAIR_START_RE = re.compile(
    "[0-9(（*]"
    f"(?:(?<=[0-9])[0-9]*+(?={_NUMBER_NEEDS})|(?<={_CJK}[(（])(?={_BRACKETED_LETTERS})|(?<=\\*)(?=\\*))")


def matches_at(pattern: re.Pattern, starts: re.Pattern, text: str):
    """The matches of pattern.finditer(text), tried only where `starts` finds a candidate.

    re cannot skip ahead to where a pattern can start when it opens with a group or a
    lookbehind; a character-class scan in C finds those places, and the pattern is matched only
    there, resuming after each match as finditer does.
    """
    match_at = pattern.match
    resume = 0
    for start in starts.finditer(text):
        position = start.start()
        if position < resume:
            continue
        match = match_at(text, position)
        if match is not None:
            resume = match.end()
            yield match


def _pinyin_syllables(token: str) -> int | None:
    """Fewest pinyin syllables `token` splits into, or None if it is not pinyin."""
    n = len(token)
    best = [0] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and token[start:end] in _PINYIN_SYLLABLES:
                candidate = best[start] + 1
                if best[end] is None or candidate < best[end]:
                    best[end] = candidate
    return best[n]


def _is_pinyin_noise(bracketed: str) -> bool:
    content = unicodedata.normalize("NFC", bracketed[1:-1]).strip()
    tokens = re.split(r"[\s'’]+", content)
    if not content or not tokens:
        return False
    toned = any(ch in _TONED for ch in content)
    if toned:
        total = 0
        for token in tokens:
            count = _pinyin_syllables(token.lower().translate(_TONE_STRIP))
            if count is None:
                return False
            total += count
        return 1 <= total <= 3
    # Without tone marks only plainly pinyin content counts: lowercase, one syllable a token.
    if len(tokens) > 3:
        return False
    return all(token.islower() and len(token) >= 2 and token.replace("ü", "v") in _PINYIN_SYLLABLES
               for token in tokens)


def _repair_number(text: str, start: int, matched: str, repairs: list[Repair]):
    """Decide each separator of one number-like match: returns (drop, replace) position sets."""
    tokens = [(m.start() + start, m.group()) for m in _NUMBER_TOKEN_RE.finditer(matched)]
    end = start + len(matched)
    drop: list[int] = []
    replace: dict[int, str] = {}
    # groups[i] = (pos, digits); seps[i] = separator (pos, text) before groups[i] (None for 0)
    groups = []
    seps = []
    trailing = None
    pending = None
    for pos, tok in tokens:
        if tok[0].isdigit():
            groups.append((pos, tok))
            seps.append(pending)
            pending = None
        else:
            pending = (pos, tok)
    if pending is not None:
        trailing = pending  # spaces before a unit (the regex only keeps them then)

    count = len(groups)
    fresh = [True] * count      # group starts a new number
    fractional = [False] * count
    i = 1
    while i < count:
        sep_pos, sep = seps[i]
        if sep == ".":
            fresh[i] = False
            fractional[i] = True
            i += 1
            continue
        if sep == "。":
            digits_pos, digits = groups[i]
            after = digits_pos + len(digits)
            if (not fractional[i - 1] and len(digits) <= 4
                    and _AFTER_DECIMAL_RE.match(text, after)
                    and (i + 1 >= count or seps[i + 1][1] not in (".", "。"))):
                replace[sep_pos] = "."
                fresh[i] = False
                fractional[i] = True
                segment = _segment_start(groups, fresh, i)
                repairs.append(Repair(segment, after, "ideographic-decimal"))
            i += 1
            continue
        # , ， or a space: a run of the same separator, each followed by exactly 3 digits
        is_space = not sep[0] in ",，"
        j = i
        while j < count and seps[j][1] == sep and len(groups[j][1]) == 3:
            j += 1
        run_ok = (
            j > i
            and (j >= count or seps[j][1] != sep)          # the run is not cut short
            and fresh[i - 1] and 1 <= len(groups[i - 1][1]) <= 3
            and (not is_space or len(sep) == 1)
            and (j >= count or seps[j][1] in (".", "。") if sep != "，" else j >= count)
        )
        if run_ok and sep == "，" and end < len(text) and text[end].isdigit():
            run_ok = False
        if run_ok:
            for k in range(i, j):
                drop.extend(range(seps[k][0], seps[k][0] + len(seps[k][1])))
                fresh[k] = False
            first = groups[i - 1][0]
            last = groups[j - 1][0] + 3
            repairs.append(Repair(first, last, "stray-space" if is_space else "separator"))
            i = j
        else:
            i += 1
    if trailing is not None and end < len(text):
        pos, spaces = trailing
        drop.extend(range(pos, pos + len(spaces)))
        segment = _segment_start(groups, fresh, count - 1)
        repairs.append(Repair(segment, end + 1, "stray-space"))
    return drop, replace


def _segment_start(groups, fresh, index: int) -> int:
    while index > 0 and not fresh[index]:
        index -= 1
    return groups[index][0]


# Years written in Chinese numerals (二〇二四年, 一九九八年): read as digits by every later stage,
# character for character.
_NUMERAL_YEAR_RE = re.compile("(?:二[〇零○]|一九)[〇零○一二三四五六七八九]{2}(?=年)")
_NUMERAL_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _numeral_years(text: str, repairs: list[Repair]) -> str:
    if "二〇" not in text and "二零" not in text and "二○" not in text and "一九" not in text:
        return text
    pieces, position = [], 0
    for match in _NUMERAL_YEAR_RE.finditer(text):
        repairs.append(Repair(match.start(), match.end(), "numeral-year"))
        pieces += [text[position:match.start()], match.group().translate(_NUMERAL_YEAR_DIGITS)]
        position = match.end()
    return "".join(pieces) + text[position:] if pieces else text


def normalise(text: str) -> Normalised:
    """Normalise `text`; see the module docstring for what changes and why."""
    repairs: list[Repair] = []
    text_in = text
    if _STAGES_1_2_RE.search(text) is not None:  # one scan to rule both out (the usual case)
        text = _to_simplified(text, repairs)
        text = _fold_width(text, repairs)
    text = _numeral_years(text, repairs)

    pieces: list[str] = []
    breaks = [0]
    deltas = [0]
    position = 0       # in the (length-preserved) input
    out_length = 0     # in the output
    delta = 0
    for match in matches_at(_REPAIR_RE, _REPAIR_START_RE, text):
        start, end = match.span()
        if match.lastgroup == "pinyin":
            if not _is_pinyin_noise(match.group()):
                continue
            drop = list(range(start, end))
            replace: dict[int, str] = {}
            repairs.append(Repair(start, end, "pinyin-noise"))
        elif match.lastgroup == "markup":
            drop, replace = [start, start + 1], {}
            repairs.append(Repair(start, end, "markup"))
        else:
            drop, replace = _repair_number(text, start, match.group(), repairs)
            if not drop and not replace:
                continue
        pieces.append(text[position:start])
        out_length += start - position
        dropped = set(drop)
        for source in range(start, end):
            if source in dropped:
                continue
            pieces.append(replace.get(source, text[source]))
            if source - out_length != delta:
                delta = source - out_length
                breaks.append(out_length)
                deltas.append(delta)
            out_length += 1
        if end - out_length != delta:
            delta = end - out_length
            breaks.append(out_length)
            deltas.append(delta)
        position = end
    if len(pieces) > 0:
        pieces.append(text[position:])
        text = "".join(pieces)
    repairs.sort(key=lambda repair: (repair.start, repair.end, repair.kind))
    assert len(text) + delta == len(text_in)
    return _join_wrapped_lines(Normalised(text, repairs, breaks, deltas))


# --- stage 4: lines wrapped at a width ------------------------------------------------------
def _join_wrapped_lines(normalised: Normalised) -> Normalised:
    """Drop the line breaks inside sentences of a wrapped text (layout.wrapped_line_breaks: a PDF's
    text layer), with the page furniture between the halves, composing the offset map so that
    every index still maps to the file (a figure after a page break keeps its own line)."""
    from fuhe_cli.layout import wrapped_line_breaks

    text = normalised.text
    drops = wrapped_line_breaks(text)
    if not drops:
        return normalised
    old_breaks, old_deltas = normalised._breaks, normalised._deltas
    pieces: list[str] = []
    breaks: list[int] = []
    deltas: list[int] = []

    def mark(at: int, delta: int) -> None:
        if breaks and breaks[-1] == at:
            breaks.pop(), deltas.pop()
        if not deltas or deltas[-1] != delta:
            breaks.append(at)
            deltas.append(delta)

    position = out_length = 0
    for start, end in [*drops, (len(text), len(text))]:
        # text[position:start] is kept: from out_length on, index + shift is its place in `text`
        shift = position - out_length
        k = bisect_right(old_breaks, position) - 1
        mark(out_length, shift + old_deltas[k])
        for k in range(k + 1, len(old_breaks)):
            if old_breaks[k] > start or old_breaks[k] == start < len(text):
                break   # (a break at the very end stays: trailing noise dropped before this stage)
            mark(old_breaks[k] - shift, shift + old_deltas[k])
        pieces.append(text[position:start])
        out_length += start - position
        position = end
    return Normalised("".join(pieces), normalised.repairs, breaks, deltas)
