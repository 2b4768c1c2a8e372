"""The Dutch language pipeline: analyse a text once, at import, for reading and quizzes."""

from .analyse import Analysis, Token, analyse_text

__all__ = ["Analysis", "Token", "analyse_text"]
