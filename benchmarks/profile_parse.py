"""Where ``citekit parse --lines`` spends its time on the benchmark's unique lines.

Run by hand, not in the tests:
    python benchmarks/profile_parse.py [N] [--profile [tottime|cumtime]] [--rounds R]

Without ``--profile`` it times the parse's parts without a profiler (whose overhead distorts
small functions): the CLI's parse of ``bench_parse.unique_lines(N)`` (default 10,000) runs in
this process with the parts below wrapped by CPU-time counters, and the table gives each part's
total and share.  A part's time includes the parts it calls (``label_spans`` includes the
features and the tagger).  ``--profile`` runs the same parse under cProfile and prints the top 40
functions sorted by tottime (or cumtime).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

# (module, function): each is wrapped in place, and where other modules imported it by name
PARTS = [
    ("citekit.parser", "_parse"),
    ("citekit.parser.crf", "label_spans"),
    ("citekit.parser.features", "sequence_features"),
    ("citekit.parser.tokens", "tokenize"),
    ("citekit.parser", "assemble"),
    ("citekit.parser.draft", "Draft.finish"),
    ("citekit.parser.draft", "Draft._coverage"),
    ("citekit.parser.common", "set_names"),
    ("citekit.parser.names", "parse_names"),
    ("citekit.parser", "extract_identifiers"),
    ("citekit.parser", "find_doc_numbers"),
    ("citekit.parser", "normalise"),
    ("citekit.parser", "detect_language"),
    ("citekit.parser.fallback", "parse"),
    ("citekit.parser.gbt7714", "parse"),
    ("citekit.parser.gbt7714", "parse_nocode"),
    ("citekit.parser.house_zh", "parse"),
    ("citekit.parser.house_en", "parse"),
    ("citekit.parser.web", "parse"),
    ("citekit.report", "_jsonl_line"),
    ("citekit.parser.relabel", "repair_spans"),
    ("citekit.parser.assemble", "_set_type"),
    ("citekit.parser.assemble", "_text_span"),
    ("citekit.parser.draft", "clean_value"),
    ("citekit.parser.features", "_contexts"),
    ("citekit.parser.features", "token_features"),
    ("citekit.parser.draft", "Draft.copy"),
    ("citekit.parser", "split_label"),
    ("citekit.parser", "bilingual_part"),
    ("citekit.parser", "split_genre_number"),
    ("citekit.parser", "preprint_number"),
    ("citekit.parser", "report_series"),
    ("citekit.pipeline", "line_references"),
]

_TOTALS: dict[str, list[float]] = {}


def _wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    cell = _TOTALS.setdefault(name, [0.0, 0])
    clock = time.process_time

    if getattr(fn, "__code__", None) and fn.__code__.co_flags & 0x20:  # a generator function

        def gen(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            it = fn(*args, **kwargs)
            sent = None
            try:
                while True:
                    request = it.send(sent)
                    cell[0] += clock() - t0
                    sent = yield request
                    t0 = clock()
            except StopIteration as done:
                cell[0] += clock() - t0
                cell[1] += 1
                return done.value

        return gen

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            cell[0] += clock() - t0
            cell[1] += 1

    return timed


def install() -> None:
    import importlib

    import citekit.parser.common
    import citekit.parser.crf
    import citekit.parser.features  # noqa: F401  (loaded now, so it can be wrapped)

    for module, attr in PARTS:
        mod = importlib.import_module(module)
        owner: Any = mod
        *path, last = attr.split(".")
        for p in path:
            owner = getattr(owner, p)
        original = getattr(owner, last)
        wrapped = _wrap(f"{module.removeprefix('citekit.')}.{attr}", original)
        setattr(owner, last, wrapped)
        if path:
            continue
        styles = sys.modules["citekit.parser"].STYLES  # the style table holds the functions too
        sys.modules["citekit.parser"].STYLES = tuple(
            (n, a, wrapped if p is original else p) for n, a, p in styles
        )
        # every module that imported the function by name gets the wrapped one too
        for other in list(sys.modules.values()):
            if (
                getattr(other, "__name__", "").startswith("citekit")
                and getattr(other, last, None) is original
            ):
                setattr(other, last, wrapped)


def run_cli(path: str) -> None:
    from contextlib import redirect_stdout

    from citekit.cli import main

    with redirect_stdout(io.StringIO()):
        main(["parse", "--lines", path, "-f", "jsonl", "--fail-on", "never"])


def main() -> None:
    from bench_parse import unique_lines

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args and args[0].isdigit() else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unique.txt"
        path.write_text("\n".join(unique_lines(n)) + "\n", "utf-8")
        if "--profile" in sys.argv:
            key = (
                sys.argv[sys.argv.index("--profile") + 1]
                if len(sys.argv) > sys.argv.index("--profile") + 1
                else "tottime"
            )
            prof = cProfile.Profile()
            prof.enable()
            run_cli(str(path))
            prof.disable()
            pstats.Stats(prof).sort_stats(key).print_stats(40)
            return
        import citekit.cli  # noqa: F401

        install()
        t0 = time.process_time()
        run_cli(str(path))
        total = time.process_time() - t0
    print(f"{n} unique lines, CPU {total:.3f} s in the CLI's parse (start-up excluded)")
    for name, (secs, calls) in sorted(_TOTALS.items(), key=lambda kv: -kv[1][0]):
        print(
            f"{name:>30}: {secs:7.3f} s {100 * secs / total:5.1f}%  {calls:6d} calls  "
            f"{1e6 * secs / max(calls, 1):7.1f} us/call"
        )


if __name__ == "__main__":
    main()
