"""Acceptance on the seed article (../shared/seed/omsk_china.txt)."""


def names(entities) -> list[str]:
    return [entity.name for entity in entities]


def test_people(seed_article) -> None:
    people = {person.name: person for person in seed_article.people}
    for name in ("Сергей Шелест", "Ло Шисюн", "Мишустин", "Ксения Евдокимова"):
        assert name in people, names(seed_article.people)
    assert [m.text for m in people["Ло Шисюн"].mentions] == ["Ло Шисюном", "Ло Шисюн"]
    assert names(seed_article.people).count("Ло Шисюн") == 1
    shelest = people["Сергей Шелест"]
    assert (shelest.first, shelest.last) == ("Сергей", "Шелест")


def test_places(seed_article) -> None:
    found = names(seed_article.places)
    for name in (
        "Омская область",
        "Омск",
        "Екатеринбург",
        "Китай",
        "Кайфын",
        "Фучжоу",
        "Урумчи",
        "Маньчжурия",
        "Новосибирск",
    ):
        assert name in found, found
    assert len(found) == len(set(found))


def test_no_mention_crosses_a_paragraph_or_starts_with_proezd(seed_article) -> None:
    for entity in seed_article.people + seed_article.places + seed_article.organizations:
        for mention in entity.mentions:
            assert "\n" not in mention.text
            assert not mention.text.startswith("Проезд")
            assert seed_article.text[mention.start : mention.stop] == mention.text


def test_percentages(seed_article) -> None:
    facts = [(p.value, p.kind, p.direction) for p in seed_article.percentages]
    assert facts == [
        (66.0, "change", "up"),
        (66.0, "change", "up"),
        (94.0, "change", "up"),
        (39.0, "change", "up"),
    ]
    for fact in seed_article.percentages:
        assert seed_article.text[fact.start : fact.stop] == fact.text
    assert seed_article.percentages[1].text == "66\u202f%"


def test_story_people_author_and_what_is_not_the_story(seed_article) -> None:
    story = seed_article.story()
    assert names(story.people) == ["Сергей Шелест", "Ло Шисюн", "Мишустин"]
    assert seed_article.author == "Ксения Евдокимова"
    assert seed_article.title.startswith("За год внешнеторговый оборот Омской области")
    in_story = set(names(story.people)) | set(names(story.places))
    for name in ("Трубникова", "Фальков", "Новосибирск", "Томская область", "Северск"):
        assert name not in in_story
    around = seed_article.around()
    assert {"Ксения Евдокимова", "Трубникова", "Фальков"} <= set(names(around.people))
    assert [fact.value for fact in story.percentages] == [66.0, 66.0, 94.0, 39.0]


def test_blocks_cover_the_seed(seed_article) -> None:
    blocks = seed_article.blocks
    assert [block.kind for block in blocks] == ["title", "story", "author", "more"]
    assert blocks[0].start == 0 and blocks[-1].stop == len(seed_article.text)
    for before, after in zip(blocks, blocks[1:]):
        assert before.stop == after.start
    reported = seed_article.text.index("Ранее СибМедиа")  # "Ранее … сообщало" is the story's
    assert seed_article.block_at(reported).kind == "story"
