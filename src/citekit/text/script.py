"""Scripts: which characters are CJK, Han, kana, Hangul, and what a text's letters say about its
language.

"CJK" means a character whose Unicode *Script* property is Han, Hiragana, Katakana or Hangul:
all the ideograph blocks and their extensions (not only U+3400-U+9FFF), the compatibility
ideographs, 〇 and 々, kana and Hangul (syllables and jamo).  Punctuation is not CJK even when it
is full-width: :func:`is_cjk_punctuation` says whether a mark belongs to the CJK punctuation blocks.
Every stage asks these questions here, so a character is CJK everywhere or nowhere.
"""

from __future__ import annotations

from collections import Counter

from .. import lazyregex as regex  # patterns compiled on first use (start-up)

__all__ = [
    "CJK",
    "CJK_CLASS",
    "CJK_PUNCTUATION_CLASS",
    "CYRILLIC",
    "HAN",
    "HANGUL",
    "KANA",
    "LATIN",
    "UNSPACED_CLASS",
    "has_cjk",
    "is_cjk",
    "is_cjk_punctuation",
    "is_unspaced",
    "script_counts",
    "script_language",
]

#: The CJK scripts as the body of a character class: ``rf"[{CJK_CLASS}]"``.
CJK_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
#: The scripts written without spaces between words (Han and kana; not Hangul, whose words are
#: spaced), as the body of a character class: a space between two of them is not part of the text.
UNSPACED_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}"
#: CJK Symbols and Punctuation (、。〈〉「」【】 and the ideographic space) and the punctuation of
#: the full-width forms (，：；！？（）［］｛｝…), as the body of a character class.
CJK_PUNCTUATION_CLASS = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"

#: One CJK character.
CJK = regex.compile(rf"[{CJK_CLASS}]")
#: One Han character.
HAN = regex.compile(r"\p{Han}")
_UNSPACED = regex.compile(rf"[{UNSPACED_CLASS}]")
_CJK_PUNCTUATION = regex.compile(rf"[{CJK_PUNCTUATION_CLASS}]")


class _Memo(dict[str, bool]):
    """Character → answer, filled on first sight: a dict lookup is as cheap as comparing code
    points against range constants, and the answer comes from the Unicode database."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        super().__init__()
        self.pattern = pattern

    def __missing__(self, ch: str) -> bool:
        answer = self[ch] = self.pattern.fullmatch(ch) is not None
        return answer


_IS_CJK = _Memo(CJK)
_IS_CJK_PUNCTUATION = _Memo(_CJK_PUNCTUATION)
_IS_UNSPACED = _Memo(_UNSPACED)


def is_cjk(ch: str) -> bool:
    """Whether the character ``ch`` is CJK (Han, kana or Hangul); ``False`` for ``""``."""
    return _IS_CJK[ch]


def is_cjk_punctuation(ch: str) -> bool:
    """Whether ``ch`` is CJK or full-width punctuation (or the ideographic space)."""
    return _IS_CJK_PUNCTUATION[ch]


def is_unspaced(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written without spaces between words (Han, kana)."""
    return _IS_UNSPACED[ch]


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds at least one CJK character."""
    return CJK.search(text) is not None


# One scan per script over runs is several times faster than one match per character.
_SCRIPTS = {
    "han": regex.compile(r"\p{Han}+"),
    "kana": regex.compile(r"[\p{Hiragana}\p{Katakana}]+"),
    "hangul": regex.compile(r"\p{Hangul}+"),
    "latin": regex.compile(r"\p{Latin}+"),
    "cyrillic": regex.compile(r"\p{Cyrillic}+"),
}
_ASCII_LETTERS = regex.compile(r"[A-Za-z]+")
_RARE = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Hangul}\p{Cyrillic}]")
_COMMON = (("han", _SCRIPTS["han"]), ("latin", _SCRIPTS["latin"]))


def script_counts(text: str) -> Counter[str]:
    """Letters per script: ``han``, ``kana``, ``hangul``, ``latin``, ``cyrillic``."""
    counts: Counter[str] = Counter()
    if text.isascii():
        n = sum(map(len, _ASCII_LETTERS.findall(text)))
        if n:
            counts["latin"] = n
        return counts
    # most non-ASCII references are Chinese or Latin: one scan rules the rarer scripts out
    scripts = _SCRIPTS.items() if _RARE.search(text) else _COMMON
    for name, pattern in scripts:
        n = sum(map(len, pattern.findall(text)))
        if n:
            counts[name] = n
    return counts


#: One kana character (Hiragana or Katakana).
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
#: One Hangul character.
HANGUL = regex.compile(r"\p{Hangul}")
#: One Cyrillic letter.
CYRILLIC = regex.compile(r"\p{Cyrillic}")
#: One Latin letter (ASCII, accented, extended).
LATIN = regex.compile(r"\p{Latin}")


def script_language(text: str) -> str | None:
    """``zh``, ``ko``, ``ja``, ``ru``, ``en`` from the script of a short text such as a title:
    the rarest script present decides (kana makes it Japanese even among Han characters).
    ``None`` if it has no letters.  Whole references use :func:`citekit.language.detect_language`,
    which weighs the scripts against each other."""
    if KANA.search(text):
        return "ja"
    if HANGUL.search(text):
        return "ko"
    if HAN.search(text):
        return "zh"
    if CYRILLIC.search(text):
        return "ru"
    if LATIN.search(text):
        return "en"
    return None
