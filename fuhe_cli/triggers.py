"""Finding rules' trigger words and regexes in a text, fast: classification asks for the hits in a
clause many times (as a figure's own clause, as the clause carried to the next figure, as a
heading), so they are found once per span and kept for one pass over a text.
"""
from __future__ import annotations

import math
import re
import warnings
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from re import _constants as _sre, _parser as _sre_parse

import regex

from fuhe_cli.rulefile import Rule, compile_user_regex, shipped_rules_dir

REGEX_TIMEOUT = 0.05         # seconds per user-regex call: a catastrophic pattern cannot hang a run
# The shipped rules' patterns are tested and run without a timeout: a search cut short on a busy
# machine would drop a hit, and the same file would give other facts under load.
# Spans whose hits are kept while classification walks a text's figures in order.
CACHE_LIMIT = 256
# Quote marks a trigger word is matched across (see TriggerIndex._word_hits and vetoed).
_QUOTE_MARK = re.compile("[“”「」『』\"‘’]")
_QUOTE_RUN = re.compile("[“”「」『』\"‘’]+")


@dataclass
class CompiledRule:
    """A rule, ready for matching: what `RuleSet._best` reads for every hit."""

    rule: Rule
    order: int
    units: frozenset
    trigger_regex: object | None
    exclude_words: tuple[str, ...]
    exclude_regexes: tuple
    low: float
    high: float
    # Copied from rule.triggers / rule.priority: _best reads them for every hit.
    within: int = 0
    side: str = "both"
    carry: bool = True
    priority: int = 0
    context: tuple[str, ...] = ()     # rule.refines.context
    # one search for any of rule.triggers.any (None: it has none): does a span hold one of them
    words_search: object | None = None
    timeout: float | None = REGEX_TIMEOUT   # per regex call; None for a shipped rule


def compile_rule(rule: Rule, order: int) -> CompiledRule:
    low = rule.range.min if rule.range and rule.range.min is not None else -math.inf
    high = rule.range.max if rule.range and rule.range.max is not None else math.inf
    return CompiledRule(
        rule=rule, order=order, units=frozenset(rule.accepted_units),
        trigger_regex=compile_user_regex(rule.triggers.regex) if rule.triggers.regex else None,
        exclude_words=tuple(word for ex in rule.exclude for word in ex.words),
        exclude_regexes=tuple(compile_user_regex(ex.regex) for ex in rule.exclude if ex.regex),
        low=low, high=high, within=rule.triggers.within, side=rule.triggers.side,
        carry=rule.triggers.carry, priority=rule.priority,
        context=tuple(rule.refines.context) if rule.refines else (),
        words_search=re.compile("|".join(re.escape(word) for word in sorted(set(rule.triggers.any), key=len, reverse=True)))
        if rule.triggers.any else None,
        timeout=None if _is_shipped(rule) else REGEX_TIMEOUT)


def _is_shipped(rule: Rule) -> bool:
    return bool(rule.source) and shipped_rules_dir() in Path(rule.source).resolve().parents


# Constructs whose meaning depends on the pattern standing alone: group numbers (backreferences),
# global inline flags, and \G / \K, which tie a match to where its search starts or move the
# start it reports (the joined search tells where the first match of any rule starts, and the
# rules' own scans start there). Patterns with them are not joined into one alternation.
_NOT_JOINABLE = regex.compile(r"\\[1-9]|\\g|\\[GK]|\(\?P=|\(\?[a-zA-Z]+\)|\(\?\||\(\?[(R0-9&+-]")


def combined_search(patterns: list):
    """One pattern that matches wherever any of `patterns` does (None when they cannot be joined)."""
    if not patterns or any(_NOT_JOINABLE.search(pattern.pattern) for pattern in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), regex.V0)
    except regex.error:
        return None


# The strings a trigger regex's matches open with (opening_strings): at most this many, of sets
# of at most _MAX_SET characters; a pattern with regex-only syntax or flags gets none.
_OPENING_CHARS = 2
_MAX_OPENINGS = 256
_MAX_SET = 64
# syntax the `regex` module reads otherwise than `re` (fuzzy {e<=1}, nested sets and their
# operations, POSIX classes): such patterns are not read with `re`'s parser
_REGEX_ONLY = re.compile(r"\{(?!\d*(?:,\d*)?\})|\[\[|\[:|&&|--|\|\||~~")


class _NotKnown(Exception):
    pass


