"""Taking an article's quiz and seeing the results."""
