"""Cite positions in note order: first, subsequent, ibid, ibid-with-locator, near-note."""

from __future__ import annotations

from typing import Any

from sources.csl.context import POSITIONS


def assign_positions(clusters: list[tuple[int, list[dict[str, Any]]]], near_note_distance: int) -> None:
    """Set ``position``, ``near-note`` and ``first-reference-note-number`` on every cite, in place.

    ``clusters`` holds (note number, cites) in document order. A position given in the input is kept.
    """
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    # Notes and in-text citations (note number 0) are separate streams for ibid.
    previous_note: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    current_note: dict[bool, tuple[int, list[dict[str, Any]]]] = {True: (-1, []), False: (-1, [])}
    for note, cites in clusters:
        stream = note > 0
        number, gathered = current_note[stream]
        if number != note or not stream:
            previous_note[stream] = gathered
            gathered = []
            current_note[stream] = (note, gathered)
        previous_cluster = gathered if gathered else previous_note[stream]
        for index, cite in enumerate(cites):
            item = cite["id"]
            if index > 0:
                before: dict[str, Any] | None = cites[index - 1]
            elif len(previous_cluster) == 1 or (previous_cluster and all(c["id"] == item for c in previous_cluster)):
                before = previous_cluster[-1]
            else:
                before = None
            if not isinstance(cite.get("position"), int):
                cite["position"] = _position(cite, before, item in first_note)
            if item in last_note and "near-note" not in cite:
                cite["near-note"] = note - last_note[item] <= near_note_distance
            if item in first_note:
                cite.setdefault("first-reference-note-number", str(first_note[item]))
            else:
                first_note[item] = note
            last_note[item] = note
        gathered.extend(cites)


def _position(cite: dict[str, Any], before: dict[str, Any] | None, seen: bool) -> int:
    """A cite's position from the cite just before it (in its note or the previous one)."""
    if not seen:
        return POSITIONS["first"]
    if before is None or before["id"] != cite["id"]:
        return POSITIONS["subsequent"]
    mine, theirs = cite.get("locator"), before.get("locator")
    if not theirs:
        return POSITIONS["ibid-with-locator"] if mine else POSITIONS["ibid"]
    if not mine:
        return POSITIONS["subsequent"]
    if str(mine) == str(theirs) and cite.get("label") == before.get("label"):
        return POSITIONS["ibid"]
    return POSITIONS["ibid-with-locator"]
