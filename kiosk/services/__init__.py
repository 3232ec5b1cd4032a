"""Business rules: loyalty, payments, orders, customers, menu, staff, PromptPay, events.

No Qt import, ever: usable from a script, a test, the CLI and the UI alike.
"""
