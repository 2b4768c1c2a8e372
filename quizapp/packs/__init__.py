"""Teacher packs: reading, checking and converting the YAML files in questions/."""

from .loader import check_paths, load_pack
from .model import Pack, Problem

__all__ = ["Pack", "Problem", "check_paths", "load_pack"]
