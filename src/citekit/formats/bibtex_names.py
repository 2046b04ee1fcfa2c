"""BibTeX name lists: ``and``-separated names in ``First von Last``, ``von Last, First`` and
``von Last, Jr, First`` forms, ``{}``-protected corporate names, Chinese names as literals."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..text.script import has_cjk
from ._common import is_others
from .latex import delatex, enlatex, split_top

__all__ = ["format_name", "parse_names"]


# a brace, or "and" between spaces; (?<!\s): a space run is tried once, not at every space
_AND_OR_BRACE = re.compile(r"[{}]|(?<!\s)\s+and\s+", re.I)


def _split_and(value: str) -> list[str]:
    if " and " not in value.lower() and "\tand" not in value.lower() and "and\n" not in value:
        return [value.strip()] if value.strip() else []
    out, depth, start = [], 0, 0
    for m in _AND_OR_BRACE.finditer(value):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0:
            out.append(value[start : m.start()])
            start = m.end()
    out.append(value[start:])
    return [p.strip() for p in out if p.strip()]


def _words(s: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for c in s:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if c.isspace() and depth == 0:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def _is_lower(word: str) -> bool:
    for c in word:
        if c.isalpha():
            return c.islower()
        if c == "{":
            return False  # {braced} words count as upper case
    return False


def parse_names(value: str) -> tuple[list[dict[str, str]], bool]:
    """CSL names from a BibTeX name list; and whether ``and others`` was there."""
    names: list[dict[str, str]] = []
    others = False
    for part in _split_and(value):
        if is_others(part):
            others = True
            continue
        name = _parse_name(part)
        if name:
            names.append(name)
    return names, others


def _parse_name(s: str) -> dict[str, str] | None:
    s = s.strip().rstrip(",")
    if not s:
        return None
    if s.startswith("{") and s.endswith("}") and _balanced_outer(s):
        return {"literal": delatex(s[1:-1]).strip()}
    plain = delatex(s)
    if has_cjk(plain) and not re.search(r"[A-Za-z]", plain):
        return {"literal": re.sub(r"\s*[,，]\s*|\s+", "", plain)}
    parts = [p.strip() for p in split_top(s, ",")]
    if len(parts) == 1:
        words = _words(parts[0])
        if len(words) == 1:
            return {"family": delatex(words[0])}
        # First von Last
        i = 0
        while i < len(words) - 1 and not _is_lower(words[i]):
            i += 1
        if i == len(words) - 1:  # no von part
            first, von, last = words[:-1], [], words[-1:]
        else:
            j = i
            while j < len(words) - 1 and _is_lower(words[j]):
                j += 1
            first, von, last = words[:i], words[i:j], words[j:]
        jr = ""
    else:
        words = _words(parts[0])
        k = 0
        while k < len(words) - 1 and _is_lower(words[k]):
            k += 1
        von, last = words[:k], words[k:]
        if len(parts) == 2:
            jr, first = "", _words(parts[1])
        else:
            jr, first = parts[1], _words(", ".join(parts[2:]))
    name: dict[str, str] = {"family": delatex(" ".join(last))}
    if first:
        name["given"] = delatex(" ".join(first))
    if von:
        name["non-dropping-particle"] = delatex(" ".join(von))
    if jr:
        name["suffix"] = delatex(jr)
    return name


def _balanced_outer(s: str) -> bool:
    depth = 0
    for i, c in enumerate(s):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and i != len(s) - 1:
                return False
    return depth == 0


def format_name(n: Mapping[str, Any]) -> str:
    if n.get("literal"):
        return "{" + enlatex(str(n["literal"])) + "}"
    family = enlatex(str(n.get("family", "")))
    if " " in family or (family and family[0].islower()):
        family = "{" + family + "}"
    ndp = n.get("non-dropping-particle") or n.get("dropping-particle")
    if ndp:
        family = enlatex(str(ndp)) + " " + family
    given = enlatex(str(n.get("given", "")))
    if has_cjk(family + given) and not re.search(r"[A-Za-z]", family + given):
        return "{" + family.strip("{}") + given + "}"
    if n.get("suffix"):
        return f"{family}, {enlatex(str(n['suffix']))}, {given}"
    if given:
        return f"{family}, {given}"
    return family
