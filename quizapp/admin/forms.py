from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import SelectField

from quizapp.models import ROLES

# The roles as a page names them; the stored value stays the English word.
ROLE_LABELS = {
    "learner": lazy_gettext("learner"),
    "teacher": lazy_gettext("teacher"),
    "admin": lazy_gettext("admin"),
}


class RoleForm(FlaskForm):
    role = SelectField(lazy_gettext("Role"), choices=list(ROLES))


class ConfirmForm(FlaskForm):
    """A button that changes something: only its CSRF token."""
