from flask_wtf import FlaskForm
from wtforms import SelectField

from quizapp.models import ROLES


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=list(ROLES))


class ConfirmForm(FlaskForm):
    """A button that changes something: only its CSRF token."""
