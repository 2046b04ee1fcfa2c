"""Volume, issue, pages, editions and Chinese date forms.

- ``journal_numbers``: the numeric tail of a journal or newspaper entry,
  ``2019, 35(4): 12-18``, ``2021(2)``, ``2026,No.355(03):64-76+158``, ``2013, 8: 1053-1062``,
  ``2013-01-12(2)``, ``2011年6月: 10-20``.
- ``cn_year_issue``: ``2016年第2期``, ``2016年第35卷第2期``, ``2020年1月2日``.
- ``edition``: ``第五版`` → ``5``, ``2版``, ``4th ed.``, ``修订版`` (kept as text).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .text import cn_number, number_text

__all__ = ["JournalNumbers", "journal_numbers", "cn_year_issue", "edition", "clean_issue"]


@dataclass
class JournalNumbers:
    start: int  # where the numbers start (the year), view coordinates
    year: tuple[int, int]
    date: list[int]
    date_span: tuple[int, int]
    volume: tuple[int, int] | None = None
    total: tuple[int, int] | None = None  # cumulative issue number (No.355)
    issue: tuple[int, int] | None = None
    pages: tuple[int, int] | None = None


# The year must follow a comma (or start the element) and the rest must be numbers only; a letter
# after the year tells apart two works of one author and year (2015a).  Any year 1000-2099 is
# the year here (an implausible one is D002's to report, not part of the journal's name).
_YEAR_AT = regex.compile(
    r"(?:^|(?<=[,，]\s?))\s*(?P<date>(?P<y>1\d{3}|20\d\d)(?:-\d{1,2}(?:-\d{1,2})?"
    r"|\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\s*年)?)[a-z]?(?=[\s,(:\[-]|$)"
)
_DIGITS = regex.compile(r"\d+")
# (the space runs between the parts are possessive, what follows each being no space, and pages
# and the issue start with no space or are the last space of a run, as before: a run of
# thousands of spaces was split every way between six \s*, ~1 s)
_REST = regex.compile(
    r"\s*+(?:[,，]\s*+(?:(?:No|no|Nr|№)\.?\s*+(?P<total>\d+)"
    r"|(?:Vol\.?\s*+|第)?(?P<vol>[0-9A-Za-z][0-9A-Za-z\-/]{0,12})卷?))?"
    r"\s*+(?:[,，]?\s*+\((?:\s*+(?P<iss>[^()]{1,15})\s*+|\s*?(?P<iss>\s))\)"
    r"|[,，]?\s*+第?\s*+(?P<iss>\d{1,3})\s*+期)?"  # (3) / 3期
    r"(?:\s*+[:：](?:\s*+(?P<pages>[^\s\[\]][^\[\]]{0,59}?)|\s*?(?P<pages>\s)(?!\s))"
    r"|(?<=\))\s*+[,，]\s*+(?P<pages>\d{1,6}\s*[-–~]\s*\d{1,6})"
    r"|(?<=期)\s*+[,，]\s*+第?\s*+(?P<pages>\d{1,6}(?:\s*[-–~]\s*\d{1,6})?)\s*+页)?"  # 第3期, 5-20页
    r"\s*+(?:\[[^\]]{0,40}\])?"
    r"\s*+(?:\(\s*in\s+[A-Z][a-z]+(?:\s+with\s+[A-Za-z ]{1,30})?\s*\))?\s*+$"  # (in Chinese)
)


def journal_numbers(text: str, start: int, end: int) -> JournalNumbers | None:
    """Find ``, YEAR[, VOL][(ISSUE)][: PAGES]`` ending the element ``text[start:end]``."""
    sub = text[start:end]
    o = start
    for m in _YEAR_AT.finditer(sub):
        r = _REST.match(sub, m.end())
        if not r:
            continue
        date = [int(x) for x in _DIGITS.findall(m.group("date"))]  # 2011-06 / 2011年6月
        if len(date) > 1 and not 1 <= date[1] <= 12 or len(date) > 2 and not 1 <= date[2] <= 31:
            continue

        def sp(g: str) -> tuple[int, int] | None:
            # called before the loop moves on: r is this iteration's match
            return (r.start(g) + o, r.end(g) + o) if r.group(g) else None  # noqa: B023

        return JournalNumbers(
            start=m.start("date") + o,
            year=(m.start("y") + o, m.end("y") + o),
            date=date,
            date_span=(m.start("date") + o, m.end("date") + o),
            volume=sp("vol"),
            total=sp("total"),
            issue=sp("iss"),
            pages=sp("pages"),
        )
    return None


def clean_issue(value: str) -> str:
    """``"03"`` → ``"3"``; ``"第3期"`` → ``"3"``; ``"5/6"`` stays; ``"增刊"`` stays."""
    value = value.strip()
    if value.isdecimal():
        return str(int(value))
    m = _ISSUE_WORDS.fullmatch(value)  # "第3期" → "3"
    return str(int(m.group(1))) if m else value


_ISSUE_WORDS = regex.compile(r"第?\s*(\d{1,3})\s*期")
# (every space run possessive: what follows each is no space; "2017年" then a long run of spaces
# split the run between two adjacent runs every way, 0.95 s at 4,000 em spaces)
_CN_DATE = regex.compile(
    r"(?P<y>1[5-9]\d\d|20\d\d)\s*+年"
    r"(?:\s*+第?\s*+(?P<vol>\d{1,4})\s*+卷)?"
    r"(?:\s*+第\s*+(?P<iss>\d{1,3}|[一二三四五六七八九十]{1,3})\s*+期"
    r"|\s*+(?P<m>\d{1,2})\s*+月(?:\s*+(?P<d>\d{1,2})\s*+日)?"
    r"|\s*+(?P<iss2>\d{1,2})\s*+期)?"
    r"(?:\s*+\(?\s*+第\s*+(?P<ed>\d{1,3})\s*+版\s*+\)?)?"
)


@dataclass
class CnDate:
    span: tuple[int, int]
    year: tuple[int, int]
    date: list[int]
    volume: tuple[int, int] | None
    issue: str | None
    issue_span: tuple[int, int] | None
    page: tuple[int, int] | None  # newspaper 第N版


def cn_year_issue(text: str, start: int, end: int) -> CnDate | None:
    m = _CN_DATE.search(text, start, end)
    if not m:
        return None
    date = [int(m.group("y"))]
    if m.group("m") and 1 <= int(m.group("m")) <= 12:
        date.append(int(m.group("m")))
        if m.group("d") and 1 <= int(m.group("d")) <= 31:
            date.append(int(m.group("d")))
    iss_group = "iss" if m.group("iss") else "iss2" if m.group("iss2") else None
    issue = None
    if iss_group:
        issue = number_text(m.group(iss_group))
    return CnDate(
        span=m.span(),
        year=m.span("y"),
        date=date,
        volume=m.span("vol") if m.group("vol") else None,
        issue=issue,
        issue_span=m.span(iss_group) if iss_group else None,
        page=m.span("ed") if m.group("ed") else None,
    )


_EDITION_NUM = regex.compile(
    # (修订第3版: the revised third; 2版2印, 第2版(修订本): the printing and the kind are no number)
    r"^\s*(?:(?:修订|增订|修订增补)?第\s*(?P<cn>[\d一二三四五六七八九十]{1,4})\s*版"
    r"(?:\s*\(\s*\p{Han}{1,6}本\s*\))?(?:\s*第?\s*\d{1,2}\s*次?\s*印刷?)?"
    r"|(?P<n>\d{1,3})\s*版(?:\s*\d{1,2}\s*次?\s*印刷?)?"
    r"|(?P<en>\d{1,3})\s*(?:st|nd|rd|th)?\.?\s*(?:rev\.?\s*)?(?:ed|edn|edition)\.?"
    r"|(?P<en>\d{1,3})(?:st|nd|rd|th)"  # "(7th)": the word left out
    r"|(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:ed|edn|edition)\.?"
    r")\s*$",
    regex.IGNORECASE,
)
_EDITION_TEXT = regex.compile(
    r"^\s*(?:[\p{Han}]{0,6}(?:版|本)|新\s*\d{1,2}\s*版|(?:1[5-9]|20)\d\d\s*年?版|(?:rev|revised|new|enl|enlarged|abridged)(?:\.\s*|\s+)(?:\w+\.?\s+)?(?:ed|edn|edition)\.?)\s*$",
    regex.IGNORECASE,
)
_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]


def edition(text: str) -> str | None:
    """The CSL ``edition`` for an edition statement, or None when ``text`` is not one."""
    if len(text) > 40:
        return None
    m = _EDITION_NUM.match(text)
    if m:
        if m.group("cn"):
            n = cn_number(m.group("cn"))
            return str(n) if n is not None else None
        if m.group("word"):
            return str(_WORDS.index(m.group("word").lower()) + 1)
        return str(int(m.group("n") or m.group("en")))
    if _EDITION_TEXT.match(text):
        t = text.strip()
        if t.endswith(("出版社", "书局", "书社")):
            return None
        return t
    return None
