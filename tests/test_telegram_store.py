"""The store's contract: stored contexts survive engine upgrades, the inbox keeps each
update once and forgets only what Telegram will not send again."""
from __future__ import annotations

import asyncio
import json

from bot.model import Context, context_from_dict, context_to_dict
from bot.telegram.store import SqlitePersistence


def test_a_context_round_trips_through_json():
    ctx = Context(person="tomislav_nikolic", facts=("a", "b"), language="ru")
    assert context_from_dict(json.loads(json.dumps(context_to_dict(ctx)))) == ctx


def test_a_stored_context_from_another_engine_version_still_loads():
    stored = {"person": "x", "facts": ["f"], "retired_field": 1}  # no "language": default
    assert context_from_dict(stored) == Context(person="x", facts=("f",))


def test_the_inbox_stores_each_update_once_and_forgets_only_confirmed_answers(tmp_path):
    store = SqlitePersistence(tmp_path)
    store.bind(1)
    assert store.store_updates([(5, "{}"), (6, "{}")]) == [5, 6]
    assert store.store_updates([(6, "{}"), (7, "{}")]) == [7]  # 6 came again
    store.mark_done(5)
    store.mark_done(6)
    store.forget_done(below=6)  # only 5 is confirmed
    assert store.store_updates([(5, "{}"), (6, "{}")]) == [5]
    assert [i for i, _ in store.pending(10)] == [5, 7]
    assert store.next_offset() == 8
    store.close()


def test_chat_data_survives_a_reopen(tmp_path):
    store = SqlitePersistence(tmp_path)
    asyncio.run(store.update_chat_data(42, {"context": {"language": "kk"}}))
    asyncio.run(store.update_bot_data({"stats": {"answered": 3}}))
    store.close()
    again = SqlitePersistence(tmp_path)
    assert again.load_chat_data(42) == {"context": {"language": "kk"}}
    assert again.load_chat_data(43) is None
    assert asyncio.run(again.get_bot_data()) == {"stats": {"answered": 3}}
    again.close()
