"""Classes: teachers' classes and dashboard, learners joining with a code."""
