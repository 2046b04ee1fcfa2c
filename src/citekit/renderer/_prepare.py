"""CSL-JSON items → what citeproc-py can render correctly.

Never mutates the caller's items: every prepared item is a new dict.  Names are read as
citeproc-js reads them: lower-case particles written into ``family`` or ``given`` become
particle fields (``van Gogh``, ``Alexander von``, ``d'Aubignac``; not with ``parse-names:
false`` or a family name in double quotes), ``"given": "John, III"`` has a suffix and
``"John,! Jr."`` (or ``comma-suffix``) a suffix after a comma; ``journalAbbreviation`` and
``shortTitle`` are ``container-title-short`` and ``title-short``.  ``name: value`` lines at the
start of ``note`` (Zotero's "Extra") fill the variables an item lacks; an organisation's name
that a BibTeX conversion split into persons on "and" is joined back
(:func:`_split_corporate_name`); CSL 1.0.2 variables citeproc-py does not know
(``volume-title``, ``reviewed-author``...) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import citeproc
import regex

from ..csl import ITEM_TYPES
from ..language import detect_language
from ..text.identifiers import DOI_HOST
from ..text.lexicons import words
from . import _markup
from .engine import CJK_NAMES_KEY, has_cjk
from .item_language import (
    english_style_et_al,
    item_locale,
    language_base,
    unspace_cjk_marks,
    volume_form,
)

__all__ = ["Prepared", "StyleRules", "locale_for_language", "prepare_item"]

#: CSL 1.0.2 variables citeproc-py 0.11.1 does not know, rendered too (core's source parses
#: the names and dates among them).
EXTRA_NAMES = frozenset(
    "chair compiler contributor curator director executive_producer guest host narrator organizer performer "
    "producer reviewed_author script_writer series_creator".split()
)
EXTRA_DATES = frozenset({"available_date"})
_EXTRA_VARIABLES = frozenset(
    "archive_collection citation_key division event_title part_number part_title printing_number "
    "reviewed_genre reviewed_title supplement_number volume_title volume_title_short".split()
)
_NAMES = frozenset(citeproc.NAMES) | EXTRA_NAMES
_DATES = frozenset(citeproc.DATES) | EXTRA_DATES
_VARIABLES = frozenset(citeproc.VARIABLES) | _EXTRA_VARIABLES | EXTRA_NAMES | EXTRA_DATES
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")
_BOOKLIKE_NOT = frozenset(
    "article article-journal article-magazine article-newspaper periodical".split()
)
_DIGITS = re.compile(r"^\d+$")
#: CSL-JSON field names of older exports (Zotero, citeproc-js accept them) → CSL variables.
_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}
_YEAR_RANGE = re.compile(r"^\d{4}-(?:\d{4})?$")


def locale_for_language(language: str | None, default: str) -> str:
    """The CSL locale an item in ``language`` is rendered in when the list's locale is
    ``default`` (:func:`.item_language.item_locale`)."""
    return item_locale(language, default)


_ZH_DIGITS = "零一二三四五六七八九"


def _zh_numeral(n: int) -> str:
    """1..99 in Chinese numerals: 5 → 五, 10 → 十, 12 → 十二, 21 → 二十一."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _ZH_DIGITS[ones]
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")


@dataclass(slots=True)
class Prepared:
    key: str  # citeproc-py key (lower case, unique in the list)
    id: str  # the caller's id
    data: dict[str, Any]  # CSL-JSON for citeproc-py's CiteProcJSON
    locale: str
    truncated_roles: tuple[str, ...]
    extra: dict[str, Any]  # citekit variables set on the citeproc reference (gbt_type_code)
    #: The item's language was detected (it has no ``language``).
    language_detected: bool = False


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple)):
        return None
    if isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def _name(name: Any) -> dict[str, str] | None:
    if isinstance(name, str):
        name = {"literal": name}
    if not isinstance(name, Mapping):
        return None
    literal = _text(name.get("literal"))
    if literal:
        return {"literal": _markup.encode(literal)}
    parts = {k: t for k in _NAME_KEYS if (t := _text(name.get(k)))}
    family, given = parts.get("family", ""), parts.get("given", "")
    if "," in given and "suffix" not in parts:  # "John, III", "John,! Jr." (citeproc-js)
        head, _, tail = given.partition(",")
        comma = tail.startswith("!")
        tail = tail.lstrip("!").strip()
        if head.strip() and tail:
            given = parts["given"] = head.strip()
            parts["suffix"] = tail
            if comma:
                parts["comma-suffix"] = "true"
    elif name.get("comma-suffix") in (True, "true", 1) and parts.get("suffix"):
        parts["comma-suffix"] = "true"
    if not family and not given:
        return None
    if has_cjk(family + given):
        # A CJK name is one unit: family then given, no space, no initials, in every style.
        return {"literal": _markup.encode(family + given)}
    if not family:
        return {"literal": _markup.encode(given)}
    if name.get("parse-names") not in (False, "false"):
        _parse_particles(parts)
    return {
        k: _markup.encode(v)
        if k != "non-dropping-particle" or not v.endswith(" ")
        else _markup.encode(v[:-1]) + " "
        for k, v in parts.items()
    }


