import gi
gi.require_version("Stance", "1.0")
from gi.repository import Stance

g = Stance.Graph.new()
trump = g.add_actor("trump", "Donald J. Trump", Stance.ActorKind.PERSON)   # -> Stance.Actor
unit = g.add_claim("cyber-unit", "Form a joint US–Russian cyber-security unit")  # -> Stance.Claim
s1 = g.add_statement("t1", trump, "2017-07-09")     # time in the format's syntax -> Stance.Statement
s1.add_stance("proposes", unit, None)               # kind, target node, holder (None: the speaker)
s2 = g.add_statement("t2", trump, "2017-07-10")
s2.add_stance("retracts", unit, None)

found = g.find_contradictions()                     # a Gio.ListModel of Stance.Contradiction
c = found.get_item(0)
assert c.props.kind == Stance.ContradictionKind.REVERSAL
assert c.props.target.props.id == "cyber-unit" and c.props.holder.props.id == "trump"
assert [s.props.id for s in c.get_statements()] == ["t1", "t2"]

g.save_to_file("story.json")
g2 = Stance.Graph.new_from_file("story.json")       # raises GLib.Error (domain Stance.Error) when invalid
