"""Generate the long keyed test documents and their bibliographies, deterministically.

``python tests/cases/keyed_documents.py`` writes

* ``markdown/thesis-chapter.md`` (a thesis chapter with 120 notes, pandoc citations in
  the notes and the body) and ``markdown/thesis-chapter.bib``;
* ``latex/biblatex-article.tex`` (an article with 60 cite commands of the biblatex
  family, notes among them) and ``latex/biblatex-article.bib``.

Every name, title and publisher is invented from the word lists below: these are test
data, not bibliographic facts. The tests check that the written files are what this
script writes, so a change here shows in review. The benchmarks use :func:`markdown`
and :func:`latex` with bigger sizes.
"""

from __future__ import annotations

import random
from pathlib import Path

CASES = Path(__file__).parent

_SURNAMES = (
    "Aydın Baker Castellanos Demir Eriksen Fontaine Gallo Hoffmann Ivanova Jansen Kaya Larsen "
    "Moreau Novak Okafor Petrov Quinn Rossi Schmidt Takahashi Ueda Varga Weber Xu Yılmaz Zhou"
).split()
_GIVEN = "Ada Bora Clara Deniz Emil Farah Gábor Hana Ines Jonas Kemal Lena Mira Nils Oya Pavel".split()
_TOPICS = (
    "River Trade|Provincial Courts|Grain Prices|Printing Houses|Port Cities|Village Schools|"
    "Railway Workers|Coastal Shipping|Tax Registers|Market Towns|Frontier Garrisons|Textile Guilds"
).split("|")
_FORMS = ("A History of {t}", "{t} in the Long Nineteenth Century", "Essays on {t}", "{t} and Their Records")
_JOURNALS = ("Journal of Invented History", "Review of Test Studies", "Annals of Example Research")
_PUBLISHERS = ("Example Press", "Placeholder Books", "Fictive University Press")
_PLACES = ("Springfield", "Riverton", "Lakeside")
_SENTENCES = (
    "Trade along the {t} changed slowly in these decades",
    "The records of {t} survive only in part",
    "Contemporaries described {t} in very different terms",
    "Historians have long disagreed about {t}",
    "The evidence on {t} points the other way",
    "Much of what we know about {t} comes from later copies",
)