# Lower-case particles at the start of a family name ("van der Vlist", "d'Aubignac",
# "al-One", "v.d. Berg", "'t Hooft") or at the end of a given name ("Alexander von"), as citeproc-js parses them.
_LEADING_PARTICLES = re.compile(
    r"^((?:(?:[’'][a-z]+|[a-z\u00df-\u00ff][\w]*(?:\.\w+)*\.?)(?:\s+|[’'\-](?=\S)|[’']\s+))+)(?=[^\s])(.*)$"
)
# One whitespace-free chunk of particles at the end of a given name ("von", "d'la"); chunks are
# matched one by one from the right (a single pattern over the whole name backtracked
# exponentially on a long given name ending in punctuation).
_PARTICLE_CHUNK = re.compile(r"(?:[a-z\u00df-\u00ff]\w*+[’']?+)++")
_CHUNK = re.compile(r"\S+")


def _trailing_particles(given: str) -> tuple[str, str] | None:
    """``given`` split into the name and the lower-case particles that end it ("Alexander von"),
    or None; the name keeps at least one chunk and no line break."""
    chunks = [(m.start(), m.group()) for m in _CHUNK.finditer(given)]
    first = len(chunks)
    while first > 1 and _PARTICLE_CHUNK.fullmatch(chunks[first - 1][1]):
        first -= 1
    if first == len(chunks) or first == 0:
        return None
    start = chunks[first][0]
    name = given[:start].rstrip()
    if "\n" in name:
        return None
    return name, given[start:].strip()


def _parse_particles(parts: dict[str, str]) -> None:
    """Particles written into ``family``/``given`` moved to the particle fields (unless the
    name has particle fields already); a family name in double quotes is taken as written."""
    family = parts.get("family", "")
    if len(family) > 1 and family[0] == family[-1] == '"':
        parts["family"] = family[1:-1]
        return
    if "non-dropping-particle" not in parts:
        m = _LEADING_PARTICLES.match(family)
        if m and m.group(2)[:1].isupper():
            particle = m.group(1).strip()
            if particle[-1:] in "’'" and m.group(1)[-1:].isspace():
                particle += " "  # "de' Frinkle": the space is kept (d'Wander has none)
            parts["non-dropping-particle"] = particle
            parts["family"] = m.group(2)
    given = parts.get("given", "")
    if "dropping-particle" not in parts and given:
        split = _trailing_particles(given)
        if split:
            parts["given"], parts["dropping-particle"] = split


def _comma_suffixes(data: dict[str, Any]) -> dict[str, list[int]]:
    """Names with a comma before their suffix, by variable (the flag is taken out of the
    name: citeproc-py's ``Name`` does not know it)."""
    out: dict[str, list[int]] = {}
    for variable, names in data.items():
        if isinstance(names, list):
            for i, name in enumerate(names):
                if isinstance(name, dict) and name.pop("comma-suffix", None):
                    out.setdefault(variable.replace("-", "_"), []).append(i)
    return out


def _date(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, Mapping):
        text = _text(value)
        return {"literal": _markup.encode(text)} if text else None
    parts = value.get("date-parts")
    clean: list[list[int]] = []
    if isinstance(parts, list):
        for part in parts[:2]:
            if not isinstance(part, list) or not part:
                break
            nums: list[int] = []
            for p in part[:3]:
                try:
                    nums.append(int(str(p).strip()))
                except ValueError:
                    break
            if not nums:
                break
            clean.append(nums)
    out: dict[str, Any] = {}
    if clean:
        out["date-parts"] = clean
    else:
        literal = _text(value.get("literal")) or _text(value.get("raw"))
        if not literal:
            return None
        out["literal"] = _markup.encode(literal)
    if value.get("circa"):
        out["circa"] = 1
    if _text(value.get("season")) and clean:
        out["season"] = value["season"]
    return out


@dataclass(frozen=True, slots=True)
class StyleRules:
    """Adapter rules a style asks for with citekit extension attributes on ``cs:style``.

    ``ck:omit-first-edition="true"``: an edition ``1`` is not printed (GB/T 7714 8.3).
    ``ck:omit-doi-in-url="true"``: a DOI the URL already contains is not printed (8.7).
    ``ck:cjk-unspaced-marks="true"``: see ``cjk_unspaced_marks``.
    ``ck:title-marks="ascii"``: see ``ascii_title_marks``.
    """

    omit_first_edition: bool = False
    omit_doi_in_url: bool = False
    citation_label: bool = False  # the style prints ``citation-label``: made when the item has none
    #: ``ck:cjk-unspaced-marks="true"``: a CJK item's text sets no space after a mark before a
    #: CJK character (:func:`.item_language.unspace_cjk_marks`; the 《》 house style)
    cjk_unspaced_marks: bool = False
    gbt2025: bool = False  # ``ck:gbt2025="true"``: the GB/T 7714-2025 forms (:func:`_gbt2025`)
    #: ``ck:title-marks="ascii"``: a title's full-width colon and semicolon (other title
    #: information, collected titles) printed as the ASCII ': ' and '; ' the style prints
    #: between elements (:func:`_ascii_title_marks`; the GB/T 7714-2015 styles)
    ascii_title_marks: bool = False


