"""Every data file goes through the loader by name, and the resources version covers each one."""

import os
from dataclasses import replace
from importlib import resources as importlib_resources

import pytest

import marsad.resources as resources_module
from marsad.resources.loader import DataSet, read_data
from marsad.resources.places import read_outlets
from marsad.resources.tables import LexiconError


def _package_files(package, folder):
    root = importlib_resources.files(package).joinpath(folder)
    stack, found = [root], set()
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir():
                stack.append(entry)
            elif entry.name.endswith((".yaml", ".yml", ".tsv", ".txt")):
                found.add(entry.name)
    return found


def test_the_loader_reads_every_data_file_of_the_package_and_the_language():
    assert _package_files("marsad.resources", "data")
    assert _package_files("marsad.lang.ar", "data")
    read = {f.path.rsplit("/", 1)[1] for f in read_data("ar").files}
    assert _package_files("marsad.resources", "data") | _package_files("marsad.lang.ar", "data") \
        <= read


def test_a_change_to_any_data_file_changes_the_version():
    data = read_data("ar")
    assert len(data.files) > 5
    for i, f in enumerate(data.files):
        files = list(data.files)
        files[i] = replace(f, text=f.text + "\n# changed\n")
        assert DataSet(data.language, tuple(files)).digest() != data.digest(), f.name


def test_a_changed_language_table_changes_the_resources_version(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    build = resources_module._load_resources.__wrapped__
    before = build((), "ar").version

    def changed(language, extra=()):
        data = read_data(language, extra)
        files = tuple(replace(f, text=f.text + "\n# changed\n") if f.name == "ar/function_words"
                      else f for f in data.files)
        return DataSet(data.language, files)

    monkeypatch.setattr(resources_module, "read_data", changed)
    assert build((), "ar").version != before


def test_a_second_load_comes_from_the_cache_and_codes_the_same(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    build = resources_module._load_resources.__wrapped__
    first = build((), "ar")
    assert list(tmp_path.glob("resources-*.pickle"))

    def no_build(*args):
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(resources_module, "_build", no_build)
    second = build((), "ar")
    text = first.language.normalize("قصفت الطائرات التركية مواقع لحزب العمال").text
    assert second.version == first.version and second.language is not None
    assert second.lexicon.find(text) == first.lexicon.find(text) != []


def test_the_cache_keeps_only_the_most_recently_used_builds(tmp_path):
    # every change of data or code writes a new build; the folder must not grow without end
    for n in range(resources_module.CACHE_KEEP + 5):
        path = tmp_path / f"resources-{n:04d}.pickle"
        path.write_bytes(b"old build")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    resources_module._prune_cache(tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("resources-*.pickle"))
    assert kept == [f"resources-{n:04d}.pickle"
                    for n in range(5, resources_module.CACHE_KEEP + 5)]


def test_an_outlet_without_a_known_country_is_reported_with_its_line():
    with pytest.raises(LexiconError, match="outlets.tsv:3"):
        read_outlets("source\tcountry\tname\nsabq\tSAU\tSabq\nnowhere\tXXX\tNowhere\n",
                     "outlets.tsv", ["SAU"])
