import json

import pytest

from fogofwar.errors import BadDateError, BadRecordError, BinaryInputError, EmptyInputError, MissingFileError, UnknownLanguageError
from fogofwar.ingest import read_path, read_paths

REPORT = "Gunmen attacked a checkpoint near Mopti on Sunday, killing two gendarmes, local sources said."


def test_plain_text_and_content_id_is_stable(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(REPORT)
    b.write_text(REPORT + "\n")
    da, db = read_path(str(a), published="2024-02-05")[0], read_path(str(b))[0]
    assert da.id == db.id and da.lang == "en" and str(da.published) == "2024-02-05"


def test_same_article_twice_is_read_once(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(REPORT)
    assert len(read_paths([str(a), str(a)])) == 1


def test_html_main_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(f"<html><head><title>T</title></head><body><nav>Menu Home About</nav><article><h1>Attack</h1><p>{REPORT}</p>"
                    f"<p>{REPORT.replace('Mopti', 'Gao')}</p></article><footer>Copyright</footer></body></html>")
    doc = read_path(str(page))[0]
    assert "Mopti" in doc.text and "Menu Home" not in doc.text


def test_jsonl_batch(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "r1", "text": REPORT, "published": "2024-02-05", "outlet": "A", "lang": "en"},
        {"id": "r2", "html": f"<html><body><article><p>{REPORT}</p><p>{REPORT}</p></article></body></html>", "published": "2024-02-06"},
    ]))
    docs = read_path(str(f))
    assert [d.id for d in docs] == ["r1", "r2"] and docs[0].outlet == "A"


def test_rss_feed(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Checkpoint attacked</title><link>http://example.org/1</link><pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate>
<description>{REPORT}</description></item></channel></rss>""")
    doc = read_path(str(f))[0]
    assert doc.outlet == "Sahel Wire" and str(doc.published) == "2024-02-05" and doc.url == "http://example.org/1"


def test_latin1_file_is_decoded(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_bytes("Des hommes armés ont attaqué le poste de gendarmerie de Ségou, tuant deux gendarmes, selon des sources sécuritaires.".encode("latin-1"))
    assert "Ségou" in read_path(str(f))[0].text


@pytest.mark.parametrize(
    "content,error",
    [(b"", EmptyInputError), (b"   \n\n", EmptyInputError), (b"\x00\x01\x02binary\x00" * 50, BinaryInputError)],
)
def test_bad_files_get_clear_errors(tmp_path, content, error):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(error) as exc:
        read_path(str(f))
    assert str(f) in str(exc.value) and "[F1" in str(exc.value)


def test_missing_file_bad_date_bad_jsonl_unknown_language(tmp_path):
    with pytest.raises(MissingFileError):
        read_path(str(tmp_path / "nope.txt"))
    f = tmp_path / "a.txt"
    f.write_text(REPORT)
    with pytest.raises(BadDateError):
        read_path(str(f), published="30/07/2024")
    j = tmp_path / "b.jsonl"
    j.write_text('{"id": "x", "text": "ok"}\n{not json\n')
    with pytest.raises(BadRecordError) as exc:
        read_path(str(j))
    assert ":2" in str(exc.value)
    de = tmp_path / "de.txt"
    de.write_text("Bewaffnete Männer haben am Sonntag einen Kontrollposten in der Nähe der Stadt angegriffen und zwei Gendarmen getötet.")
    with pytest.raises(UnknownLanguageError):
        read_path(str(de))


def test_huge_page_is_refused_clearly(tmp_path):
    from fogofwar.errors import TooLargeError

    f = tmp_path / "huge.txt"
    f.write_text("Gunmen attacked a checkpoint near Mopti. " * 30_000)  # 1.2 million characters
    with pytest.raises(TooLargeError) as exc:
        read_path(str(f))
    assert "limit" in str(exc.value)


def test_broken_feed_and_empty_html_are_clear_errors(tmp_path):
    feed = tmp_path / "broken.rss"
    feed.write_text("<?xml version='1.0'?><rss><channel><title>x</title><item><title>unclosed")
    with pytest.raises((BadRecordError, EmptyInputError)):
        read_path(str(feed))
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>nothing</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(EmptyInputError):
        read_path(str(page))
