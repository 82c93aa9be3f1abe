"""The bibliography a text declares: ``bibliography:`` in Markdown front matter,
``\\addbibresource{}`` or ``\\bibliography{}`` in LaTeX.

The discovery of a text's bibliography asks here after ``--bib`` and ``[tool.sources]
bib`` and before looking for ``refs/bibliography.bib``. A relative name is taken
relative to the text, as pandoc and biber take it from the text's folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from sources.readers.formats import LATEX, MARKDOWN, input_format

# A YAML front matter block: "---" on the first line, "---" or "..." closing it.
_FRONT_MATTER = re.compile(r"---[ \t]*+\r?\n(.*?)^(?:---|\.\.\.)[ \t]*+\r?$", re.DOTALL | re.MULTILINE)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*+)[ \t]*+:[ \t]*+", re.MULTILINE)
_LATEX_BIB = re.compile(r"\\(addbibresource|bibliography)[ \t]*+(?:\[[^\]\n]*+\])?+[ \t]*+\{([^}\n]*+)\}")


def front_matter(text: str) -> dict[str, tuple[str, int]]:
    """The top-level keys of a YAML front matter with the raw text of each value and its offset.

    Only what a bibliography and ``nocite`` need: a scalar on the key's line, or a block of
    indented or ``- `` lines below it. Not a YAML parser.
    """
    block = _FRONT_MATTER.match(text)
    if block is None:
        return {}
    fields: dict[str, tuple[str, int]] = {}
    start, end = block.start(1), block.end(1)
    keys = list(_TOP_KEY.finditer(text, start, end))
    for k, key in enumerate(keys):
        stop = keys[k + 1].start() if k + 1 < len(keys) else end
        fields.setdefault(key.group(1), (text[key.end() : stop], key.end()))
    return fields


def _first_name(value: str) -> str | None:
    """The first file a YAML value names: ``a.bib``, ``"a.bib"``, ``[a.bib, b.bib]`` or ``- a.bib`` lines."""
    for piece in value.replace("[", "\n").replace("]", "\n").replace(",", "\n").splitlines():
        name = piece.strip().removeprefix("- ").strip().strip("'\"")
        if name and not name.startswith("#"):
            return name
    return None


def declared_bibliography(path: str, text: str, given: str | None = None) -> str | None:
    """The bibliography file the text at ``path`` names (relative to its folder), or None.

    ``given`` is the text's format when named (``--from``); else its extension tells it.
    """
    kind = input_format(path, given)
    name: str | None = None
    if kind == MARKDOWN:
        fields = front_matter(text)
        for key in ("bibliography", "references"):
            value = _first_name(fields[key][0]) if key in fields else None
            # A references: field may hold the entries themselves; only a file name counts.
            if value and (key == "bibliography" or Path(value).suffix.casefold() in (".bib", ".json", ".yaml")):
                name = value
                break
    elif kind == LATEX:
        for line in text.splitlines():
            code = _uncommented(line)
            found = _LATEX_BIB.search(code)
            if found:
                name = found.group(2).split(",")[0].strip()
                if found.group(1) == "bibliography" and not Path(name).suffix:
                    name += ".bib"
                break
    if not name:
        return None
    return str(Path(path).parent / name)


def _uncommented(line: str) -> str:
    """A LaTeX line without its comment (an unescaped ``%`` and what follows)."""
    position = line.find("%")
    while position > 0 and line[position - 1] == "\\":
        position = line.find("%", position + 1)
    return line if position < 0 else line[:position]
