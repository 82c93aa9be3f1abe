"""What every record shares: ``__repr__``, ``__eq__`` and ``__hash__``, written once instead of compiled per class.

attrs compiles these methods for each class it builds: about a quarter of a millisecond
per class at start-up, most of it the compiler's (34 records are built on the way to a
cold ``sources check``). A record whose body sets ``__repr__ = record_repr``,
``__eq__ = record_eq`` and ``__hash__ = record_hash`` gets the same text, the same
equality and an equally consistent hash from these functions: attrs leaves a method the
class defines itself alone, and compiles only ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any


def record_repr(self: Any) -> str:
    """``Span(start=1, end=2)``, as attrs writes it: every field shown in repr, in order."""
    shown = ", ".join(
        f"{field.name}={(field.repr if callable(field.repr) else repr)(getattr(self, field.name))}"
        for field in self.__attrs_attrs__
        if field.repr
    )
    return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({shown})"


def record_eq(self: Any, other: object) -> Any:
    """``==`` as attrs generates it: records of the same class whose compared fields are equal."""
    cls = type(self)
    if other.__class__ is not cls:
        return NotImplemented
    values = _values(cls, False)
    return values(self) == values(other)


def record_hash(self: Any) -> int:
    """A hash of the class and the fields attrs would hash (those compared, unless a field says otherwise)."""
    cls = type(self)
    return hash((cls, _values(cls, True)(self)))


_READERS: dict[tuple[type, bool], Callable[[Any], Any]] = {}


def _values(cls: type, hashed: bool) -> Callable[[Any], Any]:
    """What reads the values of ``cls``'s records that ``==`` (or the hash) takes, at C speed; made once per class."""
    reader = _READERS.get((cls, hashed))
    if reader is None:
        fields = [f for f in cls.__attrs_attrs__ if (f.hash if hashed and f.hash is not None else f.eq)]  # type: ignore[attr-defined]
        if any(f.eq_key is not None for f in fields):
            raise TypeError(f"{cls.__qualname__}: record_eq compares fields as they are; it applies no eq key")
        reader = _READERS[cls, hashed] = attrgetter(*(f.name for f in fields)) if fields else lambda _: ()
    return reader
