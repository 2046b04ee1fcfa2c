"""What an item's language decides in rendering (one home for it): the locale the item is
rendered in and the forms that follow the item's language rather than the style's.

* **Styles written for Chinese** (default locale ``zh``/``ja``/``ko``: GB/T 7714, the house
  styles): each item is rendered in the locale of its own language, as GB/T 7714 asks (terms
  by item language, 6.1.2 and 8.1.2): ``等`` and ``译`` for Chinese items, ``외`` for Korean,
  ``ほか`` for Japanese, ``et al.`` and ``ed.`` for the rest.  A volume of a book is printed
  the way its language writes it: ``第1卷``, ``제1권``, ``第1巻``.
* **Styles written for English** (APA, MLA, Chicago...): every item is rendered in the style's
  locale, so a Chinese item keeps the style's connectors and labels (``vol. 40, no. 2, pp.
  64–76``, never ``卷 40, 期 2, 页 64～76`` or ``胡重明, 和 邢润杰``), and its titles take the
  style's quotes, not the title marks 《》.  Chinese journals that use these styles do the same
  for Chinese items in their own variants (zotero-chinese/styles, 心理学报: ``张三, 李四.
  (2008). 中国心理学的过去与未来. 心理学报, 40, 210–215.``); the names of a Chinese item
  are joined without ``&``/``and`` and cut with ``等`` (:func:`english_style_et_al`).
"""

from __future__ import annotations

import regex

from ..text.script import UNSPACED_CLASS

__all__ = [
    "english_style_et_al",
    "item_locale",
    "language_base",
    "unspace_cjk_marks",
    "volume_form",
]

#: The CSL locale of each CJK language when an item is rendered in its own locale.
_CJK_LOCALES = {"zh": "zh-CN", "ja": "ja-JP", "ko": "ko-KR"}
_TRADITIONAL = ("tw", "hk", "mo", "hant")
#: How a CJK language writes "volume n" of a book (the CSL label goes before the number).
_VOLUME_FORMS = {"zh": "第{}卷", "ja": "第{}巻", "ko": "제{}권"}
#: The et-al word of each CJK language (GB/T 7714-2015 8.1.2 prints 等 and 외; ほか as the
#: CSL ja-JP locale and gbt7714-bibtex-style have it).  GB/T styles set the same words as
#: locale terms (a CJK item is rendered in its own locale there).
_ET_AL = {"zh": "等", "ja": "ほか", "ko": "외"}


def language_base(tag: str | None) -> str:
    """``zh-Hans-CN`` → ``zh``; ``cmn`` → ``zh``; ``""`` for no tag."""
    base = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return "zh" if base == "cmn" else base


def _cjk_style(style_locale: str) -> bool:
    return language_base(style_locale) in _CJK_LOCALES


def item_locale(language: str | None, style_locale: str) -> str:
    """The CSL locale an item in ``language`` is rendered in by a style whose list locale is
    ``style_locale`` (module docstring).  No language: the style's locale."""
    if not language or not _cjk_style(style_locale):
        return style_locale
    base = language_base(language)
    if base == "zh":
        parts = language.strip().lower().replace("_", "-").split("-")
        return "zh-TW" if any(p in parts for p in _TRADITIONAL) else "zh-CN"
    return _CJK_LOCALES.get(base, "en-US")


def volume_form(language: str | None, locale: str, volume: str) -> str | None:
    """A book's numeric volume as the item's language writes it (``第1卷``, ``제1권``,
    ``第1巻``), when the item is rendered in its own language's locale; else ``None`` (the
    style's label and number)."""
    base = language_base(language)
    form = _VOLUME_FORMS.get(base)
    if form is None or language_base(locale) != base:
        return None
    return form.format(volume)


def english_style_et_al(language: str | None, locale: str) -> str | None:
    """For a Chinese, Japanese or Korean item rendered in a non-CJK locale (an
    English-language style): the et-al word of its language (``等``, ``ほか``, ``외``), with
    which its names are cut, and joined without ``&``/``and``, as Chinese journals' variants
    of these styles print them (``张三, 李四``, ``张三 等``).  Else ``None``."""
    base = language_base(language)
    if base not in _CJK_LOCALES or language_base(locale) in _CJK_LOCALES:
        return None
    return _ET_AL[base]


#: A space after an ASCII mark before a CJK character or an opening quote or title mark
#: (``公共行政学: 管理``, the parser's canonical form of field text).
_SPACED_MARK = regex.compile(rf"(?<=[,:;!?])[ ]+(?=[{UNSPACED_CLASS}\p{{Hangul}}“‘《])")


def unspace_cjk_marks(text: str) -> str:
    """``公共行政学: 管理`` → ``公共行政学:管理``: Chinese, Japanese and Korean text sets no
    space after a mark before a CJK character (styles that print CJK items in CJK typography ask
    for it with ``ck:cjk-unspaced-marks``).  Latin text inside keeps its spaces
    (``评Public Value: Theory``)."""
    return _SPACED_MARK.sub("", text)
