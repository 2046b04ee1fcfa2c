"""The citeproc-py internals citekit's renderer relies on (``docs/citeproc-internals.md``).

citekit pins ``citeproc-py==0.11.1`` and extends it by subclass: its element classes override
citeproc-py methods and call private helpers.  An upgrade that renames a method, changes a
signature or drops a helper would silently bypass a fix or break a render, so each is checked
here; when one of these tests fails, read the upgrade's change to that internal, adapt the
engine module named in the doc, then update the table here and in the doc.
"""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version

import citeproc.model as cm
import pytest

from citekit.renderer.engine import CITEKIT_CLASSES, ELEMENT_CLASSES
from citekit.renderer.engine.cache import _Cached
from citekit.renderer.source import Source

#: citeproc-py methods citekit overrides or calls, with the signature it was written against.
OVERRIDDEN = {
    ("citeproc.model", "Affixed.wrap"): "(self, string)",
    ("citeproc.model", "Choose.render"): "(self, item, context=None, delimiter='', **kwargs)",
    ("citeproc.model", "CitationStylesElement.get_date"): "(self, form)",
    ("citeproc.model", "CitationStylesElement.get_formatter"): "(self)",
    ("citeproc.model", "CitationStylesElement.get_layout"): "(self)",
    ("citeproc.model", "CitationStylesElement.get_macro"): "(self, name)",
    ("citeproc.model", "CitationStylesElement.get_root"): "(self)",
    ("citeproc.model", "CitationStylesElement.get_single_term"): "(self, name, *args, **kwargs)",
    ("citeproc.model", "CitationStylesElement.get_term"): (
        "(self, name, form=None, fallback_locale=True, zero_padded=False)"
    ),
    ("citeproc.model", "CitationStylesElement.render"): "(self, *args, **kwargs)",
    ("citeproc.model", "CitationStylesElement.xpath_search"): "(self, expression)",
    ("citeproc.model", "Date.process"): (
        "(self, item, variable=None, show_parts=None, context=None, **kwargs)"
    ),
    (
        "citeproc.model",
        "Date.render_date_range",
    ): "(self, date_range, show_parts=None, context=None)",
    ("citeproc.model", "Date_Part.process"): "(self, date, context=None)",
    ("citeproc.model", "Delimited.join"): "(self, strings, default_delimiter='')",
    ("citeproc.model", "FormatNumber._process"): "(self, value, variable)",
    ("citeproc.model", "Formatted.format"): "(self, string)",
    ("citeproc.model", "If._position"): "(self, item, context)",
    ("citeproc.model", "Key.sort_keys"): "(self, items, context)",
    ("citeproc.model", "Label._is_plural"): "(self, item)",
    ("citeproc.model", "Layout.render_bibliography"): "(self, citation_items)",
    ("citeproc.model", "Macro.render"): "(self, item, context=None, sort_options=None)",
    ("citeproc.model", "Name.et_al"): "(self)",
    ("citeproc.model", "Name.get_option"): "(self, name, context=None, sort_options=None)",
    ("citeproc.model", "Name.initialize"): "(self, given, mark, context)",
    ("citeproc.model", "Name.process"): (
        "(self, item, variable, context=None, sort_options=None, **kwargs)"
    ),
    ("citeproc.model", "Names.process"): "(self, item, names_context=None, context=None, **kwargs)",
    ("citeproc.model", "Number.format_number"): "(self, number)",
    ("citeproc.model", "Parent.render_children"): "(self, item, delimiter='', **kwargs)",
    ("citeproc.model", "Sort.sort"): "(self, items, context)",
    ("citeproc.model", "Style.set_locale_list"): "(self, output_locale, validate=True)",
    ("citeproc.model", "Substitute.render"): "(self, item, context=None, **kwargs)",
    ("citeproc.model", "Text._variable"): "(self, item, context)",
    ("citeproc.model", "Text.markup"): "(self, text, language)",
    ("citeproc.model", "Text.render"): "(self, *args, **kwargs)",
    ("citeproc.model", "TextCased.case"): "(self, text, language=None)",
    ("citeproc.model", "StrippedPeriods.strip_periods"): "(self, string)",
    ("citeproc.source.json", "CiteProcJSON.__init__"): "(self, json_data)",
    ("citeproc.source.json", "CiteProcJSON.parse_date"): "(self, json_data)",
    ("citeproc.source.json", "CiteProcJSON.parse_names"): "(self, json_data)",
    ("citeproc.source.json", "CiteProcJSON.parse_string"): "(self, string)",
    ("citeproc.string", "normalize_seam"): "(left, other)",
    ("citeproc.string", "_strip_first_char"): "(other)",
}

