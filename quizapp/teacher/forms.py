from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import InputRequired, Length

from quizapp.models import ROLES
from quizapp.teacher.classes import MAX_CLASS_NAME


class CreateClassForm(FlaskForm):
    name = StringField("Class name", validators=[InputRequired(), Length(max=MAX_CLASS_NAME)])


class JoinClassForm(FlaskForm):
    code = StringField(
        "Class code",
        validators=[InputRequired(message="Type the code your teacher gave you."), Length(max=20)],
        description="Eight letters and digits, like ABCD-2345. "
        "Capitals and the dash do not matter.",
    )


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=list(ROLES))