def _trigraph(data: Mapping[str, Any]) -> str | None:
    """citeproc-js's default ``citation-label`` (trigraph ``Aaaa00:AaAa00:AaAA00:AAAA00``):
    the first four letters of one author's family name, the first two of each of two, two and
    one and one of three, the initials of the first four of more; then the year's last two
    digits."""
    names = next((data[v] for v in ("author", "editor", "translator") if data.get(v)), None)
    families = []
    for name in names or ():
        family = str(name.get("family") or name.get("literal") or "")
        words = family.split()
        while len(words) > 1 and words[0][:1].islower():  # von Dipheria → Dipheria
            words.pop(0)
        family = "".join(ch for ch in " ".join(words) if ch.isalnum())
        if family:
            families.append(family)
    if not families:
        return None
    if len(families) == 1:
        label = families[0][:4]
    elif len(families) == 2:
        label = families[0][:2] + families[1][:2]
    elif len(families) == 3:
        label = families[0][:2] + families[1][:1] + families[2][:1]
    else:
        label = "".join(f[:1] for f in families[:4])
    issued = data.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, Mapping) else None
    if parts:
        label += f"{parts[0][0]:02d}"[-2:]
    return label


#: English function words that join the words of an organisation's name, never a person's
#: given names ("Research Group of Shanghai", "Society for the History").
_FUNCTION_WORDS = frozenset("of for the on and in at to".split())


def _split_corporate_name(names: list[Any]) -> str | None:
    """An organisation's name that a BibTeX conversion split into persons on "and" (an
    unbraced ``author = {Research Group of Shanghai Food and Drug Administration}`` became
    ``Food, Research Group of Shanghai`` and ``Administration, Drug``), joined back: each
    name's given and family parts in order, the names joined by "and".

    Fires only when the first name's given part cannot be a person's given names: three or
    more words, capitalised first and last, with an English function word (of, for, the, on,
    and, in, at, to) between capitalised words.  Particles (``van der``, ``de la``), dropping
    particles at the end of a given name and given names such as ``Mary Ann`` never match."""
    first = names[0] if names else None
    if (
        not isinstance(first, Mapping)
        or first.get("literal")
        or not isinstance(first.get("family"), str)
    ):
        return None
    given = first.get("given")
    if not isinstance(given, str):
        return None
    words = given.split()
    if len(words) < 3 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not any(
        w in _FUNCTION_WORDS and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        for i, w in enumerate(words[1:-1], 1)
    ):
        return None
    parts = []
    for name in names:
        if not isinstance(name, Mapping):
            return None
        if name.get("literal"):
            parts.append(str(name["literal"]).strip())
            continue
        text = " ".join(
            str(name.get(k) or "").strip()
            for k in ("given", "dropping-particle", "non-dropping-particle", "family")
        )
        parts.append(" ".join(text.split()))
    return " and ".join(p for p in parts if p) or None


_NOTE_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^}]+?)\s*$")
_ISO_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _note_date(value: str) -> dict[str, Any]:
    """An ISO date or range (``2004-10-01/2004-10-14``) as CSL-JSON, else a literal date."""
    parts = []
    for side in value.split("/")[:2]:
        m = _ISO_DATE.match(side.strip())
        if m is None:
            return {"literal": value}
        parts.append([int(g) for g in m.groups() if g is not None])
    return {"date-parts": parts}


def _note_fields(item: Mapping[str, Any], note: str) -> Mapping[str, Any]:
    """CSL variables given as ``name: value`` lines at the start of ``note`` (Zotero's "Extra"
    field, read as citeproc-js reads it): a variable the item does not have takes the value
    (names as ``Family || Given`` or a literal, dates as ISO dates), and the line leaves the
    note.  The first line may be other text; the first other line after it ends the fields.
    Only CSL variables citekit renders (and ``type``) are read."""
    lines: list[str | None] = list(note.split("\n"))
    fields: dict[str, Any] = {}
    names: dict[str, list[dict[str, str]]] = {}
    for i, line in enumerate(note.split("\n")):
        if not line.strip():
            continue
        m = _NOTE_FIELD.match(line.strip())
        if m is None:
            if i == 0:
                continue
            break
        key, value = m.group(1), m.group(2)
        py = key.replace("-", "_")
        if key == "type":
            if value not in ITEM_TYPES:
                continue
            fields["type"] = value
        elif py in _DATES:
            if item.get(key) or key in fields:
                continue
            fields[key] = _note_date(value)
        elif py not in _VARIABLES or item.get(key) or key in fields:
            continue
        elif py in _NAMES:
            family, sep, given = value.partition("||")
            names.setdefault(key, []).append(
                {"family": family.strip(), "given": given.strip()} if sep else {"literal": value}
            )
            lines[i] = None
            continue
        else:
            fields[key] = value
        lines[i] = None
    if not fields and not names:
        return item
    out = dict(item)
    out.update(fields)
    out.update(names)
    rest = "\n".join(line for line in lines if line is not None).strip()
    if rest:
        out["note"] = rest
    else:
        out.pop("note", None)
    return out


