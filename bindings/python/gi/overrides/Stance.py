# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for libstance (namespace ``Stance``, version 1.0).

They make the introspected API read like Python where plain introspection is
clumsy, and hide nothing: every C function, method and GObject property
stays callable exactly as before (``graph.get_n_statements()``,
``edge.props.polarity`` ...).  What they add:

Graph
    ``len(graph)`` is the number of nodes (actors + claims + statements);
    ``iter(graph)`` yields every node: the actors, then the claims, then the
    statements, each in graph order; ``graph["trump"]`` looks a node up by id
    (``KeyError`` when there is none); ``"trump" in graph`` (an id or a node).
    An empty graph is false, like every Python container.
    ``graph.actors``, ``graph.claims``, ``graph.statements`` are the live
    ``Gio.ListModel``s, which support ``len()``, iteration and indexing.
    ``add_actor(id, name, kind="other")`` takes the kind as a name as well
    as a ``Stance.ActorKind``; ``declare_kind(name, polarity)`` the polarity
    as a name as well as a ``Stance.Polarity``; ``add_statement()`` and
    ``get_stance_at()`` take the time as a ``datetime.date``, a
    ``datetime.datetime`` or a ``Stance.Time`` as well as a string (see
    ``Time.from_datetime``); ``new_from_file``, ``load_from_file`` and
    ``save_to_file`` take any path-like object, ``new_from_data`` and
    ``load_from_data`` a ``str`` as well as ``bytes``.
Nodes
    ``node.id``; ``actor.name``, ``actor.kind_name`` ("person"),
    ``actor.member_of`` (a list); ``claim.text``; ``statement.speaker``,
    ``statement.time`` (a ``Stance.Time``), ``statement.text``,
    ``statement.stances`` (a list of ``Stance.Edge``).  ``set_kind()`` takes a
    name, ``Statement.set_time()`` a date or datetime.
Edge
    ``edge.kind`` ("proposes"), ``edge.polarity_name`` ("positive"),
    ``edge.statement``, ``edge.target``, ``edge.holder``.
Contradiction
    ``c.kind_name`` ("reversal"), ``c.target``, ``c.holders`` (a list of one
    actor, or two for a conflict), ``c.statements`` (a list of two),
    ``str(c)`` is ``c.describe()``.
Time
    ``time.start`` and ``time.end``: the half-open period as aware UTC
    ``datetime``s; ``str(time)`` is ``time.to_string()``; times are ordered
    by (start, end), then by how they are written, so that ``<``, ``<=``,
    ``sorted()`` and ``min()`` follow time; ``==`` is ``time.equal()`` (the
    same time as written: ``2017-07-09T21:15Z`` and
    ``2017-07-09T23:15+02:00`` are the same minute but not equal, and the
    first sorts before the second), and ``hash`` agrees with ``==``;
    ``Stance.Time.from_datetime``.
Meta
    ``node.meta``, ``edge.meta``: the ``meta`` object as a Python ``dict``
    (``None`` when there is none); assign a ``dict`` (or ``None``) to set it.
Questions and editing
    ``graph.save_to_data()`` returns the document as a ``str`` (which
    ``new_from_data`` takes); ``get_positions()``, ``get_camps()`` and
    ``append_statement()`` take times as ``add_statement()`` does;
    ``camps.positive`` / ``negative`` / ``withdrawn`` are lists and
    ``camps.to_dict()`` is the record of ``stance camps --json``;
    ``contradiction.to_dict()`` is the record of ``stance check --json``.
Everything
    a ``repr()`` that says what it is, such as
    ``<Stance.Statement 'trump-2017-07-09' by trump at 2017-07-09>``.

The shortcuts that name something a setter can change are writable:
``statement.text = "…"``, ``statement.time = datetime.date(2017, 7, 9)``,
``statement.reports = other``, ``claim.part_of = whole``, ``actor.name``,
``actor.kind = "person"``, ``actor.aliases = [...]``, ``edge.kind =
"opposes"``, ``edge.target``, ``edge.holder`` (``None``: the speaker), ``meta``.
An invalid value raises ``GLib.Error`` as the setter does, and changes
nothing.