def opening_strings(pattern: str, chars: int = _OPENING_CHARS) -> tuple[str, ...] | None:
    """Strings of at most `chars` characters one of which every match of `pattern` opens with
    (爱心[\u4e00-\u9fff]{1,3}包: 爱心), or None when no such set is known: a match may open with any
    character, the pattern can match nothing, uses syntax or flags of the `regex` module only, or
    the set grows too large. Lookarounds and anchors are passed over (they consume nothing), so
    the set is a necessary condition, never more: a span holding none of the strings holds no match."""
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & ~_sre.SRE_FLAG_UNICODE:
            return None
        found = _openings(list(parsed), chars)
    except (_NotKnown, re.error, Warning, RecursionError, OverflowError):
        return None
    strings = {string for string, _ in found}
    return None if "" in strings else tuple(sorted(strings))


def _openings(items: list, chars: int) -> set[tuple[str, bool]]:
    """(opening, whole) pairs of a sequence of parsed items: each match opens with one of the
    openings, and `whole` says that the opening is all of the sequence's match (read on into what
    follows) rather than its first characters only."""
    current = {("", True)}
    for op, av in items:
        if all(not whole or len(string) >= chars for string, whole in current):
            break
        element = _item_openings(op, av, chars)
        joined = set()
        for string, whole in current:
            if not whole or len(string) >= chars:
                joined.add((string[:chars], False))
                continue
            for more, more_whole in element:
                longer = string + more
                joined.add((longer[:chars], False) if len(longer) >= chars else (longer, more_whole))
        if len(joined) > _MAX_OPENINGS:
            raise _NotKnown
        current = joined
    return current


def _item_openings(op, av, chars: int) -> set[tuple[str, bool]]:
    if op is _sre.LITERAL:
        return {(chr(av), True)}
    if op is _sre.IN:
        found = set()
        for set_op, set_av in av:
            if set_op is _sre.LITERAL:
                found.add(chr(set_av))
            elif set_op is _sre.RANGE and set_av[1] - set_av[0] < _MAX_SET:
                found.update(map(chr, range(set_av[0], set_av[1] + 1)))
            else:
                return {("", False)}    # a negated set, a category, a wide range: any character
            if len(found) > _MAX_SET:
                return {("", False)}
        return {(char, True) for char in found}
    if op is _sre.ANY or op is _sre.NOT_LITERAL:
        return {("", False)}
    if op is _sre.ASSERT or op is _sre.ASSERT_NOT or op is _sre.AT:
        return {("", True)}             # consumes nothing
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _NotKnown
        return _openings(list(sub), chars)
    if op is _sre.ATOMIC_GROUP:
        return _openings(list(av), chars)
    if op is _sre.BRANCH:
        found = set()
        for branch in av[1]:
            found |= _openings(list(branch), chars)
        return found
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT or op is _sre.POSSESSIVE_REPEAT:
        low, high, sub = av
        top = min(high, max(low, chars))
        found = set()
        for count in range(low, top + 1):
            found |= _openings(list(sub) * count, chars) if count else {("", True)}
        if high > top:      # more copies may follow the last one counted
            found = {(string, whole and len(string) >= chars) for string, whole in found}
        return found
    raise _NotKnown         # backreferences, conditionals …: no openings known


def openings_search(patterns: list):
    """A `re` search for the strings any match of `patterns` opens with (opening_strings), or None
    when some pattern has none known."""
    strings: set[str] = set()
    for pattern in patterns:
        found = opening_strings(pattern.pattern)
        if found is None:
            return None
        strings.update(found)
    if not strings:
        return None
    # a string that opens with another of the set adds nothing (比 covers 比0)
    strings = {string for string in strings if not any(string[:n] in strings for n in range(1, len(string)))}
    return re.compile("|".join(re.escape(string) for string in sorted(strings, key=len, reverse=True)))


