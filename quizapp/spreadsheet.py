"""Cells for CSV files that people open in a spreadsheet program."""

from __future__ import annotations

# Excel, LibreOffice and Google Sheets run a cell that starts with one of these as a
# formula (a tab or carriage return can hide the formula behind it).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """The value as text a spreadsheet shows and never runs: a leading apostrophe is how
    spreadsheets themselves mark a cell as text."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
