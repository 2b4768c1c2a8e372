"""The database tables, as typed SQLAlchemy 2.0 models. Nothing here commits.

Each module imports only `base` and the modules whose tables it points at, never a
feature: users, library (articles, analyses, questions), attempts (and answers), classes,
vocab, authoring (packs made in the browser), assignments (and regrades). Importing the package
registers every table on Base.metadata (migrations read it).
"""

from quizapp.models.assignments import Assignment, Regrade
from quizapp.models.attempts import Answer, Attempt
from quizapp.models.authoring import WEB_PATH_PREFIX, WebPack, WebPackVersion
from quizapp.models.base import Base, utcnow
from quizapp.models.classes import CLASS_ROLES, ClassMembership, SchoolClass
from quizapp.models.library import Article, ArticleAnalysis, Question
from quizapp.models.users import ROLES, TEACHING_ROLES, LoginFailure, SignedInUser, User
from quizapp.models.vocab import (
    DEFAULT_RETENTION,
    DIRECTIONS,
    VocabCard,
    VocabItem,
    VocabReview,
    VocabSettings,
)

__all__ = [
    "CLASS_ROLES",
    "DEFAULT_RETENTION",
    "DIRECTIONS",
    "ROLES",
    "TEACHING_ROLES",
    "WEB_PATH_PREFIX",
    "Answer",
    "Article",
    "Assignment",
    "ArticleAnalysis",
    "Attempt",
    "Base",
    "ClassMembership",
    "LoginFailure",
    "Question",
    "Regrade",
    "SchoolClass",
    "SignedInUser",
    "User",
    "VocabCard",
    "VocabItem",
    "VocabReview",
    "VocabSettings",
    "WebPack",
    "WebPackVersion",
    "utcnow",
]
