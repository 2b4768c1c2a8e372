"""The one parser for numbers and redirect targets that every view uses."""

from __future__ import annotations

import pytest

from quizapp.inputs import INT32_MAX, parse_int, safe_next


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0", 0),
        ("42", 42),
        ("007", 7),
        (str(INT32_MAX), INT32_MAX),
        (str(INT32_MAX + 1), None),
        ("9" * 30, None),
        ("9" * 5000, None),  # int() itself refuses more than 4,300 digits
        ("²", None),  # isdigit() says yes
        ("１２", None),  # int() reads full-width digits
        ("٣", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1\n", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_int_takes_ascii_digits_within_the_databases_range(raw, expected):
    assert parse_int(raw) == expected


def test_parse_int_can_be_bounded_lower():
    assert parse_int("4", maximum=3) is None
    assert parse_int("3", maximum=3) == 3


@pytest.mark.parametrize(
    "target",
    ["/", "/articles/een-dag", "/words?q=huis&sort=date", "/review#answer", "/a:b"],
)
def test_safe_next_keeps_paths_on_this_site(target):
    assert safe_next(target, "/fallback") == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/\r\nSet-Cookie: x=1",
        "/%0d%0a" + "\r\n",
        "/\x00",
        "/\t/evil.example",
        "articles",
        "/" + "a" * 3000,
    ],
)
def test_safe_next_refuses_everything_else(target):
    assert safe_next(target, "/fallback") == "/fallback"
