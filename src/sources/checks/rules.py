"""The rule catalogue: every finding the library can report, with a stable code and name.

Codes are grouped by the stage that finds them: ``SRC0xx`` ingestion, ``SRC1xx``
footnotes and markers, ``SRC2xx`` citation syntax, ``SRC3xx`` resolution, ``SRC4xx``
bibliography entries, ``SRC5xx`` locators and dates.
Stages create their findings through :meth:`Rule.at`, so a code, its name and its
default severity can never drift apart.
"""

from __future__ import annotations

from attrs import frozen

from sources.model import Diagnostic, Document, Severity, Span
from sources.records import record_eq, record_hash, record_repr


@frozen
class Rule:
    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    code: str
    name: str
    severity: Severity
    summary: str

    def at(
        self,
        document: Document,
        span: Span | None,
        message: str,
        *,
        footnote: int | None = None,
        hint: str | None = None,
    ) -> Diagnostic:
        """A finding of this rule at ``span`` of ``document`` (line and column resolved)."""
        line = column = None
        if span is not None and document.text:
            line, column = document.index.locate(min(span.start, len(document.text) - 1))
        return Diagnostic(
            self.code, self.name, self.severity, message, document.path, line, column, span, footnote, hint
        )

    def at_line(self, path: str, line: int | None, message: str, *, hint: str | None = None) -> Diagnostic:
        """A finding of this rule at a line of a file that is not the document (a bibliography)."""
        return Diagnostic(self.code, self.name, self.severity, message, path, line, 1 if line else None, hint=hint)


UNANCHORED_PAGES = Rule(
    "SRC001",
    "unanchored-page-numbers",
    Severity.INFO,
    "No running head or given first page fixes the page numbers; pages count from 1.",
)
RUNNING_HEAD_DISAGREES = Rule(
    "SRC002",
    "running-head-disagrees",
    Severity.WARNING,
    "A running head's page number disagrees with the page it stands on.",
)
UNCLOSED_GROUP = Rule(
    "SRC003",
    "unclosed-group",
    Severity.ERROR,
    "A brace, bracket or inline note opened in a Markdown or LaTeX text is never closed.",
)
MARKER_WITHOUT_NOTE = Rule(
    "SRC101",
    "marker-without-note",
    Severity.ERROR,
    "A note marker in the body has no note text.",
)
NOTE_WITHOUT_MARKER = Rule(
    "SRC102",
    "note-without-marker",
    Severity.ERROR,
    "A note's text has no marker in the body.",
)
NUMBERING_GAP = Rule(
    "SRC103",
    "numbering-gap",
    Severity.WARNING,
    "A note number is skipped: neither a marker nor a note carries it.",
)
DUPLICATE_NUMBER = Rule(
    "SRC104",
    "duplicate-number",
    Severity.ERROR,
    "Two markers carry the same note number.",
)
NUMBER_OUT_OF_ORDER = Rule(
    "SRC105",
    "number-out-of-order",
    Severity.WARNING,
    "A marker's number is lower than the marker before it.",
)

UNREADABLE_CITATION = Rule(
    "SRC201",
    "unreadable-citation",
    Severity.ERROR,
    "Text in a list of citations cannot be read as a citation.",
)
MISSING_YEAR = Rule(
    "SRC202",
    "missing-year",
    Severity.WARNING,
    "A citation of a book or article gives no year.",
)
MISSING_LOCATOR = Rule(
    "SRC203",
    "missing-locator",
    Severity.WARNING,
    "A citation gives no page or other locator.",
)
REVERSED_RANGE = Rule(
    "SRC501",
    "reversed-page-range",
    Severity.ERROR,
    "A page range ends before it starts.",
)
IMPLAUSIBLE_RANGE = Rule(
    "SRC502",
    "implausible-page-range",
    Severity.WARNING,
    "A page range is implausibly wide or looks garbled.",
)
MERGED_LOCATOR = Rule(
    "SRC503",
    "merged-locator",
    Severity.WARNING,
    "Two locator values ran together in extraction (29-329-4 for 29-3, 29-4).",
)
DUAL_DATE_CONTRADICTION = Rule(
    "SRC504",
    "dual-date-contradiction",
    Severity.ERROR,
    "The two years of a dual date (1337-1921) do not name the same time.",
)
UNCERTAIN_CALENDAR = Rule(
    "SRC505",
    "uncertain-calendar",
    Severity.INFO,
    "A date or year may be read in more than one calendar or year.",
)

IRREGULAR_PUNCTUATION = Rule(
    "SRC204",
    "irregular-punctuation",
    Severity.INFO,
    "A citation's punctuation departs from Name, Year: page (a stray full stop, a colon for a comma).",
)
REPEATED_KEY = Rule(
    "SRC205",
    "repeated-key",
    Severity.WARNING,
    "One bracket or cite command names the same key twice.",
)
UNRESOLVED_CITATION = Rule(
    "SRC301",
    "unresolved-citation",
    Severity.ERROR,
    "A citation matches no bibliography entry.",
)
AMBIGUOUS_CITATION = Rule(
    "SRC302",
    "ambiguous-citation",
    Severity.ERROR,
    "A citation matches several bibliography entries.",
)
NAME_SPELLED_VARIOUSLY = Rule(
    "SRC303",
    "name-spelled-variously",
    Severity.WARNING,
    "The text spells one source's name in more than one way.",
)
NAME_DIFFERS_FROM_ENTRY = Rule(
    "SRC304",
    "name-differs-from-entry",
    Severity.WARNING,
    "The text names a source only by a variant, not as its bibliography entry spells it.",
)
UNKNOWN_KEY = Rule(
    "SRC305",
    "unknown-key",
    Severity.ERROR,
    "A keyed citation names a key the bibliography does not have.",
)
BIB_SYNTAX_ERROR = Rule(
    "SRC401",
    "bibliography-syntax-error",
    Severity.ERROR,
    "A block of the bibliography cannot be parsed.",
)
DUPLICATE_KEY = Rule(
    "SRC402",
    "duplicate-key",
    Severity.ERROR,
    "Two bibliography entries share a key.",
)

