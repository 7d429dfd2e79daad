"""The Telegram front end: settings, handlers and views over the engine, a per-chat update
processor, reliable sending, a durable store of state and updates, polling and webhook."""
