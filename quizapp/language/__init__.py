"""The Dutch language pipeline: analyse a text once, at import, for reading and quizzes."""

from .analyse import Analysis, analyse_text
from .token import Token

__all__ = ["Analysis", "Token", "analyse_text"]
