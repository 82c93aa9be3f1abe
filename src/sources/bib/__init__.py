"""Bibliographies and resolution: entries as typed :class:`~sources.model.Source` records.

``bibtex`` reads and writes ``.bib`` files through bibtexparser; ``resolve`` links each
citation to the entry it names, or says why it cannot.
"""
