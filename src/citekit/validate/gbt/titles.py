"""GB/T 7714 rules, §4 Titles (GBT-TITLE): book-title marks, collected titles, parallel titles.

Codes: G041, G057, G058.  Each rule names the IDs of the rules it checks in the GB/T 7714 rule
catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.script import script_language
from .._entry import Entry
from ..registry import UNSAFE, Context, diag, make_fix, rule
from ._shared import _fullwidth


@rule("G041", "title-in-book-marks", "warning", rule_ids=("GBT-TITLE-05",), fixable=True)
def title_in_book_marks(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Titles are not wrapped in 《》 as a citation device; title marks that belong to the title
    itself are kept ('《五行》学说与《荀子》').

    Bad: 常森. 《〈五行〉学说与〈荀子〉》[J]. 北京大学学报(哲学社会科学版), 2013, 50(1): 75.
    Good: 常森. 《五行》学说与《荀子》[J]. 北京大学学报(哲学社会科学版), 2013, 50(1): 75.
    """
    if not e.code or "《" not in e.raw or "《" not in e.title:
        return
    title = e.title.rstrip()
    if not (title.startswith("《") and title.endswith("》") and title.count("》") == 1):
        return
    s = e.title_start
    t = s + len(title)
    inner = title[1:-1].replace("〈", "《").replace("〉", "》")
    yield diag("G041", span=(s, t), fix=make_fix("remove the outer 《》", (s, t, inner)))


_COLLECTED = regex.compile(r"\A\p{Han}{2,12}(?:(?P<sep>\s*[,，、]\s*|\s+)\p{Han}{2,12}){2}\Z")


@rule(
    "G057",
    "collected-titles-separator",
    "warning",
    rule_ids=("GBT-TITLE-02",),
    fixable=True,
    types=("M",),
)
def collected_titles(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A volume without a collective title records the first three titles by the same author
    joined with '; ' ('为人民服务; 纪念白求恩; 愚公移山').  Only three short Chinese titles joined
    by commas, 、 or spaces are recognised (a partial check).

    Bad: 毛泽东. 为人民服务, 纪念白求恩, 愚公移山[M]. 北京: 人民出版社, 1966.
    Good: 毛泽东. 为人民服务; 纪念白求恩; 愚公移山[M]. 北京: 人民出版社, 1966.
    """
    if e.type_code != "M" or e.contribution:
        return
    title = e.title
    if (
        not title
        or len(title) > 45
        or not (" " in title or "," in title or "，" in title or "、" in title)
    ):
        return
    m = _COLLECTED.match(title)
    if m is None:
        return
    s0 = e.title_start
    semi = "；" if _fullwidth(e) else "; "
    edits = [(s0 + a, s0 + b, semi) for a, b in m.spans("sep")]
    yield diag(
        "G057",
        span=(s0, s0 + len(title)),
        fix=make_fix("join the titles with '; '", *edits, applicability=UNSAFE),
    )


_PARALLEL = regex.compile(r"\s+=\s+(?P<p>[^=]{2,})\Z")


@rule("G058", "parallel-title", "warning", rule_ids=("GBT-TITLE-03",), fixable=True)
def parallel_title(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Parallel titles (the same title in another language, 'Title = Parallel title' in
    catalogue records) are not recorded.

    Bad: 奈斯比特. 大趋势 = Megatrends[M]. 北京: 中国社会科学出版社, 1984.
    Good: 奈斯比特. 大趋势[M]. 北京: 中国社会科学出版社, 1984.
    """
    if not e.code or "=" not in e.title:
        return
    m = _PARALLEL.search(e.title)
    if m is None:
        return
    main = e.title[: m.start()]
    if script_language(main) == script_language(m.group("p")):
        return
    s = e.title_start + m.start()
    t = e.title_start + m.end()
    yield diag(
        "G058",
        f"parallel title '{m.group('p')}': leave it out",
        f"并列题名“{m.group('p')}”不著录",
        span=(s, t),
        fix=make_fix("remove the parallel title", (s, t, ""), applicability=UNSAFE),
    )
