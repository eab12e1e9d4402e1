"""Table files: any text survives Parquet and the CSV copy unchanged."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biwaq_extract.dataset import files
from biwaq_extract.dataset.datapackage import csv_path, parquet_path
from biwaq_extract.dataset.schemas import TABLES
from biwaq_extract.dataset.tables import build_tables
from conftest import load_result, make_run

_awkward_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=0, max_size=40
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_awkward_text, url=st.one_of(st.none(), _awkward_text), text=_awkward_text)
@pytest.mark.parametrize("table", ["documents"])
def test_files_property_any_text_survives_parquet_and_csv(tmp_path, table, title, url, text):
    """Umlauts, quotes, commas, line breaks and empty strings come back unchanged from Parquet and the CSV copy."""
    import pandas as pd

    result = load_result("esf-003.json")
    doc = dataclasses.replace(result.document, title=title, url=url, text=text)
    frame = build_tables([dataclasses.replace(result, document=doc, organisations=(), programmes=())], [], make_run())[table]
    files.write_parquet(frame, TABLES[table], tmp_path / parquet_path(TABLES[table]))
    pd.testing.assert_frame_equal(files.read_table(tmp_path, TABLES[table]), frame)
    files.write_csv(frame, TABLES[table], tmp_path / csv_path(TABLES[table]))
    csv = pd.read_csv(tmp_path / csv_path(TABLES[table]), dtype=str, keep_default_na=False)
    assert len(csv) == 1
    assert csv.loc[0, "title"] == title  # an empty title and a missing one both show as an empty cell
