"""Reading: the library, the reading page with every hard word explained, the about page."""
