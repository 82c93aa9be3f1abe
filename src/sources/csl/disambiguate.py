"""Disambiguation of cites that render alike: add names, expand given names, the disambiguate condition,
year-suffixes — in the order CSL gives, each step only for cites still ambiguous."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from sources.csl.context import Disamb
from sources.csl.names import initialize

# The name lists of a cite: (variable, names), in the order it shows them.
NameLists = list[tuple[str, list[dict[str, Any]]]]
# Renders an item's cite for comparison; returns its plain text and the name lists it showed.
Probe = Callable[[str], tuple[str, NameLists]]
# The name lists an item's cite probably shows, from the item alone.
Guess = Callable[[str], NameLists]


def _ambiguous(ids: list[str], probe: Probe) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item in ids:
        groups[probe(item)[0]].append(item)
    return [group for group in groups.values() if len(group) > 1]


def _suffix(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _name_key(name: dict[str, Any]) -> str:
    return f"{name.get('non-dropping-particle', '')} {name.get('family', '')}"


# Per name (by identity): its family key, and its given name with the way it is written, if any.
Known = dict[int, tuple[str, tuple[str, str] | None]]


def _known(name: dict[str, Any], known: Known) -> tuple[str, tuple[str, str] | None]:
    found = known.get(id(name))
    if found is None:
        given = name.get("given")
        # "J. J." and "J.J." are one person's initials, written two ways.
        written = ("".join(given.replace(".", " ").split()), given) if given else None
        found = known[id(name)] = (_name_key(name), written)
    return found


def _global_givennames(ids: list[str], state: dict[str, Disamb], probe: Probe, rule: str, guess: Guess) -> None:
    """all-names / primary-name rules: expand every name that shares its family name with another person.

    The names a cite shows are known only once it is rendered, and new given-name levels make it
    render again. So the levels are first guessed from the names the item holds (``guess``) and the
    cites rendered with them: which names a cite shows does not depend on the levels, and where the
    guess holds the probe rendered now is the one disambiguation uses next.
    """
    original = {item: dict(state[item].given_levels) for item in ids}
    # The items' names, met in both passes (they live as long as the items: their ids are theirs).
    known: Known = {}
    for item, levels in _expansions({item: guess(item) for item in ids}, rule, known).items():
        state[item].given_levels = original[item] | levels
    actual = _expansions({item: probe(item)[1] for item in ids}, rule, known)
    for item in ids:
        state[item].given_levels = original[item] | actual.get(item, {})


def _expansions(shown_lists: dict[str, NameLists], rule: str, known: Known) -> dict[str, dict[tuple[str, int], int]]:
    """The given-name level of each name that shares its family name with another person, per item."""
    by_family: dict[str, dict[str, str]] = defaultdict(dict)
    shown: dict[str, list[tuple[str, int, str]]] = {}
    for item, lists in shown_lists.items():
        entries: list[tuple[str, int, str]] = []
        for variable, names in lists:
            for index, name in enumerate(names):
                if rule.startswith("primary-name") and (entries or index):
                    break
                family, written = _known(name, known)
                entries.append((variable, index, family))
                if written is not None:
                    by_family[family][written[0]] = written[1]
        shown[item] = entries
    max_level = 1 if rule.endswith("with-initials") else 2
    # Initials tell apart the people of a family name when each has their own; else full given names.
    levels: dict[str, int] = {}
    for family, givens in by_family.items():
        if len(givens) > 1:
            initials = {initialize(given, ".", True, True) for given in givens.values()}
            levels[family] = 1 if len(initials) == len(givens) else 2
    expansions: dict[str, dict[tuple[str, int], int]] = {}
    for item, entries in shown.items():
        for variable, index, family in entries:
            level = levels.get(family, 0)
            if level and level <= max_level:
                expansions.setdefault(item, {})[(variable, index)] = level
    return expansions


def disambiguate(
    ids: list[str],
    state: dict[str, Disamb],
    probe: Probe,
    options: dict[str, str],
    order: list[str],
    uses_condition: bool,
    guess: Guess,
) -> None:
    """Set each item's disambiguation state; ``order`` is the bibliography order used for year-suffixes."""
    rule = options.get("givenname-disambiguation-rule", "by-cite")
    add_names = options.get("disambiguate-add-names") == "true"
    add_given = options.get("disambiguate-add-givenname") == "true"
    if add_given and rule != "by-cite":
        _global_givennames(ids, state, probe, rule, guess)
    groups = _ambiguous(ids, probe)
    max_level = 1 if rule.endswith("with-initials") else 2
    primary = rule.startswith("primary")
    if add_names:
        groups = [rest for group in groups for rest in _add_names(group, state, probe, add_given, max_level, primary)]
    elif add_given:
        groups = [rest for group in groups for rest in _add_givennames(group, state, probe, max_level, primary)]
    if uses_condition:
        for group in groups:
            for item in group:
                state[item].condition = True
        groups = [rest for group in groups for rest in _ambiguous(group, probe)]
    if options.get("disambiguate-add-year-suffix") == "true":
        rank = {item: index for index, item in enumerate(order)}
        for group in groups:
            if any(state[item].year_suffix for item in group):
                continue
            for index, item in enumerate(sorted(group, key=lambda item: rank.get(item, len(rank)))):
                state[item].year_suffix = _suffix(index)


