"""citekit: parse, validate and re-render reference lists."""

__version__ = "0.1.0.dev0"
