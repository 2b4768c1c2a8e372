"""The school of learners, classes and attempts the classes tests build, for the progress
page's tests too."""

from tests.classes.conftest import count_queries, school  # noqa: F401