def _distinct(group: list[str], probe: Probe) -> int:
    return len({probe(item)[0] for item in group})


def _add_names(
    group: list[str], state: dict[str, Disamb], probe: Probe, add_given: bool, max_level: int, primary: bool
) -> list[list[str]]:
    """Show more names (expanding given names as they come, when asked) until the cites differ; keep only
    the smallest state that separated most cites, or go back to the style's own when nothing helped."""
    most = max((len(names) for item in group for _, names in probe(item)[1][:1]), default=0)
    base = {item: (state[item].names_shown, dict(state[item].given_levels)) for item in group}
    best = _distinct(group, probe)
    best_state = {item: (state[item].names_shown, dict(state[item].given_levels)) for item in group}
    for count in range(1, most + 1):
        for item in group:
            state[item].names_shown = max(base[item][0], count)
        if add_given:
            # Names shown before were tried already: expand the newly shown one.
            _add_givennames(group, state, probe, max_level, primary, count, start=count - 1)
        distinct = _distinct(group, probe)
        if distinct > best:
            best = distinct
            best_state = {item: (state[item].names_shown, dict(state[item].given_levels)) for item in group}
        if distinct == len(group):
            break
    for item in group:
        state[item].names_shown, state[item].given_levels = best_state[item]
    _fewest_names(group, state, probe, {item: value[0] for item, value in base.items()})
    return _ambiguous(group, probe)


def _fewest_names(group: list[str], state: dict[str, Disamb], probe: Probe, base: dict[str, int]) -> None:
    """Give each cite the fewest names that set it apart from the others shown with as many names."""
    chosen = {item: state[item].names_shown for item in group}
    decided: dict[str, int] = {}
    for count in range(1, max(chosen.values(), default=0)):
        for item in group:
            state[item].names_shown = max(base[item], count)
        texts = Counter(probe(item)[0] for item in group)
        for item in group:
            if item not in decided and base[item] < count < chosen[item] and texts[probe(item)[0]] == 1:
                decided[item] = count
    for item in group:
        state[item].names_shown = decided.get(item, chosen[item])


def _add_givennames(
    group: list[str],
    state: dict[str, Disamb],
    probe: Probe,
    max_level: int,
    primary_only: bool,
    width: int = 0,
    start: int = 0,
) -> list[list[str]]:
    """Expand given names one name at a time, keeping only the expansions that separate cites."""
    current = group
    if not width:
        width = max((len(names) for item in current for _, names in probe(item)[1][:1]), default=0)
    for index in range(start, 1 if primary_only else width):
        for level in range(1, max_level + 1):
            before = _distinct(current, probe)
            saved = {item: dict(state[item].given_levels) for item in current}
            for item in current:
                lists = probe(item)[1]
                if not lists or index >= len(lists[0][1]):
                    continue
                variable = lists[0][0]
                previous = state[item].given_levels.get((variable, index), 0)
                state[item].given_levels[(variable, index)] = max(previous, level)
            if _distinct(current, probe) <= before:
                for item in current:
                    state[item].given_levels = saved[item]
                continue
            remaining = _ambiguous(current, probe)
            if not remaining:
                return []
            current = [item for rest in remaining for item in rest]
            break
    return _ambiguous(current, probe)
