"""Tests for biwaq_extract/nlp/programme_cues.py: unquoted names after a singular cue (blank pipeline)."""

from __future__ import annotations

import pytest


def _names(make_doc, text: str) -> set[str]:
    return {m.name for m in make_doc(text, "2023-03-01")._.programmes}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mit dem Förderaufruf Zukunft Pflege unterstützt das Land Projekte.", {"Zukunft Pflege"}),
        ("Die Richtlinie Aktiv zur Rente startet.", {"Aktiv zur Rente"}),
        ("Das Land unterstützt das Programm Fachkräfte Plus.", {"Fachkräfte Plus"}),
        ("Die Maßnahmen des Programms Verbesserungen der Lebenslage sollen helfen.", set()),
        ("Im Programm Workshops gab es viel Austausch.", set()),
        ("Das Programm Ende März beginnt.", set()),
        ("Die Arbeit des Vorgängerprogramms Gut im Kiez geht weiter.", {"Gut im Kiez"}),
        ("Die Initiative Pro Arbeit e. V. berät Arbeitslose.", set()),
    ],
)
def test_programme_cues_unquoted_names_after_a_singular_cue(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gefördert wird über das Landesprogramm Teilhabe, das 2022 startete.", {"Landesprogramm Teilhabe"}),
        ("Die Mittel des Qualifizierungsprogramms MV fließen in die Kurse.", {"Qualifizierungsprogramm MV"}),
        ("Das Sonderprogramm Kommunen unterstützt Städte.", set()),  # an inflected word is its object
        ("Das Aktionsprogramm Gute Arbeit läuft weiter.", {"Gute Arbeit"}),
        ("Das Arbeitsmarktpolitische Sonderprogramm (ASP) endet. Das ASP half vielen.", {"ASP"}),
        ("Bewerbungen sind zur Richtlinie Pflege Plus möglich.", {"Pflege Plus"}),
    ],
)
def test_programme_cues_compound_cue_and_acronym_name_the_programme(make_doc, text, expected):
    assert _names(make_doc, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das ESF Plus-Programm Stark im Quartier und das Bundesprogramm Gute Wege laufen.",
        "Im +Programm Gamma wird gearbeitet; das +Landesprogramm Arbeit auch.",
        "Die ESF-Landesinitiative Nord und die Förderrichtlinie-Programm Beta enden.",
        "Das Programm Programm Alpha, dann das Aktionsprogramm (BAP).",
        "Ohne ein Stichwort gibt es hier nichts zu finden.",
    ],
)
def test_programme_cues_trying_only_runs_with_a_cue_finds_what_a_full_scan_finds(text):
    from biwaq_extract.nlp.programme_cues import _COMPOUND_CUE, _COMPOUND_CUE_WORDS
    from biwaq_extract.nlp.programmes import load_resources
    from biwaq_extract.nlp.text_helpers import matches_where

    res = load_resources()
    for pattern, words, joiners in ((res.singular_cue, res.singular_cue_words, "-_+"),
                                    (_COMPOUND_CUE, _COMPOUND_CUE_WORDS, "-_")):
        full = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in matches_where(text, pattern, words, joiners=joiners)] == full
