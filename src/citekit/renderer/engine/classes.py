"""The element-class table and :class:`EngineStyle`.

:data:`ELEMENT_CLASSES` maps each CSL tag to its class: citeproc-py's own, then citekit's
subclasses, listed here once.  Nothing rewrites it at import time.  Each parsed style gets its
own subclasses (with :class:`~.cache._Cached` and that style's cache) registered in an lxml
``ElementNamespaceClassLookup``, as ``citeproc.frontend.CitationStylesXML`` does.
"""

from __future__ import annotations

import re
from typing import Any

import citeproc.model as cm
from citeproc.frontend import CitationStylesStyle
from lxml import etree

from .cache import _Cached
from .compile import Group, Macro
from .conditions import Choose, ElseIf, If
from .dates import Date, Date_Part
from .keys import CSL_NS
from .layout import Layout
from .names import Name, Names, Substitute
from .numbers import Label, Number
from .sort import Key, Sort
from .text import Text

#: citekit's element classes, by CSL tag: each a subclass of the citeproc-py class it corrects.
CITEKIT_CLASSES: dict[str, type] = {
    "group": Group,
    "choose": Choose,
    "if": If,
    "else-if": ElseIf,
    "macro": Macro,
    "text": Text,
    "number": Number,
    "label": Label,
    "name": Name,
    "names": Names,
    "substitute": Substitute,
    "layout": Layout,
    "date": Date,
    "date-part": Date_Part,
    "key": Key,
    "sort": Sort,
}


def _citeproc_classes() -> dict[Any, type]:
    """citeproc-py's own table, as ``citeproc.frontend.CitationStylesXML`` builds it: the
    direct subclasses of ``CitationStylesElement`` in ``citeproc.model``, by tag
    (``Else_If`` → ``else-if``), and ``CitationStylesElement`` for any other tag."""
    table: dict[Any, type] = {None: cm.CitationStylesElement}
    for cls in cm.CitationStylesElement.__subclasses__():
        if cls.__module__ == cm.__name__:
            table[cls.__name__.replace("_", "-").lower()] = cls
    return table


#: The element class of every CSL tag: citeproc-py's, with citekit's in their place.
ELEMENT_CLASSES: dict[Any, type] = {**_citeproc_classes(), **CITEKIT_CLASSES}


def _make_parser() -> etree.XMLParser:
    """The parser citeproc-py builds in ``CitationStylesXML``, with :data:`ELEMENT_CLASSES`
    (each class given the :class:`_Cached` lookups of this parser's style)."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    cache: dict[Any, Any] = {}
    for tag, cls in ELEMENT_CLASSES.items():
        namespace[tag] = type(
            cls.__name__, (_Cached, cls), {"_ck_cache": cache, "__module__": __name__}
        )
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


class EngineStyle(CitationStylesStyle):
    """A parsed CSL style for one locale, with citekit's element classes.

    Not thread-safe (citeproc-py keeps per-render state on the elements): the renderer hands an
    instance to one thread at a time.
    """

    def __init__(self, xml: bytes, locale: str) -> None:  # noqa: D107 - see class docstring
        self.parser = _make_parser()
        self.xml = etree.ElementTree(etree.fromstring(xml, self.parser))
        self.root = self.xml.getroot()
        _encode_style_text(self.root)
        self.root.set_locale_list(locale, validate=False)


#: Attributes of style text that are printed: their ``& < >`` are text, escaped in HTML.
_PRINTED_ATTRS = ("prefix", "suffix", "delimiter")
_STYLE_SPECIAL = re.compile("[&<>]")


def _encode_style_text(root: Any) -> None:
    """``& < >`` in the printed attributes of a style (``prefix="&lt;"``) as the placeholders
    :mod:`._markup` uses for field text, so HTML output escapes them (``&#60;http://…&#62;``)
    and none is read as markup."""
    table = {ord("&"): "\ue000", ord("<"): "\ue001", ord(">"): "\ue002"}
    for element in root.iter(etree.Element):
        attrib = element.attrib
        for name in _PRINTED_ATTRS:
            value = attrib.get(name)
            if value and _STYLE_SPECIAL.search(value):
                attrib[name] = value.translate(table)