_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u9fff\uf900-\uffef])[ \t]+(?=\w)|(?<=\w)[ \t]+(?=[\u3000-\u9fff\uf900-\uffef])"
)


def prepare_item(
    item: Mapping[str, Any],
    index: int,
    default_locale: str,
    rules: StyleRules = StyleRules(),
    per_item_locale: bool = True,
) -> Prepared:
    """One CSL-JSON item → a :class:`Prepared` (a fresh dict; ``item`` is not touched), in the
    locale of its language (``per_item_locale``) or else in ``default_locale``."""
    raw_id = item.get("id")
    item_id = str(raw_id) if raw_id not in (None, "") else f"item-{index + 1}"
    key = f"i{index}"
    language = _text(item.get("language"))
    detected = not language
    if not language:
        sample = " ".join(str(item.get(k, "")) for k in ("title", "container-title", "publisher"))
        language = detect_language(sample)
    raw_note = item.get("note")
    if isinstance(raw_note, str) and ":" in raw_note:
        # before the type is read: a ``type: periodical`` line decides the layout
        item = _note_fields(item, raw_note)
    data: dict[str, Any] = {"id": key, "type": _text(item.get("type")) or "document"}
    locale = locale_for_language(language, default_locale) if per_item_locale else default_locale
    # zh-CN's quote terms are the title marks 《》: scare quotes typed in a Chinese field stay “ ”.
    cjk_quotes = locale.lower() in ("zh", "zh-cn") and (language or "").lower().startswith("zh")
    if language:
        data["language"] = language
    unspaced = rules.cjk_unspaced_marks and language_base(language) in ("zh", "ja", "ko")
    aliases = {alias: key for alias, key in _ALIASES.items() if alias in item and key not in item}
    for name, value in item.items():
        name = aliases.get(name, name)
        py = name.replace("-", "_")
        if name in ("id", "type", "language") or py not in _VARIABLES:
            continue
        if py in _NAMES:
            if isinstance(value, list):
                corporate = _split_corporate_name(value)
                if corporate is not None:
                    value = [{"literal": corporate}]
                names = []
                for v in value:
                    n = _name(v)
                    if n:
                        names.append(n)
                if names:
                    data[name] = names
        elif py in _DATES:
            date = _date(value)
            if date:
                data[name] = date
        else:
            text = _text(value)
            if text is not None:
                if unspaced:
                    text = unspace_cjk_marks(text)
                data[name] = _markup.encode(text, cjk_quotes=cjk_quotes)
    if rules.ascii_title_marks:
        _ascii_title_marks(data)
    if rules.citation_label and "citation-label" not in data:
        label = _trigraph(data)
        if label:
            data["citation-label"] = label
    page = data.get("page")
    if page:  # 序 2-3 → 序2-3: no space between CJK and Latin letters or digits
        data["page"] = _CJK_SPACE.sub("", page)
    if rules.omit_first_edition and data.get("edition", "").strip() == "1":
        del data["edition"]
    doi, url = data.get("DOI"), data.get("URL")
    if rules.omit_doi_in_url and doi and url and doi.lower() in url.lower():
        m = DOI_HOST.match(url)
        if m and url[m.end() :].lower() == doi.lower() and "accessed" not in data:
            # only the DOI's own link and no citation date: the DOI says it all, and an online
            # item ([J/OL]) would need the date GB/T 7714 asks of every online resource
            del data["URL"]
        else:
            del data["DOI"]
    is_zh = (language or "").lower().startswith("zh")
    volume = data.get("volume")
    extra: dict[str, Any] = {}
    if volume and _DIGITS.match(volume) and data["type"] not in _BOOKLIKE_NOT:
        # 第1卷, 제1권: CSL 1.0 puts the volume label before the number; CJK wraps the number.
        wrapped = volume_form(language, locale, volume)
        if wrapped is not None:
            data["volume"] = wrapped
            # The bare number, for styles that print the volume otherwise (GB/T 7714-2025: 卷1).
            extra["zh_volume_number"] = volume
    issued = data.get("issued")
    if isinstance(issued, dict) and _YEAR_RANGE.match(issued.get("literal", "")):
        # A literal year range (1984-, 1957-1990) with the em dash, for GB/T 7714-2025.
        extra["issued_em_dash"] = issued["literal"].replace("-", "\u2014")
    cjk_et_al = english_style_et_al(language, locale) if per_item_locale else None
    if cjk_et_al:
        extra[CJK_NAMES_KEY] = cjk_et_al
    if is_zh or (language or "").lower().startswith("ja"):
        # Styles with separate Chinese and Western forms branch on this (cn-social-science).
        extra["chinese_item"] = "true"
    edition = data.get("edition", "")
    if is_zh and _DIGITS.match(edition) and 0 < int(edition) < 100:
        extra["edition_zh"] = f"第{_zh_numeral(int(edition))}版"  # （第五版）
    commas = _comma_suffixes(data)
    if commas:
        extra["_citekit_comma_suffix"] = commas
    custom = item.get("custom")
    roles: tuple[str, ...] = ()
    if isinstance(custom, Mapping):
        truncated = [
            role.replace("_", "-")
            for role in sorted(_NAMES)
            if custom.get(f"{role}_truncated") and role.replace("_", "-") in data
        ]
        if custom.get("names_truncated"):
            truncated.append("author" if "author" in data else "editor")
        roles = tuple(dict.fromkeys(truncated))
        nationality = custom.get("nationality")
        if isinstance(nationality, (list, tuple)):
            nationality = nationality[0] if nationality else None
        nationality = _text(nationality)
        if nationality:
            extra["nationality"] = nationality.strip("[]［］()（）")  # printed as [美]
        code = _text(custom.get("gbt_type_code"))
        if code:
            extra["gbt_type_code"] = code
    if rules.gbt2025:
        _gbt2025(item, raw_note if isinstance(raw_note, str) else "", data, extra)
    return Prepared(
        key=key,
        id=item_id,
        data=data,
        locale=locale,
        truncated_roles=roles,
        extra=extra,
        language_detected=detected,
    )