class TriggerIndex:
    """Every trigger word and regex of a rule list, and the hits found in the spans of the text
    being read. A hit is (position, end, rule order)."""

    def __init__(self, compiled: list[CompiledRule]):
        self._compiled = compiled
        self._words: dict[str, list[int]] = {}       # trigger word -> orders of its rules
        self._regex_rules: list[CompiledRule] = []
        for item in compiled:
            for word in dict.fromkeys(item.rule.triggers.any):
                self._words.setdefault(word, []).append(item.order)
            if item.trigger_regex is not None:
                self._regex_rules.append(item)
        # Only positions whose character starts some trigger word are worth a look-up, and there
        # only the lengths of the words that begin with the same two characters (one-character
        # words are looked up apart, see _word_hits).
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        self._lengths = {head: sorted(found, reverse=True) for head, found in lengths.items()}
        self._one_char = {word for word in self._words if len(word) == 1}
        # the characters that follow each other in some trigger word (see _joined_across_quotes)
        self._pairs = frozenset(word[i:i + 2] for word in self._words for i in range(len(word) - 1))
        initials = "".join(sorted({word[0] for word in self._words}))
        seconds = "".join(sorted({word[1] for word in self._words if len(word) > 1}))
        # The pattern returns the (up to) two characters at each such position: findall makes
        # strings, not a match object per hit.
        if not initials:
            self._heads = None
        elif self._one_char or not seconds:
            self._heads = re.compile(f"(?=([{re.escape(initials)}](?s:.)?))")
        else:
            self._heads = re.compile(f"(?=([{re.escape(initials)}][{re.escape(seconds)}]))")
        # The trigger regexes that can name a figure of a given unit, and all of them joined
        # into one search (built at first use).
        self._regex_groups: dict[str, tuple[int, tuple[CompiledRule, ...], object | None]] = {}
        self._hits_cache: tuple[str | None, dict] = (None, {})
        self._hits_from = 0

    def start_figure(self, position: int) -> None:
        """Called for each figure of a pass over a text (figures in order): a figure before the last
        one starts a new pass, which finds the hits afresh. Only the spans near the last figures
        are asked about again, so a few hundred are kept, not a whole text's (fewer objects for
        the garbage collector to count and scan)."""
        if position < self._hits_from or len(self._hits_cache[1]) > CACHE_LIMIT:
            self._hits_cache = (None, {})
        self._hits_from = position

    def hits(self, text: str, start: int, end: int, regex_group=None) -> tuple:
        """The trigger hits in text[start:end], found once per span of a text: a clause is scanned
        as a figure's own, again as the clause carried to the next figure, and a heading once per
        figure. Word hits and the hits of each group of trigger regexes are kept apart, so a span
        is searched only with the regexes that can name the figures read against it.

        A hit is (position, end, rule order): tuples of ints only, which the garbage collector
        stops tracking, so a text's tens of thousands of kept hits do not make its full
        collections (tens of ms over a large heap) more frequent."""
        cached_text, found = self._hits_cache
        if cached_text is not text:
            found = {}
            self._hits_cache = (text, found)
        key = (start, end)
        hits = found.get(key)
        if hits is None:
            hits = found[key] = self._word_hits(text, start, end)
        regex_hits = self._cached_regex_hits(text, start, end, regex_group)
        return hits + regex_hits if regex_hits else hits

    def _cached_regex_hits(self, text: str, start: int, end: int, regex_group) -> tuple:
        """The group's regex hits in text[start:end], read once per span."""
        if regex_group is None or not regex_group[1]:
            return ()
        found = self._hits_cache[1]
        key = (start, end, regex_group[0])
        regex_hits = found.get(key)
        if regex_hits is None:
            regex_hits = found[key] = self._regex_hits(text, start, end, regex_group)
        return regex_hits

    def hits_before(self, text: str, start: int, end: int, cut: int, regex_group=None) -> tuple:
        """The trigger hits in text[start:cut], a shorter span opening where text[start:end] does,
        whose hits are read anyway (the list of examples before a figure, in its clause): its word
        hits are the longer span's that end by `cut` — the same words, since a quote run joins
        two characters of a word in the shorter span only if it does in the longer —, its regex
        hits its own (a pattern may read the end of its span)."""
        word_hits = self.hits(text, start, end)
        hits = tuple([hit for hit in word_hits if hit[1] <= cut])
        regex_hits = self._cached_regex_hits(text, start, cut, regex_group)
        return hits + regex_hits if regex_hits else hits

    def _word_hits(self, text: str, start: int, end: int) -> tuple:
        """(position, end, rule order) for every trigger word in text[start:end], quote marks
        ignored: a quoted name may cut a trigger word ("三新”领域 holds 新领域, “两癌”检查 两癌检查).
        A hit that spans a quote mark reaches from the word's first character to its last."""
        if self._heads is None:
            return ()
        if not self._joined_across_quotes(text, start, end):
            return self._plain_word_hits(text, start, end)
        kept = _QUOTE_MARK.sub("", text[start:end])
        # offsets into `kept` at which a quote mark was taken out (in order), to map hits back
        removed = [found.start() - start - taken for taken, found in enumerate(
            _QUOTE_MARK.finditer(text, start, end))]
        hits = []
        for position, stop, order in self._plain_word_hits(kept, 0, len(kept)):
            first = start + position + bisect_right(removed, position)
            last = start + stop - 1 + bisect_right(removed, stop - 1)
            hits.append((first, last + 1, order))
        return tuple(hits)

    def _joined_across_quotes(self, text: str, start: int, end: int) -> bool:
        """True when some quote marks inside text[start:end] stand between two characters that
        follow each other in a trigger word (癌”检 for 两癌检查): only then can a hit span them.
        Looked for in the span itself: clauses cover a small part of a text, and most hold no
        quote mark (scanning a whole text's quote marks once cost more than all its spans')."""
        pairs = self._pairs
        for quotes in _QUOTE_RUN.finditer(text, start, end):
            if start < quotes.start() and quotes.end() < end and text[quotes.start() - 1] + text[quotes.end()] in pairs:
                return True
        return False

    def _plain_word_hits(self, text: str, start: int, end: int) -> tuple:
        """(position, end, rule order) for every trigger word in text[start:end] as written."""
        hits = []
        words = self._words
        lengths_of = self._lengths
        one_char = self._one_char
        # The heads come in text order, so the next occurrence of one that is looked up, from
        # just past the last such head, is where it stands (any occurrence before it would have
        # been a head of its own, looked up too).
        after_last = start
        for head in self._heads.findall(text, start, end):
            lengths = lengths_of.get(head, ())
            if one_char and head[0] in one_char:
                lengths = [*lengths, 1]
            if not lengths:
                continue
            position = text.find(head, after_last)
            after_last = position + 1
            for length in lengths:
                stop = position + length
                if stop > end:
                    continue
                matched = words.get(text[position:stop])
                if matched:
                    for order in matched:
                        hits.append((position, stop, order))
        return tuple(hits)

    def regex_group(self, unit: str):
        """(number, rules, joined search, openings search) of the trigger regexes that accept
        `unit`: _best skips the others anyway, and searching fewer patterns is much cheaper. (One
        group serves a span read as a figure's own clause, as a carried clause and as a label, so
        it is searched once; a group's patterns are compiled at first use, most texts need a few.)
        The openings search (openings_search: a `re` alternation of the two characters every
        match opens with) tells in C that a span holds no match, the answer for most clauses;
        the joined search, in the `regex` module and with a timeout, costs four times as much."""
        group = self._regex_groups.get(unit)
        if group is None:
            rules = tuple(compiled for compiled in self._regex_rules if unit in compiled.units)
            same = next((known for known in self._regex_groups.values()
                         if [c.order for c in known[1]] == [c.order for c in rules]), None)
            group = same or (len(self._regex_groups), rules,
                             combined_search([compiled.trigger_regex for compiled in rules]) if len(rules) > 1 else None,
                             openings_search([compiled.trigger_regex for compiled in rules]))
            self._regex_groups[unit] = group
        return group

    def _regex_hits(self, text: str, start: int, end: int, regex_group) -> tuple:
        """(position, end, rule order) for every match of a group's trigger regexes in text[start:end]."""
        _, rules, joined, openings = regex_group
        if openings is not None and openings.search(text, start, end) is None:
            return ()       # no match can open in the span
        first = self._first_regex_match(joined, text, start, end)
        if first is None:
            return ()
        hits = []
        for compiled in rules:
            try:
                for match in compiled.trigger_regex.finditer(text, first, end, overlapped=True,
                                                             timeout=compiled.timeout):
                    hits.append((match.start(), match.end(), compiled.order))
            except TimeoutError:
                _warn_timeout(compiled.rule)
        return tuple(hits)

    @staticmethod
    def _first_regex_match(joined, text: str, start: int, end: int) -> int | None:
        """Where the first match of any of a group's trigger regexes in text[start:end] starts (None:
        nowhere). One search of all of them joined is much cheaper than one overlapped scan per
        rule, and most clauses hold none; no rule matches before that place, so the scans can start
        there (a lookbehind still sees the text before it, as it does from `start`)."""
        if joined is None:
            return start
        try:
            found = joined.search(text, start, end, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            return start
        return None if found is None else found.start()


def vetoed(compiled: CompiledRule, text: str, start: int, end: int, tail: tuple[int, int] | None = None) -> bool:
    """True when one of the rule's exclusions occurs in text[start:end] (or in the list's tail)."""
    if not compiled.exclude_words and not compiled.exclude_regexes:
        return False    # most rules have no exclusions: no window to cut
    window = text[start:end] if tail is None else text[start:end] + "\n" + text[tail[0]:tail[1]]
    if compiled.exclude_words:
        # words are matched with quote marks ignored, as triggers are (“三新”领域 holds 新领域)
        words = _QUOTE_MARK.sub("", window) if _QUOTE_MARK.search(window) else window
        if any(word in words for word in compiled.exclude_words):
            return True
    for pattern in compiled.exclude_regexes:
        try:
            if pattern.search(window, timeout=compiled.timeout):
                return True
        except TimeoutError:
            _warn_timeout(compiled.rule)
    return False


_warned: set[str] = set()


def _warn_timeout(rule: Rule) -> None:
    if rule.id not in _warned:
        _warned.add(rule.id)
        from fuhe_cli import console

        console.warn(f"rule {rule.id} ({rule.source}:{rule.line}): a regex took longer than "
                     f"{REGEX_TIMEOUT}s and was skipped; simplify nested quantifiers")
