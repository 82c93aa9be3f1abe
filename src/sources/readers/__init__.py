"""Reading inputs: files → :class:`~sources.model.Document` → footnotes, markers, claims.

``files`` decodes bytes (encodings, binary and empty files); ``pdftext`` splits a PDF
extraction into lines and pages; ``layout`` tells body lines from note lines;
``footnotes`` rejoins notes, finds markers and claims, with ``sections`` and
``sentences``; ``textmap`` maps offsets to lines and rejoined text back to the file.
"""
