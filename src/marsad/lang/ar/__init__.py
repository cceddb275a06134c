"""Arabic: normalization, the clitic model, the tokenizer, sentence rules and word tables.

Every Arabic word or rule marsad knows lives in this package: the rules as code in its modules,
the word tables as data files in ``data/`` (read by the resources loader and handed to
``language``). The stages outside ``marsad.lang`` see Arabic only through the ``Language``
object built here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from marsad.lang import Language
from marsad.lang.ar.affixes import AFFIXES
from marsad.lang.ar.clitics import CLITIC_MODEL, clitic_forms, token_cores, word_core
from marsad.lang.ar.inflect import MORPHOLOGY
from marsad.lang.ar.normalize import normalize, normalize_term
from marsad.lang.ar.numbers import ArabicNumbers
from marsad.lang.ar.quantity_words import QuantityWords
from marsad.lang.ar.sentences import dateline_place, find_dateline, split_sentences
from marsad.lang.ar.syntax import SYNTAX
from marsad.lang.ar.time_expressions import time_grammar
from marsad.lang.ar.tokens import CLAUSE_BREAKS, tokenize, without_conjunction

CODE = "ar"


def language(tables: Mapping[str, Any]) -> Language:
    """The Arabic ``Language``, with the parsed data files of ``data/`` by name."""
    quantity_words = QuantityWords()
    numbers = ArabicNumbers(tables["numbers"], normalize_term, quantity_words)
    return Language(
        code=CODE,
        name="Arabic",
        normalize=normalize,
        normalize_term=normalize_term,
        tokenize=tokenize,
        split_sentences=split_sentences,
        find_dateline=find_dateline,
        dateline_place=dateline_place,
        without_conjunction=without_conjunction,
        clause_breaks=CLAUSE_BREAKS,
        word_core=word_core,
        token_cores=token_cores,
        clitic_forms=clitic_forms,
        clitic_model=CLITIC_MODEL,
        morphology=MORPHOLOGY,
        syntax=SYNTAX,
        tables=dict(tables),
        affixes=AFFIXES,
        numbers=numbers,
        quantity_words=quantity_words,
        time_grammar=partial(time_grammar, numbers=numbers),
    )
