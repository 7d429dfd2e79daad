# kazserb-bot: the Telegram bot, long polling by default.
#   docker build -t kazserb-bot .
#   docker run --rm -v kazserb-state:/data -e TELEGRAM_BOT_TOKEN=123:ABC kazserb-bot
# Chats' state and unanswered updates are kept in /data: give it a volume, or a restart
# forgets them. `docker stop` waits 10 s after SIGTERM; the bot's grace is 8 s.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN pip install . && rm -rf /src

RUN useradd --create-home --uid 10001 kazserb && mkdir /data && chown kazserb /data
ENV BOT_STATE_DIR=/data
VOLUME ["/data"]
USER kazserb
WORKDIR /home/kazserb

# The fact base ships inside the package; `kazserb-bot check` validates it at build time,
# and a first question writes its compiled form to ~/.cache, so the bot starts from it.
RUN kazserb-bot check && kazserb-bot ask --json "hello" > /dev/null

ENTRYPOINT ["kazserb-bot"]
CMD ["telegram"]