#: The variables that hold a title (the marks inside them introduce other title information).
_TITLE_VARIABLES = ("title", "container-title", "collection-title", "volume-title")
#: A full-width colon or semicolon with the spaces around it; a ratio's colon (1：50000) is
#: the first alternative. (A run of spaces is tried from its start only, ``\G`` as below: tried
#: at each of its spaces, a 10,000-character title took 0.8 s.)
_FULL_TITLE_MARK = regex.compile(
    r"(?<=\d)[ \t]*：[ \t]*(?=\d)|(?:\G|(?<![ \t]))[ \t]*+([：；，])[ \t]*"
)
_ASCII_MARK = {"：": ": ", "；": "; ", "，": ", "}
_CJK = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
#: a full stop typed between the parts of a transliterated name ('約瑟夫．斯特勞巴哈')
_NAME_STOP = re.compile(rf"(?<=[{_CJK}])[．.](?=[{_CJK}])")


def _name_interpunct(data: dict[str, Any]) -> None:
    """A full stop between the CJK parts of a name literal as the interpunct '·' the name
    takes ('約瑟夫．斯特勞巴哈' → '約瑟夫·斯特勞巴哈'): a full-width '．' is no mark of either
    edition's scheme inside a name."""
    for role, names in data.items():
        if isinstance(names, list) and role.replace("-", "_") in _NAMES:
            for name in names:
                literal = name.get("literal") if isinstance(name, dict) else None
                if literal and ("．" in literal or "." in literal):
                    name["literal"] = _NAME_STOP.sub("\u00b7", literal)


def _ascii_title_marks(data: dict[str, Any]) -> None:
    """A title's full-width '：' '；' '，' '（ ）' as the ASCII ': ' '; ' ', ' '( )' (a ratio's colon
    as ':'), so that one entry does not mix widths: an ASCII style prints them so everywhere
    else (GB/T 7714-2015 examples as printed in ASCII: '国史旧闻: 第1卷', '学报(自然科学版)',
    '雾霾来袭, 如何突围?'); a name's full stop as '·' (:func:`_name_interpunct`), its
    parentheses as '( )'."""
    for key in _TITLE_VARIABLES:
        value = data.get(key)
        if value and ("：" in value or "；" in value or "，" in value):
            value = data[key] = _FULL_TITLE_MARK.sub(
                lambda m: ":" if m.group(1) is None else _ASCII_MARK[m.group(1)], value
            ).strip()
        if value and "（" in value and "）" in value:
            data[key] = value.replace("（", "(").replace("）", ")")
    _name_interpunct(data)
    for role, names in data.items():
        if isinstance(names, list) and role.replace("-", "_") in _NAMES:
            for name in names:  # '周强（最高人民法院院长）' → '周强(最高人民法院院长)'
                literal = name.get("literal") if isinstance(name, dict) else None
                if literal and "（" in literal and "）" in literal:
                    name["literal"] = literal.replace("（", "(").replace("）", ")")


# GB/T 7714-2025 forms that CSL cannot express (chapter 8 and appendix B of the standard).