#: Other names citekit imports or reads from citeproc-py.
USED_NAMES = {
    "citeproc": ["Citation", "CitationItem", "CitationStylesBibliography", "Locator"],
    "citeproc.frontend": ["CitationStylesStyle", "CitationStylesXML"],
    "citeproc.formatter.html": ["TagWrapper", "Italic", "Bold", "SmallCaps", "Superscript"],
    "citeproc.source": ["CitationItem", "Date", "DateRange", "VariableError"],
    "citeproc.string": ["SEAM_PUNCTUATION", "MixedString", "NoCase", "String"],
    "citeproc.model": ["NAMES", "CitationStylesElement", "Locale", "Style", "Else_If"],
}


def _resolve(module: str, path: str) -> object:
    obj: object = importlib.import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def test_citeproc_version_is_the_pinned_one() -> None:
    assert version("citeproc-py") == "0.11.1"


@pytest.mark.parametrize(("where", "signature"), sorted(OVERRIDDEN.items()))
def test_overridden_or_called_internal_has_the_signature_relied_upon(
    where: tuple[str, str], signature: str
) -> None:
    module, path = where
    assert str(inspect.signature(_resolve(module, path))) == signature  # type: ignore[arg-type]


def test_other_internals_exist() -> None:
    missing = [
        f"{module}.{name}"
        for module, names in USED_NAMES.items()
        for name in names
        if not hasattr(importlib.import_module(module), name)
    ]
    assert not missing
    # title case's stop words are citeproc-py's, extended with citeproc-js's
    assert isinstance(cm.TextCased._stop_words, (list, tuple, set, frozenset))
    # HTML tags are str subclasses: join appends them with + (engine.strings._join_plus)
    from citeproc.formatter.html import Italic, TagWrapper

    assert issubclass(TagWrapper, str) and str(Italic("x")) == "<i>x</i>"


def test_every_citeproc_method_citekit_overrides_is_in_the_table() -> None:
    """A method citekit's classes define that shadows a citeproc-py one is listed above (so a
    new override gets its signature recorded, and an upgrade that changes it fails)."""
    table = {f"{m}.{p}" for m, p in OVERRIDDEN}
    unlisted = set()
    for cls in [*CITEKIT_CLASSES.values(), _Cached, Source]:
        for klass in cls.__mro__:
            if not klass.__module__.startswith("citekit"):
                continue
            for name, value in vars(klass).items():
                if not callable(value) or name.startswith("__") and name != "__init__":
                    continue
                for base in ELEMENT_CLASSES.values() if cls is _Cached else cls.__mro__:
                    owner = next(
                        (
                            k
                            for k in getattr(base, "__mro__", ())
                            if k.__module__.startswith("citeproc") and name in vars(k)
                        ),
                        None,
                    )
                    if owner is not None:
                        full = f"{owner.__module__}.{owner.__qualname__}.{name}"
                        if full not in table:
                            unlisted.add(full)
                        break
    assert not unlisted


def test_element_table_extends_citeproc_table_by_tag() -> None:
    """citeproc-py finds an element's class by its tag from the direct subclasses of
    ``CitationStylesElement`` (``Else_If`` → ``else-if``); citekit's table keeps every tag and
    puts each citekit class where its citeproc-py base class was."""
    for tag, cls in CITEKIT_CLASSES.items():
        base = ELEMENT_CLASSES[tag]
        assert base is cls
        citeproc_base = next(k for k in cls.__mro__ if k.__module__ == cm.__name__)
        assert citeproc_base.__name__.replace("_", "-").lower() == tag
    citeproc_tags = {
        c.__name__.replace("_", "-").lower()
        for c in cm.CitationStylesElement.__subclasses__()
        if c.__module__ == cm.__name__  # (each parsed style adds its own subclasses)
    }
    assert {"group", "choose", "if", "else-if", "else", "text", "names", "layout"} <= citeproc_tags
    assert citeproc_tags <= set(ELEMENT_CLASSES)
