"""A learner's own progress page."""
