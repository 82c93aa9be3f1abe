"""Note text → :class:`~sources.model.Citation` records.

``parse`` reads a note into citations, signals and commentary; ``locators`` reads what
follows a citation (pages, ranges, issues, archival paths); ``calendars`` reads dates in
the Gregorian, Rumi and Hijri calendars.
"""
