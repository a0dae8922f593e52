"""Who may open a back-office page: a clear refusal (403 page), never a silent redirect loop."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def staff_required(view: Callable) -> Callable:
    """Administrators only (`is_staff`); anonymous visitors go to the login page first."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied("Réservé aux administrateurs du back-office.")
        return view(request, *args, **kwargs)

    return login_required(guarded)
