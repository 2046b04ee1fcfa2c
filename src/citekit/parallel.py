"""The pipeline on worker processes: chunks in, results out in input order, memory flat.

:func:`run_parallel` cuts the references into chunks (the sizes of
:func:`citekit.pipeline.chunk_sizes`), keeps at most two chunks a worker in flight, and yields
the results of the oldest chunk as soon as it is done, so the input is read only as fast as
the output is consumed.  Each worker process loads the parser's model once, when it starts.

What travels between the processes is kept small: a chunk goes out as its input (the raw
strings and the number of the first, when the caller passes ``make``) rather than as
``Reference`` objects, and with ``encode`` a chunk comes back as the bytes the command writes
(:class:`Encoded`), so the parent only reads, sends and writes: the parse, the checks and the
JSON encoding all run on the workers.

Workers are forked on Linux (spawned elsewhere).  Failures: a stage that raises is caught inside the worker (X001, as in one process).  A worker
that dies (a crash in native code, killed by the system) breaks the pool: the pool is started
again, the chunks in flight are run again, and each reference of a chunk that was running is
run alone, so that only a reference that kills its worker again comes out with an X001.  Workers
ignore Ctrl-C; the parent stops them when the consumer stops (Ctrl-C, a closed pipe).
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

from . import codes
from .config import Config
from .errors import CitekitError, UsageError
from .model import Reference, Severity
from .pipeline import (
    DEFAULT_STAGES,
    Stage,
    chunk_sizes,
    line_references,
    run_stages_many,
    string_references,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported where a pool starts: they are ~15% of the
# start-up of a one-line parse, which never starts one

__all__ = [
    "Encode",
    "Encoded",
    "encoded",
    "process_many",
    "resolve_jobs",
    "run_chunks",
    "run_lines_jobs",
    "run_parallel",
    "run_stages_jobs",
    "severity_counts",
]

_IN_FLIGHT = 2  # chunks queued per worker: one running, one waiting


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: ``0`` is one per core available to this process."""
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise UsageError(f"jobs must be a whole number >= 0 (0: all cores), not {jobs!r}")
    if jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover  (not Linux)
            return os.cpu_count() or 1
    return jobs


# --- in the worker -------------------------------------------------------------------------

_CONFIG: Any = None
_STAGES: Any = None


def _start_worker(config: Any, stages: Any) -> None:
    global _CONFIG, _STAGES
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _CONFIG, _STAGES = config, stages
    _load_model(stages)  # (a forked worker has it from the parent already)


def _load_model(stages: Any) -> None:
    if any(name == "parse" for name, _ in stages):
        from .parser import parse_many

        parse_many([("Warm, A. Model loaded once[J]. 2020.", "en")])  # loads the model


class Encoded(NamedTuple):
    """A chunk of results as the bytes a command writes, and what its summary needs."""

    data: bytes
    references: int
    counts: tuple[int, ...]  # diagnostics by severity, in the order of ``Severity``


# (items, number of the first) -> their references
Make = Callable[[Iterable[Any], int], Iterable[Reference]]
# (results of a chunk, number of its first) -> what is sent back instead of the references
Encode = Callable[[list[Reference], int], Any]


def severity_counts(refs: Iterable[Reference]) -> tuple[int, ...]:
    """The diagnostics of ``refs`` counted by severity, in the order of ``Severity``."""
    order = {s: i for i, s in enumerate(Severity)}
    counts = [0] * len(order)
    for ref in refs:
        for d in ref.diagnostics:
            counts[order[d.severity]] += 1
    return tuple(counts)


def encoded(
    refs: list[Reference], start: int, write: Callable[[list[Reference]], bytes]
) -> Encoded:
    """An :data:`Encode` (with ``functools.partial``): ``refs`` written by ``write``, counted."""
    return Encoded(write(refs), len(refs), severity_counts(refs))


def _work(chunk: list[Any], start: int, make: Make | None, encode: Encode | None) -> Any:
    refs = make(chunk, start) if make is not None else chunk
    out = list(run_stages_many(refs, _CONFIG, _STAGES))
    return encode(out, start) if encode is not None else out


