import gzip
import json
import zipfile

import pytest

from marsad.reading.sources import ReadOptions, read_articles

ARTICLE = {"id": "a1", "title": "عنوان", "text": "هاجمت القوات التركية مواقع في شمال العراق.",
           "date": "2015-08-06"}


def _read(paths, **options):
    issues = []
    articles = list(read_articles([str(p) for p in paths], issues.append, ReadOptions(**options)))
    return articles, issues


def test_txt_file_first_line_is_title_and_stem_is_id(tmp_path):
    path = tmp_path / "khabar.txt"
    path.write_text("\nالعنوان هنا\nالسطر الأول من النص.\nالسطر الثاني.", encoding="utf-8")
    [article], issues = _read([path])
    assert (article.id, article.title, article.text) == ("khabar", "العنوان هنا",
                                                         "السطر الأول من النص.\nالسطر الثاني.")
    assert issues == []


def test_jsonl_broken_lines_are_reported_and_good_ones_read(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(ARTICLE, ensure_ascii=False), "{not json", json.dumps({"title": "بلا نص"}),
             json.dumps({**ARTICLE, "id": "a2"}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, issues = _read([path])
    assert [a.id for a in articles] == ["a1", "a2"]
    assert [(i.line, i.source) for i in issues] == [(2, str(path)), (3, str(path))]
    assert "invalid JSON" in issues[0].message and "text" in issues[1].message


def test_invalid_utf8_line_is_skipped_with_its_line_number(tmp_path):
    path = tmp_path / "in.jsonl"
    good = json.dumps(ARTICLE, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"text": "\xff\xfe bad"}\n' + good + b"\n")
    articles, issues = _read([path])
    assert len(articles) == 2 and issues[0].line == 2 and "UTF-8" in issues[0].message


def test_gzip_jsonl_and_json_array(tmp_path):
    gz = tmp_path / "in.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(ARTICLE, ensure_ascii=False) + "\n")
    arr = tmp_path / "in.json"
    arr.write_text(json.dumps([ARTICLE, {**ARTICLE, "id": "b"}], ensure_ascii=False), encoding="utf-8")
    articles, issues = _read([gz, arr])
    assert [a.id for a in articles] == ["a1", "a1", "b"] and issues == []


def test_saudinewsnet_zip_is_read_directly(tmp_path):
    path = tmp_path / "2015-08-06.zip"
    records = [{"source": "aawsat", "url": "http://x/1", "date_extracted": "2015-08-06 01:29:20",
                "title": "عنوان", "author": "", "content": "اعتقلت الشرطة ثلاثة مشتبه بهم."}]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("2015-08-06.json", json.dumps(records, ensure_ascii=False))
    [article], issues = _read([path])
    assert article.text == records[0]["content"] and article.date.isoformat() == "2015-08-06"
    assert article.source == "aawsat" and issues == []


def test_folder_missing_file_binary_and_empty_files(tmp_path):
    (tmp_path / "good.txt").write_text("عنوان\nنص الخبر.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    articles, issues = _read([tmp_path, tmp_path / "missing.jsonl"])
    assert [a.id for a in articles] == ["good"]
    messages = sorted(i.message for i in issues)
    assert any("binary" in m for m in messages) and any("empty" in m for m in messages)
    assert any("no such file" in m for m in messages)


def test_an_enormous_article_is_cut_and_the_cut_is_reported(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("عنوان\n" + "هاجم المسلحون القرية. " * 200_000, encoding="utf-8")
    [article], issues = _read([path], max_chars=10_000)
    assert len(article.text) == 10_000
    assert issues[0].skipped is False and "10,000" in issues[0].message


def test_date_option_fills_articles_without_a_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("عنوان\nنص", encoding="utf-8")
    from datetime import date

    [article], _ = _read([path], date=date(2025, 11, 20))
    assert article.date == date(2025, 11, 20)


def test_same_text_gets_the_same_id_on_every_run(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "نص بلا معرف"}, ensure_ascii=False) + "\n", encoding="utf-8")
    first, _ = _read([path])
    second, _ = _read([path])
    assert first[0].id == second[0].id and len(first[0].id) >= 12


@pytest.mark.shared
def test_real_saudinewsnet_zip_streams(shared):
    path = shared / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    articles, issues = _read([path])
    assert len(articles) > 100 and all(a.text.strip() or a.title.strip() for a in articles)


def test_html_inside_text_is_noted_and_coded(tmp_path):
    path = tmp_path / "in.jsonl"
    record = {"id": "h", "text": "<p>اعتقلت الشرطة العراقية <b>ثلاثة</b> مسلحين.</p>&nbsp;"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [article], issues = _read([path])
    assert article.id == "h" and issues[0].skipped is False and "HTML" in issues[0].message
