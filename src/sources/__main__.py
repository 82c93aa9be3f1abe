"""``python -m sources``."""

from sources.cli import run

run()
