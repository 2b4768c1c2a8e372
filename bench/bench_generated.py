"""Generated questions judged as a teacher would: usable as is / after an edit / rejected,
overall and by kind, and the share of items that test the text's content.

The verdicts (`bench/generated/verdicts.tsv`, keyed by pack and item id, with the item as
shown, so that a changed item is not judged by an old verdict) are one teacher's judgement
of the default quiz of each text in `bench/generated/`. The quiz is generated again here: an
item the verdicts do not know (the generator changed) is counted as "not judged", so the
figures never silently describe another generator.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.generate import CONTENT_KINDS, GenerateOptions, generate_questions  # noqa: E402
from quizapp.generate.cli import DEFAULT_COUNTS, KIND_COUNTS  # noqa: E402
from quizapp.language import analyse_text  # noqa: E402
from quizapp.packs import load_pack  # noqa: E402

HERE = ROOT / "bench" / "generated"
VERDICTS = ("usable", "edit", "reject")


def asked(question: dict) -> str:
    """What the item shows, in one line: a verdict holds only for exactly this item."""
    if question["type"] in ("choice", "multi"):
        options = " / ".join(("*" if o["correct"] else "") + o["text"] for o in question["options"])
        return f"{question['prompt']} | {options}"
    if question["type"] == "truefalse":
        return f"{question['prompt']} -> {'waar' if question['answer'] else 'niet waar'}"
    if question["type"] == "order":
        return f"{question['prompt']} | {' / '.join(question['items'])}"
    if question["type"] == "match":
        return " ; ".join(f"{a} = {b}" for a, b in question["pairs"])
    return question.get("text") or question["prompt"]


def _verdicts() -> dict[tuple[str, str], dict[str, str]]:
    with (HERE / "verdicts.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row["pack"], row["id"]): row for row in rows}


def main() -> None:
    verdicts = _verdicts()
    by_kind: dict[str, Counter] = {}
    by_set: dict[str, Counter] = {}
    content_by_set: Counter = Counter()
    total: Counter = Counter()
    content = items = 0
    todo: list[str] = []
    for path in sorted(HERE.glob("*.yaml")):
        pack, problems = load_pack(path)
        assert pack is not None, problems
        analysis = analyse_text(pack.text, pack.glossary or None)
        counts = {k: v for k, v in pack.generate.items() if k in KIND_COUNTS and v}
        options = GenerateOptions(counts or DEFAULT_COUNTS, pack.level or "B1", pack.id)
        for question in generate_questions(pack.text, analysis, options):
            row = verdicts.get((pack.id, question["id"]))
            if row is None or row["asked"] != asked(question):
                row = None
                todo.append(
                    f"{question['id']}\t{pack.id}\t{question['kind']}\t\t\t{asked(question)}"
                )
            verdict = row["verdict"] if row else "not judged"
            by_kind.setdefault(question["kind"], Counter())[verdict] += 1
            total[verdict] += 1
            by_set.setdefault(row["set"] if row else "?", Counter())[verdict] += 1
            content_by_set[row["set"] if row else "?"] += question["kind"] in CONTENT_KINDS
            items += 1
            content += question["kind"] in CONTENT_KINDS

    def line(name: str, counter: Counter, content: int | None = None) -> str:
        n = sum(counter.values())
        rates = "  ".join(f"{v} {100 * counter[v] / n:5.1f}%" for v in VERDICTS)
        stale = f"  not judged {counter['not judged']}" if counter["not judged"] else ""
        share = "" if content is None else f"  content {100 * content / n:5.1f}%"
        return f"{name:<12} {n:>4} items  {rates}{share}{stale}"

    print(f"generated questions on {len(list(HERE.glob('*.yaml')))} texts not in questions/")
    print(line("all", total))
    # "dev" to "heldout5": texts the rules were corrected on after they were judged (each
    # set was held out once; its first verdicts are in docs/generated-questions.md);
    # "heldout6": written and judged after the last change to the rules, the figure to trust.
    for name in sorted(by_set):
        print(line(name, by_set[name], content_by_set[name]))
    for kind in sorted(by_kind):
        print(line(kind, by_kind[kind]))
    kinds = ", ".join(CONTENT_KINDS)
    print(f"content items ({kinds}): {content} of {items} ({100 * content / items:.1f}%)")
    if "--todo" in sys.argv:  # the rows to judge, to fill in and append to verdicts.tsv
        print("\n".join(todo))


if __name__ == "__main__":
    main()
