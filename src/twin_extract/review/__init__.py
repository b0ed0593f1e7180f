"""Human review of extracted records: a local web app, export of the decisions, shared helpers.

Nothing here is imported by the extraction pipeline, so the web stack stays an optional extra.
"""
