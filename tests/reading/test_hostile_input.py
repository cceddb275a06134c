"""Hostile input (issue 13, items 2, 5, 6 and 13): each bad record is named with its file and
line and skipped, or cleaned and said, and the rest of the input is still read."""

import json
import tracemalloc
import zipfile

from marsad.reading.sources import ReadOptions, read_articles

TEXT = "هاجمت القوات التركية مواقع لحزب العمال الكردستاني في شمال العراق أمس."
GOOD = {"id": "a1", "title": "غارات تركية", "text": TEXT, "date": "2015-08-06"}


def _read(paths, **options):
    issues = []
    articles = list(read_articles([str(p) for p in paths], issues.append, ReadOptions(**options)))
    return articles, issues


def _jsonl(path, *lines):
    """Lines given as dicts are dumped; strings are written as they are (raw JSON)."""
    path.write_text("\n".join(ln if isinstance(ln, str) else json.dumps(ln, ensure_ascii=False)
                              for ln in lines) + "\n", encoding="utf-8")
    return path


def test_nul_in_text_and_title_becomes_a_space_offsets_unchanged_and_said(tmp_path):
    # a crawler's NUL: PostgreSQL text cannot hold it, so every ingest failed at its batch
    text = "هاجمت القوات\u0000 التركية مواقع في شمال العراق."
    path = _jsonl(tmp_path / "in.jsonl", GOOD, {"id": "n1", "title": "عنوان\u0000", "text": text,
                                                "source": "وكالة\u0000"}, {**GOOD, "id": "a2"})
    articles, issues = _read([path])
    assert [a.id for a in articles] == ["a1", "n1", "a2"]
    nul = articles[1]
    assert nul.text == text.replace("\u0000", " ") and len(nul.text) == len(text)
    assert (nul.title, nul.source) == ("عنوان ", "وكالة ")
    [note] = issues
    assert (note.source, note.line, note.skipped) == (str(path), 2, False)
    assert "article n1" in note.message and "NUL" in note.message and "'title'" in note.message


def test_lone_surrogate_in_text_is_replaced_and_in_an_id_the_record_is_skipped(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", GOOD,
                  '{"id": "s1", "title": "\\udc80", "text": "هاجمت القوات \\ud800 التركية مواقع."}',
                  '{"id": "x\\ud800", "text": "هاجمت القوات التركية مواقع."}', {**GOOD, "id": "a2"})
    articles, issues = _read([path])
    assert [a.id for a in articles] == ["a1", "s1", "a2"]
    assert articles[1].text == "هاجمت القوات \ufffd التركية مواقع." and articles[1].title == "\ufffd"
    articles[1].text.encode("utf-8")          # what `marsad code` writes can now be written
    assert [(i.line, i.skipped) for i in issues] == [(2, False), (3, True)]
    assert "surrogate" in issues[0].message and "'id'" in issues[1].message


def test_json_nested_too_deeply_is_one_bad_record(tmp_path):
    deep = "[" * 200_000 + "]" * 200_000
    path = _jsonl(tmp_path / "in.jsonl", GOOD, deep, '{"id": "d", "text": ' + deep + "}",
                  {**GOOD, "id": "a2"})
    whole = tmp_path / "deep.json"
    whole.write_text(deep, encoding="utf-8")
    articles, issues = _read([path, whole])
    assert [a.id for a in articles] == ["a1", "a2"]
    assert [(i.source, i.line) for i in issues] == [(str(path), 2), (str(path), 3), (str(whole), None)]
    assert all("nested too deeply" in i.message for i in issues)


def test_an_overlong_line_in_a_zip_is_skipped_without_being_held(tmp_path):
    # a 615 KB zip whose member was one 600 MB line took 2.6 GB: a record is now read up to the
    # limit, and past it a chunk at a time
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("news.jsonl", "w") as fh:
            fh.write(json.dumps(GOOD, ensure_ascii=False).encode() + b"\n")
            fh.write(b'{"id": "big", "text": "' + b"a" * (40 << 20) + b'"}\n')
            fh.write(json.dumps({**GOOD, "id": "a2"}, ensure_ascii=False).encode() + b"\n")
    tracemalloc.start()
    try:
        articles, issues = _read([path], max_file_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles] == ["a1", "a2"]
    [issue] = issues
    assert (issue.source, issue.line) == (f"{path}!news.jsonl", 2) and "over the limit" in issue.message
    assert peak < 8 << 20


def test_the_record_limit_follows_max_chars_with_a_floor():
    assert ReadOptions().record_limit == 16 << 20
    assert ReadOptions(max_chars=10_000_000).record_limit == 80_000_000
    assert ReadOptions(max_file_bytes=1000).record_limit == 1000


def test_numbers_as_ids_and_sources_are_kept_as_their_json_text(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", {**GOOD, "id": 123, "source": 7.5},
                  {**GOOD, "id": True, "url": 0}, {**GOOD, "id": [1, 2]}, {**GOOD, "source": {"a": 1}},
                  {**GOOD, "id": "L", "language": ["ar"]}, {**GOOD, "id": "T", "title": 5})
    articles, issues = _read([path])
    assert [(a.id, a.source, a.url) for a in articles] == [("123", "7.5", None), ("true", None, "0")]
    assert [i.line for i in issues] == [3, 4, 5, 6]
    assert "'id' is a JSON array" in issues[0].message
    assert "'source' is a JSON object" in issues[1].message
    assert "'language' is not a string" in issues[2].message
    assert "'title' is not a string" in issues[3].message


def test_saudinewsnet_items_of_the_wrong_types_are_named(tmp_path):
    path = tmp_path / "snn.json"
    path.write_text(json.dumps([{"content": TEXT, "date_extracted": 20150806, "source": 5},
                                {"content": ["x"], "url": 3}]), encoding="utf-8")
    articles, issues = _read([path])
    assert articles == []
    assert [i.source for i in issues] == [f"{path} (item 1)", f"{path} (item 2)"]
