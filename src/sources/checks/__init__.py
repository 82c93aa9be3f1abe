"""Checking: the rule catalogue, the checks, their configuration and the reports.

``rules`` lists every rule (code, name, severity, summary); ``run`` applies the checks
that need a text and its bibliography together; ``config`` reads the command line and
``[tool.sources]``; ``report`` prints findings as text, JSON, GitHub commands or SARIF.
"""
