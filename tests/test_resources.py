"""newsnlp's faster pieces of slovnet give slovnet's own numbers (bit for bit, or up to float
rounding where the sums are reordered)."""

import numpy

from newsnlp import resources
from newsnlp.resources import packed_scores


def test_crf_paths_are_slovnets() -> None:
    # the packed decode gives slovnet's paths of the padded batch, bit for bit
    crf = resources.ner_model().infer.model.head.crf
    transitions = crf.transitions.array
    rng = numpy.random.default_rng(1)
    for _ in range(200):
        batch, words = rng.integers(1, 33), rng.integers(1, 40)
        emissions = rng.standard_normal((batch, words, len(transitions))).astype(numpy.float32)
        lengths = rng.integers(1, words + 1, batch)
        mask = numpy.arange(words) < lengths[:, None]
        expected = crf.decode(emissions, mask)
        packed = numpy.insert(lengths, rng.integers(0, batch + 1), 0)  # an empty list too
        got = resources.crf_paths(transitions, emissions[mask], packed)
        assert [len(path) for path in got] == packed.tolist()
        got = [path for path in got if len(path)]
        assert len(got) == len(expected)
        for path, slovnet_path in zip(got, expected):
            assert numpy.array_equal(path, slovnet_path)


def test_navec_vectors_are_slovnets_across_cache_resets() -> None:
    embedding = resources.ner_model().infer.model.emb.word
    assert embedding is resources.morph_model().infer.model.emb.word  # one cache for both
    fresh = resources.NavecEmbedding(embedding.embedding)
    fresh.MAX_CACHED = 50
    rng = numpy.random.default_rng(2)
    for _ in range(20):
        ids = rng.integers(0, 2000, (4, 10))
        assert numpy.array_equal(fresh(ids), embedding.embedding(ids))
        assert fresh.size <= 50
    ids = rng.integers(0, 2000, (4, 30))  # more distinct words than the cache holds
    assert numpy.array_equal(fresh(ids), embedding.embedding(ids))


def test_encoder_batches_keep_padding_small() -> None:
    encoder = resources.morph_model().infer.encoder
    items = [["слово"] * size for size in (1, 2, 2, 3, 9, 10, 10, 60, 61, 200)]
    batches = list(encoder(items))
    assert sum(len(batch.word_id) for batch in batches) == len(items)
    rows = [row for batch in batches for row in (~batch.pad_mask).sum(-1).tolist()]
    assert rows == [len(words) for words in items]
    for batch in batches:
        assert len(batch.word_id) <= encoder.batch_size
        padding = batch.pad_mask.mean()
        assert padding <= encoder.MAX_PADDING or len(batch.word_id) == 1 or padding == 0


def _slovnet_forward(model, word_id, shape_id, mask):  # type: ignore[no-untyped-def]
    """slovnet's own embeddings and encoder (its ``Tag.__call__`` before the head)."""
    from slovnet.exec.model import CNNEncoder

    x = model.emb.embedding(word_id, shape_id)
    return CNNEncoder(model.encoder.layers)(x, mask)


def test_first_layer_gives_slovnets_encoder_output_and_tags() -> None:
    # not bit for bit: the same sums in another order (float rounding, ~1e-6)
    model = resources.morph_model().infer.model
    encoder = resources.morph_model().infer.encoder
    rng = numpy.random.default_rng(3)
    words = ["Мэр", "Тулы", "заявил", ",", "что", "цены", "выросли", "на", "7", "%", ".", "В"]
    items = [list(rng.choice(words, rng.integers(1, 30))) for _ in range(40)]
    for batch in encoder(sorted(items, key=len)):
        args = (batch.word_id, batch.shape_id)
        expected = _slovnet_forward(model, *args, batch.pad_mask)
        got = model.encoder(model.emb(*args), batch.pad_mask)
        assert got.shape == expected.shape
        numpy.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
        assert numpy.array_equal(
            model.head.decode(model.head(got)), model.head.decode(model.head(expected))
        )


