"""A pack whose every teacher-written field carries script-injection payloads."""

from __future__ import annotations

import json
from pathlib import Path

# Each payload, if it ever ran, would set window.__xss; the browser test checks it never is.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '"><svg onload="window.__xss=3">',
    "javascript:window.__xss=4",
    "<iframe srcdoc='<script>parent.__xss=5</script>'></iframe>",
    "{{ 7*7 }} {% raw %}",
    '</textarea><details open ontoggle="window.__xss=6">',
]


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def write_xss_pack(folder: Path) -> Path:
    a, b, c, d, e, f, g = PAYLOADS
    text = f"Dit is een gewone zin. {a}\n\n## Kop {b}\n\nNog een zin met {c} en {e} en {g}."
    pack = f"""format: 1
id: xss-proef
title: {_q("Proef " + a)}
source: {_q(b)}
tags: [{_q(c)}]
text: {_q(text)}
glossary:
  zin: {_q("sentence " + b)}
  gewone:
    gloss: {_q(c)}
    note: {_q(e)}
questions:
  - id: keuze
    type: choice
    prompt: {_q("Kies " + a)}
    hint: {_q(b)}
    options:
      - text: {_q(c)}
        correct: true
        feedback: {_q(d + " " + b)}
      - text: {_q(e)}
        feedback: {_q(f)}
    explanation: {_q(g)}
  - id: kort
    type: short
    prompt: {_q(b)}
    answers: [{_q(a)}]
  - id: gaten
    type: cloze
    text: {_q("Een {=gat ~" + "fout" + "} en een {woord} " + "&lt;b&gt;")}
  - id: paren
    type: match
    pairs:
      {_q(a)}: {_q(b)}
      {_q(c)}: {_q(e)}
  - id: volgorde
    type: order
    items: [{_q(f)}, {_q(g)}]
"""
    path = folder / "xss-proef.yaml"
    path.write_text(pack, encoding="utf-8")
    return path
