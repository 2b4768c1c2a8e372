from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp, ValidationError

from quizapp.accounts import MAX_PASSWORD, USERNAME_PATTERN, password_problem


class RegisterForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[
            InputRequired(),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message="Use letters, digits, dots, dashes or underscores."),
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
    username = StringField("Username", validators=[InputRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=MAX_PASSWORD)])