#: ``key: value`` lines of a note (Zotero's "Extra"), whatever the key's spelling.
_NOTE_LINE = re.compile(r"^\s*([A-Za-z][\w .\-]*?)\s*:\s*(.+?)\s*$", re.M)
#: ``issued: 1865（清同治四年）``: a year with the reign or calendar date in brackets (7.5.4.1).
_ERA_DATE = re.compile(r"^(-?\d{1,4})(?:-\d{1,2}(?:-\d{1,2})?)?\s*[（(]([^（）()]+)[）)]$")
#: ``issued: 1984/``, ``1984/..`` (EDTF's open end) or ``1957/1990``: a serial's run (8.4),
#: printed ``1984—`` / ``1957—1990``.
_RUN = re.compile(r"^(\d{4})/(?:(\d{4})|\.\.)?$")
#: the entry type of the BibTeX record an item came from (Better BibTeX's ``tex.entrytype``)
_ENTRY_TYPE_KEYS = ("tex.entrytype", "entrytype")
#: a patent's applicant or owner (``tex.holder: 西安电子科技大学``; several joined by "and")
_HOLDER_KEYS = ("holder", "tex.holder")
_HOLDER_SPLIT = re.compile(r"\s+and\s+")
#: a standard's number ending in its year after a hyphen: ``AIAA G-136-2022`` (not ISO's ``:2019``).
_STANDARD_YEAR = re.compile(r"(?<=[\w.])[-\u2013\u2014](\d{4})$")
#: a title's colon before other title information (not in "ISO 21378:2019", "10:30", URLs)
# (regex, not re: ``\G`` -- where the last replacement ended -- lets a run of spaces be tried
# once, at its start, instead of at each of its characters: 10,000 spaces took 7 s)
_SUBTITLE_COLON = regex.compile(
    r"(?:\G|(?<![ \t])|(?<=[/:][ \t]))(?<![/:])(?<!\d(?=:\d))[ \t]*:(?![/\d])[ \t]*"
    r"|(?<=\D):[ \t]*(?=\d)|(?<=\d)[ \t]*:[ \t]+"
)
#: a title's em dash set off by spaces (ISO's "Explosive atmospheres — Part 20-2"), or typed as
#: two hyphens between Latin words ("information technology--telecommunications"; a Chinese
#: "研究--以" is left as it is)
_TITLE_EM_DASH = regex.compile(
    r"(?:\G|(?<![ \t\u3000]))[ \t\u3000]*+\u2014[ \t\u3000]*+|(?<=[A-Za-z])--(?=[A-Za-z])"
)
#: an ideographic or em space (U+3000, U+2003) between a title's parts, as a standard's cover
#: sets them ("信息与文献\u3000资源描述"), or a volume's ("巳集上\u2003水部"): B.8 [1]-[3] and
#: B.1 [8] print one space
_TITLE_WIDE_SPACE = regex.compile(
    r"(?:\G|(?<![ \t\u2003\u3000]))[ \t]*+[\u2003\u3000][ \t\u2003\u3000]*+"
)
#: a span of years in a title: ``2000–2020``, ``2006-2011`` (printed ``2000—2020``, B.13 [2], [8])
_TITLE_YEARS = re.compile(r"(?<![\d.\-/])([12]\d{3})[-\u2013]([12]\d{3})(?![\d.\-/])")
_TITLE_SEMICOLON = regex.compile(r"(?:\G|(?<![ \t]))[ \t]*+;[ \t]*")
# a serial's holdings (_periodical_run)
_RUN_COMMA = regex.compile(r"(?:\G|(?<!\s))\s*+,\s*")
_RUN_OPEN = regex.compile(r"(?:\G|(?<!\s))\s*+\(\s*")
_RUN_CLOSE = regex.compile(r"(?:\G|(?<!\s))\s*+\)\s*")
_RUN_DASH = regex.compile(r"(?:\G|(?<!\s))\s*+[-\u2013]\s*")
_SCALE = re.compile(r"^\s*1\s*[:\u2236]\s*([\d\s,]+?)\s*$")


def _note_values(note: str) -> dict[str, str]:
    """The first value of each ``key: value`` line of ``note``, keyed by the lower-cased key."""
    out: dict[str, str] = {}
    for m in _NOTE_LINE.finditer(note):
        out.setdefault(m.group(1).lower(), m.group(2))
    return out


def _map_scale(scale: str) -> str | None:
    """``1:25000`` → ``1∶25 000`` (8.13: the ratio sign U+2236, digits grouped by threes)."""
    m = _SCALE.match(scale)
    if m is None:
        return None
    digits = re.sub(r"[\s,]", "", m.group(1))
    if not digits.isdigit():
        return None
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return "1\u2236" + " ".join(groups)


def _pinyin_syllables(word: str) -> bool:
    """Whether ``word`` (lower case) splits into pinyin syllables."""
    syllables = words("pinyin-syllables")
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(
            ok[start] and word[start:end] in syllables for start in range(max(0, end - 6), end)
        )
    return ok[-1]


def _pinyin_full_name(name: Mapping[str, Any]) -> str | None:
    """``Wang Shanshan``: a Chinese person's name written in pinyin keeps its given name whole
    (2025 7.1.1, ``Li Jiangning``; 8.6.3 ``Wang Shanshan``, ``Yu Yang``): the family name is a
    pinyin surname and the given name, one capitalised word without full stops, is pinyin."""
    family, given = name.get("family"), name.get("given")
    if not isinstance(family, str) or not isinstance(given, str):
        return None
    if family not in words("surnames-pinyin") or not re.fullmatch(
        r"[A-Z][a-z]+(?:-[a-z]+)?", given
    ):
        return None
    if not _pinyin_syllables(given.lower().replace("-", "")):
        return None
    return f"{family} {given}"


