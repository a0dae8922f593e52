"""E-mail notices: each new request tells its service's mailbox, with no personal data."""
