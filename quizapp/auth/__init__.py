"""Accounts: register, log in and out, the account page; who is logged in."""
