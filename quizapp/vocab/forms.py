"""Forms of the vocabulary area. Small posts (save, grade, remove) carry the CSRF token in a
hidden field and are parsed in the view; these are the ones with fields to validate."""

from __future__ import annotations

from flask_babel import lazy_gettext
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import DecimalField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, StopValidation

from quizapp.vocab.scheduling import MAX_RETENTION, MIN_RETENTION
from quizapp.web.i18n import number


class EditWordForm(FlaskForm):
    own_meaning = StringField(lazy_gettext("My meaning"), validators=[Length(max=500)])
    note = TextAreaField(lazy_gettext("Note"), validators=[Length(max=500)])


def _finite(_form, field) -> None:
    # Decimal reads "NaN", "sNaN" and "Infinity" too; NumberRange cannot compare a
    # signalling NaN at all (an exception, not a message), so they stop here.
    if field.data is not None and not field.data.is_finite():
        raise StopValidation(field.gettext("Not a valid decimal value."))


class RetentionForm(FlaskForm):
    desired_retention = DecimalField(
        lazy_gettext("Desired retention"),
        places=2,
        validators=[
            InputRequired(),
            _finite,
            NumberRange(
                min=MIN_RETENTION,
                max=MAX_RETENTION,
                message=lazy_gettext(
                    "Choose a value between %(min)s and %(max)s.",
                    # Written when shown, with the page's decimal separator (0,97).
                    min=LazyString(number, MIN_RETENTION, 2),
                    max=LazyString(number, MAX_RETENTION, 2),
                ),
            ),
        ],
    )
