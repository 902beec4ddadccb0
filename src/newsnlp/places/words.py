"""Place words: the nouns that name places and settlements, the lowercase links of hyphenated
place names, and the capitalized adjective that a place's name is.

The bottom of the package: it imports nothing from it, and every step (and the normalizer,
``normalize.place_words``) reads its word sets from here.
"""

from __future__ import annotations

from spacy.tokens import Token

from .._spans import token_parses

# Lemmas of the common nouns that name places, as heads of a place's name ("Ставропольский
# край", "Белое море", "Красная площадь") or alone ("Запад"); other common nouns heading a
# name (a house, a bridge, an airport, a deposit, time) name a facility, a body or no place
PLACE_NOUNS = frozenset(
    """область край район округ республика автономия штат провинция губерния уезд волость
    земля регион территория страна государство княжество королевство эмират федерация союз
    город село посёлок поселок деревня станица хутор аул слобода столица мегаполис агломерация
    остров полуостров архипелаг материк континент побережье берег мыс залив пролив бухта гавань
    море океан озеро река водохранилище канал лиман гора хребет нагорье плато вулкан долина
    равнина низменность степь пустыня лес тайга болото ущелье перевал каньон полюс кольцо
    улица проспект площадь переулок шоссе бульвар набережная проезд тракт магистраль квартал
    микрорайон зона промзона парк заповедник кладбище империя каганат халифат круг восток
    запад север юг поселение образование сельсовет муниципалитет улус графство воеводство
    кантон префектура департамент коммуна община""".split()
)


# nouns of a settlement or a part of a town, whose name follows them: in apposition ("в станице
# Каневской", "у села Заречное", "в микрорайоне Северном"), or after the noun opening a sentence
# ("Посёлок Нижние Выселки затопило": the noun is no part of the name); not "Республика",
# "Остров", which official names hold
SETTLEMENT_NOUNS = frozenset(
    "город посёлок поселок село деревня станица хутор аул слобода местечко микрорайон".split()
)


# nouns of natural places, which a sentence may open before the name in apposition ("Река
# Ишим вышла из берегов", "Гора Казбек"): no part of the name, as "река Ишим" inside a sentence
NATURAL_NOUNS = frozenset("река озеро гора вулкан пролив залив водохранилище хребет".split())

# nouns of places abbreviated before a name with a dot ("Респ. Карелия", "пос. Мирный"): a
# word the model may tag as a place of its own
NOUN_ABBREVIATIONS = frozenset("респ обл г гор пос пгт дер ст мкр р-н кр о-в п-ов".split())


# lowercase links inside hyphenated place names: "Ростов-на-Дону", "Рио-де-Жанейро",
# "Франкфурт-на-Майне", "Булонь-сюр-Мер", "Стратфорд-апон-Эйвон", "Ла-Сейн-сюр-Мер"
PLACE_LINKS = frozenset({"на", "де", "да", "дель", "ла", "ле", "сюр", "апон", "он", "эль", "ам"})
# the links that govern the words after them, which then never decline ("Ростове-на-Дону")
FIXED_PLACE_LINKS = frozenset({"на", "сюр", "апон", "он", "ам"})


_ADJECTIVE_ENDINGS = tuple("ий ый ой ая яя ое ее ого его ому ему ым им ом ем ую юю ых их".split())


def name_adjective(token: Token) -> bool:
    """A capitalized adjective: one the tagger calls so, or a word it calls a proper or common
    noun that has an adjective's ending and a pymorphy3 adjective parse ("Тогучинском" tagged
    PROPN before "и Сузунском районах")."""
    if not token.is_title:
        return False
    if token.pos_ == "ADJ":
        return True
    return (
        token.pos_ in ("PROPN", "NOUN")
        and token.text.lower().endswith(_ADJECTIVE_ENDINGS)
        and any(parse.tag.POS == "ADJF" for parse in token_parses(token))
    )
