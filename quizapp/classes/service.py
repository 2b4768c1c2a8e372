"""Classes: creating them, joining them with a code, and who may see which."""

from __future__ import annotations

import secrets

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from quizapp.models import ClassMembership, SchoolClass, SignedInUser, User, utcnow
from quizapp.translatable import N_, Message

# No 0/O, 1/I/L: a code read off a whiteboard should type the same on every keyboard.
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
MAX_CLASS_NAME = 100


class ClassError(ValueError):
    """Its one argument is the message for the page: English marked with N_, or a Message."""


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a learner typed, as stored: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")


def display_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}" if len(code) == JOIN_CODE_LENGTH else code


def _class_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ClassError(N_("Give the class a name."))
    if len(name) > MAX_CLASS_NAME:
        raise ClassError(
            Message(N_("A class name has at most %(count)s characters."), {"count": MAX_CLASS_NAME})
        )
    return name


def create_class(session: Session, owner: SignedInUser, name: str) -> SchoolClass:
    name = _class_name(name)
    # 31**8 codes: a clash is rare, but check rather than let the unique index fail.
    for _ in range(10):
        code = new_join_code()
        if session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code)) is None:
            break
    else:  # pragma: no cover - would take billions of classes
        raise ClassError(N_("Could not make a free join code; try again."))
    school_class = SchoolClass(name=name, join_code=code, owner_id=owner.id)
    session.add(school_class)
    session.flush()
    return school_class


def join_class(session: Session, user: SignedInUser, code_text: str) -> tuple[SchoolClass, bool]:
    """(the class, whether the user was newly added). Joining twice is harmless."""
    code = normalise_code(code_text)
    school_class = None
    if code and len(code) <= 12:
        school_class = session.scalar(select(SchoolClass).where(SchoolClass.join_code == code))
    if school_class is None:
        raise ClassError(N_("No class has that code. Check it with your teacher."))
    if school_class.archived_at is not None:
        raise ClassError(N_("That class is archived and takes no new learners."))
    existing = session.scalar(
        select(ClassMembership).where(
            ClassMembership.class_id == school_class.id, ClassMembership.user_id == user.id
        )
    )
    if existing is not None or school_class.owner_id == user.id:
        return school_class, False
    session.add(ClassMembership(class_id=school_class.id, user_id=user.id, role="learner"))
    session.flush()
    return school_class, True


def _taught_by(user: SignedInUser):
    """Classes a teacher owns or co-teaches, as a where-clause on SchoolClass."""
    co_taught = select(ClassMembership.class_id).where(
        ClassMembership.user_id == user.id, ClassMembership.role == "teacher"
    )
    return or_(SchoolClass.owner_id == user.id, SchoolClass.id.in_(co_taught))


def classes_for(session: Session, user: SignedInUser) -> list[SchoolClass]:
    """The classes a teacher may see; an admin sees every class."""
    query = select(SchoolClass).order_by(SchoolClass.name, SchoolClass.id)
    if user.role != "admin":
        query = query.where(_taught_by(user))
    return list(session.scalars(query))


def class_for_teacher(session: Session, user: SignedInUser, class_id: int) -> SchoolClass | None:
    """The class if this user may see it, else None (the caller answers 404)."""
    query = select(SchoolClass).where(SchoolClass.id == class_id)
    if user.role != "admin":
        query = query.where(_taught_by(user))
    return session.scalar(query)


def learners_of(session: Session, class_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(ClassMembership, ClassMembership.user_id == User.id)
            .where(ClassMembership.class_id == class_id, ClassMembership.role == "learner")
            .order_by(User.username)
        )
    )


def rename_class(session: Session, school_class: SchoolClass, name: str) -> None:
    school_class.name = _class_name(name)
    session.flush()


def set_archived(session: Session, school_class: SchoolClass, archived: bool) -> None:
    """An archived class keeps its learners and results, takes nobody new, and its
    assignments leave its learners' library."""
    school_class.archived_at = (school_class.archived_at or utcnow()) if archived else None
    session.flush()


def learner_of(session: Session, class_id: int, user_id: int) -> User | None:
    """The user if they are a learner of this class, else None (the caller answers 404)."""
    return session.scalar(
        select(User)
        .join(ClassMembership, ClassMembership.user_id == User.id)
        .where(
            User.id == user_id,
            ClassMembership.class_id == class_id,
            ClassMembership.role == "learner",
        )
    )


def remove_learner(session: Session, class_id: int, user_id: int) -> None:
    """The learner leaves the class; their attempts stay theirs, and the teacher no
    longer sees them."""
    session.execute(
        delete(ClassMembership).where(
            ClassMembership.class_id == class_id,
            ClassMembership.user_id == user_id,
            ClassMembership.role == "learner",
        )
    )
