"""What the intake tells the rest of the hub. A batch is stored with one bulk insert, which
sends no post_save: `requests_stored` says which requests it added (e-mail notices listen)."""

from django.dispatch import Signal

# sender=Submission, submissions=[Submission, ...] (saved, with their ids), inside the
# transaction that stored them.
requests_stored = Signal()
