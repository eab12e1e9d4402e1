"""German NLP: the spaCy pipeline loader and our rule components."""
