from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from quizapp.levels import LEVELS
from quizapp.packs.yamlsafe import MAX_BYTES

# A pasted text: a long article is some 20,000 characters.
MAX_TEXT = 100_000


class SourceForm(FlaskForm):
    source = TextAreaField(
        lazy_gettext("The pack (YAML)"),
        validators=[
            InputRequired(message=lazy_gettext("The pack is empty.")),
            Length(max=MAX_BYTES, message=lazy_gettext("A pack is at most 1 MB.")),
        ],
    )


class UploadForm(FlaskForm):
    pack_file = FileField(
        lazy_gettext("A pack file (.yaml)"),
        validators=[FileRequired(lazy_gettext("Choose a file."))],
    )


class FromTextForm(FlaskForm):
    text = TextAreaField(
        lazy_gettext("The Dutch text"),
        validators=[
            InputRequired(message=lazy_gettext("Paste a text.")),
            Length(max=MAX_TEXT, message=lazy_gettext("A text is at most 100,000 characters.")),
        ],
    )
    title = StringField(
        lazy_gettext("Title"),
        validators=[Optional(), Length(max=300)],
        description=lazy_gettext("Leave empty to use the text's first line, if it is a title."),
    )
    level = SelectField(
        lazy_gettext("Level"),
        choices=[
            SelectChoice("", lazy_gettext("Estimate it from the text")),
            *(SelectChoice(level, level) for level in LEVELS),
        ],
        validate_choice=True,
        default="",
    )


class ActionForm(FlaskForm):
    """Publish, unpublish, review: buttons whose only field is the CSRF token."""
