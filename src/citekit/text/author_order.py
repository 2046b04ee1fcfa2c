"""The order of an author-date (著者-出版年制) list, GB/T 7714-2015 9.2 and 10.2 (rules.md
GBT-ORD-02, GBT-ORD-03): one key for the renderer, which sorts a bibliography with it, and for
the validator, which checks a printed list with it (L008, L009).  Both read the name list as
it is printed ('王临惠, 支建刚, 王忠一', 'MÜLLER R, FITZGERALD P, et al.'), so that what one
prints the other accepts.

- :func:`order_key`: the names, name by name, then the year.  The works of one first author in
  one year that carry year suffixes (10.2.3) stand together as that author's, in the order of
  their letters: the standard's own example lists '王临惠, 支建刚, 王忠一, 2010a' before
  '王临惠, 2010b'.
- :func:`names_key`: name by name ('TAYLOR Y' before 'TAYLOR Y R', '张三, 李四' before '张三丰'),
  Chinese names by pinyin with surnames read as surnames (:mod:`.pinyin`), diacritics ignored
  ('MÜLLER' as 'MULLER', before 'MYERS'), case ignored; the et-al term ('等', 'et al.', '외')
  is not a name, and a suffix printed after a comma ('NORD G L, Jr') belongs to its name.
- :func:`first_author`: the name year suffixes go by (10.2.3, GBT-ORD-04: 王临惠 2010a and
  王临惠 等 2010b, although the co-authors differ).
- :func:`list_group`: the language group of an entry, read from its title's script when the
  title has letters (a Chinese work by a Japanese author is a Chinese entry), else from the
  item's language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .pinyin import language_group, pinyin_key
from .script import HAN

__all__ = ["first_author", "list_group", "names_key", "order_key"]

_NAME_SEPARATOR = re.compile(r"\s*[,，]\s*")
#: the et-al terms GB/T prints after the third name (Chinese and Japanese, Western, Korean)
_ET_AL = re.compile(r"(?:等|et\s+al\.?|외)", re.IGNORECASE)
#: a generational suffix printed after a comma (7.1.1: 'PEEBLES P Z, Jr')
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?", re.IGNORECASE)


def _plain(name: str) -> str:
    key = pinyin_key(name, True).split("\x00")[0] if HAN.search(name) else name
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch)
    ).casefold()


@lru_cache(maxsize=65536)
def names_key(names: str) -> tuple[str, ...]:
    """The sort key of a printed name list: one string per name.

    >>> names_key("MÜLLER R, FITZGERALD P, et al.") < names_key("MYERS A")
    True
    >>> names_key("曾强英, 等")
    ('zeng1 qiang2 ying1',)
    """
    keys: list[str] = []
    for name in _NAME_SEPARATOR.split(names.strip(" ,，")):
        if not name or _ET_AL.fullmatch(name):
            continue
        if keys and _SUFFIX.fullmatch(name):
            keys[-1] += " " + name.casefold().rstrip(".")
            continue
        keys.append(_plain(name))
    return tuple(keys)


def order_key(
    names: str, year: int, suffix: str = ""
) -> tuple[tuple[str, ...], int, str, tuple[str, ...]]:
    """The order of an entry whose printed name list is ``names``, dated ``year`` with the year
    suffix ``suffix`` ('' when none): name by name, then year; an entry with a suffix sorts by
    its first author only, then year and suffix (the other names break ties).

    >>> order_key("王临惠, 支建刚, 王忠一", 2010, "a") < order_key("王临惠", 2010, "b")
    True
    >>> order_key("王学军, 韦林", 2018) < order_key("王学军, 张弘", 2013)
    True
    """
    keys = names_key(names)
    if suffix:
        return (keys[:1], year, suffix, keys[1:])
    return (keys, year, "", ())


def first_author(names: str) -> str:
    """The first name of a printed name list, case folded: works by the same first author in
    the same year take the suffixes a, b, c."""
    return _NAME_SEPARATOR.split(names.strip(), maxsplit=1)[0].casefold()


def list_group(title: str, language: str | None, names: str = "") -> int:
    """The language group (0 Chinese, 1 Japanese, 2 Western, 3 Russian, 4 others; see
    :func:`.pinyin.language_group`) an entry of an author-date list belongs to."""
    if any(ch.isalpha() for ch in title):
        return language_group(None, title)
    return language_group(language, f"{names} {title}")
