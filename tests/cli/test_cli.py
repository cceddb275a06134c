import json
import subprocess
import sys

import pytest

from marsad.cli.main import main

ARTICLE = "اعتقلت الشرطة العراقية ثلاثة مسلحين في بغداد."


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "marsad.cli.main", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_code_writes_one_json_record_per_event(tmp_path):
    path = tmp_path / "khabar.txt"
    path.write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    result = _run("code", str(path), "--date", "2025-11-20")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["article_id"] == "khabar" for r in records)
    for field in ("event_id", "event_type", "mode", "context", "actor", "recipient", "location",
                  "time", "quantity", "casualties", "modality", "attribution", "evidence",
                  "confidence", "coder"):
        assert field in records[0]


def test_exit_status_one_when_a_record_is_skipped_and_the_rest_still_coded():
    lines = "\n".join([json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False), "{broken"])
    result = _run("code", "-", stdin=lines)
    assert result.returncode == 1
    assert "<stdin>:2:" in result.stderr and "Traceback" not in result.stderr
    assert any(json.loads(line)["article_id"] == "ok" for line in result.stdout.splitlines())


def test_exit_status_two_on_a_usage_error():
    assert main(["code", "--format", "xml", "x.txt"]) == 2
    assert main(["code", "x.txt", "--date", "yesterday"]) == 2


def test_missing_file_is_reported_not_raised(tmp_path, capsys):
    assert main(["code", str(tmp_path / "absent.jsonl")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_strict_stops_at_the_first_bad_record():
    lines = "\n".join(["{broken", json.dumps({"id": "later", "text": ARTICLE}, ensure_ascii=False)])
    result = _run("code", "-", "--strict", stdin=lines)
    assert result.returncode == 1 and "later" not in result.stdout


def test_table_format_keeps_arabic_in_logical_order(tmp_path):
    path = tmp_path / "khabar.txt"
    path.write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    result = _run("code", str(path), "--format", "table")
    assert result.returncode == 0
    assert "COERCE" in result.stdout and "الشرطة العراقية" in result.stdout


def test_example_article_in_the_readme_codes(tmp_path):
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "turkey-iraq-strikes.ar.txt"
    result = _run("code", str(example), "--date", "2025-03-14")
    types = {json.loads(line)["event_type"] for line in result.stdout.splitlines()}
    assert result.returncode == 0 and {"ASSAULT", "COERCE"} <= types


@pytest.mark.shared
def test_seed_article_support_by_us_military_and_action_against_isis(shared):
    seed = shared / "seed" / "centcom-syria-isis-operations.ar.txt"
    result = _run("code", str(seed), "--date", "2025-11-20")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(e["event_type"] in ("AID", "SUPPORT") and
               any((a["code"], a["sector"]) == ("USA", "MIL") for a in e["actor"]) for e in events)
    assert any(e["event_type"] in ("ASSAULT", "COERCE") and
               any(r["id"] == "isis" for r in e["recipient"]) for e in events)
    commentary = ("يواجه التحالف تحديات كبيرة", "يبقى من غير الواضح")
    assert not any(c in ev["sentence"] for e in events for ev in e["evidence"] for c in commentary)


def test_gzip_input_and_html_note_exit_zero(tmp_path):
    import gzip

    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "text": "<p>" + ARTICLE + "</p>"}, ensure_ascii=False) + "\n")
    result = _run("code", str(path))
    assert result.returncode == 0 and "HTML" in result.stderr
    assert any(json.loads(line)["article_id"] == "g" for line in result.stdout.splitlines())


