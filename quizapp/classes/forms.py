from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from quizapp.classes.service import MAX_CLASS_NAME


class CreateClassForm(FlaskForm):
    name = StringField("Class name", validators=[InputRequired(), Length(max=MAX_CLASS_NAME)])


class JoinClassForm(FlaskForm):
    code = StringField(
        "Class code",
        validators=[InputRequired(message="Type the code your teacher gave you."), Length(max=20)],
        description="Eight letters and digits, like ABCD-2345. "
        "Capitals and the dash do not matter.",
    )