# --- in the parent -------------------------------------------------------------------------


def _context() -> Any:
    # fork where it is the platform's way (Linux): workers start at once, and a script run
    # without a __main__ guard (or from stdin) works; spawn elsewhere
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context(
        "fork" if sys.platform == "linux" and "fork" in methods else "spawn"
    )


class _Pool:
    """A process pool that can be started again after a worker died."""

    def __init__(self, jobs: int, config: Any, stages: Any) -> None:
        self.jobs, self.config, self.stages = jobs, config, stages
        self.executor: ProcessPoolExecutor | None = None
        self.worked = False  # has a worker ever returned a result?
        self.breaks = 0

    def broke(self) -> None:
        """A worker died: start again, unless the workers never got to work at all."""
        self.breaks += 1
        if not self.worked and self.breaks >= 3:
            self.stop()
            raise CitekitError(
                "the worker processes die before doing any work (see the messages above); "
                "run with --jobs 1"
            )
        self.restart()

    def submit(
        self, chunk: list[Any], start: int, make: Make | None, encode: Encode | None
    ) -> Future[Any]:
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(
                self.jobs,
                mp_context=_context(),
                initializer=_start_worker,
                initargs=(self.config, self.stages),
            )
        return self.executor.submit(_work, chunk, start, make, encode)

    def restart(self) -> None:
        self.stop()

    def stop(self, *, wait: bool = True) -> None:
        """End the workers.  ``wait=False`` (on Ctrl-C, or when the reader stops early) does not
        wait for the executor's threads: after its workers are killed, its queue feeder can stay
        blocked on a full pipe (CPython gh-94777), and waiting would hang the interrupt."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        # the workers may be busy with chunks nobody will read: end them, then wait for them
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for p in processes:
            if p.is_alive():
                p.terminate()
        executor.shutdown(wait=wait, cancel_futures=True)
        for p in processes:
            p.join(5)
            if p.is_alive():
                p.kill()

    def close(self) -> None:
        executor, self.executor = self.executor, None
        if executor is not None:
            executor.shutdown(wait=True)


def run_parallel(
    refs: Iterable[Reference],
    config: Any,
    stages: Sequence[tuple[str, Any]],
    *,
    jobs: int,
) -> Iterator[Reference]:
    """:func:`citekit.pipeline.run_stages_many` on ``jobs`` worker processes, in order."""
    for results in run_chunks(refs, config, stages, jobs=jobs):
        yield from results


class _Chunk(NamedTuple):
    items: list[Any]
    start: int  # the number of its first item (1 for the first of the input)
    future: Future[Any]


def run_chunks(
    items: Iterable[Any],
    config: Any,
    stages: Sequence[tuple[str, Any]],
    *,
    jobs: int,
    make: Make | None = None,
    encode: Encode | None = None,
) -> Iterator[Any]:
    """The stages on ``jobs`` worker processes, a chunk at a time, chunks in input order.

    ``items`` are references, or (with ``make``) what ``make(chunk, start)`` turns into
    references on the worker, ``start`` being the number of the chunk's first item.  Each
    chunk's results come out as a list of references, or (with ``encode``) as one
    :class:`Encoded`.  ``make`` and ``encode`` must be importable functions.  Memory stays
    flat: the input is read only two chunks a worker ahead of the output.
    """
    from concurrent.futures.process import BrokenProcessPool

    if _context().get_start_method() == "fork":
        _load_model(stages)  # once, here: forked workers share it instead of loading their own
    pool = _Pool(jobs, config, tuple(stages))
    source = iter(items)
    sizes = chunk_sizes()
    pending: deque[_Chunk] = deque()
    number = 1
    done = False
    try:
        while True:
            while not done and len(pending) < jobs * _IN_FLIGHT:
                chunk = list(islice(source, next(sizes)))
                if not chunk:
                    done = True
                    break
                pending.append(_Chunk(chunk, number, pool.submit(chunk, number, make, encode)))
                number += len(chunk)
            if not pending:
                break
            head = pending.popleft()
            try:
                results = head.future.result()
                pool.worked = True
            except BrokenProcessPool:
                yield from _recover(pool, head, pending, make, encode)
                continue
            except Exception as exc:  # a result that could not be sent back, ...
                results = _failed_chunk(head.items, head.start, exc, make, encode)
            yield results
        pool.close()
    finally:
        pool.stop(wait=False)


def _recover(
    pool: _Pool,
    head: _Chunk,
    pending: deque[_Chunk],
    make: Make | None,
    encode: Encode | None,
) -> Iterator[Any]:
    """After a worker died: ``head`` one item at a time on a fresh pool (a result each), then
    the other chunks in flight submitted again."""
    from concurrent.futures.process import BrokenProcessPool

    later = list(pending)
    pending.clear()
    pool.broke()
    for i, item in enumerate(head.items):
        try:
            result = pool.submit([item], head.start + i, make, encode).result()
            pool.worked = True
            yield result
        except BrokenProcessPool:
            pool.broke()
            yield _failed_chunk([item], head.start + i, None, make, encode)
        except Exception as exc:
            yield _failed_chunk([item], head.start + i, exc, make, encode)
    for c in later:
        pending.append(_Chunk(c.items, c.start, pool.submit(c.items, c.start, make, encode)))


def _failed_chunk(
    items: list[Any],
    start: int,
    exc: BaseException | None,
    make: Make | None,
    encode: Encode | None,
) -> Any:
    """The results of a chunk whose worker failed: each unprocessed reference with X001."""
    refs = list(make(items, start)) if make is not None else items
    what = "the worker process died" if exc is None else f"{type(exc).__name__}: {exc}"
    failed = [
        ref.with_diagnostics(codes.make("X001", f"internal error in a worker process: {what}"))
        for ref in refs
    ]
    return encode(failed, start) if encode is not None else failed


def process_many(
    references: Iterable[str],
    config: Config | None = None,
    *,
    jobs: int = 1,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
) -> Iterator[Reference]:
    """:func:`citekit.process_iter` on ``jobs`` worker processes (``0``: one per core; ``1``: in this
    process), for long streams.

    The strings are read as the results are consumed, a few chunks ahead; results come out
    in input order, the same as with ``jobs=1``.  Each worker loads the parser's model once.
    A reference whose stage fails, or that kills its worker process, comes out with an X001
    diagnostic; the others go on.  ``stages`` must be importable functions (they are sent to
    the workers by name).  List-level rules (duplicates, numbering) do not run here: see
    :class:`citekit.validate.list_stream.ListStream`.
    """
    return _run_made(references, string_references, config or Config(), stages, jobs)


def run_lines_jobs(
    lines: Iterable[str],
    config: Config,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    *,
    jobs: int = 1,
) -> Iterator[Reference]:
    """The references of ``lines`` (one a line, as ``--lines`` reads them) through the stages,
    in this process or on worker processes."""
    return _run_made(lines, line_references, config, stages, jobs)


def _run_made(
    items: Iterable[Any],
    make: Make,
    config: Config,
    stages: Sequence[tuple[str, Stage]],
    jobs: int,
) -> Iterator[Reference]:
    """The references ``make`` makes of ``items``, through the stages, in this process or on
    worker processes (the items travel to them, not references)."""
    jobs = resolve_jobs(jobs)
    if jobs == 1 or not stages:
        return run_stages_many(make(items, 1), config, stages)
    chunks = run_chunks(items, config, stages, jobs=jobs, make=make)
    return (ref for results in chunks for ref in results)


def run_stages_jobs(
    refs: Iterable[Reference],
    config: Config,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    *,
    jobs: int = 1,
) -> Iterator[Reference]:
    """:func:`citekit.pipeline.run_stages_many` in this process (``jobs=1``) or on worker
    processes."""
    jobs = resolve_jobs(jobs)
    if jobs == 1 or not stages:
        return run_stages_many(refs, config, stages)
    return run_parallel(refs, config, stages, jobs=jobs)