def test_tag_paths_are_slovnets_ner_tags() -> None:
    # groups sharing a first-layer table, chunks of packed lists: slovnet's own paths
    infer = resources.ner_model().infer
    model, encoder = infer.model, infer.encoder
    words = ["Глава", "Ростова", "Иван", "Орлов", "посетил", "Самару", "в", "мае", "."]
    rng = numpy.random.default_rng(4)
    items = [list(rng.choice(words, rng.integers(1, 25))) for _ in range(90)]
    expected = []
    for batch in encoder(items):
        hidden = _slovnet_forward(model, batch.word_id, batch.shape_id, batch.pad_mask)
        expected.extend(model.head.crf.decode(model.head.proj(hidden), ~batch.pad_mask))
    items.insert(5, [])  # an empty word list gets no tags
    expected.insert(5, numpy.zeros(0, dtype=numpy.intp))
    old_shared, old_chunk = packed_scores.SHARED_WORDS, packed_scores.CHUNK_WORDS
    try:
        for shared, chunk in ((8192, 1024), (100, 30), (1, 1)):
            packed_scores.SHARED_WORDS, packed_scores.CHUNK_WORDS = shared, chunk
            got = list(resources.tag_paths(model, encoder, items))
            assert [len(ids) for ids in got] == [len(words) for words in items]
            assert all(numpy.array_equal(a, b) for a, b in zip(got, expected))
    finally:
        packed_scores.SHARED_WORDS, packed_scores.CHUNK_WORDS = old_shared, old_chunk


def test_packed_sentences_score_as_padded_batches() -> None:
    # the padded model's scores up to float rounding (the batch norms are folded into the next
    # layers) and its tags: no word depends on its neighbours' rows
    infer = resources.morph_model().infer
    model, encoder = infer.model, infer.encoder
    words = ["Мэр", "Тулы", "заявил", ",", "что", "цены", "выросли", "на", "7", "%", ".", "В"]
    rng = numpy.random.default_rng(5)
    items = [list(rng.choice(words, rng.integers(1, 40))) for _ in range(70)]
    expected = []
    for batch in encoder(items):
        table = model.emb.table([batch.word_id])
        pred = model.head(
            model.encoder(model.emb(batch.word_id, batch.shape_id, table), batch.pad_mask)
        )
        words = ~batch.pad_mask
        packed = resources.flat_scores(
            model, batch.word_id[words], batch.shape_id[words], words.sum(-1), table
        )
        numpy.testing.assert_allclose(packed, pred[words], rtol=1e-4, atol=1e-4)
        ids = model.head.decode(pred)
        expected.extend(ids[row, :size] for row, size in enumerate(words.sum(-1)))
    items.insert(3, [])  # an empty word list gets no tags
    expected.insert(3, numpy.zeros(0, dtype=numpy.intp))
    old_chunk = packed_scores.CHUNK_WORDS
    try:
        for chunk in (1, 50, 1024):
            packed_scores.CHUNK_WORDS = chunk
            got = resources.tag_ids(model, encoder, items)
            assert [len(ids) for ids in got] == [len(words) for words in items]
            assert all(numpy.array_equal(a, b) for a, b in zip(got, expected))
    finally:
        packed_scores.CHUNK_WORDS = old_chunk


def test_kept_products_of_frequent_words_are_the_batchs_own() -> None:
    # a frequent word's first-layer products are kept from an earlier batch: the same numbers
    model = resources.ner_model().infer.model
    fresh = resources.FirstLayer(model.emb.embedding, model.encoder.layers[0].conv, True)
    plain = resources.FirstLayer(model.emb.embedding, model.encoder.layers[0].conv)
    frequent = resources._most_frequent(fresh.KEPT_WORDS)
    rng = numpy.random.default_rng(6)
    for _ in range(5):
        ids = numpy.concatenate([rng.choice(frequent, 50), rng.integers(0, 250_000, 50)])
        table, expected = fresh.table([ids]), plain.table([ids])
        assert numpy.array_equal(table.words, expected.words)
        assert numpy.array_equal(table.products[table.rows], expected.products[expected.rows])
    assert 0 < fresh.filled.sum() <= fresh.KEPT_WORDS
    assert not len(plain.kept)  # without navec's ids nothing is kept


def test_the_package_gives_every_name_read_through_it() -> None:
    # ``resources.<name>`` and ``from .resources import <name>`` anywhere in newsnlp, the tests
    # and the benchmarks name something the package itself holds (its modules' names re-exported)
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    used = set()
    for folder in ("src", "tests", "benchmarks"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            used.update(re.findall(r"\bresources\.([A-Za-z_]\w*)", text))
            for names in re.findall(r"from \.*(?:newsnlp\.)?resources import ([\w, ]+)", text):
                used.update(name.strip() for name in names.split(","))
    used -= {"py"}  # the file name in comments and docs
    assert {"word_parses", "morph_analyzer", "tag_paths", "Ids", "navec"} <= used
    assert sorted(name for name in used if not hasattr(resources, name)) == []
