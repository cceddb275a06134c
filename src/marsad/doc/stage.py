"""The contract of a pipeline stage: it takes the document and returns it.

A stage looks at the annotations earlier stages wrote, then writes its own layer; it never
edits an earlier stage's annotations in place (a stage that revises earlier work, such as the
merger, writes a new list). The coder checks every return and names a stage that breaks the
contract, as spaCy's ``Language.__call__`` does for its components.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from marsad.doc.document import Document


@runtime_checkable
class Stage(Protocol):
    def __call__(self, doc: Document) -> Document: ...


class StageError(TypeError):
    """A stage that did not return the document it was given."""


def stage_name(stage: object) -> str:
    return type(stage).__name__
