"""Data models shared by the pipeline, the store and the JSON output.

Defined once with pydantic so `fuhe schema` can publish their JSON Schema.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
Number = Union[int, float]

EXTRACT_SCHEMA = "fuhe.extract/1"
COMPARE_SCHEMA = "fuhe.compare/1"


class Region(BaseModel):
    """An administrative division, by its official full name."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Six-digit adcode, as a string")
    name: str = Field(description="Official full name, e.g. 甘孜藏族自治州")
    level: Literal["province", "prefecture", "county"]


class Indicator(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable dotted rule id, or 'uncategorized'")
    name: str = Field(description="Rule name, or the context phrase for uncategorized facts")


UNCATEGORIZED = "uncategorized"


class Period(BaseModel):
    """The time a figure covers: a flow from `start` to `end`, or a stock counted at `end`."""

    model_config = ConfigDict(frozen=True)

    start: Optional[str] = Field(description="YYYY-MM the span starts; null for a stock counted at `end`")
    end: str = Field(description="YYYY-MM the span ends, or the month a stock is counted at")


class ParsedNumber(BaseModel):
    """One number expression, as `parse_number` reads it."""

    text: str
    value: Optional[Number]
    qualifier: Qualifier = "exact"
    marker: Optional[str] = Field(None, description="The qualifier word as written: 余, 近, 约, ...")
    low: Optional[Number] = None
    high: Optional[Number] = None
    unit: Optional[str] = None


class Fact(BaseModel):
    line: int = Field(description="1-based line in the original file")
    column: int = Field(description="1-based column (characters) in the original file")
    text: str = Field(description="The original text of the clause around the number")
    number: str = Field(description="The number expression as normalised, e.g. 130万, 5000余")
    value: Number = Field(description="Value in the canonical unit (元 for money, % for rates)")
    unit: Optional[str]
    qualifier: Qualifier
    low: Optional[Number] = None
    high: Optional[Number] = None
    indicator: Indicator
    region: Optional[Region] = None
    year: Optional[int] = Field(None, description="The calendar year, when the period lies within one")
    period: Optional[Period] = Field(None, description="The span the figure covers, or the date a stock "
                                     "is counted at; null when nothing in the document fixes it")
    target: bool = Field(False, description="A planned figure or a requirement (力争, 计划, 下一步, 每…至少), "
                         "not an achievement")
    rule: Optional[str] = Field(None, description="Id of the rule that named the indicator")
    location: Optional[str] = Field(
        None, description="Where the line is in a paged or structured file: 'page:line' for PDF, "
        "'p<paragraph>' or 't<table>r<row>' for .docx; null for text and HTML")
    path: Optional[str] = Field(None, description="Present in jsonl output only")


class DocumentError(BaseModel):
    path: str
    code: str = Field(description="missing | unreadable | empty | binary | undecodable | ...")
    message: str


class DocumentWarning(BaseModel):
    """Something fuhe repaired or doubted: a draft should fix it at the source."""

    line: int
    column: int
    code: str = Field(description="ideographic-decimal | mixed-width | stray-space | pinyin-noise | ...")
    message: str


class Document(BaseModel):
    path: str
    sha256: Optional[str] = Field(None, description="Hash of the decoded text: the store's key")
    encoding: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date of the document, if stated")
    region: Optional[Region] = None
    year: Optional[int] = None
    period: Optional[Period] = Field(None, description="The reporting period the document states "
                                     "(title, header, opening), if any")
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[DocumentWarning] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)


class ExtractResult(BaseModel):
    """The `fuhe extract --format json` envelope."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(EXTRACT_SCHEMA, alias="schema")
    fuhe_version: str
    documents: list[Document]
    errors: list[DocumentError] = Field(default_factory=list)
