"""Rendering a text's works and notes in a CSL style: the stage after resolution.

* :mod:`~sources.rendering.items` — the CSL-JSON items of the works a text cites;
* :mod:`~sources.rendering.dates` — a Rumi or Hijri date's Gregorian equivalent in the style's language;
* :mod:`~sources.rendering.clusters` — one citation cluster per citation of the notes, locators as CSL labels;
* :mod:`~sources.rendering.notes` — each note rewritten with its citations in the style's form;
* :mod:`~sources.rendering.document` — the run that ties them together (``sources.render``);
* :mod:`~sources.rendering.output` — the rendering as text, HTML, Markdown, LaTeX or JSON;
* :mod:`~sources.rendering.command` — ``sources render``.

The CSL processor (:mod:`sources.csl`) loads only when something is rendered.
"""

DEFAULT_STYLE = "isnad-dipnotlu"  # the article's own: ISNAD 2, with notes
DEFAULT_LANG = "tr-TR"  # when the style names no locale
