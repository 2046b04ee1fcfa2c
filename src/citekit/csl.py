"""CSL-JSON items as plain dicts, with types and a table of variable kinds.

One class per CSL type would be a maintenance trap (CSL has ~100 variables and grows), so an
item is a ``dict`` typed by :class:`CslItem`, and :data:`VARIABLE_KINDS` says what each
variable holds.  Variable names follow CSL 1.0.2 / the CSL-JSON schema.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = [
    "CslDate",
    "CslItem",
    "CslName",
    "ITEM_TYPES",
    "VARIABLE_KINDS",
    "VariableKind",
    "variable_kind",
]


class CslName(TypedDict, total=False):
    family: str
    given: str
    literal: str
    suffix: str
    dropping_particle: str  # serialised as "dropping-particle"
    non_dropping_particle: str  # serialised as "non-dropping-particle"


class CslDate(TypedDict, total=False):
    # "date-parts" is not a valid identifier; it is accessed by key.
    literal: str
    raw: str
    season: int | str
    circa: bool | int | str


CslItem = dict[str, Any]
"""A CSL-JSON item: ``{"id": ..., "type": ..., <variable>: ...}``."""

VariableKind = Literal["name", "date", "number", "text"]

ITEM_TYPES: frozenset[str] = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture
    musical_score pamphlet paper-conference patent performance periodical personal_communication
    post post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage""".split()
)

_NAMES = """author chair collection-editor compiler composer container-author contributor curator
director editor editorial-director executive-producer guest host illustrator interviewer
narrator organizer original-author performer producer recipient reviewed-author script-writer
series-creator translator"""

_DATES = "accessed available-date event-date issued original-date submitted"

_NUMBERS = """chapter-number citation-number collection-number edition first-reference-note-number
issue locator number number-of-pages number-of-volumes page page-first part-number
printing-number section supplement-number version volume"""

VARIABLE_KINDS: dict[str, VariableKind] = {
    **{v: "name" for v in _NAMES.split()},
    **{v: "date" for v in _DATES.split()},
    **{v: "number" for v in _NUMBERS.split()},
}


def variable_kind(name: str) -> VariableKind:
    """Kind of a CSL variable; anything not a name, date or number is text."""
    return VARIABLE_KINDS.get(name, "text")


def year_of(item: CslItem) -> int | None:
    """The first year of ``issued``, if the item has one."""
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    try:
        return int(parts[0][0])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None
