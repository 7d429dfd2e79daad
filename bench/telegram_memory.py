"""The Telegram bot's memory as distinct chats pile up: RSS after 0, 50k, 100k chats.

`python -m bench.telegram_memory [--chats 100000] [--every 50000] [--tree DIR]`

The first figures are at start and after the first 1000 chats: the difference is warming up
(connections, caches, the allocator), not chats kept.

Each chat writes once, in batches of 1000 (every batch answered before the next): half ask
an answerable question (a conversation context to keep), half a distinct question the bot
cannot answer (a line for /stats), from a pool of POOL. Sending is not throttled. The bot's resident size is
read from /proc after each checkpoint; a bot that keeps something per chat grows linearly.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [p for p in (str(REPO), str(REPO / "tests")) if p not in sys.path]

import bench.telegram_faults as faults  # noqa: E402
from fake_bot_api import FakeBotApi  # noqa: E402

BATCH = 1000
#: Distinct unanswerable questions: more than /stats keeps, few enough that the engine's
#: word caches (bounded at 2^18 words each, bot/text.py) are not what is measured.
POOL = 1000


def measure(chats: int, every: int) -> list[tuple[int, float]]:
    figures = []
    with FakeBotApi() as api, tempfile.TemporaryDirectory() as state:
        bot = faults.Bot(api, Path(state))
        time.sleep(2)
        figures.append((0, bot.rss_mb()))
        for start in range(0, chats, BATCH):
            for chat in range(start + 1, start + BATCH + 1):
                api.send_text(1_000_000 + chat,
                              "tokaev" if chat % 2 else f"what about qzx{chat % POOL} wharf?")
            api.wait_for(lambda: len(api.sent_messages()) >= BATCH, timeout=120,
                         message="not every chat was answered")
            api.clear_records()  # the fake's own records are not what is measured
            done = start + BATCH
            if done % every == 0 or done == BATCH:  # after the first batch: warmed up
                time.sleep(2)  # idle chats are evicted at the next write of the store
                figures.append((done, bot.rss_mb()))
                print(f"{done} chats: RSS {figures[-1][1]:.1f} MB", flush=True)
        bot.term()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chats", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=50_000)
    ap.add_argument("--tree", type=Path, default=REPO, help="checkout whose bot/ to run")
    args = ap.parse_args(argv)
    faults.TREE = args.tree.resolve()
    figures = measure(args.chats, args.every)
    print("RSS by distinct chats: " + ", ".join(f"{n:,}: {mb:.1f} MB" for n, mb in figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
