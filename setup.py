"""Only the optional compiled tagger (src/citekit/parser/_crftag.c); everything else is in
pyproject.toml.  Without a C compiler the build skips it (``optional``) and citekit uses
python-crfsuite's tagger, with the same labels."""

import sys

from setuptools import Extension, setup

# crfsuite's additions and multiplications stay separate (no fused multiply-add), so the compiled
# tagger's scores are crfsuite's to the bit
_ARGS = [] if sys.platform == "win32" else ["-ffp-contract=off"]

setup(
    ext_modules=[
        Extension(
            "citekit.parser._crftag",
            ["src/citekit/parser/_crftag.c"],
            extra_compile_args=_ARGS,
            optional=True,
        )
    ]
)
