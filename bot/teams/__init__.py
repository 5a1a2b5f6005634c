"""The Teams edge: everything that speaks the Bot Framework SDK (botbuilder, botframework-connector).

Outside this folder only dialogs/ imports the SDK; a move to the Microsoft 365 Agents SDK changes this folder and
dialogs/. Here: the adapter and its authentication, the activity handler, the state storage, the conversation
references, the handoff's turn and messenger, the acute district picker and the terminal chat.
"""
