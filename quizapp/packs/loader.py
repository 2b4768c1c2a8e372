"""Loading packs from files and folders: the guarded YAML read, then the format rules."""

from __future__ import annotations

import hashlib
from pathlib import Path

from quizapp.translatable import N_, Message

from .model import Pack, Problem
from .schema import read_pack_tree
from .yamlsafe import MAX_BYTES, YamlDocument, parse_yaml_bytes, read_yaml_file

PACK_SUFFIXES = (".yaml", ".yml")


def load_pack(path: str | Path) -> tuple[Pack | None, list[Problem]]:
    """The pack in one file, or every problem found in it (then no pack)."""
    pack, problems, _id_position = _load(str(path))
    return pack, problems


def load_pack_located(path: str | Path) -> tuple[Pack | None, list[Problem], tuple[int, int]]:
    """Like load_pack, with the (line, column) of the pack's id, to point at a reused one."""
    return _load(str(path))


def load_pack_bytes(data: bytes, path: str) -> tuple[Pack | None, list[Problem]]:
    """Like load_pack, for a file's would-be content (checked before it is written)."""
    if len(data) > MAX_BYTES:
        return None, [Problem(path, 1, 1, Message(N_("this pack would be larger than 1 MB")))]
    document, problems = parse_yaml_bytes(data, path)
    pack, problems, _id_position = _build(document, problems, path)
    return pack, problems


def _load(path: str) -> tuple[Pack | None, list[Problem], tuple[int, int]]:
    document, problems = read_yaml_file(path)
    return _build(document, problems, path)


def _build(
    document: YamlDocument | None, problems: list[Problem], path: str
) -> tuple[Pack | None, list[Problem], tuple[int, int]]:
    if document is None:
        return None, problems, (1, 1)
    content = read_pack_tree(document.root, path, document.lines)
    if content.problems:
        return None, content.problems, content.id_position
    pack = Pack(
        **content.fields,
        path=path,
        content_hash=hashlib.sha256(document.data).hexdigest(),
    )
    return pack, [], content.id_position


def pack_files(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """The pack files named, folders expanded to every *.yaml / *.yml inside, sorted."""
    files: list[str] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                str(candidate)
                for candidate in path.rglob("*")
                if candidate.suffix in PACK_SUFFIXES and candidate.is_file()
            )
            files.extend(found)
        elif path.is_file():
            files.append(str(path))
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder"))
    return files, problems


def check_paths(paths: list[str]) -> list[Problem]:
    """Every problem in the packs named, including a pack id used by two files."""
    problems, _count = check_paths_counted(paths)
    return problems


def check_paths_counted(paths: list[str]) -> tuple[list[Problem], int]:
    files, problems = pack_files(paths)
    owners: dict[str, str] = {}
    for path in files:
        pack, file_problems, id_position = _load(path)
        problems.extend(file_problems)
        if pack is None:
            continue
        if pack.id in owners:
            problems.append(
                Problem(
                    path,
                    *id_position,
                    f"the pack id `{pack.id}` is already used by {owners[pack.id]}; "
                    "every pack needs its own id",
                )
            )
        else:
            owners[pack.id] = path
    return problems, len(files)
