"""Every compiled regular expression of the package, run against adversarial strings.

A pattern with nested quantifiers over overlapping classes (``(a*)*``, ``(\\w+\\s*)+$``) or a
leading quantifier that a search retries at every position (``\\s*,`` over a long run of spaces)
takes exponential or quadratic time on the right input; reference fields can be megabytes of
hostile text, so each pattern must stay linear.  :func:`audit` finds the patterns (module-level
``re``/``regex`` patterns, lazy or compiled) and times ``search``, ``fullmatch`` and ``split`` on
long runs of one and two character classes followed by a character that breaks the match;
``python -m tests.fuzz.patterns`` prints the slowest.  The CI test (``tests/test_robustness.py``)
runs it in a child process with a CPU bound per pattern far above what a linear pattern takes.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

import regex

import citekit
from citekit.lazyregex import CompiledPattern

# One character per class a reference can hold; runs of one and of two of them (followed by a
# terminator no pattern expects) are the inputs that make backtracking patterns blow up.
ALPHABET = list(" a A1.,-(《[字'/:\n&é\t：，") + ["[J]", "\u3000", "·"]
TERMINATORS = ["\x00", "!", "a", " "]


def adversarial(n: int, pairs: bool = True) -> Iterator[str]:
    for c in ALPHABET:
        for t in TERMINATORS:
            yield c * n + t
    if pairs:
        for a, b in itertools.permutations(ALPHABET, 2):
            yield (a + b) * (n // 2) + "\x00"


def patterns() -> Iterator[tuple[str, Any]]:
    """(``module.NAME``, a compiled pattern) for every module-level pattern of citekit."""
    seen: set[int] = set()
    for info in pkgutil.walk_packages(citekit.__path__, "citekit."):
        if info.name.startswith(("citekit.spark", "citekit.service")):
            continue  # optional extras (pyspark, the HTTP server) hold no text patterns
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, CompiledPattern):
                value.search("")  # a lazy pattern compiles on first use
                value = value.compiled()
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in seen:
                seen.add(id(value))
                yield f"{info.name}.{name}", value


class _Slow(BaseException):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Slow()


def audit(
    n: int = 4000, bound: float = 5.0, show: float | None = None, pairs: bool = True
) -> list[tuple[float, str, str]]:
    """(CPU seconds, pattern name, a short description of the worst input) for each pattern,
    slowest first; a pattern stopped at ``bound`` seconds shows as ``bound``."""
    inputs = list(adversarial(n, pairs))
    signal.signal(signal.SIGPROF, _alarm)
    out = []
    for name, pattern in patterns():
        worst, worst_input = 0.0, ""
        for text in inputs:
            start = time.process_time()
            try:
                signal.setitimer(signal.ITIMER_PROF, bound)
                try:
                    pattern.search(text)
                    pattern.fullmatch(text)
                    pattern.split(text, maxsplit=1000)
                finally:
                    signal.setitimer(signal.ITIMER_PROF, 0)
            except _Slow:
                worst, worst_input = bound, text
                break
            took = time.process_time() - start
            if took > worst:
                worst, worst_input = took, text
        out.append((worst, name, f"{worst_input[:6]!r}... ({len(worst_input)} chars)"))
        if show is not None and worst >= show:
            print(f"{worst:8.3f}  {name}  {out[-1][2]}", flush=True)
    return sorted(out, reverse=True)


# What a pattern may need before a run to reach the part of it that the run makes backtrack
# (``2017年`` then spaces reached the groups after 年 of parser.numbers._CN_DATE)
PREFIXES = ["2017年", "2017", "(", ":", "《书》", "张三", "Smith", "[J]", ",", "第", "Vol.", "等"]


def growth(
    n: int = 2000,
    factor: int = 8,
    show: float = 0.02,
    start: str = "",
    prefixes: Sequence[str] = ("",),
) -> list[tuple[float, str, str]]:
    """Patterns whose ``search`` over a run of one character class grows faster than the run:
    (the ratio of times at ``factor * n`` and at ``n``, the pattern, the run) for each pattern
    that takes over ``show`` seconds at the longer run and grows more than ``factor`` squared
    over two (a quadratic pattern grows by ``factor`` squared, a linear one by ``factor``).
    Each run follows each of ``prefixes``.  Patterns before the one named ``start`` are
    skipped."""
    out = []
    skipping = bool(start)
    for name, pattern in patterns():
        skipping = skipping and name != start  # (resume a pass at the pattern ``start``)
        if skipping:
            continue
        for c, pre in itertools.product(ALPHABET, prefixes):
            for t in TERMINATORS:
                took = []
                for size in (n, factor * n):
                    text = pre + c * size + t
                    start = time.process_time()
                    for _ in pattern.finditer(text):
                        pass
                    took.append(time.process_time() - start)
                if took[1] > show and took[1] > max(took[0], 1e-4) * factor * factor / 2:
                    out.append(
                        (
                            took[1] / max(took[0], 1e-4),
                            name,
                            f"{pre!r} + {c!r} * {factor * n} + {t!r}",
                        )
                    )
                    print(f"{took[1]:8.3f}  {name}  {out[-1][2]}", flush=True)
                    break
            else:
                continue
            break
    return sorted(out, reverse=True)


if __name__ == "__main__":
    if "--growth" in sys.argv:
        # (``--growth [PATTERN] [--prefixes]``: a full pass takes over half an hour, with the
        # prefixes hours; resume at a pattern)
        at = sys.argv.index("--growth") + 1
        resume = sys.argv[at] if at < len(sys.argv) and not sys.argv[at].startswith("--") else ""
        growth(start=resume, prefixes=["", *PREFIXES] if "--prefixes" in sys.argv else ("",))
        sys.exit()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    show = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
    audit(n, show=show, pairs="--runs-only" not in sys.argv)