Installed, this file is ``gi/overrides/Stance.py`` in Python's
``dist-packages``; PyGObject finds every ``gi/overrides`` directory on
``sys.path``.  From a checkout, put ``bindings/python`` on ``PYTHONPATH``.
"""

import datetime as _datetime
import json as _json
import operator as _operator
import os as _os

from gi.repository import GLib, Json

from ..module import get_introspection_module
from ..overrides import override

Stance = get_introspection_module("Stance")

__all__ = []

_UTC = _datetime.timezone.utc
_EPOCH = _datetime.datetime(1970, 1, 1, tzinfo=_UTC)


def _error(code, message):
    """A GLib.Error in the Stance.Error domain, as the C API raises."""
    return GLib.Error.new_literal(Stance.error_quark(), message, int(code))


def _enum(enum_type, value, code, what):
    """Accept an enum value, or its name as the document format writes it."""
    if not isinstance(value, str):
        return value
    for member in enum_type.__enum_values__.values():
        if member.value_nick == value:
            return member
    raise _error(code, "unknown %s \"%s\"" % (what, value))


def _time_text(value):
    """Write a time argument in the document format's syntax.

    A string is passed on as it is, for the library to check; a
    ``Stance.Time`` is written as it was read; a ``datetime.date`` becomes a
    day (``2017-07-09``); a ``datetime.datetime`` becomes a second, with its
    offset (``Z`` for UTC, ``+02:00``) when it is aware and with none, which
    the format reads as UTC, when it is naive.  Microseconds are dropped; an
    offset that is not a whole number of minutes is converted to UTC.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, Stance.Time):
        return value.to_string()
    if isinstance(value, _datetime.datetime):
        offset = value.utcoffset()
        if offset is not None and offset % _datetime.timedelta(minutes=1):
            value, offset = value.astimezone(_UTC), _datetime.timedelta(0)
        text = "%04d-%02d-%02dT%02d:%02d:%02d" % (value.year, value.month, value.day,
                                                  value.hour, value.minute, value.second)
        if offset is None:
            return text
        minutes = offset // _datetime.timedelta(minutes=1)
        if minutes == 0:
            return text + "Z"
        sign = "+" if minutes > 0 else "-"
        return text + "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)
    if isinstance(value, _datetime.date):
        return "%04d-%02d-%02d" % (value.year, value.month, value.day)
    raise TypeError("a time must be a str, datetime.date, datetime.datetime or Stance.Time, not %s"
                    % type(value).__name__)


def _utf8(data):
    return data.encode("utf-8") if isinstance(data, str) else data


def _utc(seconds):
    try:
        return _EPOCH + _datetime.timedelta(seconds=seconds)
    except OverflowError:
        return None


def _meta_get(value):
    """A meta JsonNode as Python values (``None`` when there is none)."""
    return None if value is None else _json.loads(Json.to_string(value, False))


