"""The label of a figure no rule names: the noun phrase it counts, never a fragment.

"建成1623个儿童友好社区" is 儿童友好社区 (the words after the measure word, up to the verb of the
clause), "新建机关妇委会13个" is 机关妇委会 (the words before the figure, after its verb), and
"对全区10678名城镇贫困妇女进行调查" is 城镇贫困妇女, not "对全区". The cuts are tables of words
(verbs that open or close a counted noun) and jieba's part-of-speech tags (prepositions,
conjunctions and adverbs end a noun phrase), so a label sits on word boundaries — and never inside
a quoted name: a label cut short after a name's opening quote starts past its closing one
("…“巾帼创业园”今年孵化女性企业38家" is 孵化女性企业, not ”今年孵化女性企业).
"""
from __future__ import annotations

import regex

PHRASE_CHARS = 10
_LEADING = ("其中", "目前", "全年", "共计", "累计", "先后", "已经", "共有", "共", "已", "还", "并", "同时", "今年",
            "全市", "全省", "全区", "全县", "全镇", "各级", "各类", "通过", "积极", "组织", "开展", "举办", "建立",
            "建成", "实现")
_TRAILING = ("达到", "超过", "共计", "累计", "总计", "合计", "约为", "达", "超", "逾", "近", "约", "共", "计", "为",
             "有", "的", "了", "和", "及", "等", "在", "以")
# Verbs after which the counted noun begins ("我县注册|女性社团", "全镇已转移|农村劳动力").
_OPENING_VERBS = ("新建", "新增", "建成", "建立", "组建", "成立", "打造", "培育", "创建", "确定", "注册", "转移", "吸纳",
                  "评选出", "评选", "评出", "选树", "推荐", "表彰", "涌现出", "涌现", "发布", "采用", "编发", "收到",
                  "登记", "摸排", "排查出", "认定", "命名", "挂牌", "设立", "开设", "开办", "培养", "招募", "帮助",
                  "带动", "走访", "对接", "覆盖", "拥有", "现有", "共有")
# Verbs that end a counted noun written after the figure ("730名贫困患者|进行了免费救治").
_CLOSING_VERBS = ("进行", "参加", "参与", "获得", "获评", "荣获", "获", "被", "实现", "完成", "开展", "提供", "发放",
                  "得到", "受益", "进驻", "亮相", "入选", "接受", "用于", "纳入", "加入", "走上", "达到", "分享",
                  "签订", "签约", "参训", "到场", "出席", "报名", "申请", "通过", "领取", "享受", "成为", "共同", "分别")
# Part-of-speech tags that end a noun phrase: prepositions, conjunctions, adverbs, particles.
_CLOSING_TAGS = ("p", "c", "d", "u", "m", "q", "r")
_LIST_MARK = regex.compile(r"[、和及与]")
_ANY_DIGIT = regex.compile(r"\d")
_NOUN_END = regex.compile(r"[，,。；;：:！!？?、\n\d]")
_TRIM_CHARS = " \t\u3000“”\"'‘’《》()（）、"


def context_phrase(text: str, quantity, clause_start: int, clause_end: int) -> str:
    """A short phrase saying what an unnamed figure counts: the noun after its measure word when
    one follows, else the words before it (after their verb), else its unit."""
    after = counted_after(text, quantity.end, clause_end)
    if after:
        return after
    before = _counted_before(text, max(clause_start, quantity.start - 24), quantity.start)
    return before or (quantity.unit or "")


def counted_after(text: str, start: int, clause_end: int) -> str:
    """The noun phrase right after the measure word ("1623个|儿童友好社区"), up to a verb that
    closes it; "" when the figure is not followed by a noun."""
    from fuhe_cli import words

    position = start
    while position < clause_end and text[position] in "的“”\"「『":
        position += 1
    if position >= clause_end or not "\u4e00" <= text[position] <= "\u9fff":
        return ""
    end = _NOUN_END.search(text, position, min(clause_end, position + 16))
    span = text[position:end.start() if end else min(clause_end, position + 16)]
    kept = ""
    for word, tag in words.tagged(span):
        if word.startswith(_CLOSING_VERBS) or (kept and tag.startswith(_CLOSING_TAGS)) or word in "“”\"」』":
            break
        if len(kept) + len(word) > PHRASE_CHARS:
            break
        kept += word
    kept = _trim(kept)
    return kept if len(kept) >= 2 else ""


def _counted_before(text: str, start: int, end: int) -> str:
    """The noun phrase before the figure: the last item of a list, after its last opening verb
    and its last 的, trimmed of adverbs and linking words."""
    from fuhe_cli import words

    before = _trim(text[start:end].split()[-1] if text[start:end].split() else "")
    if not before:
        return ""
    last_item = _trim(_LIST_MARK.split(before)[-1])
    if len(last_item) < 2 or _ANY_DIGIT.search(last_item):
        return _from_word(words.tail(before, PHRASE_CHARS))
    share = last_item.find("占")
    if share >= 2 and not last_item.startswith(("占比", "占有")):
        return words.tail(_trim(last_item[:share]), PHRASE_CHARS - 2) + "占比"   # 女党员占党员总数的27.9%
    cut = max((last_item.rfind(verb) + len(verb) for verb in _OPENING_VERBS if verb in last_item), default=0)
    if len(last_item) - cut >= 2:
        last_item = last_item[cut:]
    if "的" in last_item[:-2]:
        last_item = last_item[last_item.rindex("的", 0, len(last_item) - 2) + 1:]
    return _from_word(words.tail(_trim(last_item), PHRASE_CHARS))


_CLOSING_QUOTES = regex.compile(r"^[^“‘「『]*?[”’」』]+")


def _from_word(phrase: str) -> str:
    """`phrase` (the tail of a longer one) starting at a word, not inside a quoted name: what the
    cut kept of a name whose opening quote it left out goes, with its closing quote mark, and the
    words _trim drops after it ("”今年孵化女性企业", "园”今年孵化女性企业" -> 孵化女性企业)."""
    stray = _CLOSING_QUOTES.match(phrase)
    if stray is None:
        return phrase
    rest = _trim(phrase[stray.end():])
    return rest if len(rest) >= 2 else phrase


def _trim(phrase: str) -> str:
    phrase = phrase.strip(_TRIM_CHARS)
    changed = True
    while changed and phrase:
        changed = False
        # One C-level test of all the words first: a loop that matches none changes nothing.
        if phrase.endswith(_TRAILING):
            for word in _TRAILING:
                if phrase.endswith(word) and len(phrase) > len(word):
                    phrase, changed = phrase[: -len(word)], True
        if phrase.startswith(_LEADING):
            for word in _LEADING:
                if phrase.startswith(word) and len(phrase) > len(word) + 1:
                    phrase, changed = phrase[len(word):], True
        phrase = phrase.strip(_TRIM_CHARS)
    return phrase
