"""model_load.py: the model loads faster and exactly as ``spacy.load`` gives it, less what never runs."""

from __future__ import annotations

import spacy

from twin_extract.about import DEFAULT_MODEL
from twin_extract.model_load import DEFAULT_TOKENIZER, load_model, model_folder


def test_the_loaded_model_is_spacys_less_its_disabled_components():
    ours, plain = load_model(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    assert ours.pipe_names == plain.pipe_names
    assert plain.disabled == ["senter"] and ours.disabled == [] and "senter" not in ours.component_names
    assert ours.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert ours.config["nlp"]["tokenizer"] == DEFAULT_TOKENIZER
    text = "Freiburg im Breisgau and Besançon (France) signed a twinning agreement on 3 May 1959."
    for a, b in zip(ours(text), plain(text)):
        assert (a.text, a.whitespace_, a.tag_, a.dep_, a.head.i, a.lemma_, a.ent_type_, a.is_sent_start) == \
            (b.text, b.whitespace_, b.tag_, b.dep_, b.head.i, b.lemma_, b.ent_type_, b.is_sent_start)


def test_a_pipeline_folder_loads_the_same_way(tmp_path):
    spacy.load(DEFAULT_MODEL).to_disk(tmp_path / "pipe")
    ours = load_model(str(tmp_path / "pipe"))
    assert ours.pipe_names == spacy.load(tmp_path / "pipe").pipe_names and "senter" not in ours.component_names


def test_a_name_that_is_no_model_is_left_to_spacy(tmp_path):
    assert model_folder("no_such_model_package") is None
    assert model_folder(str(tmp_path)) is None