def _meta_node(value):
    """Python values as a JsonNode for set_meta (``None`` stays ``None``)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError("meta must be a dict, not %s" % type(value).__name__)
    return Json.from_string(_json.dumps(value))


def _settable(getter, setter, doc):
    """A property read with the method *getter* and assigned through the
    method *setter*, which validates and raises GLib.Error on a bad value."""
    return property(lambda self: getattr(self, getter)(),
                    lambda self, value: getattr(self, setter)(value), doc=doc)


def _short(text, limit=40):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _ordering(op):
    """A comparison of times by their keys (see Time._key)."""
    def compare(self, other):
        if not isinstance(other, Stance.Time):
            return NotImplemented
        return op(self._key(), Time._key(other))
    return compare


class Time(Stance.Time):
    """A statement's time: a year, month, day, minute or second."""

    @classmethod
    def from_datetime(cls, value):
        """A time from a ``datetime.date`` (a day) or a ``datetime.datetime``
        (a second, in its offset; a naive one is read as UTC)."""
        return Stance.Time.new_from_string(_time_text(value))

    @property
    def start(self):
        """The first second of the period, as an aware UTC ``datetime``
        (``None`` only where ``datetime`` cannot hold it, before year 1)."""
        return _utc(self.get_start())

    @property
    def end(self):
        """The first second after the period, as an aware UTC ``datetime``
        (``None`` when that is after year 9999)."""
        return _utc(self.get_end())

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "<Stance.Time %r>" % self.to_string()

    def _key(self):
        # The period first, so that order is time; then the text, so that
        # the order is total and agrees with == (the same time as written).
        return (self.get_start(), self.get_end(), self.to_string())

    def __eq__(self, other):
        if not isinstance(other, Stance.Time):
            return NotImplemented
        return self._key() == Time._key(other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __lt__ = _ordering(_operator.lt)
    __le__ = _ordering(_operator.le)
    __gt__ = _ordering(_operator.gt)
    __ge__ = _ordering(_operator.ge)

    def __hash__(self):
        return hash(self._key())


Time = override(Time)
__all__.append("Time")


class Node(Stance.Node):
    """What actors, claims and statements have in common."""

    @property
    def id(self):
        """The node's id (ids do not change)."""
        return self.get_id()

    @property
    def meta(self):
        """The node's ``meta`` as a ``dict``, or ``None``; assignable."""
        return _meta_get(self.get_meta())

    @meta.setter
    def meta(self, value):
        self.set_meta(_meta_node(value))

    def __repr__(self):
        return "<Stance.%s %r>" % (type(self).__name__, self.get_id())


Node = override(Node)
__all__.append("Node")


class Actor(Stance.Actor, Node):
    """A person, organisation, state, outlet or group."""

    name = _settable("get_name", "set_name", """The actor's name; assignable.""")

    kind = _settable("get_kind", "set_kind",
                       """The actor's kind, a ``Stance.ActorKind``; assign one or its name.""")

    @property
    def aliases(self):
        """The actor's other names, as a list; assignable."""
        return list(self.get_aliases() or [])

    @aliases.setter
    def aliases(self, value):
        self.set_aliases(list(value) if value is not None else None)

    @property
    def kind_name(self):
        """The actor's kind as the document format writes it: "person" …"""
        return Stance.ActorKind.to_string(self.get_kind())

    @property
    def member_of(self):
        """The actors this one is a member of, as a list."""
        return list(self.dup_member_of())

    def set_kind(self, kind):
        """Set the kind, as a ``Stance.ActorKind`` or a name ("person")."""
        Stance.Actor.set_kind(self, _enum(Stance.ActorKind, kind, Stance.Error.INVALID_VALUE, "actor kind"))

    def __repr__(self):
        return "<Stance.Actor %r %r %s>" % (self.get_id(), self.get_name(), self.kind_name)


Actor = override(Actor)
__all__.append("Actor")


class Claim(Stance.Claim, Node):
    """A proposition or proposal that stances are taken on."""

    text = _settable("get_text", "set_text", """The claim in words; assignable.""")

    lang = _settable("get_lang", "set_lang", """The language of the words, or ``None``; assignable.""")

    part_of = _settable("dup_part_of", "set_part_of",
                       """The claim this one is part of, or ``None``; assignable.""")

    def __repr__(self):
        return "<Stance.Claim %r %r>" % (self.get_id(), _short(self.get_text()))


Claim = override(Claim)
__all__.append("Claim")


class Statement(Stance.Statement, Node):
    """One utterance: who spoke, when, the words and where."""

    @property
    def speaker(self):
        """The actor who spoke."""
        return self.get_speaker()

    time = _settable("dup_time", "set_time",
                       """When, as a ``Stance.Time``; assign a string, date, datetime or ``Stance.Time``.""")

    text = _settable("get_text", "set_text", """The words, or ``None``; assignable.""")

    lang = _settable("get_lang", "set_lang", """The language of the words, or ``None``; assignable.""")

    source = _settable("get_source", "set_source",
                       """Where the statement appeared, or ``None``; assignable.""")

    reports = _settable("dup_reports", "set_reports",
                       """The statement this one reports, or ``None``; assignable.""")

    @property
    def stances(self):
        """The stances the statement takes, as a list of ``Stance.Edge``."""
        return list(self.dup_stances())

    def set_time(self, time):
        """Set the time: a string in the format's syntax, a ``datetime.date``,
        a ``datetime.datetime`` or a ``Stance.Time``."""
        return Stance.Statement.set_time(self, _time_text(time))

    def __repr__(self):
        return "<Stance.Statement %r by %s at %s>" % (self.get_id(), self.get_speaker().get_id(),
                                                      self.dup_time_string())


Statement = override(Statement)
__all__.append("Statement")


class Edge(Stance.Edge):
    """A typed stance from a statement to a target."""

    kind = _settable("get_kind", "set_kind", """The stance's kind, such as "proposes"; assignable.""")

    @property
    def meta(self):
        """The stance's ``meta`` as a ``dict``, or ``None``; assignable."""
        return _meta_get(self.get_meta())

    @meta.setter
    def meta(self, value):
        self.set_meta(_meta_node(value))

    @property
    def polarity_name(self):
        """The polarity of the kind: "positive", "negative", "withdrawal" or
        "neutral"."""
        return Stance.polarity_to_string(self.get_polarity())

    @property
    def statement(self):
        """The statement that takes the stance."""
        return self.get_statement()

    target = _settable("get_target", "set_target", """The node the stance is on; assignable.""")

    holder = _settable("get_holder", "set_holder",
                       """Whose stance it is: the speaker, unless it is attributed; assignable (``None``: the speaker).""")

    def __repr__(self):
        statement = self.get_statement()
        speaker = statement.get_speaker().get_id()
        holder = self.get_holder().get_id()
        said = "%s %s %s" % (holder, self.get_kind(), self.get_target().get_id())
        if self.is_attributed():
            said = "%s says %s" % (speaker, said)
        return "<Stance.Edge %r: %s>" % (statement.get_id(), said)


Edge = override(Edge)
__all__.append("Edge")


class Contradiction(Stance.Contradiction):
    """A contradiction, explained by the two statements behind it."""

    @property
    def kind_name(self):
        """The kind: "reversal", "inconsistency", "conflict" or
        "disputed-attribution"."""
        return Stance.ContradictionKind.to_string(self.get_kind())

    @property
    def target(self):
        """The node the contradicting stances are on."""
        return self.get_target()

    @property
    def holders(self):
        """The holder, or for a conflict both holders, as a list."""
        other = self.get_other_holder()
        return [self.get_holder()] if other is None else [self.get_holder(), other]

    @property
    def statements(self):
        """The two statements behind it, as a list."""
        return list(self.get_statements())

    def to_dict(self):
        """The record of ``stance check --json`` (SPEC §4): ``kind``,
        ``holder`` (or ``holders`` for a conflict), ``attributed_by`` for a
        disputed attribution, ``target`` and ``statements``, as ids."""
        record = {"kind": self.kind_name}
        if self.get_other_holder() is not None:
            record["holders"] = [holder.get_id() for holder in self.holders]
        else:
            record["holder"] = self.get_holder().get_id()
        if self.get_attributed_by() is not None:
            record["attributed_by"] = self.get_attributed_by().get_id()
        record["target"] = self.get_target().get_id()
        record["statements"] = [s.get_id() for s in self.get_statements()]
        return record

    def __str__(self):
        return self.describe()

    def __repr__(self):
        who = ", ".join(holder.get_id() for holder in self.holders)
        by = self.get_attributed_by()
        if by is not None:
            who += " (attributed by %s)" % by.get_id()
        return "<Stance.Contradiction %s %s on %s: %s>" % (
            self.kind_name, who, self.get_target().get_id(),
            ", ".join(s.get_id() for s in self.get_statements()))


Contradiction = override(Contradiction)
__all__.append("Contradiction")


class Camps(Stance.Camps):
    """Who is for, against, and withdrawn on a target at a time."""

    @property
    def positive(self):
        """The holders for, as a list of ``Stance.Edge``."""
        return list(self.get_positive())

    @property
    def negative(self):
        """The holders against, as a list of ``Stance.Edge``."""
        return list(self.get_negative())

    @property
    def withdrawn(self):
        """The holders who had withdrawn, as a list of ``Stance.Edge``."""
        return list(self.get_withdrawn())

    def to_dict(self):
        """The record of ``stance camps --json``."""
        def entries(edges):
            return [{"holder": e.get_holder().get_id(), "statement": e.get_statement().get_id(),
                     "kind": e.get_kind()} for e in edges]
        return {"target": self.get_target().get_id(), "time": self.get_time(),
                "positive": entries(self.get_positive()), "negative": entries(self.get_negative()),
                "withdrawn": entries(self.get_withdrawn())}

    def __repr__(self):
        def ids(edges):
            return "[%s]" % ", ".join(e.get_holder().get_id() for e in edges)
        return "<Stance.Camps on %r at %s: for %s, against %s, withdrawn %s>" % (
            self.get_target().get_id(), self.get_time() or "now", ids(self.get_positive()),
            ids(self.get_negative()), ids(self.get_withdrawn()))


Camps = override(Camps)
__all__.append("Camps")


class Graph(Stance.Graph):
    """Who said what, when, about what; see the module's docstring for what
    the override adds."""

    @classmethod
    def new_from_file(cls, filename):
        """Read a document; *filename* may be any path-like object."""
        return Stance.Graph.new_from_file(_os.fspath(filename))

    def load_from_file(self, filename):
        """Add a document's contents; *filename* may be any path-like object."""
        return Stance.Graph.load_from_file(self, _os.fspath(filename))

    @classmethod
    def new_from_data(cls, data):
        """Read a document from a ``str`` as well as from ``bytes``."""
        return Stance.Graph.new_from_data(_utf8(data))

    def load_from_data(self, data):
        """Add a document's contents, from a ``str`` or ``bytes``."""
        return Stance.Graph.load_from_data(self, _utf8(data))

    def save_to_file(self, filename):
        """Save atomically; *filename* may be any path-like object."""
        return Stance.Graph.save_to_file(self, _os.fspath(filename))

    def add_actor(self, id, name, kind=Stance.ActorKind.OTHER):
        """Add an actor; *kind* is a ``Stance.ActorKind`` or its name
        ("person", "organization", "state", "media", "group", "other")."""
        kind = _enum(Stance.ActorKind, kind, Stance.Error.INVALID_VALUE, "actor kind")
        return Stance.Graph.add_actor(self, id, name, kind)

    def add_statement(self, id, speaker, time):
        """Add a statement; *time* is a string in the format's syntax, a
        ``datetime.date`` (a day), a ``datetime.datetime`` (a second) or a
        ``Stance.Time``."""
        return Stance.Graph.add_statement(self, id, speaker, _time_text(time))

    def declare_kind(self, name, polarity):
        """Declare a stance kind; *polarity* is a ``Stance.Polarity`` or its
        name ("positive", "negative", "withdrawal", "neutral")."""
        polarity = _enum(Stance.Polarity, polarity, Stance.Error.INVALID_KIND, "polarity")
        return Stance.Graph.declare_kind(self, name, polarity)

    def get_stance_at(self, holder, target, time):
        """The stance in force; *time* as for ``add_statement``."""
        return Stance.Graph.get_stance_at(self, holder, target, _time_text(time))

    def append_statement(self, id, speaker, time, text=None, lang=None, source=None):
        """Add a statement by ids; *time* as for ``add_statement``."""
        return Stance.Graph.append_statement(self, id, speaker, _time_text(time), text, lang, source)

    def append_stance(self, statement, kind, target, holder=None):
        """Add a stance by ids; *holder* ``None`` is the speaker."""
        return Stance.Graph.append_stance(self, statement, kind, target, holder)

    def get_positions(self, holder, time=None):
        """The holder's standing acts; *time* as for ``add_statement``, or
        ``None`` for now."""
        return Stance.Graph.get_positions(self, holder, None if time is None else _time_text(time))

    def get_camps(self, target, time=None):
        """Who is for, against and withdrawn; *time* as for
        ``add_statement``, or ``None`` for now."""
        return Stance.Graph.get_camps(self, target, None if time is None else _time_text(time))

    def remove_node(self, node, with_referrers=False):
        """Remove a node (with what refers to it, when asked)."""
        return Stance.Graph.remove_node(self, node, with_referrers)

    def save_to_data(self):
        """The document as a ``str``, which ``new_from_data`` takes back."""
        return Stance.Graph.save_to_data(self)[0]

    @property
    def actors(self):
        """The actors, as a live ``Gio.ListModel``."""
        return self.get_actors()

    @property
    def claims(self):
        """The claims, as a live ``Gio.ListModel``."""
        return self.get_claims()

    @property
    def statements(self):
        """The statements, as a live ``Gio.ListModel``."""
        return self.get_statements()

    def __len__(self):
        return self.get_n_actors() + self.get_n_claims() + self.get_n_statements()

    def __iter__(self):
        for model in (self.get_actors(), self.get_claims(), self.get_statements()):
            yield from model

    def __getitem__(self, id):
        if not isinstance(id, str):
            raise TypeError("node ids are strings, not %s" % type(id).__name__)
        node = self.lookup(id)
        if node is None:
            raise KeyError(id)
        return node

    def __contains__(self, item):
        if isinstance(item, Stance.Node):
            # A removed node's view still names its graph, but is not in it.
            return item.get_graph() == self and self.lookup(item.get_id()) == item
        if isinstance(item, str):
            return self.lookup(item) is not None
        return False

    def __repr__(self):
        return "<Stance.Graph %d actors, %d claims, %d statements, %d stances>" % (
            self.get_n_actors(), self.get_n_claims(), self.get_n_statements(), self.get_n_stances())


Graph = override(Graph)
__all__.append("Graph")
