"""A Chinese personal name as family + given (``欧阳修`` → 欧阳 + 修), or kept whole.

CSL-JSON, Zotero's CNKI import and JATS (``<surname>``/``<given-names>``) all record a Chinese name
as family and given name.  The surname is the first two characters when they are a compound
surname of ``surnames-compound`` (欧阳, 司马, 诸葛…), else the first character, when it is a known
surname (``surnames-single``).  Kept whole (``literal``): organisations (``国务院``, ``文化部``),
transliterated foreign names (``马克思``, ``大卫·帕尔菲曼``), names of more than four characters or
with anything but Han characters, and anything whose first character is no surname (``佚名``).
Renderers and exports print family and given of a CJK name together, as one unit, so the printed
form does not change.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.lexicons import words

__all__ = ["split_chinese_name"]

_HAN_ONLY = regex.compile(r"^\p{Han}{2,5}$")
# last characters of organisation names (部 ministry, 局 bureau, 院 academy/court, 会 society...)
_ORG_END = frozenset("部局院会所社厅处署馆委组队站办校府厂室团网报台司省市县区")
# characters typical of transliterated foreign names (柏拉图, 马克思, 富勒)
_TRANSLIT = frozenset(
    "斯尔勒姆恩兹茨娃娜蒂莱瑟图拉克思夫基特伯罗亚德索维诺塔卡普奥尼西米里默洛雷瓦丽琳莎顿"
)
# a one-character given name that is itself a transliteration ending (富勒, 华兹)
_TRANSLIT_END = frozenset("勒斯姆恩兹茨尔夫娃基特")


def split_chinese_name(name: str) -> dict[str, str]:
    """``{"family", "given"}`` for a Chinese personal name, else ``{"literal": name}``."""
    if not _HAN_ONLY.match(name) or name[-1] in _ORG_END:
        return {"literal": name}
    if len(name) >= 3 and name[:2] in words("surnames-compound"):
        family, given = name[:2], name[2:]
    elif len(name) <= 4 and name[0] in words("surnames-single"):
        family, given = name[0], name[1:]
    else:
        return {"literal": name}
    if len(given) > 3 or _transliterated(given):
        return {"literal": name}
    return {"family": family, "given": given}


def _transliterated(given: str) -> bool:
    if len(given) == 1:
        return given in _TRANSLIT_END
    # a doubled given name (丽丽, 莎莎) is Chinese: transliterations do not repeat a syllable
    if len(given) == 2 and given[0] == given[1]:
        return False
    return all(ch in _TRANSLIT for ch in given)