def _holder_name(text: str) -> dict[str, str]:
    """A holder as a CSL name: ``Family, Given`` split, anything else (a body) a literal."""
    family, comma, given = text.strip().partition(",")
    if comma and family.strip() and given.strip():
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": text.strip()}


def _date_parts_run(issued: Any) -> tuple[str, str] | None:
    """A range of years as CSL date-parts: ``[[1957], [1990]]`` → ``("1957", "1990")``,
    ``[[1984], [0]]`` (an open end, as Zotero's Better CSL JSON writes it) → ``("1984", "")``."""
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if not isinstance(parts, list) or len(parts) != 2:
        return None
    start, end = parts
    if not (isinstance(start, list) and isinstance(end, list) and len(start) == len(end) == 1):
        return None
    first, last = str(start[0]).strip(), str(end[0]).strip()
    if not re.fullmatch(r"\d{4}", first) or not re.fullmatch(r"\d{4}|0?", last):
        return None
    return first, "" if last in ("", "0") else last


def _year_span(m: re.Match[str]) -> str:
    """``2000–2020`` → ``2000—2020``; not when the second number is not a later year (an ISSN's
    ``1672-1234``)."""
    first, last = m.group(1), m.group(2)
    return f"{first}\u2014{last}" if first < last else m.group(0)


def _periodical_run(run: str) -> str:
    """``1984, 1(1)-`` → ``1984，1（1）—``: full-width marks, the em dash for the range."""
    run = _RUN_COMMA.sub("，", run)
    run = _RUN_OPEN.sub("（", run)
    run = _RUN_CLOSE.sub("）", run)
    return _RUN_DASH.sub("\u2014", run)


#: Text variables whose marks GB/T 7714-2025 prints full-width, as inside Western entries
#: ('Littleton，Colo.', 'Probability，random variables', 'Problem Solving（SocProS 2012），
#: December 28-30，2012'): everything but numbers, identifiers and links.
_FIELD_VARIABLES = (
    *_TITLE_VARIABLES,
    "publisher",
    "publisher-place",
    "event",
    "event-title",
    "event-place",
    "archive",
    "archive-place",
    "authority",
)
#: a comma between words ('Ames, Iowa', '雾霾来袭, 如何'), not inside a number ('1,000')
# (a run of spaces is tried from its start only: retried at every space it is quadratic)
_FIELD_COMMA = regex.compile(
    rf"(?:\G|(?<![ \t]))[ \t]*+,(?:[ \t]+|(?=[{_CJK}]))|(?<=[{_CJK}]),[ \t]*"
)
#: an opening parenthesis that opens a parenthetical ('学报(自然科学版)', ' (SocProS 2012)'),
#: not a letter's ('Value(s)', 'Histoire(s)')
_OPENING = re.compile(rf"(?:(?<=[{_CJK}])|(?<![^\s])|(?=\([{_CJK}]))[ \t]*\(")
_HALF_WIDTH = str.maketrans({"［": "[", "］": "]", "．": "."})


