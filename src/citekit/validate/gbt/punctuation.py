"""GB/T 7714 rules, §12 Punctuation (GBT-PUNCT): final period, labels, leading and doubled marks,
one width of punctuation per entry.

Codes: G035, G042, G048, G049, W001, W002.  Each rule names the IDs of the rules it checks in
the GB/T 7714 rule catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.script import script_language
from .._entry import Entry
from ..registry import SAFE, UNSAFE, Context, diag, make_fix, rule
from ._shared import _FULL, _HALF, _diag, _marks


@rule("G035", "missing-final-period", "info", rule_ids=("GBT-PUNCT-06",), fixable=True)
def missing_final_period(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Entries end with '.' (the standard says 'may'; all implementations do, also after a URL).

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code or ctx.option("final_period", True) is False:
        return
    text = e.raw.rstrip()
    if not text or text[-1] in ".．。":
        return
    n = len(text)
    yield diag(
        "G035", span=(n - 1, n), fix=make_fix("add '.'", (n, n, "．" if text[-1] == "．" else "."))
    )


_LABEL_OK = regex.compile(r"\[\d{1,4}\][ \t\u3000]*")


_LABEL_DOT = regex.compile(r"\s*\[\d+\][.．]\s*")


@rule("G042", "label-format", "info", rule_ids=("GBT-ORD-01",), fixable=True)
def label_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """In a numeric list the number stands in square brackets at the start of the entry, with
    no punctuation after it: '[1] 陈登原. …'.

    Bad: [1]. 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    Good: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    if not e.code or e.label is None or ctx.option("label_format", "brackets") != "brackets":
        return
    text = e.raw[: e.body]
    if _LABEL_OK.fullmatch(text):
        return
    lead = len(text) - len(text.lstrip())
    span = (lead, len(text.rstrip()) if text.rstrip() else len(text))
    fixed = f"[{e.label}]"
    applicability = SAFE if _LABEL_DOT.fullmatch(text) else UNSAFE
    yield diag(
        "G042",
        f"list number '{text.strip()}' should read '{fixed}'",
        f"序号“{text.strip()}”应为“{fixed}”",
        span=span,
        fix=make_fix(f"write {fixed}", (span[0], span[1], fixed), applicability=applicability),
    )


_LEADING = frozenset(".,:;．，：；、。")


