"""Cite grouping and collapsing inside a cluster: citation-number ranges, years, year-suffixes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sources.csl.context import Ctx
from sources.csl.decorate import is_empty
from sources.csl.richtext import Node, plain

if TYPE_CHECKING:
    from sources.csl.process import Run

# A cite prefix starting with punctuation replaces the layout delimiter before it.
PREFIX_PUNCTUATION = frozenset(",.;:")
Rendered = tuple[dict[str, Any], Node | None, Ctx]


def collapse_cluster(rendered: list[Rendered], options: dict[str, str], delimiter: str, run: Run) -> list[Node]:
    """The cites of a cluster as nodes with the delimiters between them, grouped and collapsed as asked."""
    present = [(cite, node, ctx) for cite, node, ctx in rendered if not is_empty(node)]
    if len(present) == 1:
        # A lone cite has nothing to group with: no names key, groups or runs are made for it.
        cite, node, _ = present[0]
        assert node is not None
        return [run.with_affixes(cite, node)]
    collapse = options.get("collapse", "")
    after = options.get("after-collapse-delimiter", delimiter)
    if collapse == "citation-number":
        return _numbers(present, delimiter, after, run)
    if collapse.startswith("year") or options.get("cite-group-delimiter"):
        return _years(present, options, delimiter, after, run)
    out: list[Node] = []
    previous_suffix = ""
    for cite, node, _ in present:
        assert node is not None
        if out and str(cite.get("prefix") or "")[:1] not in PREFIX_PUNCTUATION:
            # A cite suffix ending in punctuation takes the place of the delimiter's own.
            out.append(delimiter.lstrip(",.;:") if previous_suffix[-1:] in PREFIX_PUNCTUATION else delimiter)
        out.append(run.with_affixes(cite, node))
        previous_suffix = str(cite.get("suffix") or "").rstrip()
    return out


def _plain_number(cite: dict[str, Any], node: Node | None, ctx: Ctx) -> int | None:
    number = ctx.item.get("citation-number")
    if cite.get("locator") or cite.get("prefix") or cite.get("suffix") or not isinstance(number, int):
        return None
    digits = "".join(char for char in plain(node) if char.isdigit())
    return number if digits == str(number) else None


def _numbers(present: list[Rendered], delimiter: str, after: str, run: Run) -> list[Node]:
    runs: list[list[Rendered]] = []
    for entry in present:
        number = _plain_number(*entry)
        if runs and number is not None:
            last = runs[-1][-1]
            previous = _plain_number(*last)
            if previous is not None and number == previous + 1:
                runs[-1].append(entry)
                continue
        runs.append([entry])
    out: list[Node] = []
    collapsed_before = False
    for group in runs:
        if out:
            out.append(after if collapsed_before else delimiter)
        if len(group) >= 3:
            first, last = group[0], group[-1]
            assert first[1] is not None and last[1] is not None
            out.extend([first[1], "–", last[1]])
            collapsed_before = True
        else:
            for index, (cite, node, _) in enumerate(group):
                assert node is not None
                if index:
                    out.append(delimiter)
                out.append(run.with_affixes(cite, node))
            collapsed_before = False
    return out


def _years(present: list[Rendered], options: dict[str, str], delimiter: str, after: str, run: Run) -> list[Node]:
    collapse = options.get("collapse", "")
    group_delimiter = options.get("cite-group-delimiter", ", ")
    suffix_delimiter = options.get("year-suffix-delimiter", options.get("cite-group-delimiter", delimiter))
    # Cites with the same names form a group: all of them when the cluster is sorted (the group takes
    # the place of its first cite), only adjacent ones when the author's order is kept.
    groups: list[list[Rendered]] = []
    by_key: dict[str, list[Rendered]] = {}
    previous_key = None
    for entry in present:
        ctx = entry[2]
        key = plain(ctx.first_names[0]) if ctx.first_names else ""
        if run.citation.sort and key in by_key:
            by_key[key].append(entry)
        elif groups and key == previous_key:
            groups[-1].append(entry)
        else:
            groups.append([entry])
            by_key[key] = groups[-1]
        previous_key = key
    out: list[Node] = []
    collapsed_before = False
    for group in groups:
        if out:
            out.append(after if collapsed_before else delimiter)
        # Runs of cites with the same year that differ only by their year-suffix.
        runs: list[list[Rendered]] = []
        previous: str | None = None
        for entry in group:
            cite, _, ctx = entry
            # A cite alone in its group joins no run: its year is not rendered again to be compared.
            year = _year_key(cite, ctx, run) if len(group) > 1 and collapse.startswith("year-suffix") else None
            if runs and year is not None and year == previous and ctx.disamb.year_suffix and not cite.get("locator"):
                runs[-1].append(entry)
            else:
                runs.append([entry])
            previous = year
        for index, year_run in enumerate(runs):
            cite, node, _ = year_run[0]
            if index == 0:
                assert node is not None
                out.append(run.with_affixes(cite, node))
            else:
                short, _ = run.render_cite(cite["id"], cite, suppress_author=bool(collapse))
                if short is None:
                    continue
                previous_run = runs[index - 1]
                collapsed = len(previous_run) > 1 or year_runs_have_locator(previous_run)
                out.append(after if collapsed else group_delimiter)
                out.append(run.with_affixes(cite, short))
            suffixes = [entry[2].disamb.year_suffix for entry in year_run]
            out.extend(_suffixes(suffixes, suffix_delimiter, collapse == "year-suffix-ranged"))
        collapsed_before = len(group) > 1
    return out


def year_runs_have_locator(entries: list[Rendered]) -> bool:
    return bool(entries[-1][0].get("locator"))


def _suffixes(suffixes: list[str], delimiter: str, ranged: bool) -> list[Node]:
    """The year-suffixes after the first of a run: ``, b, c`` or, ranged, ``–c``."""
    out: list[Node] = []
    index = 1
    while index < len(suffixes):
        end = index
        if ranged:
            while end + 1 < len(suffixes) and _next(suffixes[end], suffixes[end + 1]):
                end += 1
        start_letter = suffixes[index - 1]
        if ranged and end > index and _next(start_letter, suffixes[index]):
            out.extend(["–", suffixes[end]])
            index = end + 1
            continue
        out.extend([delimiter, suffixes[index]])
        index += 1
    return out


def _next(first: str, second: str) -> bool:
    return len(first) == len(second) == 1 and ord(second) == ord(first) + 1


def _year_key(cite: dict[str, Any], ctx: Ctx, run: Run) -> str | None:
    """The cite without its author and year-suffix: cites that share it differ only by suffix."""
    short, short_ctx = run.render_cite(cite["id"], {**cite, "locator": None}, suppress_author=True)
    text = plain(short)
    suffix = short_ctx.disamb.year_suffix
    return text.replace(suffix, "", 1) if suffix else text
