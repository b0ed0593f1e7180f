"""The Ukrainian pipeline: spaCy's blank tokeniser, pymorphy3 lemmas, GeoNames' Cyrillic names."""
