"""citeproc-js, run by Node through ``citeproc_js.mjs``: the oracle of the differential tests and a benchmark peer.

The npm package ``citeproc`` is never a dependency of ``sources``: ``.ci/run`` installs it into
``.cache/npm-citeproc`` (git-ignored); ``SOURCES_CITEPROC_JS`` may name another ``node_modules``
folder that holds it. Without Node or the package, :func:`unavailable` says why and callers skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("citeproc_js.mjs")
DATA = ROOT / "src" / "sources" / "csl" / "data"
STYLES = DATA / "styles"
LOCALES = DATA / "locales"
INSTALL_HINT = "npm install --prefix .cache/npm-citeproc citeproc (as .ci/run does)"


def node_modules() -> Path:
    """The folder that holds the ``citeproc`` package."""
    given = os.environ.get("SOURCES_CITEPROC_JS")
    return Path(given) if given else ROOT / ".cache" / "npm-citeproc" / "node_modules"


def unavailable() -> str | None:
    """Why citeproc-js cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not (node_modules() / "citeproc" / "package.json").is_file():
        return f"the npm package citeproc is not in {node_modules()}; install it with: {INSTALL_HINT}"
    return None


def version() -> str:
    """The installed citeproc package's version, for reports."""
    package = json.loads((node_modules() / "citeproc" / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def request(
    style: str,
    references: list[dict[str, Any]],
    citations: list[Any] | None = None,
    *,
    lang: str | None = None,
    format: str = "text",
    bibliography: bool = True,
) -> dict[str, Any]:
    """One request for the driver: a shipped style by name or a ``.csl`` path; the shipped locales."""
    path = Path(style) if style.endswith(".csl") else STYLES / f"{style}.csl"
    return {
        "style": path.read_text(encoding="utf-8"),
        "locales_dir": str(LOCALES),
        "references": references,
        "citations": citations,
        "lang": lang,
        "format": format,
        "bibliography": bibliography,
    }


def run(requests: list[dict[str, Any]], *, timeout: float = 1800) -> list[dict[str, Any]]:
    """Answer many requests in one Node process (start-up and JIT warm-up are paid once)."""
    environment = {**os.environ, "NODE_PATH": str(node_modules())}
    done = subprocess.run(
        ["node", str(DRIVER)],
        input=json.dumps({"requests": requests}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"citeproc-js driver failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    answers: list[dict[str, Any]] = json.loads(done.stdout)
    return answers
