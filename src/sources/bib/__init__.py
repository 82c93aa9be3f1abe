"""Bibliographies and resolution: entries as typed :class:`~sources.model.Source` records.

Reading: ``bibtex`` reads and writes ``.bib`` files through bibtexparser (with ``blocks``
for macros and stray text, ``names`` for plain names, ``isbn`` for check digits);
``csljson`` (with ``csldate``) and ``ris`` map CSL-JSON and RIS to the same records;
``formats`` chooses the reader by name or extension; ``discover`` finds a text's
bibliography when none is named. ``export`` writes a bibliography as CSL-JSON, BibLaTeX,
BibTeX or RIS. ``resolve`` links each citation to the entry it names, or says why it
cannot.
"""
