"""Annotators: stages that find spans in a document (lexicon matches, actors, triggers, modality)."""
