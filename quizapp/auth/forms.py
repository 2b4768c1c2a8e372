from flask_babel import gettext, lazy_gettext
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
from quizapp.web.i18n import INTERFACE_LANGUAGES, translated


def _normalised(value: str | None) -> str | None:
    return normalise_username(value) if value is not None else None


_DIFFER = lazy_gettext("The passwords differ.")

# English first, then the languages by their own names; those no dictionary covers say so.
GLOSS_LANGUAGE_CHOICES = [
    SelectChoice(
        code,
        name
        if has_dictionary
        else lazy_gettext("%(language)s (your teacher's meanings)", language=name),
    )
    for code, name, has_dictionary in learner_languages()
]


def _gloss_language_field() -> SelectField:
    return SelectField(
        lazy_gettext("Meanings in"),
        choices=GLOSS_LANGUAGE_CHOICES,
        default="en",
        # DataRequired, not InputRequired: a form posted without it keeps the language.
        validators=[DataRequired()],
        description=lazy_gettext(
            "The language word meanings are shown in when you read, in your word list and in"
            " review. Where it has no meaning for a word, the English one is shown."
        ),
    )


class RegisterForm(FlaskForm):
    username = StringField(
        lazy_gettext("Username"),
        filters=[_normalised],
        validators=[
            InputRequired(),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message=lazy_gettext(USERNAME_RULE)),
        ],
    )
    password = PasswordField(lazy_gettext("Password"), validators=[InputRequired()])
    confirm = PasswordField(
        lazy_gettext("Repeat password"),
        validators=[InputRequired(), EqualTo("password", message=_DIFFER)],
    )
    gloss_language = _gloss_language_field()

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data, self.username.data or "")
        if problem:
            raise ValidationError(translated(problem))


class LoginForm(FlaskForm):
    username = StringField(
        lazy_gettext("Username"),
        filters=[_normalised],
        validators=[InputRequired(), Length(max=40)],
    )
    password = PasswordField(
        lazy_gettext("Password"), validators=[InputRequired(), Length(max=MAX_PASSWORD)]
    )


# What each level means to a learner choosing one (the CEFR's own short names).
_LEVEL_NAMES = {
    "A1": lazy_gettext("beginner"),
    "A2": lazy_gettext("elementary"),
    "B1": lazy_gettext("intermediate"),
    "B2": lazy_gettext("upper intermediate"),
    "C1": lazy_gettext("advanced"),
    "C2": lazy_gettext("proficient"),
}
LEVEL_CHOICES = [
    SelectChoice(level, lazy_gettext("%(level)s — %(name)s", level=level, name=_LEVEL_NAMES[level]))
    for level in LEVELS
]


class AccountForm(FlaskForm):
    level = SelectField(
        lazy_gettext("Your level of Dutch"),
        choices=LEVEL_CHOICES,
        validators=[InputRequired()],
        description=lazy_gettext("Words above this level are marked on the reading page."),
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
        lazy_gettext("Current password"), validators=[InputRequired(), Length(max=MAX_PASSWORD)]
    )
    password = PasswordField(lazy_gettext("New password"), validators=[InputRequired()])
    confirm = PasswordField(
        lazy_gettext("Repeat the new password"),
        validators=[InputRequired(), EqualTo("password", message=_DIFFER)],
    )

    def __init__(self, username: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._username = username

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data, self._username)
        if problem:
            raise ValidationError(translated(problem))
        if field.data == self.current_password.data:
            raise ValidationError(gettext("Choose a password other than the current one."))


class DeleteAccountForm(FlaskForm):
    current_password = PasswordField(
        lazy_gettext("Your password, to confirm"),
        validators=[InputRequired(), Length(max=MAX_PASSWORD)],
    )
