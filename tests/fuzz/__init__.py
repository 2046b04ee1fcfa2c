"""citekit's fuzzing harness (issue 17).

- ``generate``: inputs for every surface, built from real shapes and mutated (one set of plain
  functions over a ``random.Random``, also wrapped as hypothesis strategies).
- ``surfaces``: what each surface promises (no uncaught exception, N in and N out, raw kept,
  spans inside the raw string, no X001, round trips keep the record count), as checks that raise
  :class:`Violation`.
- ``python -m tests.fuzz --minutes N``: the long run over every surface; each failure is
  minimised and written to ``tests/fixtures/fuzz/`` as a regression fixture, which
  ``tests/test_fuzz.py`` replays. ``tests/test_fuzz.py`` also runs a short round in CI.
  ``--cases FILE`` also appends each failure's case as it failed (a ``--no-write`` run keeps its
  cases there: a long run's slow case could not be looked at again without it).
"""
