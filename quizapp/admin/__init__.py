"""An admin's pages: the user list and role changes."""
