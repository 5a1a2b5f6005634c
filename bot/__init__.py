"""The service edge of Samråd: HTTP app, Bot Framework adapter, storage, CLI."""
