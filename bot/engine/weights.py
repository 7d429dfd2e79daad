"""The engine's weights, thresholds and limits, in one place."""
from __future__ import annotations

import re

#: How strongly a fact is about a term, by where the term appears in the fact.
EXPLICIT, TAGGED, CONTAINER, NATIONALITY, IN_TEXT, ROLE = 1.0, 0.85, 0.98, 0.7, 0.6, 0.4
#: How well "Serbian" fits a fact about a Serbian person (a Serbian fact itself: 1.0).
OWNER = 0.9
#: Lowest share of the question a fact must cover to be given as an answer.
ANSWER_THRESHOLD = 0.5
#: Facts within this much of the best score are answered together.
TIE = 0.02
#: "first", "latest", "all": the earliest, latest or every fact within this much.
BROAD = 0.1
#: Weight of a word the fact base does not know: it leaves that much of the question uncovered.
UNKNOWN = 1.2
#: Weight of a fact's plain word against a curated concept of the same rarity.
WORD = 0.6
#: Weight of a word read through a synonym group, against the word the fact base uses.
SYNONYM = 0.8
#: Questions longer than this are declined rather than read.
MAX_QUESTION = 1000
#: How many facts of the rarest thing named are ranked for suggestions, at most.
SUGGESTION_POOL = 100
#: The most facts a profile ("Who is X?") lists, and the most any answer lists.
PROFILE_FACTS, MAX_FACTS = 12, 30
#: How many things a question must name for one unknown word in it to be left unread.
TOLERATE = 4
#: How many nearest facts a decline shows, and the least share of the question they cover.
NEAREST, NEAREST_THRESHOLD = 2, 0.35
#: Small talk that is answered as such even when the message names a topic.
DISMISS = frozenset({"abuse", "opinion", "joke"})
#: The most words a message of small talk with a word the fact base does not know has.
SMALL_TALK_WORDS = 4
#: Which small-talk reply wins when a message is several kinds at once.
SOCIAL_ORDER = ("abuse", "opinion", "joke", "identity", "capabilities", "thanks", "farewell",
                "greeting")
#: What can answer "who": people, organisations, countries (not places or things).
ANSWER_TYPES = frozenset({"person", "organisation", "country"})
#: Kinds of entity that a fact base may only mention: "What is X?" needs more than a tag.
IN_PASSING = frozenset({"organisation"})
#: What can answer "what is the name of …": anything named but a country or a place.
NAMED_TYPES = frozenset({"person", "organisation", "event", "award", "thing"})
#: How many words after a person's post their name may stand ("state secretary in the
#: Serbian Foreign Ministry Ivan Mrkić").
TITLE_REACH = 8
#: How many questions a per-question memo keeps before it starts again.
QUESTION_MEMO = 256
#: What the index notes of a text that states a cause, beside the modifiers it uses.
CAUSE = "#cause"
#: … and of a text that gives a reason or purpose.
REASON = "#reason"
_YEARLIKE = re.compile(r"^(1[89]|20)\d\d$")
#: "4,300" and "4 300" are one number.
_THOUSANDS = re.compile(r"(\d)[,\u00a0 ](\d{3})\b")
#: How many words after a word of what is counted a listed thing may stand ("the Mayors of
#: Belgrade and Novi Sad").
ENUMERATION = 8
#: A time of day in a text: "at 10:30", "9 o'clock", "3 p.m.".
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|o'clock|\b[ap]\.m\.", re.IGNORECASE)
