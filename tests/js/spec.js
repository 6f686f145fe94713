// SPDX-License-Identifier: LGPL-2.1-or-later
// The SPEC §5 snippet translated to GJS, as an ES module: gjs -m spec.js

import GLib from 'gi://GLib';
import Stance from 'gi://Stance?version=1.0';

function assert(condition, what) {
    if (!condition)
        throw new Error(`assertion failed: ${what}`);
}

const dir = GLib.dir_make_tmp('stance-js-XXXXXX');
const path = GLib.build_filenamev([dir, 'story.json']);

const g = Stance.Graph.new();
const trump = g.add_actor('trump', 'Donald J. Trump', Stance.ActorKind.PERSON);
const unit = g.add_claim('cyber-unit', 'Form a joint US–Russian cyber-security unit');
const s1 = g.add_statement('t1', trump, '2017-07-09');
s1.add_stance('proposes', unit, null);
const s2 = g.add_statement('t2', trump, '2017-07-10');
s2.add_stance('retracts', unit, null);

const found = g.find_contradictions();
const c = found.get_item(0);
assert(c.kind === Stance.ContradictionKind.REVERSAL, 'a reversal');
assert(c.target.id === 'cyber-unit' && c.holder.id === 'trump', 'target and holder');
assert(JSON.stringify(c.get_statements().map(s => s.id)) === '["t1","t2"]', 'the two statements');

g.save_to_file(path);
const g2 = Stance.Graph.new_from_file(path);
assert(g2.get_n_statements() === 2, 'the document round-trips');

// A bad argument throws a GLib.Error of the Stance.Error domain.
let thrown = null;
try {
    g.add_statement('t3', trump, '2017-13');
} catch (e) {
    thrown = e;
}
assert(thrown instanceof GLib.Error, 'a GLib.Error');
assert(thrown.matches(Stance.Error, Stance.Error.INVALID_TIME), 'INVALID_TIME');
assert(g.get_n_statements() === 2, 'nothing added');

// Misuse throws: null where the API takes none, a claim as a speaker.
for (const misuse of [
    () => g.add_statement('t4', null, '2017-07-10'),
    () => g.add_actor(null, 'nobody', Stance.ActorKind.OTHER),
    () => s1.add_stance('proposes', null, null),
    () => g.add_statement('t4', unit, '2017-07-10'),
]) {
    let threw = false;
    try {
        misuse();
    } catch (e) {
        threw = true;
    }
    assert(threw, `misuse throws: ${misuse}`);
}
assert(g.get_n_statements() === 2, 'misuse added nothing');

// Identity: the same node is the same object while alive.
assert(g.lookup('trump') === trump, 'lookup gives the same object');

GLib.unlink(path);
GLib.rmdir(dir);
print('ok - SPEC §5 in GJS');