DUPLICATE_WORK = Rule(
    "SRC403",
    "duplicate-work",
    Severity.WARNING,
    "Two bibliography entries describe the same work.",
)
MISSING_FIELD = Rule(
    "SRC404",
    "missing-required-field",
    Severity.WARNING,
    "An entry lacks a field that its entry type requires.",
)
UNCITED_ENTRY = Rule(
    "SRC405",
    "uncited-entry",
    Severity.WARNING,
    "A bibliography entry is cited nowhere in the text.",
)
MALFORMED_URL = Rule(
    "SRC406",
    "malformed-url",
    Severity.ERROR,
    "A URL in a citation or an entry is not a well-formed http(s) address.",
)
INVALID_ISBN = Rule(
    "SRC407",
    "invalid-isbn",
    Severity.ERROR,
    "An ISBN has the wrong length or check digit.",
)
MALFORMED_DOI = Rule(
    "SRC408",
    "malformed-doi",
    Severity.ERROR,
    "A DOI is not of the form 10.NNNN/suffix.",
)
UNRECORDED_PROVENANCE = Rule(
    "SRC409",
    "unrecorded-provenance",
    Severity.WARNING,
    "An entry has a field the citing text does not give, and no record of where it came from.",
)
FIELD_NOT_KEPT = Rule(
    "SRC414",
    "field-not-kept",
    Severity.WARNING,
    "A field of a CSL-JSON or RIS record has a shape the reader cannot keep; it is left out.",
)
MALFORMED_ARCHIVAL_LOCATOR = Rule(
    "SRC506",
    "malformed-archival-locator",
    Severity.WARNING,
    "An archival path has a step without a number, or the same label twice.",
)
MALFORMED_LOCATOR = Rule(
    "SRC507",
    "malformed-locator",
    Severity.WARNING,
    "A keyed citation's postnote starts like a locator but gives no readable page or number.",
)

# What locators.problems() says of a locator part → the rule that reports it.
LOCATOR_PROBLEMS = {"reversed": REVERSED_RANGE, "implausible": IMPLAUSIBLE_RANGE, "merged": MERGED_LOCATOR}

RESOLUTION_SKIPPED = Rule(
    "SRC306",
    "resolution-skipped",
    Severity.WARNING,
    "No bibliography was given or found, so no citation was resolved.",
)
UNREADABLE_FIELD = Rule(
    "SRC410",
    "unreadable-field",
    Severity.ERROR,
    "A field of an entry cannot be read: names that do not split, or LaTeX nested too deep.",
)
EMPTY_BIBLIOGRAPHY = Rule(
    "SRC411",
    "empty-bibliography",
    Severity.ERROR,
    "The bibliography holds no entries.",
)
TEXT_OUTSIDE_ENTRIES = Rule(
    "SRC412",
    "text-outside-entries",
    Severity.WARNING,
    "Text stands between the entries of the bibliography, outside any entry.",
)
UNDEFINED_STRING = Rule(
    "SRC413",
    "undefined-string",
    Severity.ERROR,
    "A field uses an @string macro that no @string block defines.",
)

RULES: tuple[Rule, ...] = (
    UNANCHORED_PAGES,
    RUNNING_HEAD_DISAGREES,
    UNCLOSED_GROUP,
    MARKER_WITHOUT_NOTE,
    NOTE_WITHOUT_MARKER,
    NUMBERING_GAP,
    DUPLICATE_NUMBER,
    NUMBER_OUT_OF_ORDER,
    UNREADABLE_CITATION,
    MISSING_YEAR,
    MISSING_LOCATOR,
    IRREGULAR_PUNCTUATION,
    REPEATED_KEY,
    UNRESOLVED_CITATION,
    AMBIGUOUS_CITATION,
    NAME_SPELLED_VARIOUSLY,
    NAME_DIFFERS_FROM_ENTRY,
    UNKNOWN_KEY,
    RESOLUTION_SKIPPED,
    BIB_SYNTAX_ERROR,
    DUPLICATE_KEY,
    DUPLICATE_WORK,
    MISSING_FIELD,
    UNCITED_ENTRY,
    MALFORMED_URL,
    INVALID_ISBN,
    MALFORMED_DOI,
    UNRECORDED_PROVENANCE,
    UNREADABLE_FIELD,
    EMPTY_BIBLIOGRAPHY,
    TEXT_OUTSIDE_ENTRIES,
    UNDEFINED_STRING,
    FIELD_NOT_KEPT,
    REVERSED_RANGE,
    IMPLAUSIBLE_RANGE,
    MERGED_LOCATOR,
    DUAL_DATE_CONTRADICTION,
    UNCERTAIN_CALENDAR,
    MALFORMED_ARCHIVAL_LOCATOR,
    MALFORMED_LOCATOR,
)