def _entries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``(key, bibtex)`` of ``count`` invented entries: books, articles and chapters."""
    entries = []
    for k in range(count):
        surname, given = _SURNAMES[k % len(_SURNAMES)], rng.choice(_GIVEN)
        year = 1950 + (k * 7) % 70
        round_ = k // len(_SURNAMES)
        key = f"{surname.casefold().replace('ı', 'i')}{year}{'abcdefghij'[round_] if round_ < 10 else f'x{round_}'}"
        title = rng.choice(_FORMS).format(t=rng.choice(_TOPICS))
        kind = ("book", "article", "incollection")[k % 3]
        fields = [("author", f"{surname}, {given}"), ("title", title), ("year", str(year))]
        if kind == "book":
            fields += [("publisher", rng.choice(_PUBLISHERS)), ("location", rng.choice(_PLACES))]
        elif kind == "article":
            first = rng.randrange(1, 300)
            fields += [("journaltitle", rng.choice(_JOURNALS)), ("volume", str(rng.randrange(1, 40)))]
            fields += [("pages", f"{first}--{first + rng.randrange(5, 30)}")]
        else:
            fields += [("booktitle", f"Studies in {rng.choice(_TOPICS)}"), ("publisher", rng.choice(_PUBLISHERS))]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append((key, f"@{kind}{{{key},\n{body},\n}}\n"))
    return entries


def _pages(rng: random.Random) -> tuple[str, str]:
    """A locator as pandoc (``pp. 33-35``) and biblatex (``33--35``) write it."""
    first = rng.randrange(1, 400)
    if rng.random() < 0.5:
        return f"p. {first}", str(first)
    last = first + rng.randrange(1, 12)
    return f"pp. {first}-{last}", f"{first}--{last}"


def markdown(notes: int = 120, entries: int = 40, seed: int = 13) -> tuple[str, str]:
    """A Markdown chapter with ``notes`` notes citing ``entries`` entries, and its .bib."""
    rng = random.Random(seed)
    bib = _entries(rng, entries)
    keys = [key for key, _ in bib]
    body = ["---", "title: Trade and Records", "bibliography: thesis-chapter.bib", "---", "", "# Trade and Records", ""]
    definitions = []
    for n in range(1, notes + 1):
        key = keys[(n - 1) % len(keys)]  # every entry cited at least once
        other = rng.choice(keys)
        pages, _ = _pages(rng)
        sentence = rng.choice(_SENTENCES).format(t=rng.choice(_TOPICS).casefold())
        if n % 10 == 0:
            body.append(f"{sentence}.^[As @{other} [{_pages(rng)[0]}] argues.]")
            continue
        if n % 7 == 0:
            body.append(f"{sentence}, as @{other} shows [-@{other}, {_pages(rng)[0]}].[^n{n}]")
        else:
            body.append(f"{sentence}.[^n{n}]")
        if n % 5 == 0:
            body.append("")
        cite = f"[see @{key}, {pages}; also @{other}]" if n % 3 == 0 else f"[@{key}, {pages}]"
        definitions.append(f"[^n{n}]: {cite}.")
        if n % 4 == 0:
            definitions.append(f"    The argument is taken up again by @{rng.choice(keys)}.")
        definitions.append("")
    text = "\n".join([*body, "", *definitions]).rstrip() + "\n"
    return text, "\n".join(entry for _, entry in bib)


def latex(cites: int = 60, entries: int = 30, seed: int = 31) -> tuple[str, str]:
    """A biblatex article with ``cites`` cite commands citing ``entries`` entries, and its .bib."""
    rng = random.Random(seed)
    bib = _entries(rng, entries)
    keys = [key for key, _ in bib]
    lines = [
        r"\documentclass{article}",
        r"\usepackage[style=authoryear]{biblatex}",
        r"\addbibresource{biblatex-article.bib}",
        r"\begin{document}",
        "",
        r"\section{Trade and records}",
        "",
    ]
    commands = (
        r"\parencite[{pages}]{{{key}}}",
        r"\textcite{{{key}}}",
        r"\autocite[see][{pages}]{{{key}}}",
        r"\footcite[{pages}]{{{key}}}",
        r"\cite{{{key},{other}}}",
        r"\citeauthor{{{key}}}",
        r"\footnote{{See \cite[{pages}]{{{key}}}.}}",
        r"\cites[{pages}]{{{key}}}{{{other}}}",
    )
    for n in range(cites):
        key = keys[n % len(keys)]
        other = keys[(n + 7) % len(keys)]
        sentence = rng.choice(_SENTENCES).format(t=rng.choice(_TOPICS).casefold())
        command = commands[n % len(commands)].format(key=key, other=other, pages=_pages(rng)[1])
        lines.append(f"{sentence} {command}." if "foot" not in command else f"{sentence}.{command}")
        if n % 6 == 5:
            lines.append("")
    lines += ["", r"\printbibliography", r"\end{document}"]
    return "\n".join(lines) + "\n", "\n".join(entry for _, entry in bib)


def write() -> None:
    text, bib = markdown()
    (CASES / "markdown" / "thesis-chapter.md").write_text(text, encoding="utf-8")
    (CASES / "markdown" / "thesis-chapter.bib").write_text(bib, encoding="utf-8")
    text, bib = latex()
    (CASES / "latex" / "biblatex-article.tex").write_text(text, encoding="utf-8")
    (CASES / "latex" / "biblatex-article.bib").write_text(bib, encoding="utf-8")


if __name__ == "__main__":
    write()
