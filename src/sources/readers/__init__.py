"""Reading inputs: files → :class:`~sources.model.Document` → footnotes, markers, claims.

``files`` decodes bytes (encodings, binary and empty files); ``formats`` chooses the
reader (PDF text, Markdown, LaTeX) by ``--from`` or extension.

PDF text: ``pdftext`` splits an extraction into lines and pages; ``layout`` tells body
lines from note lines; ``footnotes`` rejoins notes, finds markers and claims, with
``sections`` and ``sentences``.

Markup: ``markdown`` (markdown-it-py) and ``latex`` (pylatexenc) read notes and keyed
citations; ``markup`` holds what both share; ``declared`` finds the bibliography a text
names. ``textmap`` maps offsets to lines and rejoined text back to the file, for all.
"""
