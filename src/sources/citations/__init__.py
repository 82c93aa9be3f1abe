"""Note text → :class:`~sources.model.Citation` records.

``parse`` reads a note into citations, signals and commentary; ``keyed`` makes the
keyed citations of Markdown and LaTeX (``[@key, p. 33]``, ``\\parencite[33]{key}``);
``locators`` reads what follows a citation (pages, ranges, issues, archival paths);
``calendars`` reads dates in the Gregorian, Rumi and Hijri calendars.
"""
