"""One pydantic parameter model per flow: what a deployment, the CLI or a test may set, with its defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from biwaq_extract.batch.local_site import CRAWL_DIR

# The portal source in the shipped settings whose listing the weekly run crawls (biwaq_extract/data/settings.toml).
DEFAULT_START = "esf-meldungen"


class _Params(BaseModel):
    # Frozen and strict about unknown keys: a typo in a deployment's parameters fails the run at once
    # instead of being silently ignored.
    model_config = ConfigDict(frozen=True, extra="forbid")


class RunnerParams(_Params):
    """Where extraction tasks run: a thread pool in the flow's process, or a Dask cluster."""

    kind: Literal["threads", "dask"] = Field("threads", description="threads (default) or dask (needs the dask extra)")
    workers: int = Field(2, ge=1, le=64, description="threads, or Dask worker processes of a LocalCluster")
    dask_address: str | None = Field(
        None, description="scheduler address of an existing Dask cluster (e.g. tcp://127.0.0.1:8786); none = start a LocalCluster"
    )

    @model_validator(mode="after")
    def _address_needs_dask(self) -> RunnerParams:
        if self.dask_address and self.kind != "dask":
            raise ValueError("dask_address is only used with kind='dask'")
        return self


class CrawlParams(_Params):
    """Parameters of `crawl_flow`: what to crawl and where to keep the archive and articles.jsonl."""

    start: str = Field(DEFAULT_START, description="listing URL, or the name of a source in the settings")
    site_folder: Path | None = Field(
        None, description="serve this folder on 127.0.0.1 for the crawl and crawl it instead of the live site (e.g. corpus/site)"
    )
    crawl_dir: Path = Field(Path("outputs/crawl"), description="WARC archive, fetch log and articles.jsonl")
    since: dt.date | None = Field(None, description="skip articles published before this day")
    max_pages: int = Field(0, ge=0, description="stop after this many pages (0 = no limit)")
    settings_file: Path | None = Field(None, description="TOML file overriding the shipped settings")


class ExtractParams(_Params):
    """Parameters of `extract_flow`: documents in, tables out."""

    input: Path = Field(description="articles.jsonl (or any JSON Lines file / folder of HTML pages biwaq extract reads)")
    output: Path = Field(Path("outputs"), description="dataset folder: tables, documents.jsonl, run.json, .cache/")
    model: str | None = Field(None, description="spaCy package or pipeline path, or 'blank'; default de_core_news_sm if installed")
    settings_file: Path | None = None
    batch_size: int | None = Field(
        None, ge=1, le=10_000,
        description="documents per extraction task; default: [extract] batch_size of the settings (32), more on large "
                    "inputs (about 4 tasks per worker)",
    )
    published_from: dt.date | None = Field(None, description="only documents published on or after this day")
    published_to: dt.date | None = Field(None, description="only documents published on or before this day")
    runner: RunnerParams = RunnerParams()

    @model_validator(mode="after")
    def _range(self) -> ExtractParams:
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError(f"published_from {self.published_from} is after published_to {self.published_to}")
        return self


class NewsletterParams(_Params):
    """Parameters of `newsletter_pipeline`: crawl a newsletter source and turn it into the dataset."""

    start: str = Field(DEFAULT_START, description="listing URL, or the name of a source in the settings")
    site_folder: Path | None = Field(
        None, description="serve this folder on 127.0.0.1 and crawl it instead of the live site (e.g. corpus/site)"
    )
    output: Path = Field(Path("outputs"), description="dataset folder; the crawl goes to OUTPUT/crawl")
    model: str | None = None
    settings_file: Path | None = None
    batch_size: int | None = Field(None, ge=1, le=10_000)
    max_pages: int = Field(0, ge=0)
    published_from: dt.date | None = Field(None, description="crawl and extract only articles published on or after this day")
    published_to: dt.date | None = Field(None, description="extract only articles published on or before this day")
    runner: RunnerParams = RunnerParams()
    rebuild: bool = Field(False, description="replace the dataset in output by this run's rows instead of merging "
                                             "them (for a dataset of an older schema version)")

    @model_validator(mode="after")
    def _range(self) -> NewsletterParams:
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError(f"published_from {self.published_from} is after published_to {self.published_to}")
        return self

    @property
    def crawl_dir(self) -> Path:
        return self.output / CRAWL_DIR

    def crawl(self) -> CrawlParams:
        return CrawlParams(
            start=self.start,
            site_folder=self.site_folder,
            crawl_dir=self.crawl_dir,
            since=self.published_from,
            max_pages=self.max_pages,
            settings_file=self.settings_file,
        )

    def extract(self, input_path: Path) -> ExtractParams:
        return ExtractParams(
            input=input_path,
            output=self.output,
            model=self.model,
            settings_file=self.settings_file,
            batch_size=self.batch_size,
            published_from=self.published_from,
            published_to=self.published_to,
            runner=self.runner,
        )


class BackfillParams(_Params):
    """Parameters of `newsletter_backfill`: the same pipeline over a required range of publication dates."""

    published_from: dt.date = Field(description="first publication day to include")
    published_to: dt.date = Field(description="last publication day to include")
    start: str = DEFAULT_START
    site_folder: Path | None = None
    output: Path = Path("outputs")
    model: str | None = None
    settings_file: Path | None = None
    batch_size: int | None = Field(None, ge=1, le=10_000)
    runner: RunnerParams = RunnerParams()

    def pipeline(self) -> NewsletterParams:
        return NewsletterParams(**self.model_dump())
