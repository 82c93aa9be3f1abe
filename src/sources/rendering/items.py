"""The CSL-JSON items of the works a text cites, in the order it first cites them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sources.bib.csljson import DATE_VARIABLES, to_csl
from sources.rendering.dates import localize_literal

if TYPE_CHECKING:
    from sources.bib.resolve import Resolved
    from sources.csl.locale import Locale


def cited_keys(resolved: Resolved) -> list[str]:
    """The keys of the entries the text cites, each once, in the order of its first citation."""
    keys = (citation.source for citation in resolved.footnotes.citations if citation.source)
    return [key for key in dict.fromkeys(keys) if resolved.bibliography.get(key) is not None]


def csl_items(resolved: Resolved, keys: list[str], locale: Locale) -> list[dict[str, Any]]:
    """The items of ``keys``, dates in another calendar given their Gregorian equivalent in ``locale``."""
    items = []
    for key in keys:
        source = resolved.bibliography.get(key)
        if source is None:
            continue
        item = to_csl(source)
        for variable in DATE_VARIABLES & item.keys():
            item[variable] = localize_literal(item[variable], locale)
        items.append(item)
    return items
