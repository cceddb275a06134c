"""Parquet input, and the input cut into partitions that workers read themselves: every
partition read gives the articles and the issues of reading the input whole, named alike."""

from __future__ import annotations

import gzip
import json
import zipfile
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.cli.main import main
from marsad.reading.partitions import (
    Articles,
    LineRange,
    RowGroup,
    WholeFiles,
    ZipMembers,
    list_partitions,
)
from marsad.reading.sources import ReadOptions, read_articles

TEXTS = ["اعتقلت الشرطة العراقية ثلاثة مسلحين في بغداد.", "قصفت الطائرات الروسية مواقع في إدلب.",
         "التقى وزير الخارجية المصري نظيره الأردني في عمّان."]


def _news_parquet(path, rows_per_group: int = 2):
    """Five rows in row groups of two: row 3 has no text, row 5 a date that is no date."""
    table = pa.table({
        "id": ["p1", "p2", "p3", "p4", "p5"],
        "title": ["خبر", None, "خبر", "خبر", "خبر"],
        "text": [TEXTS[0], TEXTS[1], None, TEXTS[2], TEXTS[0]],
        "date": ["2015-08-06", "2015-08-07", "2015-08-07", None, "أمس"],
        "source": ["spa", "spa", "spa", "alriyadh", "spa"],
        "extra": [1, 2, 3, 4, 5],
    })
    pq.write_table(table, path, row_group_size=rows_per_group)
    return path


def _lines_file(path, n: int, bad: tuple[int, ...] = ()):
    """``n`` JSONL lines, those numbered in ``bad`` (from 1) broken."""
    with open(path, "w", encoding="utf-8") as f:
        for no in range(1, n + 1):
            if no in bad:
                f.write("{broken\n")
            else:
                f.write(json.dumps({"id": f"j{no}", "text": TEXTS[no % 3], "date": "2015-08-06"},
                                   ensure_ascii=False) + "\n")
    return path


def _read_whole(paths):
    issues = []
    articles = list(read_articles([str(p) for p in paths], issues.append, ReadOptions()))
    return articles, issues


def _read_partitioned(paths, shard_bytes):
    issues = []
    partitions = list(list_partitions([str(p) for p in paths], issues.append, ReadOptions(),
                                      shard_bytes))
    articles = [a for p in partitions for a in p.read(issues.append, ReadOptions())]
    return partitions, articles, issues


def test_a_parquet_file_is_read_row_by_row_and_a_bad_row_is_named(tmp_path):
    path = _news_parquet(tmp_path / "news.parquet")
    articles, issues = _read_whole([path])
    assert [a.id for a in articles] == ["p1", "p2", "p4"]
    assert (articles[0].date, articles[0].source, articles[1].title) == (date(2015, 8, 6), "spa", "")
    assert [str(i).split(": ")[0] for i in issues] == [f"{path}:row 3", f"{path}:row 5"]
    assert "missing 'text'" in issues[0].message and "not an ISO date" in issues[1].message


def test_marsad_code_reads_a_folder_of_parquet_files(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    _news_parquet(folder / "news.parquet")
    assert main(["code", str(folder), "--jobs", "1"]) == 1      # records were skipped
    out, err = capsys.readouterr()
    coded = {json.loads(line)["article_id"] for line in out.splitlines()}
    assert coded == {"p1", "p2", "p4"}
    assert "news.parquet:row 3: missing 'text'" in err


def test_a_parquet_file_without_a_text_column_is_said_once(tmp_path):
    path = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": [TEXTS[0]]}), path)
    articles, issues = _read_whole([path])
    assert articles == [] and len(issues) == 1 and "no 'text' column" in issues[0].message


def test_each_kind_of_input_is_cut_into_partitions_read_where_they_go(tmp_path):
    lines = _lines_file(tmp_path / "a.jsonl", 40, bad=(17,))
    parquet = _news_parquet(tmp_path / "b.parquet")
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for day in ("2015-08-06", "2015-08-07"):
            z.writestr(f"{day}.json", json.dumps([{"source": "spa", "url": f"http://x/{day}",
                                                   "date_extracted": day, "title": "عنوان",
                                                   "content": TEXTS[1]}], ensure_ascii=False))
    array = tmp_path / "d.json"
    array.write_text(json.dumps([{"id": "d1", "text": TEXTS[2]}], ensure_ascii=False),
                     encoding="utf-8")
    gz = tmp_path / "e.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "e1", "text": TEXTS[0]}, ensure_ascii=False) + "\n")
    paths = [lines, parquet, archive, array, gz]
    partitions, articles, issues = _read_partitioned(paths, shard_bytes=150)
    kinds = [type(p) for p in partitions]
    assert kinds.count(LineRange) > 3 and kinds.count(RowGroup) == 3
    assert kinds.count(ZipMembers) == 2 and Articles in kinds and WholeFiles in kinds
    whole, whole_issues = _read_whole(paths)
    assert [(a.id, str(a.origin)) for a in articles] == [(a.id, str(a.origin)) for a in whole]
    assert [str(i) for i in issues] == [str(i) for i in whole_issues]
    assert str(issues[0]).startswith(f"{lines}:17: invalid JSON")


@pytest.mark.parametrize("shard_bytes", [1, 97, 250, 10_000])
def test_line_ranges_start_at_a_line_and_know_its_number(tmp_path, shard_bytes):
    path = _lines_file(tmp_path / "a.jsonl", 25)
    partitions, articles, issues = _read_partitioned([path], shard_bytes)
    assert [a.id for a in articles] == [f"j{no}" for no in range(1, 26)] and issues == []
    assert [a.origin.line for a in articles] == list(range(1, 26))
    data = path.read_bytes()
    for p in partitions:
        assert p.first_line == data[:p.start].count(b"\n") + 1
        assert p.start == 0 or data[p.start - 1:p.start] == b"\n"


def test_a_missing_path_is_reported_when_partitions_are_listed(tmp_path):
    issues = []
    assert list(list_partitions([str(tmp_path / "nowhere.jsonl")], issues.append,
                                ReadOptions())) == []
    assert [i.message for i in issues] == ["no such file or folder"]