@rule(
    "G048",
    "leading-punctuation",
    "warning",
    rule_ids=("GBT-PUNCT-01", "GBT-AUTH-10"),
    fixable=True,
    gbt_only=False,
)
def leading_punctuation(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Every mark introduces the element after it, so the first element (the author, or the
    title when the author is left out) has no mark before it — a leading '. ' usually means a
    blanked-out author.  The safe fix removes the mark.

    Bad: . Coffee drinking and cancer of the pancreas[J]. Br Med J, 1981, 283(6292): 628.
    Good: Coffee drinking and cancer of the pancreas[J]. Br Med J, 1981, 283(6292): 628.
    """
    raw = e.raw
    i = e.body
    n = len(raw)
    while i < n and raw[i] in " \t\u3000":
        i += 1
    if i >= n or raw[i] not in _LEADING or raw.startswith("...", i) or raw[i : i + 1] == "…":
        return
    j = i
    while j < n and (raw[j] in _LEADING or raw[j] in " \t\u3000"):
        j += 1
    if j >= n:
        return
    yield diag("G048", span=(i, i + 1), fix=make_fix("remove the leading punctuation", (i, j, "")))


_MARKS2 = regex.compile(r"(?P<a>[.,:;．，：；。])(?P<sp>[ \t\u3000]*)(?P<b>[.,:;．，：；。])")


_MARKS2_FAST = re.compile(r"[.,:;．，：；。] ?[.,:;．，：；。]")


@rule(
    "G049",
    "doubled-punctuation",
    "warning",
    rule_ids=("GBT-PUNCT-02",),
    fixable=True,
    gbt_only=False,
)
def doubled_punctuation(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Each element is introduced by exactly one mark: no '..', '. .', ', ,', '.:' or ':.'.
    An abbreviation's full stop before ',' or ':' is not a mark ('Colo.: Libraries Unlimited,
    Inc., 1982').  The safe fix removes a repeated identical mark.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. . 北京: 北京图书馆出版社, 1997: 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    raw = e.raw
    if _MARKS2_FAST.search(raw) is None:
        return
    for m in _MARKS2.finditer(raw, e.body):
        a, b, s = m.group("a"), m.group("b"), m.start()
        if (
            a in ".．"
            and b in ".．"
            and ((raw[m.end() : m.end() + 1] or "x") in ".．" or (raw[s - 1 : s] or "x") in ".．")
        ):
            continue  # an ellipsis
        if a == "." and b in ",:;，：；" and raw[s - 1 : s].isalpha() and not m.group("sp"):
            continue  # "Inc.,", "Colo.:", "et al.,"
        if e.urls and e.in_url(s):
            continue
        if a == ":" and b == ":" and raw[s - 1 : s].isalnum():
            continue
        same = a == b or {a, b} <= {".", "．", "。"}
        yield diag(
            "G049",
            f"'{a}' and '{b}' in a row: keep one mark",
            f"“{a}”与“{b}”连用: 只保留一个",
            span=(s, m.end()),
            fix=make_fix(
                "remove the repeated mark",
                (m.end("a"), m.end(), ""),
                applicability=SAFE if same else UNSAFE,
            ),
        )


_ANY_FULL = regex.compile(r"[，：；（）．]")


_ANY_HALF = regex.compile(r"[,:;()]")


@rule(
    "W001",
    "mixed-punctuation-width",
    "warning",
    rule_ids=("GBT-PUNCT-03", "GBT-DEV-04"),
    fixable=True,
)
def mixed_width(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Full-width and half-width punctuation are not mixed inside one entry: whichever scheme
    the entry uses, it uses throughout.  The minority marks are reported; the safe fix
    converts them to the entry's majority width.

    Bad: 陈登原. 国史旧闻: 第1卷[M]. 北京：中华书局, 2000: 29.
    Good: 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    if ctx.option("punctuation", "any") != "any":
        return  # W002 enforces the chosen scheme
    if ctx.standard == "gbt7714-2025" and e.is_gbt:
        return  # the 2025 scheme is fixed by the standard: W003 enforces it
    if not _ANY_FULL.search(e.raw) or not _ANY_HALF.search(e.raw):
        return
    marks = _marks(e)
    if not marks:
        return
    # parentheses inside a title are the title's own ('…修正案（草案）', '改革（2013-2022）'),
    # transcribed as the source prints them: not element punctuation
    lo, hi = (e.title_start, e.code.start()) if e.code else (0, 0)
    marks = [(i, ch) for i, ch in marks if not (lo <= i < hi and ch in "（）()")]
    full = [(i, ch) for i, ch in marks if ch in _FULL and ch not in "［］"]
    half = [(i, ch) for i, ch in marks if ch in _HALF]
    if not full or not half:
        return
    # gb2025 (and the drafter's 2024 answer) keep "." and "[ ]" half-width: not a mix.
    if len(full) < len(half):
        for i, ch in full:
            yield _diag(
                "W001",
                e,
                i,
                ch,
                "half",
                f"full-width '{ch}' in an entry that otherwise uses half-width punctuation",
                f"本条目使用半角标点, 此处“{ch}”却是全角",
            )
    else:
        for i, ch in half:
            yield _diag(
                "W001",
                e,
                i,
                ch,
                "full",
                f"half-width '{ch}' in an entry that otherwise uses full-width punctuation",
                f"本条目使用全角标点, 此处“{ch}”却是半角",
            )


@rule(
    "W002", "punctuation-scheme", "warning", rule_ids=("GBT-PUNCT-03",), fixable=True, gbt_only=True
)
def punctuation_scheme(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """With the profile option ``punctuation`` set, every entry follows that scheme: ``ascii``
    (all half-width), ``gb2025`` (GB/T 7714-2025: '.' and '[ ]' half-width, '， ： ； （ ）'
    full-width) or ``fullwidth-zh`` (full-width in Chinese entries, ASCII in Western ones).

    Profile: punctuation = "ascii"
    Bad: 陈登原. 国史旧闻：第1卷[M]. 北京：中华书局，2000：29.
    Good: 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    scheme = ctx.option("punctuation", "any")
    if scheme == "any" or not e.is_gbt:
        return
    if scheme == "fullwidth-zh":
        scheme = "full" if script_language(e.title or e.raw) in ("zh", "ja") else "ascii"
    for i, ch in _marks(e):
        if scheme == "ascii" and ch in _FULL:
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "half",
                f"full-width '{ch}': this profile uses ASCII punctuation",
                f"全角“{ch}”: 本规范要求半角标点",
            )
        elif scheme in ("gb2025", "full") and ch in _HALF:
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "full",
                f"half-width '{ch}': this profile uses full-width '{_HALF[ch]}'",
                f"半角“{ch}”: 本规范要求全角“{_HALF[ch]}”",
            )
        elif scheme == "gb2025" and ch in "．［］":
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "half",
                f"'{ch}': GB/T 7714-2025 keeps '.' and '[ ]' half-width",
                f"“{ch}”: GB/T 7714-2025 的“.”和“[ ]”用半角",
            )
