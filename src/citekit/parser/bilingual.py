"""Bilingual entries: a Chinese reference printed with its English translation (or the reverse).

    钦俊德. 昆虫与植物的关系[M]. 北京: 科学出版社, 1987: 52-78; QIN J D. The relationships…[M]. …
    李福民, 等. 题名[J]. 钢铁研究学报, 2023, 35(11): 1347-1357.(LI F M, et al. Title[J]. …)
    Qin JD. 1987. The relationships between insects and plants. … (in Chinese) [钦俊德. 1987. 昆虫与植物的关系. …]
    王明：《题名》，《刊名》2019年第5期。(Wang Ming, "Title," Journal, No.5, 2019.)

:func:`bilingual_part` finds the two versions and returns the bounds of the one in the original
script (the one with more Han characters); the parser reads only that part, and the rest is not
reported as left-over text.  A string that is not such a pair is returned whole.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.script import HAN

__all__ = ["bilingual_part"]

_YEAR = regex.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_IN_LANG = regex.compile(
    r"\(\s*in (?:Chinese|Japanese|Korean)(?: with English abstract)?\s*\)", regex.IGNORECASE
)
_CODE = regex.compile(r"\[[A-Z]{1,2}(?:/OL)?\]")
_OPEN = {")": "(", "]": "[", "）": "（"}
_NEXT_REF = regex.compile(
    r"[;；]\s*(?=\p{Lu}{2,}\s|\p{Lu}[\p{Ll}]+\s+\p{Lu}{1,3}\b|\p{Han}{2,4}[,，.])"
)


# where the second version starts after a stop (or a "/"): its names, Latin capitals or Chinese
_NEXT_VERSION = regex.compile(
    r"[.。]\s*(?:/\s*)?(?=\p{Lu}{2,}\s|\p{Lu}[\p{Ll}]+\s+\p{Lu}[\p{Ll}]*[,.]|\p{Han}{2,4}[,，.、])"
)


def _looks_like_reference(text: str) -> bool:
    return (
        len(text) >= 25
        and bool(_YEAR.search(text))
        and (
            bool(_CODE.search(text))
            or "《" in text  # a 《》 note: "王明：《题名》，《刊名》2019年第5期"
            or text.count(",") + text.count(".") + text.count("。") >= 3
        )
    )


def _han(text: str) -> int:
    return len(HAN.findall(text))


def _choose(text: str, a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    ta, tb = text[a[0] : a[1]], text[b[0] : b[1]]
    if not (_looks_like_reference(ta) and _looks_like_reference(tb)):
        return None
    ha, hb = _han(ta), _han(tb)
    if max(ha, hb) < 4 or min(ha, hb) * 3 > max(ha, hb):
        return None  # not one Chinese and one translated version
    return a if ha > hb else b


def bilingual_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the original-script version of a bilingual entry, else ``(start, end)``."""
    if end - start < 50 or end - start > 3000 or not HAN.search(text, start, end):
        return start, end
    e = end
    while e > start and text[e - 1] in " .。":
        e -= 1
    # a bracketed version at the end: "…(LI F M, et al. …)" / "… [钦俊德. 1987. …]"
    if e > start and text[e - 1] in _OPEN:
        close = text[e - 1]
        opener = _OPEN[close]
        depth = 0
        k = e - 1
        while k >= start:
            ch = text[k]
            if ch == close or (close == ")" and ch == "）"):
                depth += 1
            elif ch == opener or (opener == "(" and ch == "（"):
                depth -= 1
                if depth == 0:
                    break
            k -= 1
        if k > start and depth == 0:
            head_end = k
            m = None
            for m in _IN_LANG.finditer(text, start, k):  # noqa: B007  (the last match is wanted)
                pass
            if m is not None and not text[m.end() : k].strip(" .,;"):
                head_end = m.start()
            while head_end > start and text[head_end - 1] in " .,;。，；":
                head_end -= 1
            chosen = _choose(text, (start, head_end), (k + 1, e - 1))
            if chosen:
                return chosen
    # two versions separated by ";": "…1987: 52-78; QIN J D. …"
    for m in _NEXT_REF.finditer(text, start, end):
        chosen = _choose(text, (start, m.start()), (m.end(), end))
        if chosen:
            return chosen
    # two GB/T versions one after the other, each with its type code, either first:
    # "…[J]. 中华放射学杂志, 2019, 53(5): 321-325. WANG Xiaoming, LI Jianguo. …[J]. …"
    first = _CODE.search(text, start, end)
    if first and _CODE.search(text, first.end(), end):
        m = _NEXT_VERSION.search(text, first.end(), end)
        if m:
            a = m.start()
            while a > start and text[a - 1] in " .。":
                a -= 1
            chosen = _choose(text, (start, a), (m.end(), end))
            if chosen:
                return chosen
    return start, end
