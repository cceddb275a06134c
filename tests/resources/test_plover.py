"""PLOVER's types and modes are data: a user's lexicon adds a mode or a type, no code does."""

import pytest

import marsad
from marsad.cli.main import main
from marsad.reading.article import Article
from marsad.resources import check_file, load_resources

TOY = """\
plover:
  types:
    ASSAULT:
      modes: [catapult]
    CELEBRATE:
      modes: [parade]
      directed: towards
events:
  - type: ASSAULT
    mode: catapult
    verbs: [قذف/يقذف]
    recipient: [obj]
  - type: CELEBRATE
    mode: parade
    verbs: [احتفل/يحتفل]
    recipient: [مع]
"""


@pytest.fixture(scope="module")
def toy_lexicon(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "toy.yaml"
    path.write_text(TOY, encoding="utf-8")
    return path


def _events(lexicon, text):
    doc = marsad.Coder(lexicons=[str(lexicon)]).process(Article(id="t", text=text))
    return [(e.event_type, e.mode) for e in doc.events]


def test_a_toy_mode_in_a_user_file_codes_an_event_with_it(toy_lexicon):
    events = _events(toy_lexicon, "قذف مسلحون مركز الشرطة في حلب بالحجارة")
    assert events == [("ASSAULT", "catapult")]


def test_a_new_type_in_a_user_file_codes_an_event_of_it(toy_lexicon):
    events = _events(toy_lexicon, "احتفل الرئيس التركي مع الجيش التركي في أنقرة")
    assert events == [("CELEBRATE", "parade")]


def test_the_added_mode_and_type_belong_to_that_run_only(toy_lexicon):
    added = load_resources((str(toy_lexicon),)).vocabulary
    shipped = load_resources().vocabulary
    assert "catapult" in added.types["ASSAULT"].modes
    assert "catapult" not in shipped.types["ASSAULT"].modes
    assert "CELEBRATE" in added.directed("towards") and "CELEBRATE" not in shipped.types


def test_lexicon_check_accepts_the_toy_file(toy_lexicon):
    assert check_file(toy_lexicon) == []
    assert main(["lexicon", "check", str(toy_lexicon)]) == 0


@pytest.mark.parametrize("section, message", [
    ("    ASSAULT:\n      verbal: true\n", "not change its properties"),
    ("    CELEBRATE:\n      directed: sideways\n", "'directed'"),
    ("    CELEBRATE:\n      pledge: {type: PARTY}\n", "not a PLOVER type"),
    ("    CELEBRATE:\n      hostile: true\n", "unknown keys"),
    ("    CELEBRATE:\n      modes: [parade]\n      against_armed: [siege]\n", "'against_armed'"),
    ("    CELEBRATE:\n      modes: [parade]\n      against_armed: [[parade]]\n",
     "'against_armed'"),
])
def test_lexicon_check_reports_a_bad_plover_section_by_line(tmp_path, section, message):
    path = tmp_path / "bad.yaml"
    path.write_text("plover:\n  types:\n" + section + "events: []\n", encoding="utf-8")
    problems = [str(p) for p in check_file(path)]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:3:") and message in problems[0]


def test_an_undeclared_mode_is_still_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- type: ASSAULT\n  mode: catapult\n  verbs: [قذف/يقذف]\n", encoding="utf-8")
    assert ["not a mode of ASSAULT" in str(p) for p in check_file(path)] == [True]


def test_the_stages_read_type_properties_from_the_data():
    vocab = load_resources().vocabulary
    assert vocab.types_with("verbal") >= {"REQUEST", "ACCUSE", "THREATEN"}
    assert "ASSAULT" not in vocab.types_with("verbal")
    assert vocab.types_with("conflict") == {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE",
                                            "PROTEST", "SANCTION"}
    assert vocab.stated("COERCE", "arrest", "pledge") == ("THREATEN", "arrest", True)
    assert vocab.stated("ASSAULT", "aerial", "pledge") == ("THREATEN", "violence", True)
    assert vocab.stated("AID", None, "refusal") == ("REJECT", None, True)
    assert vocab.stated("ASSAULT", "aerial", None) == ("ASSAULT", "aerial", False)
