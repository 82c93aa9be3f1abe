"""<date>: localized and non-localized forms, date parts, seasons, ranges, BC/AD years, year-suffix."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from sources.csl.context import Ctx
from sources.csl.decorate import Decorator, decorator
from sources.csl.items import DateValue
from sources.csl.locale import Locale
from sources.csl.richtext import Node, Rich

PART_INDEX = {"year": 0, "month": 1, "day": 2}
SCOPES = {"year-month-day": ("year", "month", "day"), "year-month": ("year", "month"), "year": ("year",)}


class Part:
    """One date-part: its name, form, affixes, range delimiter and decorations."""

    __slots__ = ("decorate", "form", "name", "prefix", "range_delimiter", "suffix")

    def __init__(self, element: ET.Element, override: ET.Element | None = None) -> None:
        self.name = element.get("name", "")
        chosen = override if override is not None else element
        self.form = chosen.get("form") or element.get("form") or ("long" if self.name != "day" else "numeric")
        self.prefix = element.get("prefix", "")
        self.suffix = element.get("suffix", "")
        self.range_delimiter = element.get("range-delimiter", "–")
        merged = ET.Element("date-part", dict(element.attrib))
        if override is not None:
            merged.attrib.update(
                {key: value for key, value in override.attrib.items() if key not in ("prefix", "suffix")}
            )
        self.decorate = decorator(merged, affixes=False)


def _year(year: int, form: str, locale: Locale) -> str:
    if year < 0:
        return f"{-year}{locale.term('bc') or 'BC'}"
    text = str(year)[-2:] if form == "short" else str(year)
    if 0 < year < 1000:
        text += locale.term("ad") or "AD"
    return text


def _part_text(part: Part, parts: list[int], season: int, ctx: Ctx) -> str | None:
    locale = ctx.locale
    if part.name == "year":
        return _year(parts[0], part.form, locale) if parts and parts[0] else None
    if part.name == "month":
        month = parts[1] if len(parts) > 1 else 0
        if month > 12 or (not month and season):
            # Months 13-24 are the seasons (CSL-JSON and EDTF codes); a day is meaningless there.
            number = (month - 13) % 4 + 1 if 12 < month <= 24 else season if not month else 0
            return locale.term(f"season-{number:02d}") if 1 <= number <= 4 else None
        if not month:
            return None
        if part.form == "numeric":
            return str(month)
        if part.form == "numeric-leading-zeros":
            return f"{month:02d}"
        return locale.term(f"month-{month:02d}", "short" if part.form == "short" else "long")
    day = parts[2] if len(parts) > 2 else 0
    if not day or len(parts) < 2 or parts[1] > 12:
        return None
    if part.form == "numeric-leading-zeros":
        return f"{day:02d}"
    if part.form == "ordinal" and (day == 1 or not locale.limit_day_ordinals):
        gender = locale.genders.get(f"month-{parts[1]:02d}", "")
        return f"{day}{locale.ordinal_suffix(day, gender)}"
    return str(day)


def _render_part(part: Part, text: str, ctx: Ctx, prefix: bool, suffix: bool) -> Node:
    node: Node = text
    if part.name == "year" and ctx.auto_suffix and ctx.disamb.year_suffix and "year-suffix" not in ctx.suppressed:
        node = text + ctx.disamb.year_suffix
        ctx.suppressed.add("year-suffix")
    if part.decorate is not None:
        node = part.decorate(node, ctx)
    before = part.prefix if prefix else ""
    after = part.suffix if suffix else ""
    if before or after:
        node = Rich([node], None, before, after)
    return node


def _render_span(
    chosen: list[Part], parts: list[int], season: int, ctx: Ctx, delimiter: str, first: bool, last: bool
) -> list[Node]:
    # Parts with nothing to show (a missing day) do not count for where affixes are kept.
    present = [(part, text) for part in chosen if (text := _part_text(part, parts, season, ctx))]
    out: list[Node] = []
    for index, (part, text) in enumerate(present):
        if out and delimiter:
            out.append(delimiter)
        out.append(_render_part(part, text, ctx, index > 0 or first, index < len(present) - 1 or last))
    return out


def render_date(date: DateValue, chosen: list[Part], ctx: Ctx, delimiter: str) -> Node | None:
    """One date value through a list of date parts; ranges share the parts that do not differ."""
    if date.literal:
        return date.literal
    if not date.parts:
        return None
    start = date.parts[0]
    chosen = [part for part in chosen if part.name != "day" or len(start) > 2 or len(date.parts) > 1]
    if len(date.parts) == 1:
        single = _render_span(chosen, start, date.season, ctx, delimiter, True, True)
        return Rich(single) if single else None
    end = date.parts[1]
    names = [part.name for part in chosen]
    # Only the parts shown count: March–July 2001 printed as a year is "2001", not "2001–2001".
    differing = [name for name, index in PART_INDEX.items() if name in names and _get(start, index) != _get(end, index)]
    if not differing:
        same = _render_span(chosen, start, date.season, ctx, delimiter, True, True)
        return Rich(same) if same else None
    largest = differing[0]
    if largest == "year":
        span = list(range(len(chosen)))
    else:
        involved = [names.index(name) for name in ("month", "day")[("month", "day").index(largest) :] if name in names]
        span = list(range(min(involved), max(involved) + 1))
    range_part = chosen[names.index(largest)]
    before = chosen[: span[0]]
    middle = [chosen[index] for index in span]
    after = chosen[span[-1] + 1 :]
    out: list[Node] = []
    if before:
        out.extend(_render_span(before, start, date.season, ctx, delimiter, True, True))
        if delimiter:
            out.append(delimiter)
    out.extend(_render_span(middle, start, date.season, ctx, delimiter, bool(before), False))
    out.append(range_part.range_delimiter)
    out.extend(_render_span(middle, end, date.season, ctx, delimiter, False, bool(after) or True))
    if after:
        if delimiter:
            out.append(delimiter)
        out.extend(_render_span(after, start, date.season, ctx, delimiter, True, True))
    return Rich(out)


def _get(parts: list[int], index: int) -> int:
    return parts[index] if len(parts) > index else 0


def compile_date(element: ET.Element, uses_year_suffix: bool) -> Callable[[Ctx], Node | None]:
    """A <date> element as a function of the rendering context."""
    variable = element.get("variable", "")
    form = element.get("form", "")
    scope = SCOPES.get(element.get("date-parts", "year-month-day"), SCOPES["year-month-day"])
    own_parts = element.findall("date-part")
    delimiter = element.get("delimiter", "")
    decorate: Decorator | None = decorator(element)
    localized: dict[str, tuple[list[Part], str]] = {}
    sort_scope = scope if form else tuple(part.get("name", "") for part in own_parts)
    own = ([Part(part) for part in own_parts], delimiter)

    def parts_for(ctx: Ctx) -> tuple[list[Part], str]:
        if not form:
            return own
        cached = localized.get(ctx.locale.lang)
        if cached is None:
            base = ctx.locale.dates.get(form)
            overrides = {part.get("name"): part for part in own_parts}
            parts = []
            if base is not None:
                for part in base.findall("date-part"):
                    if part.get("name") in scope:
                        parts.append(Part(part, overrides.get(part.get("name"))))
            cached = (parts, base.get("delimiter", "") if base is not None else "")
            localized[ctx.locale.lang] = cached
        return cached

    def render(ctx: Ctx) -> Node | None:
        ctx.called += 1
        # Date variables are the item's (never the cite's): looked up in it, unless used up.
        value = ctx.item.get(variable) if variable not in ctx.suppressed else None
        if not isinstance(value, DateValue):
            return None
        if ctx.mode == "sort":
            ctx.nonempty += 1
            return value.sort_key(sort_scope)
        ctx.auto_suffix = not uses_year_suffix and variable == "issued"
        parts, joiner = parts_for(ctx)
        node = render_date(value, parts, ctx, joiner)
        if node is None:
            return None
        ctx.nonempty += 1
        return decorate(node, ctx) if decorate is not None else node

    return render
