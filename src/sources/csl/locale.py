"""Locales: terms with forms and plurals, date formats and options, merged along CSL's fallback chain."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import cache

from sources.csl.load import DATA, locale_root

FORM_FALLBACK: dict[str, tuple[str, ...]] = {
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "long": ("long",),
}

LOCATOR_LABELS = (
    "act appendix article-locator book canon chapter column elocation equation figure folio issue line note opus "
    "page paragraph part rule scene section sub-verbo supplement table timestamp title-locator verse version volume"
).split()

# A term: its singular and plural text.
Term = tuple[str, str]


class Locale:
    """Every term, date format and option of one language, already merged along the fallback chain."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.terms: dict[tuple[str, str, str], Term] = {}
        self.genders: dict[str, str] = {}
        self.dates: dict[str, ET.Element] = {}
        self.punctuation_in_quote = False
        self.limit_day_ordinals = False
        self._cache: dict[tuple[str, str, bool, str], str | None] = {}
        self._locator_terms: frozenset[str] | None = None

    def merge(self, element: ET.Element) -> None:
        """Lay a <locale> element over what is already known (called from lowest to highest priority)."""
        options = element.find("style-options")
        if options is not None:
            if options.get("punctuation-in-quote") is not None:
                self.punctuation_in_quote = options.get("punctuation-in-quote") == "true"
            if options.get("limit-day-ordinals-to-day-1") is not None:
                self.limit_day_ordinals = options.get("limit-day-ordinals-to-day-1") == "true"
        for date in element.findall("date"):
            self.dates[date.get("form", "text")] = date
        terms = element.find("terms")
        if terms is None:
            return
        if any(term.get("name", "").startswith("ordinal") for term in terms.findall("term")):
            # New ordinal terms replace the whole inherited ordinal system (CSL 1.0.1).
            for key in [key for key in self.terms if key[0].startswith("ordinal")]:
                del self.terms[key]
        for term in terms.findall("term"):
            name = term.get("name", "")
            form = term.get("form", "long")
            gender_form = term.get("gender-form", "")
            if term.get("gender"):
                self.genders[name] = term.get("gender", "")
            single = term.find("single")
            if single is not None:
                multiple = term.find("multiple")
                value = (single.text or "", multiple.text or "" if multiple is not None else single.text or "")
            else:
                # A term of nothing but whitespace (a line break in the XML) is an empty term.
                text = term.text if term.text and term.text.strip() else ""
                value = (text, text)
            key = (name, form, gender_form)
            self.terms[key] = value
            if term.get("match"):
                self.terms[(name, "match", "")] = (term.get("match", ""), "")
        self._cache.clear()

    def term(self, name: str, form: str = "long", plural: bool = False, gender: str = "") -> str | None:
        """A term's text in the requested form, falling back to longer forms; None when undefined."""
        key = (name, form, plural, gender)
        try:
            return self._cache[key]
        except KeyError:
            pass
        found: str | None = None
        for candidate in FORM_FALLBACK.get(form, (form, "long")):
            value = self.terms.get((name, candidate, gender)) or self.terms.get((name, candidate, ""))
            if value is not None:
                found = value[1] if plural else value[0]
                break
        self._cache[key] = found
        return found

    def locator_terms(self) -> frozenset[str]:
        """The short forms (singular and plural) of the locator labels, as written in a locator."""
        if self._locator_terms is None:
            found = set()
            for name in LOCATOR_LABELS:
                for plural in (False, True):
                    term = self.term(name, "short", plural)
                    if term and term.endswith("."):
                        found.add(term)
            self._locator_terms = frozenset(found)
        return self._locator_terms

    def ordinal_suffix(self, number: int, gender: str = "") -> str:
        """The ordinal suffix for a number: ordinal-XX terms with their match rules, then ``ordinal``."""
        for code, default in ((number % 100, "last-two-digits"), (number % 10, "last-digit")):
            if default == "last-two-digits" and code < 10:
                continue
            name = f"ordinal-{code:02d}"
            value = self.terms.get((name, "long", gender)) or self.terms.get((name, "long", ""))
            if value is None:
                continue
            match = self.terms.get((name, "match", ""), ("", ""))[0] or default
            wanted = {"last-digit": number % 10, "last-two-digits": number % 100, "whole-number": number}[match]
            if wanted == code:
                return value[0]
        return self.term("ordinal", gender=gender) or ""


@cache
def _primary_dialects() -> dict[str, str]:
    with (DATA / "locales" / "locales.json").open(encoding="utf-8") as handle:
        dialects: dict[str, str] = json.load(handle)["primary-dialects"]
    return dialects


def chain_tags(lang: str) -> list[str]:
    """Locale files to merge for a language, from highest priority: tr-TR → tr's dialect → en-US."""
    base = lang.split("-", maxsplit=1)[0]
    tags = [lang]
    dialect = _primary_dialects().get(base)
    if dialect and dialect not in tags:
        tags.append(dialect)
    if "en-US" not in tags:
        tags.append("en-US")
    return tags


def known_locale(lang: str) -> bool:
    return locale_root(lang) is not None or lang.split("-", maxsplit=1)[0] in _primary_dialects()


def build_locale(lang: str, style_locales: list[ET.Element]) -> Locale:
    """Merge locale files and the style's own <locale> elements in CSL's order of precedence."""
    locale = Locale(lang)
    for tag in reversed(chain_tags(lang)):
        root = locale_root(tag)
        if root is not None:
            locale.merge(root)
    base = lang.split("-", maxsplit=1)[0]
    by_lang = {element.get("{http://www.w3.org/XML/1998/namespace}lang"): element for element in style_locales}
    for style_tag in (None, base, lang):
        element = by_lang.get(style_tag)
        if element is not None:
            locale.merge(element)
    return locale
