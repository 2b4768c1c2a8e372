"""Vocabulary: article word lists, learners' saved words, FSRS review, CSV and Anki export.

The blueprint lives in `quizapp.vocab.views`; this package stays import-light because
`quizapp.models` imports `quizapp.vocab.models` to register the tables."""
