from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from quizapp.classes.service import MAX_CLASS_NAME


class CreateClassForm(FlaskForm):
    name = StringField(
        lazy_gettext("Class name"), validators=[InputRequired(), Length(max=MAX_CLASS_NAME)]
    )


class JoinClassForm(FlaskForm):
    code = StringField(
        lazy_gettext("Class code"),
        validators=[
            InputRequired(message=lazy_gettext("Type the code your teacher gave you.")),
            Length(max=20),
        ],
        description=lazy_gettext(
            "Eight letters and digits, like ABCD-2345. Capitals and the dash do not matter."
        ),
    )


class RenameClassForm(FlaskForm):
    name = StringField(
        lazy_gettext("New name"), validators=[InputRequired(), Length(max=MAX_CLASS_NAME)]
    )


class ArchiveForm(FlaskForm):
    archived = HiddenField(validators=[AnyOf(["0", "1"])])


class AssignForm(FlaskForm):
    article = SelectField(lazy_gettext("Text"), validate_choice=True, validators=[InputRequired()])
    due = DateField(
        lazy_gettext("Due date (optional)"),
        validators=[Optional()],
        description=lazy_gettext("Leave empty for no due date."),
    )


class ConfirmForm(FlaskForm):
    """A button that changes something: only its CSRF token."""
