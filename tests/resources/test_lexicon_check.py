from marsad.cli.main import main
from marsad.resources import check_file, load_resources


def test_shipped_resources_load_and_are_versioned():
    res = load_resources()
    assert res.version.startswith("2026.")
    assert len(res.countries) >= 197
    assert sum(1 for a in res.actors if a.code == "NSA") >= 150


def test_every_un_member_and_the_four_extras_has_a_code():
    codes = {c.code for c in load_resources().countries}
    assert {"PSE", "XKX", "TWN", "ESH", "SYR", "USA", "YEM", "SSD"} <= codes


def test_check_reports_file_and_line_of_each_problem(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "id\tcode\tsector\tkind\tcountry\tname\tnames\n"
        "jaysh.x\tNSA\tREB\tnon_state_armed\t\tArmy X\tجيش إكس\n"
        "bad.one\tXX\tREB\tnon_state_armed\t\tBad\tسيئ\n"
        "short\tNSA\n"
        "jaysh.x\tNSA\tREB\tnon_state_armed\t\tArmy X again\tجيش إكس الثاني\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_file(path)]
    assert any(p.startswith(f"{path}:3:") and "'code'" in p for p in problems)
    assert any(p.startswith(f"{path}:4:") and "columns" in p for p in problems)
    assert any(p.startswith(f"{path}:5:") and "duplicate" in p for p in problems)
    assert len(problems) == 3


def test_lexicon_check_command_exit_status(tmp_path, capsys):
    good = tmp_path / "good.tsv"
    good.write_text("id\tcode\tsector\tkind\tcountry\tname\tnames\n"
                    "liwa.x\tNSA\tREB\tnon_state_armed\tSYR\tLiwa X\tلواء إكس\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- type: ATTACK\n  verbs: [هاجم/يهاجم]\n", encoding="utf-8")
    assert main(["lexicon", "check", str(good)]) == 0
    assert main(["lexicon", "check", str(bad)]) == 1
    assert f"{bad}:1:" in capsys.readouterr().err


def test_user_lexicon_adds_an_actor(tmp_path):
    import marsad

    extra = tmp_path / "extra.tsv"
    extra.write_text("id\tcode\tsector\tkind\tcountry\tname\tnames\n"
                     "liwa.x\tNSA\tREB\tnon_state_armed\tSYR\tLiwa X\tلواء الفجر الجديد\n",
                     encoding="utf-8")
    coder = marsad.Coder(lexicons=[str(extra)])
    doc = coder.process(__import__("marsad.reading.article", fromlist=["Article"]).Article(
        id="t", text="هاجم لواء الفجر الجديد مواقع الجيش السوري"))
    assert "liwa.x" in {e.id for e in doc.entities}


def test_a_user_entry_excludes_the_sense_the_word_after_it_gives(tmp_path):
    # حريق متعمد in a user's arson entry; حريق غابات is a forest fire, excluded by the word after it
    import marsad
    from marsad.reading.article import Article

    extra = tmp_path / "arson.yaml"
    extra.write_text("- type: ASSAULT\n  nouns: [حريق]\n  recipient: [obj]\n"
                     "  excludes: [غابة, غابات]\n", encoding="utf-8")
    assert check_file(extra) == []
    coder = marsad.Coder(lexicons=[str(extra)])

    def fires(text):     # the shipped lexicon has no حريق: a trigger on it is the user's
        doc = coder.process(Article(id="t", text=text))
        return [doc.text[t.start:t.end] for t in doc.triggers]
    assert fires("واندلع حريق متعمد في مخزن للأسلحة قرب الحدود.") == ["حريق"]
    assert fires("واندلع حريق غابات كبير في ريف اللاذقية.") == []


def test_check_reports_excluded_words_that_are_no_list(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- type: ASSAULT\n  nouns: [حريق]\n  excludes: 5\n", encoding="utf-8")
    assert any("excludes" in str(p) for p in check_file(bad))
