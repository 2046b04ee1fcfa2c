"""``cs:layout``: bibliography entries (``second-field-align``, display divs) and citation
clusters (cite affixes, collapsing of numbers, years and year suffixes, note-start
capitalisation).
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cm
from citeproc.source import VariableError
from citeproc.string import (
    String,
)

from .._markup import (
    DISPLAY,
)
from .compile import RAISED, _compile_children, compiled
from .keys import (
    _CK_AT_START,
    _CK_NAMES_BARE,
    _CK_NAMES_DONE,
    _CK_NAMES_TEXT,
    _CK_SUBSEQUENT,
    _CK_SUBSTITUTED,
    _CK_SUFFIX_DONE,
    _CK_TERMS,
    CK_DIVS,
    CK_IN_CITE,
    CK_MODE,
    CK_NS,
    CK_POSITION,
)
from .strings import cjk_join, join
from .text import _AFFIX_PUNCT, _SENTENCE_END, _capitalize_term, _punct

# --- layout ---------------------------------------------------------------------------------

_CK_LOCATOR_OUTSIDE = f"{{{CK_NS}}}locator-outside-affixes"


class Layout(cm.Layout):
    def compile(self) -> Any:
        return _compile_children(self)

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        text, _ = self.ck_compiled()(item, kwargs, delimiter)
        return text

    def render_bibliography(self, citation_items: Any) -> list[Any]:
        bibliography = self.getparent()
        align = bibliography.get("second-field-align") if bibliography is not None else None
        children = list(self.iterchildren())
        output_items = []
        for item in citation_items:
            self.repressed: dict[str, Any] = {}
            item[_CK_SUFFIX_DONE] = False
            item[_CK_NAMES_DONE] = False
            item[_CK_NAMES_TEXT] = None
            item[_CK_NAMES_BARE] = None
            item[_CK_SUBSTITUTED] = False
            if align and len(children) > 1:
                first = self._render_one(children[0], item)
                rest = self._render_list(children[1:], item)
                if dict.get(item, CK_DIVS):  # the first field and the rest in their divs
                    if first is not None and not children[0].get("display"):
                        first = (
                            String(DISPLAY["left-margin"][0])
                            + first
                            + String(DISPLAY["left-margin"][1])
                        )
                    if rest is not None and not (len(children) == 2 and children[1].get("display")):
                        rest = (
                            String(DISPLAY["right-inline"][0])
                            + rest
                            + String(DISPLAY["right-inline"][1])
                        )
                    body = (
                        join([t for t in (first, rest) if t is not None], "")
                        if (first or rest)
                        else None
                    )
                elif first is not None and rest is not None:
                    body = join([first, rest], " ")
                else:
                    body = first if rest is None else rest
            else:
                body = self.render_children(item)
            text = self.format(self.wrap(body))
            if text is not None:
                output_items.append(text)
        return output_items

    # -- citations ---------------------------------------------------------------------------

    def render_cite(self, item: Any) -> Any:
        """One cite of a cluster: the layout's children with the cite's prefix and suffix, no
        layout affixes.  ``None`` when it renders nothing."""
        self.repressed = {}
        item[CK_IN_CITE] = True
        item[_CK_SUFFIX_DONE] = False
        item[_CK_NAMES_DONE] = False
        item[_CK_NAMES_TEXT] = None
        item[_CK_NAMES_BARE] = None
        item[_CK_SUBSTITUTED] = False
        item[_CK_TERMS] = None
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        if dict.get(item, CK_MODE) == "author-only":
            output = dict.get(item, _CK_NAMES_TEXT)
        prefix = item.get("prefix", "")
        if output is None:
            if not prefix and not item.get("suffix"):
                return None
            output = String("")  # a cite that prints nothing keeps its prefix and suffix
        # a prefix ending a sentence capitalises a term after it, unless it is one word
        # ("Nocapsafter. ibid."; citeproc-js)
        if dict.get(item, _CK_AT_START) or (
            _SENTENCE_END.search(str(prefix)) and " " in str(prefix).strip()
        ):
            output = _capitalize_term(output, dict.get(item, _CK_TERMS))
        return String(prefix) + output + String(item.get("suffix", ""))

    def render_cluster(
        self, cites: list[Any], layout_for: Any, history: list[Any], errors: list[str]
    ) -> Any:
        """A citation cluster: cites sorted by the citation's ``cs:sort`` (else as given), each
        rendered by the layout of its locale (``layout_for(cite)``), collapsed as the citation's
        ``collapse`` asks, joined and wrapped in this layout's affixes and formatting.

        ``history`` holds the cites rendered before (positions); a cite that raises is recorded
        in ``errors`` and rendered as its key so the other cites still render."""
        citation = self.getparent()
        if citation.sort is not None and len(cites) > 1:
            try:
                cites = citation.sort.sort(cites, self)
            except Exception as exc:  # noqa: BLE001 - keep the order given
                errors.append(f"sorting cites: {type(exc).__name__}: {exc}")
        rendered: list[tuple[Any, Any]] = []
        note = self.get_root().get("class") == "note"
        for n, cite in enumerate(cites):
            layout = layout_for(cite)
            # a note starts with the first cite: a term beginning it is capitalised (Ibid.)
            cite[_CK_AT_START] = note and n == 0 and not cite.get("prefix")
            given = dict.get(cite, CK_POSITION)
            cite[_CK_SUBSEQUENT] = (
                given != "first" if given else any(c.key == cite.key for c in history)
            )
            try:
                text = layout.render_cite(cite)
            except Exception as exc:  # noqa: BLE001 - one cite never aborts the cluster
                errors.append(f"{cite.key}: {type(exc).__name__}: {exc}")
                text = String(cite.key)
            if text is not None:
                rendered.append((cite, text))
            history.append(cite)
        if not rendered:
            return None
        delimiter = self.get("delimiter", "")
        if citation.get(_CK_LOCATOR_OUTSIDE) == "true" and any(c.has_locator for c, _ in rendered):
            return self._locators_outside(rendered, delimiter)
        return self._cluster(rendered, layout_for, delimiter)

    def _cluster(self, rendered: list[tuple[Any, Any]], layout_for: Any, delimiter: str) -> Any:
        """Rendered cites collapsed, joined, wrapped in the layout's affixes and formatted."""
        citation = self.getparent()
        collapse = citation.get("collapse")
        if collapse == "citation-number":
            parts = self._collapse_numbers(rendered, delimiter)
        elif collapse in ("year", "year-suffix", "year-suffix-ranged"):
            parts = self._collapse_years(rendered, layout_for, delimiter)
        elif citation.get("cite-group-delimiter") is not None and len(rendered) > 1:
            parts = self._group_cites(rendered, citation.get("cite-group-delimiter"))
        else:
            parts = [text for _, text in rendered]
            if len(rendered) > 1 and any(
                _punct(str(c.get("prefix") or "")[:1])
                or _punct(str(c.get("suffix") or "").rstrip()[-1:])
                for c, _ in rendered
            ):
                return self.format(self.wrap(self._join_with_affixes(rendered, delimiter)))
        return self.format(self.wrap(cjk_join(parts, delimiter)))

    def _locators_outside(self, rendered: list[tuple[Any, Any]], delimiter: str) -> Any:
        """``ck:locator-outside-affixes``: GB/T 7714 numeric prints a cited page after the
        bracket (``[1]12``, 10.1.3): each cite with a locator is wrapped in the layout's affixes
        alone and followed by its locator; the runs of cites between them collapse and wrap as
        usual (``[1-2],[3]12``); the whole takes the layout's formatting (superscript)."""
        segments: list[Any] = []
        run: list[tuple[Any, Any]] = []

        def flush() -> None:
            if run:
                collapse = self.getparent().get("collapse") == "citation-number"
                parts = self._collapse_numbers(run, delimiter) if collapse else [t for _, t in run]
                segments.append(self.wrap(cjk_join(parts, delimiter)))
                run.clear()

        for cite, text in rendered:
            if not cite.has_locator:
                run.append((cite, text))
                continue
            flush()
            segments.append(join([self.wrap(text), String(str(cite.locator.identifier))], ""))
        flush()
        return self.format(join(segments, delimiter))

    @staticmethod
    def _join_with_affixes(rendered: list[tuple[Any, Any]], delimiter: str) -> Any:
        """Cites joined by the layout delimiter, except that a cite prefix starting with
        punctuation (``, and``) replaces the delimiter, and a cite suffix ending with
        punctuation (``is one source,``) takes the place of the delimiter's own."""
        output = rendered[0][1]
        for (previous, _), (cite, text) in zip(rendered, rendered[1:], strict=False):
            if _punct(str(cite.get("prefix") or "")[:1]):
                between = ""
            elif _punct(str(previous.get("suffix") or "").rstrip()[-1:]):
                between = delimiter.lstrip(_AFFIX_PUNCT)
            else:
                between = delimiter
            output = join([output, text], between)
        return output

    def _collapse_numbers(self, rendered: list[tuple[Any, Any]], delimiter: str) -> list[Any]:
        def number(cite: Any) -> int | None:
            if (
                cite.has_locator
                or cite.get("prefix")
                or cite.get("suffix")
                or dict.get(cite, CK_MODE)
            ):
                return None
            try:
                return int(cite.number)
            except Exception:  # noqa: BLE001
                return None

        out: list[Any] = []
        i = 0
        dash = "\u2013"
        while i < len(rendered):
            j = i
            n = number(rendered[i][0])
            while (
                n is not None
                and j + 1 < len(rendered)
                and number(rendered[j + 1][0]) == n + (j + 1 - i)
            ):
                j += 1
            if j - i >= 2:
                out.append(rendered[i][1] + dash + rendered[j][1])
            else:
                out.extend(text for _, text in rendered[i : j + 1])
            i = j + 1
        return out

    @staticmethod
    def _group_cites(rendered: list[tuple[Any, Any]], group_delimiter: str) -> list[Any]:
        """Cite grouping without collapsing (CSL 1.0.2, ``cite-group-delimiter`` alone): the
        cites whose names print alike move next to the first of them, each group joined by
        the cite-group-delimiter, the groups by the layout delimiter."""
        groups: list[list[Any]] = []
        index: dict[str, int] = {}
        for cite, text in rendered:
            names = dict.get(cite, _CK_NAMES_TEXT)
            key = str(names) if names is not None and not dict.get(cite, CK_MODE) else None
            if key is not None and key in index:
                groups[index[key]].append(text)
            else:
                if key is not None:
                    index[key] = len(groups)
                groups.append([text])
        return [join(group, group_delimiter) if len(group) > 1 else group[0] for group in groups]

    def _collapse_years(
        self, rendered: list[tuple[Any, Any]], layout_for: Any, delimiter: str
    ) -> list[Any]:
        citation = self.getparent()
        # no cite-group-delimiter: ", " in an in-text style, the layout delimiter in a note
        # style (citeproc-js)
        group_delimiter = citation.get(
            "cite-group-delimiter", ", " if self.get_root().get("class") == "in-text" else delimiter
        )
        after = citation.get("after-collapse-delimiter", delimiter)
        groups: list[list[tuple[Any, Any]]] = []
        index: dict[str, int] = {}
        by_author = citation.get("collapse") in ("year-suffix", "year-suffix-ranged")
        # without a cs:sort, only adjacent cites of one author group (citeproc-js)
        sorted_cites = citation.sort is not None
        for cite, text in rendered:
            names = dict.get(cite, _CK_NAMES_TEXT)
            key = str(names) if names is not None and not dict.get(cite, CK_MODE) else None
            if key is None and by_author and not dict.get(cite, CK_MODE):
                # cites that print no names still group by their authors (for year suffixes)
                authors = dict.get(cite.reference, "author")
                key = "\x00" + repr([sorted(dict.items(n)) for n in authors]) if authors else None
            if key is not None and key in index and (sorted_cites or index[key] == len(groups) - 1):
                groups[index[key]].append((cite, text))
            else:
                if key is not None:
                    index[key] = len(groups)
                groups.append([(cite, text)])
        collapse = citation.get("collapse")
        suffixes = collapse in ("year-suffix", "year-suffix-ranged")
        if suffixes:
            # year-suffix collapsing: cites of one author and year print only their suffix
            # (2000a,b; 2000a–c ranged), joined by year-suffix-delimiter (default: the
            # cite-group-delimiter, else the layout delimiter); author groups are joined by the
            # cite-group-delimiter (default: the layout delimiter).
            suffix_delimiter = citation.get(
                "year-suffix-delimiter", citation.get("cite-group-delimiter", delimiter)
            )

        def suppressed(cite: Any) -> Any:
            cite[CK_MODE] = "suppress-author"
            try:
                return layout_for(cite).render_cite(cite)
            finally:
                cite[CK_MODE] = None

        out: list[Any] = []
        for group in groups:
            if suffixes and len(group) > 1:
                out.append(
                    self._collapse_suffixes(
                        group,
                        suppressed,
                        group_delimiter,
                        suffix_delimiter,
                        collapse == "year-suffix-ranged",
                        delimiter,
                    )
                )
                continue
            # a cite with a locator is followed by the after-collapse-delimiter (citeproc-js:
            # Wong 1999, 328; 2000, 475), the others by the cite-group-delimiter
            text = group[0][1]
            previous = group[0][0]
            for cite, _ in group[1:]:
                short = suppressed(cite)
                if short is not None:
                    text = join([text, short], after if previous.has_locator else group_delimiter)
                    previous = cite
            out.append(text)
        if len(out) > 1 and after != delimiter:
            # the after-collapse-delimiter follows a group that collapsed or ends with a
            # locator, and with collapse="year" any group (citeproc-js); else the layout's
            output = out[0]
            for group, text in zip(groups, out[1:], strict=False):
                collapsed = len(group) > 1 or group[-1][0].has_locator or collapse != "year-suffix"
                output = join([output, text], after if collapsed else delimiter)
            return [output]
        return out

    @staticmethod
    def _collapse_suffixes(
        group: list[tuple[Any, Any]],
        suppressed: Any,
        group_delimiter: str,
        suffix_delimiter: str,
        ranged: bool,
        delimiter: str,
    ) -> Any:
        """One author's cites with runs of the same year collapsed to their year suffixes."""

        def year_key(cite: Any, text: Any) -> str | None:
            """The cite's author-less text without its year suffix, if it can collapse."""
            suffix = dict.get(cite.reference, "year_suffix")
            if (
                not suffix
                or text is None
                or cite.has_locator
                or cite.get("prefix")
                or cite.get("suffix")
            ):
                return None
            raw = str(text)
            at = raw.rfind(str(suffix))
            return None if at < 0 else raw[:at] + "\x00" + raw[at + len(str(suffix)) :]

        chunks: list[tuple[str, str | None, list[str]]] = []  # (text, head suffix, run)
        previous: str | None = None
        for n, (cite, full) in enumerate(group):
            short = suppressed(cite)
            key = year_key(cite, short)
            suffix = str(dict.get(cite.reference, "year_suffix") or "")
            if n and key is not None and key == previous and chunks and chunks[-1][1]:
                chunks[-1][2].append(suffix)
            else:
                text = full if n == 0 else short
                if text is not None:
                    chunks.append((str(text), suffix if key is not None else None, []))
            previous = key
        parts: list[str] = []
        after_run = False
        for text, head, run in chunks:
            if parts:  # after a collapsed run the layout delimiter, else the cite-group-delimiter
                parts.append(delimiter if after_run else group_delimiter)
            after_run = bool(run) and head is not None
            if head is None or not run:
                parts.append(text)
                continue
            letters = [head, *run]
            tokens: list[str] = []
            i = 0
            while i < len(letters):
                j = i
                while (
                    ranged
                    and j + 1 < len(letters)
                    and len(letters[j + 1]) == len(letters[j]) == 1
                    and ord(letters[j + 1]) == ord(letters[j]) + 1
                ):
                    j += 1
                if j - i >= 2:
                    tokens.append(letters[i] + "\u2013" + letters[j])
                    i = j + 1
                else:
                    tokens.extend(letters[i : j + 1])
                    i = j + 1
            at = text.rfind(head) + len(head)
            extra = tokens[0][len(head) :] + "".join(suffix_delimiter + t for t in tokens[1:])
            parts.append(text[:at] + extra + text[at:])
        return join(parts, "") if len(parts) > 1 else (parts[0] if parts else None)

    def _render_one(self, child: Any, item: Any) -> Any:
        text, _ = compiled(child)(item, {"delimiter": ""} if isinstance(child, cm.Choose) else {})
        return None if text is RAISED else text

    def _render_list(self, children: list[Any], item: Any) -> Any:
        out = [t for t in (self._render_one(c, item) for c in children) if t is not None]
        return join(out, "") if out else None
