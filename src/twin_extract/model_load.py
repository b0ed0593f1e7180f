"""Loading the spaCy model without the work ``spacy.load`` throws away.

``spacy.load`` builds every component its config names, then fills each from the model's files.
Two parts of that cost every start and change no Doc: the components the package ships disabled
(en_core_web_*'s ``senter``; the parser sets the sentences) are loaded though they never run, and
the language's default tokenizer (its affix regexes and 2,700 special cases) is built only to have
all of its state replaced by the tokenizer saved with the model (``Tokenizer.from_bytes`` resets
the rules, affixes and matches before it reads them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import spacy
import srsly
from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer

EMPTY_TOKENIZER = "twin_extract.EmptyTokenizer.v1"
DEFAULT_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}


@spacy.registry.tokenizers(EMPTY_TOKENIZER)
def empty_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Tokenizer with no rules yet, for a model whose saved tokenizer sets all of them."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def load_model(model: str) -> Language:
    """``spacy.load(model)`` less the disabled components and the default tokenizer's rules; the
    config still names spaCy's tokenizer (which is what the loaded one is), so a saved copy loads
    without this package."""
    folder = model_folder(model)
    if folder is None:
        return spacy.load(model)
    meta = srsly.read_json(folder / "meta.json")
    disabled = [str(name) for name in meta.get("disabled", [])]
    if not _saves_default_tokenizer(data_folder(folder, meta)):
        return spacy.load(model, exclude=disabled)
    nlp = spacy.load(model, exclude=disabled, config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}})
    nlp.config["nlp"]["tokenizer"] = dict(DEFAULT_TOKENIZER)
    return nlp


def model_folder(model: str) -> Path | None:
    """The installed package's or the folder's path, where ``meta.json`` is; None when neither."""
    try:
        folder = util.get_package_path(model) if util.is_package(model) else Path(model)
    except ImportError:
        return None
    return folder if (folder / "meta.json").is_file() else None


def data_folder(folder: Path, meta: dict[str, Any]) -> Path:
    """Where a package keeps its config and weights (``en_core_web_sm-3.8.0``, as ``spacy.load``
    finds it), or the folder itself when it is a pipeline folder."""
    if (folder / "config.cfg").is_file():
        return folder
    return folder / f"{meta['lang']}_{meta['name']}-{meta['version']}"


def _saves_default_tokenizer(data: Path) -> bool:
    """Does the model use spaCy's own Tokenizer, with no arguments, and ship its saved state?"""
    try:
        config = util.load_config(data / "config.cfg", interpolate=False)
    except (OSError, ValueError):
        return False
    return config["nlp"].get("tokenizer") == DEFAULT_TOKENIZER and (data / "tokenizer").is_file()
