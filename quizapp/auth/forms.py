from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, Regexp, ValidationError

from quizapp.auth.service import (
    MAX_PASSWORD,
    USERNAME_PATTERN,
    USERNAME_RULE,
    normalise_username,
    password_problem,
)
from quizapp.language.glosses import learner_languages
from quizapp.levels import LEVELS
from quizapp.web.i18n import INTERFACE_LANGUAGES


def _normalised(value: str | None) -> str | None:
    return normalise_username(value) if value is not None else None


# English first, then the languages by their own names; those no dictionary covers say so.
GLOSS_LANGUAGE_CHOICES = [
    SelectChoice(code, name if has_dictionary else f"{name} (your teacher's meanings)")
    for code, name, has_dictionary in learner_languages()
]


def _gloss_language_field() -> SelectField:
    return SelectField(
        "Meanings in",
        choices=GLOSS_LANGUAGE_CHOICES,
        default="en",
        # DataRequired, not InputRequired: a form posted without it keeps the language.
        validators=[DataRequired()],
        description="The language word meanings are shown in when you read, in your word"
        " list and in review. Where it has no meaning for a word, the English one is shown.",
    )


class RegisterForm(FlaskForm):
    username = StringField(
        "Username",
        filters=[_normalised],
        validators=[
            InputRequired(),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message=USERNAME_RULE),
        ],
    )
    password = PasswordField("Password", validators=[InputRequired()])
    confirm = PasswordField(
        "Repeat password",
        validators=[InputRequired(), EqualTo("password", message="The passwords differ.")],
    )
    gloss_language = _gloss_language_field()

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data, self.username.data or "")
        if problem:
            raise ValidationError(problem)


class LoginForm(FlaskForm):
    username = StringField(
        "Username", filters=[_normalised], validators=[InputRequired(), Length(max=40)]
    )
    password = PasswordField("Password", validators=[InputRequired(), Length(max=MAX_PASSWORD)])


# What each level means to a learner choosing one (the CEFR's own short names).
_LEVEL_NAMES = {
    "A1": "beginner",
    "A2": "elementary",
    "B1": "intermediate",
    "B2": "upper intermediate",
    "C1": "advanced",
    "C2": "proficient",
}
LEVEL_CHOICES = [SelectChoice(level, f"{level} — {_LEVEL_NAMES[level]}") for level in LEVELS]


class AccountForm(FlaskForm):
    level = SelectField(
        "Your level of Dutch",
        choices=LEVEL_CHOICES,
        validators=[InputRequired()],
        description="Words above this level are marked on the reading page.",
    )
    gloss_language = _gloss_language_field()
    interface_language = SelectField(
        lazy_gettext("Pages in"),
        # "" follows the browser's language, as for a visitor.
        choices=[SelectChoice("", lazy_gettext("The language of my browser"))]
        + [SelectChoice(code, name) for code, name in INTERFACE_LANGUAGES.items()],
        default="",
        description=lazy_gettext("The language of the buttons, menus and explanations."),
    )


class InterfaceLanguageForm(FlaskForm):
    """The footer's choice of the interface's language, for visitors and users alike."""

    language = SelectField(
        lazy_gettext("Language"),
        choices=[SelectChoice(code, name) for code, name in INTERFACE_LANGUAGES.items()],
        validators=[InputRequired()],
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password", validators=[InputRequired(), Length(max=MAX_PASSWORD)]
    )
    password = PasswordField("New password", validators=[InputRequired()])
    confirm = PasswordField(
        "Repeat the new password",
        validators=[InputRequired(), EqualTo("password", message="The passwords differ.")],
    )

    def __init__(self, username: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._username = username

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data, self._username)
        if problem:
            raise ValidationError(problem)
        if field.data == self.current_password.data:
            raise ValidationError("Choose a password other than the current one.")


class DeleteAccountForm(FlaskForm):
    current_password = PasswordField(
        "Your password, to confirm", validators=[InputRequired(), Length(max=MAX_PASSWORD)]
    )
