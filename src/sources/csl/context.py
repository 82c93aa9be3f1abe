"""The state one rendering of one cite sees: the item, the cite, the locale, disambiguation choices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sources.csl.locale import Locale
from sources.csl.richtext import Node, Rich

if TYPE_CHECKING:
    from sources.csl.reuse import Memo

NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editorial-director editortranslator executive-producer guest host illustrator interviewer narrator organizer "
    "original-author performer producer recipient reviewed-author script-writer series-creator translator".split()
)
DATE_VARIABLES = frozenset("accessed available-date event-date issued original-date submitted".split())
NUMBER_VARIABLES = frozenset(
    "chapter-number citation-number collection-number edition first-reference-note-number issue locator number "
    "number-of-pages number-of-volumes page page-first part-number printing-number section supplement-number "
    "version volume".split()
)
ITEM_TYPES = frozenset(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection "
    "dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview "
    "legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent "
    "performance periodical personal_communication post post-weblog regulation report review review-book "
    "software song speech standard thesis treaty webpage".split()
)
# Variables a cite or the disambiguation gives, not the item.
CITE_VARIABLES = frozenset(("locator", "first-reference-note-number", "year-suffix"))
POSITIONS = {"first": 0, "subsequent": 1, "ibid": 2, "ibid-with-locator": 3, "near-note": 4}


class Disamb:
    """How one item is currently disambiguated: extra names, given-name expansion, condition, year-suffix."""

    __slots__ = ("condition", "given_levels", "names_shown", "year_suffix")

    def __init__(self) -> None:
        self.names_shown = 0
        self.given_levels: dict[tuple[str, int], int] = {}
        self.condition = False
        self.year_suffix = ""


class Ctx:
    """Mutable state of a single rendering pass over one cite."""

    __slots__ = (
        "auto_suffix",
        "called",
        "cite",
        "cite_reads",
        "disamb",
        "each_name",
        "first_names",
        "item",
        "locale",
        "memo",
        "mode",
        "name_lists",
        "names_key",
        "nonempty",
        "position",
        "sort_names",
        "substituting",
        "suppress_author",
        "suppressed",
    )

    def __init__(
        self,
        item: dict[str, Any],
        locale: Locale,
        mode: str,
        cite: dict[str, Any] | None = None,
        disamb: Disamb | None = None,
    ) -> None:
        self.item = item
        self.locale = locale
        self.mode = mode
        self.cite = cite or {}
        self.position = self.cite.get("position", 0) if isinstance(self.cite.get("position", 0), int) else 0
        self.disamb = disamb or Disamb()
        self.called = 0
        self.auto_suffix = False
        self.substituting = False
        self.suppress_author = False
        self.name_lists: list[tuple[str, list[dict[str, Any]]]] = []
        self.nonempty = 0
        self.suppressed: set[str] = set()
        self.first_names: list[Node] = []
        # The first names shown, one by one (text, replaceable span), when a bibliography's
        # subsequent-author-substitute rule replaces names one at a time; else None.
        self.each_name: list[tuple[str, Rich]] | None = None
        self.names_key = ""
        self.sort_names: tuple[int, int, int] | None = None
        # Reads of what the cite gives beyond its position (locator, label, ...): output that made none
        # is the same for every cite of the item in its disambiguation state (see sources.csl.reuse).
        self.cite_reads = 0
        self.memo: Memo | None = None

    def present(self, name: str) -> bool:
        """Whether the item or cite has the variable, for conditions: a variable that a substitute used
        up is suppressed in the output but still there for <if variable> (citeproc-js)."""
        return self.value(name) is not None

    def variable(self, name: str) -> Any:
        """A variable of the item or the cite (locator, label, position-related); None when absent or used."""
        if name in self.suppressed:
            return None
        return self.value(name)

    def value(self, name: str) -> Any:
        """A variable of the item or the cite, used or not; None when absent."""
        if name in CITE_VARIABLES:
            if name == "year-suffix":
                # Sort keys never see a year-suffix (citeproc-js): cites keep their order within a year.
                return (self.mode != "sort" and self.disamb.year_suffix) or None
            self.cite_reads += 1
            return self.cite.get(name) or None
        value = self.item.get(name)
        return value if filled(value) else None


def filled(value: Any) -> bool:
    """Whether an item's value counts as present: not None, not empty text, not an empty list."""
    # Not `in ("", [])`, which builds a list on every call.
    return value is not None and value != "" and (value.__class__ is not list or bool(value))


# A compiled piece of a style: what it outputs for the item and cite of a context.
Render = Callable[[Ctx], Node | None]
