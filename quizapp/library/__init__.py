"""The library: packs imported into the database (with their analysis and generated
questions), questions placed in the text, and the `quizapp import` command. The layer that
combines packs, the language pipeline and the generators, so none of those imports another."""