def test_invalid_utf8_text_file_is_named_and_others_still_coded(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("عنوان\n".encode() + b"\xff\xfe\xfa")
    good = tmp_path / "good.txt"
    good.write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    result = _run("code", str(bad), str(good))
    assert result.returncode == 1 and f"{bad}:" in result.stderr and "UTF-8" in result.stderr
    assert any(json.loads(line)["article_id"] == "good" for line in result.stdout.splitlines())


@pytest.mark.shared
def test_seed_article_where_when_how_many_and_one_record_per_event(shared):
    seed = shared / "seed" / "centcom-syria-isis-operations.ar.txt"
    result = _run("code", str(seed), "--date", "2025-11-20")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    asserted = [e for e in events if e["modality"] == "asserted"]
    assert 2 <= len(asserted) <= 6
    support = [e for e in asserted if e["event_type"] in ("AID", "SUPPORT")
               and any(a["code"] == "USA" for a in e["actor"])]
    operation = [e for e in asserted if e["event_type"] in ("ASSAULT", "COERCE")
                 and any(r["id"] == "isis" for r in e["recipient"])]
    assert len(support) == 1 and operation
    for e in support + operation:
        assert e["location"]["country"] == "SYR" and e["location"]["lat"] is not None
        assert (e["time"]["start"], e["time"]["end"], e["time"]["precision"]) == \
            ("2025-10-01", "2025-10-31", "month")
        assert (e["quantity"]["count"], e["quantity"]["qualifier"]) == (22, "more_than")
        assert e["attribution"]["entity"]["code"] == "USA"
    expected = "من المتوقع أن يواصل التحالف"
    assert not any(expected in ev["sentence"] for e in asserted for ev in e["evidence"])


@pytest.mark.shared
def test_seed_article_without_a_date_reports_the_same_events_undated(shared):
    # الشهر الماضي is last month's news whether or not the publication day is known: the
    # operations against ISIS stay asserted, with their time unresolved
    seed = shared / "seed" / "centcom-syria-isis-operations.ar.txt"
    dated, undated = ([(e["event_type"], e["modality"]) for e in map(json.loads, r.stdout.splitlines())]
                      for r in (_run("code", str(seed), "--date", "2025-11-20"), _run("code", str(seed))))
    assert sorted(dated) == sorted(undated) and ("ASSAULT", "asserted") in undated


@pytest.mark.shared
def test_seed_article_support_by_the_rules(shared):
    from marsad.coder import Coder

    seed = (shared / "seed" / "centcom-syria-isis-operations.ar.txt").read_text("utf-8")
    events = Coder(decide=False).code_text(seed, date="2025-11-20")
    support = [e for e in events if e.modality == "asserted" and e.event_type in ("AID", "SUPPORT")
               and any(a.code == "USA" for a in e.actor)]
    assert len(support) == 1
    assert (support[0].quantity or {}).get("qualifier") == "more_than"


@pytest.mark.parametrize("record", [
    {"id": "en-1", "text": "US forces arrested three gunmen in Baghdad on Monday, officials said."},
    {"id": "fr-1", "language": "fr", "text": ARTICLE},
])
def test_an_article_in_a_language_marsad_does_not_code_is_named_and_skipped(record):
    lines = "\n".join([json.dumps(record, ensure_ascii=False),
                       json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False)])
    result = _run("code", "-", "--jobs", "1", stdin=lines)
    assert result.returncode == 1
    assert f"{record['id']}: skipped: language" in result.stderr
    assert "it codes: ar" in result.stderr and "Traceback" not in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids == {"ok"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failure_while_coding_names_the_file_and_line(tmp_path, jobs):
    # "coder failed: …" and language refusals named only the article id
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "ok", "text": ARTICLE}, {"id": "fr-1", "language": "fr", "text": ARTICLE}]) + "\n",
        encoding="utf-8")
    result = _run("code", str(path), "--jobs", jobs)
    assert result.returncode == 1
    assert f"marsad: {path}:2: article fr-1: skipped: language 'fr'" in result.stderr


def test_nul_lone_surrogates_and_deep_nesting_do_not_stop_code(tmp_path):
    # a lone surrogate in a text crashed `marsad code` writing its output, in an id the coder;
    # a line nested 200,000 deep ended in RecursionError
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False),
        '{"id": "sur", "title": "\\ud800", "text": "' + ARTICLE + '\\udfff"}',
        '{"id": "\\ud800", "text": "' + ARTICLE + '"}',
        '{"id": "nul", "text": "' + ARTICLE + '\\u0000"}',
        "[" * 200_000 + "]" * 200_000,
        json.dumps({"id": "last", "text": ARTICLE}, ensure_ascii=False)]) + "\n", encoding="utf-8")
    result = _run("code", str(path), "--jobs", "1")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids == {"ok", "sur", "nul", "last"}
    named = sorted(ln.removeprefix(f"marsad: {path}:").split(":")[0]
                   for ln in result.stderr.splitlines())
    assert named == ["2", "3", "4", "5"], result.stderr
