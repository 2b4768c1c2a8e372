"""Reading a cloze text: literal pieces and gaps in braces.

`{invasie}` is a typed gap, `{invasie|inval}` one with alternatives, `{=vreest ~hoopt}` a
drop-down (Moodle's GIFT marks); `\\{` and `\\}` are literal braces. Shared by the pack checker,
the quiz page, grading, GIFT conversion and the cloze generator, which writes cloze texts with
the escaping functions at the end of this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.normalise import normalise_answer


class ClozeSyntaxError(ValueError):
    """A cloze text that cannot be read; `offset` is the index in the text where it goes wrong."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class ClozeSegment:
    """A piece of a cloze text: literal text, or a gap (`is_gap`).

    A typed gap has `answers` (all accepted) and `options` None; a drop-down gap has
    `options` in pack order and `answers` holding the one right option. `index` numbers the
    gaps from 0 so a page can name its inputs.
    """

    text: str = ""
    is_gap: bool = False
    answers: list[str] = field(default_factory=list)
    options: list[str] | None = None
    index: int | None = None
    offset: int = 0  # where the segment starts in the raw text, for error positions


_CLOZE_ESCAPABLE = "{}|=~\\"


def scan_cloze(text: str) -> tuple[list[ClozeSegment], list[ClozeSyntaxError]]:
    """Split a cloze text into segments, collecting every problem instead of stopping."""
    segments: list[ClozeSegment] = []
    errors: list[ClozeSyntaxError] = []
    literal: list[str] = []
    literal_start = 0
    i = 0
    gap_count = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in "{}":
            literal.append(text[i + 1])
            i += 2
        elif char == "}":
            errors.append(
                ClozeSyntaxError(
                    "a closing brace `}` without an opening `{` (write `\\}` for a literal brace)",
                    i,
                )
            )
            literal.append(char)
            i += 1
        elif char == "{":
            end = _find_gap_end(text, i + 1)
            if end is None:
                errors.append(
                    ClozeSyntaxError(
                        "a gap opened with `{` is never closed with `}` "
                        "(write `\\{` for a literal brace)",
                        i,
                    )
                )
                literal.append(text[i:])
                break
            if literal:
                segments.append(ClozeSegment(text="".join(literal), offset=literal_start))
                literal = []
            gap, gap_errors = _read_gap(text[i + 1 : end], i + 1, gap_count)
            errors.extend(gap_errors)
            segments.append(gap)
            gap_count += 1
            i = end + 1
            literal_start = i
        else:
            literal.append(char)
            i += 1
    if literal:
        segments.append(ClozeSegment(text="".join(literal), offset=literal_start))
    if gap_count == 0 and not errors:
        errors.append(
            ClozeSyntaxError("this cloze text has no gaps; mark each gap with braces: {answer}", 0)
        )
    return segments, errors


def parse_cloze(text: str) -> list[ClozeSegment]:
    """Segments of a cloze text; raises ClozeSyntaxError on the first problem."""
    segments, errors = scan_cloze(text)
    if errors:
        raise errors[0]
    return segments


def _find_gap_end(text: str, start: int) -> int | None:
    i = start
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if text[i] == "{":
            return None  # a gap inside a gap means the first one was never closed
        if text[i] == "}":
            return i
        i += 1
    return None


def _split_unescaped(body: str, separators: str) -> list[tuple[str, str, int]]:
    """Split at unescaped separator characters: (separator before, piece, offset of piece)."""
    pieces: list[tuple[str, str, int]] = []
    current: list[str] = []
    marker = ""
    start = 0
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body) and body[i + 1] in _CLOZE_ESCAPABLE:
            current.append(body[i + 1])
            i += 2
            continue
        if char in separators:
            pieces.append((marker, "".join(current), start))
            current, marker, start = [], char, i + 1
        else:
            current.append(char)
        i += 1
    pieces.append((marker, "".join(current), start))
    return pieces


def _read_gap(body: str, offset: int, index: int) -> tuple[ClozeSegment, list[ClozeSyntaxError]]:
    errors: list[ClozeSyntaxError] = []
    if body.strip()[:1] in ("=", "~"):
        pieces = _split_unescaped(body, "=~")
        leading = pieces[0]
        if leading[1].strip():
            errors.append(
                ClozeSyntaxError(
                    "text before the first `=` or `~` in a drop-down gap", offset + leading[2]
                )
            )
        options: list[str] = []
        right: list[str] = []
        for marker, piece, start in pieces[1:]:
            option = piece.strip()
            if not option:
                errors.append(
                    ClozeSyntaxError("an empty option in a drop-down gap", offset + start)
                )
                continue
            options.append(option)
            if marker == "=":
                right.append(option)
        if len(right) != 1:
            errors.append(
                ClozeSyntaxError(
                    "a drop-down gap needs exactly one right option marked with `=` "
                    f"(this one has {len(right)}); mark the wrong ones with `~`",
                    offset - 1,
                )
            )
        lowered = [normalise_answer(option) for option in options]
        if len(set(lowered)) != len(lowered):
            errors.append(
                ClozeSyntaxError("the same option appears twice in a drop-down gap", offset - 1)
            )
        segment = ClozeSegment(
            is_gap=True, answers=right[:1], options=options, index=index, offset=offset - 1
        )
        return segment, errors
    answers: list[str] = []
    for _marker, piece, start in _split_unescaped(body, "|"):
        answer = piece.strip()
        if not answer:
            errors.append(
                ClozeSyntaxError(
                    "an empty answer in a gap; write the answer between the braces: {answer}",
                    offset + start,
                )
            )
            continue
        answers.append(answer)
    return ClozeSegment(is_gap=True, answers=answers, index=index, offset=offset - 1), errors


def cloze_gaps(text: str) -> list[ClozeSegment]:
    return [segment for segment in scan_cloze(text)[0] if segment.is_gap]


# --------------------------------------------------------------------------- writing


def escape_text(text: str) -> str:
    """Text shown as it is between the gaps of a cloze text: only braces are special there."""
    return text.replace("{", "\\{").replace("}", "\\}")


def escape_gap(text: str) -> str:
    """An answer or option written inside a gap, where `{}|=~` and the backslash are marks."""
    return "".join("\\" + char if char in _CLOZE_ESCAPABLE else char for char in text)
