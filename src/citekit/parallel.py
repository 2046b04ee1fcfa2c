"""The pipeline on worker processes: chunks in, results out in input order, memory flat.

:func:`run_parallel` cuts the references into chunks (the sizes of
:func:`citekit.pipeline.chunk_sizes`), keeps at most two chunks a worker in flight, and yields
the results of the oldest chunk as soon as it is done, so the input is read only as fast as
the output is consumed.  Each worker process loads the parser's model once, when it starts.

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
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import codes
from .config import Config
from .errors import CitekitError, UsageError
from .model import Reference
from .pipeline import (
    DEFAULT_STAGES,
    Stage,
    chunk_sizes,
    run_stages_many,
    string_references,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported where a pool starts: they are ~15% of the
# start-up of a one-line parse, which never starts one

__all__ = ["process_many", "resolve_jobs", "run_parallel", "run_stages_jobs"]

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


def _work(refs: list[Reference]) -> list[Reference]:
    return list(run_stages_many(refs, _CONFIG, _STAGES))


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

    def submit(self, refs: list[Reference]) -> Future[list[Reference]]:
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(
                self.jobs,
                mp_context=_context(),
                initializer=_start_worker,
                initargs=(self.config, self.stages),
            )
        return self.executor.submit(_work, refs)

    def restart(self) -> None:
        self.stop()

    def stop(self) -> None:
        executor, self.executor = self.executor, None
        if executor is None:
            return
        # the workers may be busy with chunks nobody will read: end them, then wait for them
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for p in processes:
            if p.is_alive():
                p.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
        for p in processes:
            p.join(5)

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
    from concurrent.futures.process import BrokenProcessPool

    if _context().get_start_method() == "fork":
        _load_model(stages)  # once, here: forked workers share it instead of loading their own
    pool = _Pool(jobs, config, tuple(stages))
    source = iter(refs)
    sizes = chunk_sizes()
    pending: deque[tuple[list[Reference], Future[list[Reference]]]] = deque()
    done = False
    try:
        while True:
            while not done and len(pending) < jobs * _IN_FLIGHT:
                chunk = list(islice(source, next(sizes)))
                if not chunk:
                    done = True
                    break
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                results = future.result()
                pool.worked = True
            except BrokenProcessPool:
                yield from _recover(pool, chunk, pending)
                continue
            except Exception as exc:  # a result that could not be sent back, ...
                results = [_failed(ref, exc) for ref in chunk]
            yield from results
        pool.close()
    finally:
        pool.stop()


def _recover(
    pool: _Pool,
    chunk: list[Reference],
    pending: deque[tuple[list[Reference], Future[list[Reference]]]],
) -> Iterator[Reference]:
    """After a worker died: ``chunk`` one reference at a time on a fresh pool, then the other
    chunks in flight submitted again."""
    from concurrent.futures.process import BrokenProcessPool

    later = [c for c, _ in pending]
    pending.clear()
    pool.broke()
    for ref in chunk:
        try:
            result = pool.submit([ref]).result()[0]
            pool.worked = True
            yield result
        except BrokenProcessPool:
            pool.broke()
            yield _failed(ref, None)
        except Exception as exc:
            yield _failed(ref, exc)
    for c in later:
        pending.append((c, pool.submit(c)))


def _failed(ref: Reference, exc: BaseException | None) -> Reference:
    what = "the worker process died" if exc is None else f"{type(exc).__name__}: {exc}"
    return ref.with_diagnostics(codes.make("X001", f"internal error in a worker process: {what}"))


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
    config = config or Config()
    return run_stages_jobs(string_references(references), config, stages, jobs=jobs)


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
