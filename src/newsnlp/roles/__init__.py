"""Roles: the post each person holds ("Мэр Омска Сергей Шелест" -> мэр of Омск).

Runs after the linker and reads what it made: the people (``doc._.people``) with their
mentions, the places and organizations that can hold a post, and the tokens' lemmas and
morphology. Only the tokens next to a person's mentions are looked at, and only where one of
them may be a post's word. A post's noun comes from a general lexicon of offices
(:data:`POSTS`: held wherever they are named) and of trades (:data:`TRADES`: a role only where
the text says where they are practised, "фотограф агентства", not "писатель Иванов"), with
their compounds ("вице-мэр", "замминистра") and animate nouns in "-тель"/"-ист". It agrees
with the name in case and is singular. The constructions:

- the post before the name: "мэр Омска Сергей Шелест", "генеральным консулом КНР в
  Екатеринбурге Ло Шисюном", "Глава Минобрнауки Фальков";
- the post after the name, in apposition: "Сергей Шелест, мэр Омска", "Шелест (мэр Омска)",
  "Шелест — мэр Омска";
- a verb or noun of holding a post: "Шелест, занимающий пост мэра", "Шелест назначен на
  должность мэра", "Шелест стал мэром", "мэром Омска избран Сергей Шелест";
- acting for a post: "врио губернатора", "и. о. мэра", "исполняющий обязанности директора".

The holder (``Role.organization``) is the first place or organization named in the post's
words, as the Article names it; else a place of the Article an adjective of the post is made
from ("российский посол"); else, for a state's post, the country the article names most.

A post with no person next to it ("Как сообщил градоначальник") makes no person (the statements
stage resolves it to the person holding the post: :mod:`newsnlp.resolve`). The result is
each person's ``roles`` (:class:`~newsnlp.schema.Role` records) in ``doc._.people``.

The package's modules are its steps: :mod:`.lexicon` (the words of posts and trades),
:mod:`.forms` (cases, agreement, the title in the nominative), :mod:`.holders` (what the
tokens name, where a post is held, one role per post), :mod:`.reader` (the constructions),
:mod:`.rules` (their order: the tables :data:`CONSTRUCTIONS` and :data:`APPOSITIONS` of named
rules, each role naming the rule that read it for ``newsnlp analyze --explain``) and
:mod:`.component` (the spaCy component).
"""

from .component import RoleExtractor, explain, person_roles
from .forms import title_of
from .holders import merge_roles
from .lexicon import DESCRIPTORS, POSTS, STATE_POSTS, TRADES, is_post, post_kind, token_kind
from .rules import APPOSITIONS, CONSTRUCTIONS

__all__ = [
    "APPOSITIONS",
    "CONSTRUCTIONS",
    "DESCRIPTORS",
    "POSTS",
    "STATE_POSTS",
    "TRADES",
    "RoleExtractor",
    "explain",
    "is_post",
    "merge_roles",
    "person_roles",
    "post_kind",
    "title_of",
    "token_kind",
]
