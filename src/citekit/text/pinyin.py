"""Sort keys for Chinese: surname-aware pinyin, and GB/T 7714's grouping by language.  Public:
the renderer sorts bibliographies with them and the validator checks a list's order with them.

A CJK sort key (a name list or a title) becomes pinyin with tone numbers (``hu2 chong2
ming2``), so Chinese entries sort in the order of 《汉语拼音方案》 as Chinese bibliographies do,
instead of by code point.  The first character (or the compound surname) of each name is read
as a surname: 曾 zeng, 单 shan, 区 ou, 仇 qiu, 解 xie, 朴 piao, 查 zha, 盖 ge, 万俟 moqi...
(pypinyin gives the common reading, ceng, dan, qu...).  Without pypinyin (an optional
dependency) the characters themselves are the key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .script import CYRILLIC, HAN, HANGUL, KANA, LATIN

__all__ = ["SURNAME_READINGS", "language_group", "pinyin_key"]

try:  # optional dependency
    from pypinyin import Style, lazy_pinyin
except ImportError:  # pragma: no cover - exercised only without pypinyin
    lazy_pinyin = None  # type: ignore[assignment]
    Style = None  # type: ignore[assignment,misc]

#: Readings of characters and compound surnames that differ, as surnames, from pypinyin's
#: default reading (tone-numbered).  Compound surnames first (longest match).
SURNAME_READINGS: dict[str, str] = {
    "万俟": "mo4 qi2",
    "尉迟": "yu4 chi2",
    "长孙": "zhang3 sun1",
    "澹台": "tan2 tai2",
    "单于": "chan2 yu2",
    "令狐": "ling2 hu2",
    "乐正": "yue4 zheng4",
    "曾": "zeng1",
    "单": "shan4",
    "区": "ou1",
    "仇": "qiu2",
    "解": "xie4",
    "朴": "piao2",
    "查": "zha1",
    "盖": "ge3",
    "秘": "bi4",
    "缪": "miao4",
    "乐": "yue4",
    "覃": "qin2",
    "翟": "zhai2",
    "种": "chong2",
    "繁": "po2",
    "召": "shao4",
    "折": "she2",
    "员": "yun4",
    "华": "hua4",
    "任": "ren2",
    "纪": "ji3",
    "燕": "yan1",
    "宁": "ning4",
    "过": "guo1",
    "句": "gou1",
    "隗": "wei3",
    "么": "yao1",
    "能": "nai4",
    "薄": "bo2",
    "卜": "bu3",
    "尉": "yu4",
    "阚": "kan4",
    "冼": "xian3",
    "洗": "xian3",
    "柏": "bai3",
    "沈": "shen3",
    "石": "shi2",
    "蕃": "pi2",
    "都": "du1",
    "重": "chong2",
    "郇": "huan2",
    "芮": "rui4",
    "殷": "yin1",
    "厍": "she4",
    "禚": "zhuo2",
}
_COMPOUND = sorted((s for s in SURNAME_READINGS if len(s) > 1), key=len, reverse=True)

# Name separators in a rendered name list (", " "; " "、" and the et-al words).
_NAME_SPLIT = re.compile(r"(\s*[,;、，；]\s*)")


def _han_runs() -> Any:
    """pypinyin's own split of text into runs of characters it reads and runs it keeps as they
    are (``simple_seg``, by its ``RE_HANS``), as a regular expression; ``None`` if its pattern
    is not the expected ``^(?:[...])+$``."""
    try:
        from pypinyin.constants import RE_HANS
    except ImportError:
        return None
    pattern = RE_HANS.pattern
    if not (pattern.startswith("^(?:[") and pattern.endswith("])+$")):
        return None
    return re.compile(f"({pattern[4:-3]}+)")


_HAN_RUNS = _han_runs() if lazy_pinyin is not None else None


@lru_cache(maxsize=65536)
def _run_pinyin(run: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True, errors="default"))


def _pinyin(text: str) -> str:
    """The tone-numbered readings of ``text``, space-separated, as ``lazy_pinyin`` gives them.
    pypinyin reads each run of Han characters apart (its phrases never cross a run), so the
    readings of a run are cached: names, journals and publishers recur in a list."""
    if lazy_pinyin is None:
        return text
    if _HAN_RUNS is None:
        return " ".join(
            lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
        )
    tokens: list[str] = []
    for run in _HAN_RUNS.split(text):
        if run:
            tokens.extend(_run_pinyin(run))
    return " ".join(tokens)


def _name_key(segment: str) -> str:
    """One name (a segment starting with a Han character): the surname read as a surname."""
    for compound in _COMPOUND:
        if segment.startswith(compound):
            rest = segment[len(compound) :]
            return SURNAME_READINGS[compound] + (" " + _pinyin(rest) if rest else "")
    first = segment[0]
    reading = SURNAME_READINGS.get(first)
    if reading is None:
        return _pinyin(segment)
    rest = segment[1:]
    return reading + (" " + _pinyin(rest) if rest else "")


@lru_cache(maxsize=65536)
def pinyin_key(text: str, names: bool = True) -> str:
    """``text`` with Han characters replaced by tone-numbered pinyin (lower case).

    ``names``: ``text`` is a rendered name list; each name's first character (or compound
    surname) is read as a surname.  The original text follows (``\\x00``-separated) as a tie
    breaker between homophones."""
    if not HAN.search(text):
        return text
    if names:
        parts = _NAME_SPLIT.split(text)
        out = []
        for part in parts:
            stripped = part.strip()
            if stripped and HAN.match(stripped[0]):
                out.append(_name_key(stripped))
            else:
                out.append(_pinyin(part) if HAN.search(part) else part)
        key = "".join(out)
    else:
        key = _pinyin(text)
    return f"{key.lower()}\x00{text}"


def language_group(language: str | None, sample: str = "") -> int:
    """GB/T 7714 (9.2 note, 10.2): an author-date list is grouped by language, Chinese, Japanese,
    Western (Latin script), Russian (Cyrillic), others, in that order.  0..4."""
    tag = (language or "").strip().lower()
    if tag:
        primary = tag.split("-")[0].split("_")[0]
        if primary in ("zh", "cmn", "yue", "lzh", "wuu"):
            return 0
        if primary == "ja":
            return 1
        if primary in ("ru", "uk", "be", "bg", "sr", "mk", "kk", "mn"):
            return 3
        if primary in ("ko", "ar", "fa", "he", "hi", "th", "el", "ka", "hy"):
            return 4
        return 2
    if KANA.search(sample):
        return 1
    if HAN.search(sample):
        return 0
    if HANGUL.search(sample):
        return 4
    if CYRILLIC.search(sample):
        return 3
    if LATIN.search(sample):
        return 2
    return 4