def _full_width_marks(text: str) -> str:
    """``text`` with the marks GB/T 7714-2025 prints full-width: ',' between words as '，',
    ':' and ';' as '：' '；' ('London：New York'; not a URL's or a ratio's), the parentheses of
    a parenthetical as '（ ）' (spaces around them dropped), and '［ ］ ．' half-width (2025
    keeps '.' and '[ ]' half-width: '[芬兰]')."""
    text = text.translate(_HALF_WIDTH)
    if "," in text:
        text = _FIELD_COMMA.sub("，", text)
    if ":" in text:
        text = _SUBTITLE_COLON.sub("：", text)
    if ";" in text and "&" not in text:
        text = _TITLE_SEMICOLON.sub("；", text)
    if "(" not in text:
        return text
    out: list[str] = []
    opened: list[bool] = []  # for each open parenthesis: printed full-width
    i = 0
    while i < len(text):
        if text[i] in " \t":
            j = i
            while j < len(text) and text[j] in " \t":
                j += 1
            if j == len(text) or text[j] != "(":  # spaces with no parenthesis after them
                out.append(text[i:j])
                i = j
                continue
        m = _OPENING.match(text, i) if text[i] in " \t(" else None
        if m is not None:
            while out and out[-1] in " \t":
                out.pop()
            out.append("（")
            opened.append(True)
            i = m.end()
            continue
        ch = text[i]
        if ch == "(":
            opened.append(False)
        elif ch == ")" and opened:
            if opened.pop():
                out.append("）")
                i += 1
                while i < len(text) and text[i] in " \t":
                    i += 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _gbt2025(
    item: Mapping[str, Any], note: str, data: dict[str, Any], extra: dict[str, Any]
) -> None:
    """The GB/T 7714-2025 variables a prepared item gets (citekit variables in ``extra``):
    ``issued-era`` (``（清同治四年）`` from ``issued: 1865（清同治四年）`` in the note),
    ``issued-em-dash`` (a serial's run from ``issued: 1984/``), ``issued-online`` (an article
    published online first: a full date and no volume, issue, pages or number: ``铁道学报，
    2024-05-09``), ``scale`` (``1∶25 000``), ``version-label`` (``V1.0``), ``cstr`` (a CSTR
    from the note, unless the URL holds it); a standard's number takes the em dash before its
    year (``GB/T 3792—2021``); pinyin names keep their given names whole."""
    values = _note_values(note) if note else {}
    issued_note = values.get("issued", "")
    m = _ERA_DATE.match(issued_note)
    if m:
        extra["issued_era"] = f"（{m.group(2)}）"
    m = _RUN.match(issued_note)
    if m and "issued_em_dash" not in extra:
        extra["issued_em_dash"] = f"{m.group(1)}\u2014{m.group(2) or ''}"
    kind = data.get("type")
    entry_type = next((values[k] for k in _ENTRY_TYPE_KEYS if k in values), "").lower()
    run = _date_parts_run(data.get("issued"))
    if run and (kind == "periodical" or entry_type == "periodical"):
        # the same run as CSL date-parts: [[1957], [1990]], or [[1984], [0]] left open
        extra.setdefault("issued_em_dash", f"{run[0]}\u2014{run[1]}")
    if kind == "book" and entry_type == "proceedings" and "gbt_type_code" not in extra:
        # a proceedings volume exported as a book: 2025 8.6 prints it [C]
        extra["gbt_type_code"] = "C"
    holder = next((values[k] for k in _HOLDER_KEYS if k in values), "")
    if kind == "patent" and holder:
        # 2025 8.10.1: a patent's responsibility is its applicant or owner, not its inventors
        data["author"] = [_holder_name(h) for h in _HOLDER_SPLIT.split(holder) if h.strip()]
    book_title = values.get("book title")
    if book_title and not data.get("container-title"):
        # Zotero's "Book Title" of an item type that has no such field (a map in a book)
        data["container-title"] = book_title
    issued = data.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if (
        kind == "article-journal"
        and parts
        and len(parts[0]) == 3
        and not any(data.get(v) for v in ("volume", "issue", "page", "number"))
    ):
        extra["issued_online"] = "true"
    scale = item.get("scale")
    if isinstance(scale, str):
        printed = _map_scale(scale)
        if printed:
            extra["scale"] = printed
    version = data.get("version")
    if version:
        extra["version_label"] = version if version[:1] in "Vv" else f"V{version}"
    cstr = values.get("cstr")
    if cstr and cstr not in str(data.get("URL", "")):
        extra["cstr"] = cstr.removeprefix("CSTR:").strip()
    for key in ("title", "container-title", "volume"):
        value = data.get(key)
        if isinstance(value, str) and ("\u3000" in value or "\u2003" in value):
            data[key] = _TITLE_WIDE_SPACE.sub(" ", value).strip()
    for key in ("title", "container-title"):
        value = data.get(key)
        if value and ":" in value:
            # 2025 clause 7: other title information follows a full-width colon
            value = data[key] = _SUBTITLE_COLON.sub("：", value)
        if value and ";" in value and "&" not in value:
            value = data[key] = _TITLE_SEMICOLON.sub("；", value)  # collected titles (7.2.2)
        if value and ("-" in value or "\u2013" in value):
            # 2025 prints a span of years with the em dash, as GB/T 15834 has it
            value = data[key] = _TITLE_YEARS.sub(_year_span, value)
        if value and ("\u2014" in value or "--" in value):
            # B.8 [7], [9]: the em dash closed up, as Chinese text sets it
            data[key] = _TITLE_EM_DASH.sub("\u2014", value)
    for key in _FIELD_VARIABLES:
        value = data.get(key)
        if value:
            data[key] = _full_width_marks(value)
    _name_interpunct(data)
    for role, names in data.items():
        if isinstance(names, list) and role.replace("-", "_") in _NAMES:
            for name in names:
                if isinstance(name, dict) and name.get("literal"):
                    name["literal"] = _full_width_marks(name["literal"])
    if isinstance(issued, dict):
        literal = issued.get("literal")
        if literal and _ERA_DATE.match(literal):  # 1865(清同治四年) → 1865（清同治四年）
            issued["literal"] = _full_width_marks(literal)
    volume = data.get("volume")
    if kind == "periodical" and volume and not volume.isdigit():
        # a serial's holdings as 2025 prints them (8.4.2): 1984，1（1）—
        data["volume"] = _periodical_run(volume)
    number = data.get("number")
    if kind == "standard" and number:
        data["number"] = _STANDARD_YEAR.sub("\u2014\\1", number)
    for role, names in data.items():
        if isinstance(names, list) and role.replace("-", "_") in _NAMES:
            for i, name in enumerate(names):
                full = _pinyin_full_name(name)
                if full:
                    names[i] = {"literal": full}
