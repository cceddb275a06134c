"""The ground floor: the document that flows through the pipeline, its spans and the records
that leave it. Nothing here imports a stage, a resource, a language or the store."""
