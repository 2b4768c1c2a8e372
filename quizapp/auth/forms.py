from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import EqualTo, InputRequired, Length, Regexp, ValidationError

from quizapp.auth.service import (
    MAX_PASSWORD,
    USERNAME_PATTERN,
    USERNAME_RULE,
    normalise_username,
    password_problem,
)


def _normalised(value: str | None) -> str | None:
    return normalise_username(value) if value is not None else None


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
LEVEL_CHOICES = [
    SelectChoice("A1", "A1 — beginner"),
    SelectChoice("A2", "A2 — elementary"),
    SelectChoice("B1", "B1 — intermediate"),
    SelectChoice("B2", "B2 — upper intermediate"),
    SelectChoice("C1", "C1 — advanced"),
    SelectChoice("C2", "C2 — proficient"),
]


class AccountForm(FlaskForm):
    level = SelectField(
        "Your level of Dutch",
        choices=LEVEL_CHOICES,
        validators=[InputRequired()],
        description="Words above this level are marked on the reading page.",
    )
