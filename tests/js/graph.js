// SPDX-License-Identifier: LGPL-2.1-or-later
// The introspected API as a GJS user meets it, as an ES module that speaks
// TAP:  gjs -m graph.js
//
// Building a graph, properties, list models and signals, identity, errors,
// documents (the example story and its expected contradictions), the
// questions (stance at a time, timeline), and the asynchronous load in a
// GLib.MainLoop, with and without cancellation.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import GIRepository from 'gi://GIRepository?version=2.0';
import Stance from 'gi://Stance?version=1.0';
import System from 'system';

// The example data, found from this file: tests/js/ -> examples/data/.
const HERE = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const DATA = GLib.build_filenamev([HERE, '..', '..', 'examples', 'data']);
const STORY = GLib.build_filenamev([DATA, 'cyber-2017-2020.json']);
const EXPECTED = GLib.build_filenamev([DATA, 'cyber-2017-2020.expected.json']);

// A tiny TAP harness: each test is a (possibly async) function; a thrown
// error fails it, and any failure makes the run exit 1.
const tests = [];
function test(name, func) {
    tests.push({name, func});
}

// A test that cannot run yet, reported as a TAP skip with the reason.
function skip(name, reason) {
    tests.push({name, reason});
}

class AssertionError extends Error {}

function assert(condition, what) {
    if (!condition)
        throw new AssertionError(what);
}

function assertEqual(actual, expected, what) {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    if (a !== e)
        throw new AssertionError(`${what}: got ${a}, expected ${e}`);
}

const ERROR_NAMES = Object.fromEntries(
    Object.entries(Stance.Error).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]));

// Calls func, which must throw a GLib.Error of the Stance.Error domain with
// the given code; returns the error.
function assertStanceError(code, func, what) {
    let thrown = null;
    try {
        func();
    } catch (e) {
        thrown = e;
    }
    assert(thrown !== null, `${what}: no error thrown`);
    assert(thrown instanceof GLib.Error, `${what}: a GLib.Error, not ${thrown}`);
    assert(thrown instanceof Stance.Error, `${what}: an instance of Stance.Error`);
    assert(thrown.matches(Stance.Error, code),
        `${what}: expected Stance.Error.${ERROR_NAMES[code]}, got ${thrown} (code ${thrown.code})`);
    return thrown;
}

// Gio.ListModel is not iterable in GJS 1.74: this is the loop a user writes.
function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

function readText(path) {
    const [, bytes] = Gio.File.new_for_path(path).load_contents(null);
    return new TextDecoder().decode(bytes);
}

// The contradictions as `stance check --json` records them (SPEC §4).
function record(c) {
    const kind = Stance.contradiction_kind_to_string(c.kind);
    const r = {kind};
    if (c.kind === Stance.ContradictionKind.CONFLICT)
        r.holders = [c.holder.id, c.other_holder.id];
    else
        r.holder = c.holder.id;
    if (c.kind === Stance.ContradictionKind.DISPUTED_ATTRIBUTION)
        r.attributed_by = c.attributed_by.id;
    r.target = c.target.id;
    r.statements = c.get_statements().map(s => s.id);
    return r;
}

// The part of the story that examples/story.c builds.
function buildStory() {
    const g = Stance.Graph.new();
    const trump = g.add_actor('trump', 'Donald J. Trump', Stance.ActorKind.PERSON);
    const putin = g.add_actor('putin', 'Vladimir Putin', Stance.ActorKind.PERSON);
    const rubio = g.add_actor('rubio', 'Marco Rubio', Stance.ActorKind.PERSON);
    const unit = g.add_claim('cyber-unit', 'Form a joint US–Russian cyber-security unit');
    const t1 = g.add_statement('trump-2017-07-09', trump, '2017-07-09');
    t1.add_stance('proposes', unit, null);
    const kremlin = g.add_statement('putin-2017-07', putin, '2017-07');
    kremlin.add_stance('confirms', unit, null);
    kremlin.add_stance('endorses', unit, trump);
    const attack = g.add_statement('rubio-2017-07-09', rubio, '2017-07-09');
    attack.add_stance('opposes', unit, null);
    const t2 = g.add_statement('trump-2017-07-10', trump, '2017-07-10');
    t2.add_stance('retracts', unit, null);
    return {g, trump, putin, rubio, unit, t1, t2, kremlin, attack};
}

// ---------------------------------------------------------------------------

test('build a graph', () => {
    const {g} = buildStory();
    assertEqual([g.get_n_actors(), g.get_n_claims(), g.get_n_statements(), g.get_n_stances()],
        [3, 1, 4, 5], 'counts');
    assert(g instanceof Stance.Graph, 'a Stance.Graph');
    const c = g.add_claim('point-1', 'Point 1');
    assert(c instanceof Stance.Claim && c instanceof Stance.Node, 'a claim is a node');
});

test('node properties', () => {
    const {g, trump, unit, t1} = buildStory();
    assert(trump instanceof Stance.Actor, 'an actor');
    assertEqual([trump.id, trump.name, trump.kind], ['trump', 'Donald J. Trump', Stance.ActorKind.PERSON],
        'actor id, name, kind');
    assert(trump.graph === g, 'actor.graph');
    trump.aliases = ['@realDonaldTrump', 'DJT'];
    assertEqual(trump.aliases, ['@realDonaldTrump', 'DJT'], 'aliases as a property');
    assertEqual(trump.get_aliases(), ['@realDonaldTrump', 'DJT'], 'aliases by the getter');
    trump.name = 'Donald Trump';
    assertEqual(trump.get_name(), 'Donald Trump', 'name set as a property');
    assertEqual(Stance.ActorKind.to_string(trump.kind), 'person', 'ActorKind.to_string');

    assertEqual([unit.id, unit.text, unit.lang], ['cyber-unit', 'Form a joint US–Russian cyber-security unit', null],
        'claim');
    unit.lang = 'en';
    assertEqual(unit.get_lang(), 'en', 'claim lang');
    const whole = g.add_claim('plan', 'The plan');
    unit.set_part_of(whole);
    assert(unit.part_of === whole && unit.dup_part_of() === whole, 'part_of');

    assert(t1 instanceof Stance.Statement, 'a statement');
    assert(t1.speaker === trump, 'statement.speaker');
    assertEqual([t1.text, t1.lang, t1.source, t1.reports], [null, null, null, null], 'unset statement members');
    t1.text = 'Putin & I discussed forming an impenetrable Cyber Security unit';
    t1.lang = 'en';
    t1.source = 'https://twitter.com/realDonaldTrump';
    assertEqual([t1.get_text(), t1.get_lang(), t1.get_source()],
        ['Putin & I discussed forming an impenetrable Cyber Security unit', 'en',
            'https://twitter.com/realDonaldTrump'], 'statement members set');
    assertEqual(t1.get_n_stances(), 1, 'n_stances');
});

test('statement.time is a Stance.Time', () => {
    const {t1, kremlin} = buildStory();
    const day = t1.time;
    assert(day instanceof Stance.Time, 'a Stance.Time');
    assertEqual(day.to_string(), '2017-07-09', 'to_string');
    assertEqual(t1.dup_time_string(), '2017-07-09', 'dup_time_string');
    assertEqual(day.get_precision(), Stance.TimePrecision.DAY, 'precision');
    const start = GLib.DateTime.new_utc(2017, 7, 9, 0, 0, 0).to_unix();
    assertEqual([day.get_start(), day.get_end()], [start, start + 86400], 'the half-open period');
    assertEqual(day.has_offset(), false, 'no offset');
    assertEqual(day.to_date_time().format_iso8601(), '2017-07-09T00:00:00Z', 'to_date_time');

    const month = kremlin.time;
    assertEqual(month.get_precision(), Stance.TimePrecision.MONTH, 'month precision');
    assert(month.overlaps(day) && day.overlaps(month), 'a month overlaps its days');
    assert(!month.precedes(day) && !day.precedes(month), 'and neither precedes the other');
    const next = Stance.Time.new_from_string('2017-07-10');
    assert(day.precedes(next) && !next.precedes(day), 'a day precedes the next');
    assert(day.compare(next) < 0 && next.compare(day) > 0, 'compare');
    assert(day.equal(Stance.Time.new_from_string('2017-07-09')) && !day.equal(next), 'equal');
    assert(day.copy().equal(day), 'copy');

    const exact = Stance.Time.new_from_string('2017-07-09T21:15:33.25+02:00');
    assertEqual([exact.to_string(), exact.get_precision(), exact.has_offset(), exact.get_offset()],
        ['2017-07-09T21:15:33+02:00', Stance.TimePrecision.SECOND, true, 120],
        'a second with an offset in minutes, the fraction dropped');
    assertEqual(exact.get_end() - exact.get_start(), 1, 'a second long');

    t1.set_time('2017-07-09T21:15Z');
    assertEqual(t1.time.get_precision(), Stance.TimePrecision.MINUTE, 'set_time');
    assertEqual(t1.dup_time().to_string(), '2017-07-09T21:15Z', 'dup_time');
});

test('edge properties', () => {
    const {g, trump, putin, unit, t1, kremlin} = buildStory();
    const stances = items(g.get_timeline(trump, unit));
    const e = stances[0];
    assert(e instanceof Stance.Edge, 'a Stance.Edge');
    assertEqual([e.kind, e.polarity], ['proposes', Stance.Polarity.POSITIVE], 'kind and polarity');
    assertEqual(Stance.Polarity.to_string(e.polarity), 'positive', 'Polarity.to_string');
    assert(e.statement === t1 && e.target === unit && e.holder === trump && e.graph === g, 'ends');
    assert(!e.attributed && !e.is_attributed() && e.is_act(), 'an act, not attributed');
    assertEqual([stances[1].kind, stances[1].polarity], ['retracts', Stance.Polarity.WITHDRAWAL], 'retracts');

    const attributed = kremlin.add_stance('supports', unit, trump);
    assert(attributed.holder === trump && attributed.statement.speaker === putin, 'attributed holder');
    assert(attributed.attributed && !attributed.is_act(), 'an attributed stance is not an act');
    const neutral = kremlin.add_stance('comments', unit, null);
    assertEqual(neutral.polarity, Stance.Polarity.NEUTRAL, 'neutral');
    assert(!neutral.is_act(), 'a neutral stance is not an act');
    assert(e.meta === null, 'no meta');
});

test('kinds', () => {
    const g = Stance.Graph.new();
    assertEqual(g.dup_kinds().slice(0, 4), ['proposes', 'endorses', 'supports', 'confirms'], 'built-in kinds');
    g.declare_kind('mocks', Stance.Polarity.NEGATIVE);
    assertEqual(g.lookup_kind('mocks'), [true, Stance.Polarity.NEGATIVE], 'declared kind');
    assertEqual(g.lookup_kind('praises')[0], false, 'unknown kind');
    assert(g.dup_kinds().includes('mocks'), 'listed');
    assert(Stance.kind_is_builtin('retracts') && !Stance.kind_is_builtin('mocks'), 'kind_is_builtin');
    assert(Stance.kind_name_is_valid('mocks-2') && !Stance.kind_name_is_valid('2x'), 'kind_name_is_valid');
    assertEqual(Stance.Polarity.from_string('withdrawal'), [true, Stance.Polarity.WITHDRAWAL], 'from_string');
});

test('list models', () => {
    const {g, trump, t1, t2} = buildStory();
    const statements = g.get_statements();
    assert(statements instanceof Gio.ListModel, 'a Gio.ListModel');
    assertEqual(statements.get_item_type().name, 'StanceStatement', 'item type');
    assertEqual(statements.get_n_items(), 4, 'n_items');
    assert(statements.get_item(0) === t1 && statements.get_item(3) === t2, 'items in graph order');
    assert(statements.get_item(4) === null, 'null past the end');
    assertEqual(items(g.get_actors()).map(a => a.id), ['trump', 'putin', 'rubio'], 'actors');
    assertEqual(items(g.get_claims()).map(c => c.id), ['cyber-unit'], 'claims');

    // The models are live: they say items-changed when a node is added.
    const changes = [];
    const id = statements.connect('items-changed', (model, position, removed, added) => {
        changes.push([position, removed, added, model.get_n_items()]);
    });
    const t3 = g.add_statement('trump-2017-07-11', trump, '2017-07-11');
    assertEqual(changes, [[4, 0, 1, 5]], 'items-changed on add');
    assert(statements.get_item(4) === t3, 'the new item');
    g.add_actor('graham', 'Lindsey Graham', Stance.ActorKind.PERSON);
    assertEqual(changes.length, 1, 'an actor does not change the statements');
    statements.disconnect(id);

    // A failed add changes nothing.
    const actors = g.get_actors();
    let actorChanges = 0;
    actors.connect('items-changed', () => actorChanges++);
    assertStanceError(Stance.Error.DUPLICATE_ID, () => g.add_actor('graham', 'X', Stance.ActorKind.OTHER), 'dup');
    assertEqual([actorChanges, actors.get_n_items()], [0, 4], 'no change on a failed add');
});

test('signals', () => {
    const g = Stance.Graph.new();
    const nodes = [], stances = [];
    g.connect('node-added', (graph, node) => {
        assert(graph === g, 'the graph');
        nodes.push(node);
    });
    g.connect('stance-added', (graph, edge) => stances.push(edge));
    const trump = g.add_actor('trump', 'Donald J. Trump', Stance.ActorKind.PERSON);
    const unit = g.add_claim('cyber-unit', 'The unit');
    const s = g.add_statement('t1', trump, '2017-07-09');
    const e = s.add_stance('proposes', unit, null);
    assert(nodes.length === 3 && nodes[0] === trump && nodes[1] === unit && nodes[2] === s, 'node-added, same objects');
    assert(stances.length === 1 && stances[0] === e, 'stance-added, the same edge');

    // A load emits them too; a failed edit or load emits nothing.
    assertStanceError(Stance.Error.INVALID_TIME, () => g.add_statement('t2', trump, '2017-13'), 'bad time');
    assertStanceError(Stance.Error.UNKNOWN_ID,
        () => g.load_from_data('{"stance":1,"actors":[{"id":"a","name":"A"}],' +
            '"statements":[{"id":"s","speaker":"nobody","time":"2017"}]}'), 'bad load');
    assertEqual([nodes.length, stances.length], [3, 1], 'nothing emitted on failure');
    const story = Stance.Graph.new_from_file(STORY);
    const loaded = Stance.Graph.new();
    let n = 0, m = 0;
    loaded.connect('node-added', () => n++);
    loaded.connect('stance-added', () => m++);
    loaded.load_from_data(readText(STORY));
    assertEqual([n, m], [20 + 13 + 32, story.get_n_stances()], 'a load emits for every node and stance');
});

test('identity', () => {
    const {g, trump, unit, t1} = buildStory();
    assert(g.lookup('trump') === trump, 'lookup gives the same actor');
    assert(g.lookup('cyber-unit') === unit, 'the same claim');
    assert(g.lookup('trump-2017-07-09') === t1, 'the same statement');
    assert(g.lookup('nobody') === null, 'null for an unknown id');
    assert(g.get_actors().get_item(0) === trump, 'the same object through a list model');
    assert(t1.speaker === trump, 'and through a property');
    const e1 = g.get_timeline(trump, unit).get_item(0);
    const e2 = g.find_contradictions().get_item(0).first;
    assert(e1 === e2, 'the same edge through the timeline and a contradiction');
    // Nodes dropped by JS come back as live objects.
    const id = GLib.uuid_string_random();
    g.add_claim(id, 'dropped at once');
    System.gc();
    assertEqual(g.lookup(id).text, 'dropped at once', 'a node looked up again');
});

test('errors a JS user hits', () => {
    const {g, trump, unit, t1} = buildStory();
    const before = () => [g.get_n_actors(), g.get_n_claims(), g.get_n_statements(), g.get_n_stances()];
    const counts = before();

    let e = assertStanceError(Stance.Error.DUPLICATE_ID,
        () => g.add_actor('trump', 'Someone', Stance.ActorKind.PERSON), 'duplicate actor');
    assert(e.message.includes('"trump"'), `the message names the id: ${e.message}`);
    assertStanceError(Stance.Error.DUPLICATE_ID, () => g.add_claim('trump-2017-07-09', 'x'), 'duplicate across sorts');
    assertStanceError(Stance.Error.INVALID_ID, () => g.add_claim('', 'x'), 'empty id');

    e = assertStanceError(Stance.Error.INVALID_TIME, () => g.add_statement('t3', trump, '2017-02-30'), 'bad time');
    assert(e.message.includes('2017-02-30'), `the message names the time: ${e.message}`);
    assertStanceError(Stance.Error.INVALID_TIME, () => t1.set_time('yesterday'), 'set_time');
    assertEqual(t1.time.to_string(), '2017-07-09', 'time unchanged');
    assertStanceError(Stance.Error.INVALID_TIME, () => Stance.Time.new_from_string('2017-07-09T25:00Z'), 'Time');

    assertStanceError(Stance.Error.UNKNOWN_KIND, () => t1.add_stance('praises', unit, null), 'unknown kind');
    assertStanceError(Stance.Error.INVALID_KIND, () => g.declare_kind('Praises', Stance.Polarity.POSITIVE), 'bad name');
    assertStanceError(Stance.Error.INVALID_KIND, () => g.declare_kind('proposes', Stance.Polarity.NEGATIVE),
        'built-in');

    const other = Stance.Graph.new();
    const stranger = other.add_actor('stranger', 'A stranger', Stance.ActorKind.OTHER);
    const elsewhere = other.add_claim('elsewhere', 'Another claim');
    assertStanceError(Stance.Error.WRONG_NODE, () => g.add_statement('t4', stranger, '2017'), 'speaker');
    assertStanceError(Stance.Error.WRONG_NODE, () => t1.add_stance('proposes', elsewhere, null), 'target');
    assertStanceError(Stance.Error.WRONG_NODE, () => t1.add_stance('proposes', unit, stranger), 'holder');
    assertStanceError(Stance.Error.WRONG_NODE, () => g.get_stance_at(stranger, unit, '2017'), 'stance_at');
    assertStanceError(Stance.Error.CYCLE, () => t1.set_reports(t1), 'reports cycle');

    assertEqual(before(), counts, 'no failed edit left anything behind');
    assertEqual(t1.get_n_stances(), 1, 'no stance added');
});

test('documents: errors say where', () => {
    let e = assertStanceError(Stance.Error.SYNTAX, () => Stance.Graph.new_from_data('{"stance": 1,\n  "actors": ['),
        'syntax');
    assert(/line 2, column \d+/.test(e.message), `line and column: ${e.message}`);
    assertStanceError(Stance.Error.VERSION, () => Stance.Graph.new_from_data('{"stance": 2}'), 'version');
    e = assertStanceError(Stance.Error.UNKNOWN_MEMBER,
        () => Stance.Graph.new_from_data('{"stance": 1, "actor": []}'), 'unknown member');
    e = assertStanceError(Stance.Error.UNKNOWN_ID, () => Stance.Graph.new_from_data(JSON.stringify({
        stance: 1, actors: [{id: 'trump', name: 'T'}], claims: [{id: 'cyber-unit', text: 'U'}],
        statements: [{id: 's', speaker: 'trump', time: '2017', stances: [{kind: 'proposes', target: 'cyber-unt'}]}],
    })), 'dangling target');
    assertEqual(e.message, 'statements[0] ("s").stances[0].target: unknown id "cyber-unt" (did you mean "cyber-unit"?)',
        'the path, the node, and a suggestion');

    // A file that cannot be read is a GLib.FileError.
    let thrown = null;
    try {
        Stance.Graph.new_from_file('/nonexistent/story.json');
    } catch (err) {
        thrown = err;
    }
    assert(thrown !== null && thrown.matches(GLib.FileError, GLib.FileError.NOENT), `NOENT: ${thrown}`);

    // An invalid load into a graph leaves it as it was.
    const g = Stance.Graph.new_from_data('{"stance":1,"actors":[{"id":"a","name":"A"}]}');
    assertStanceError(Stance.Error.DUPLICATE_ID,
        () => g.load_from_data('{"stance":1,"actors":[{"id":"b","name":"B"},{"id":"a","name":"A"}]}'), 'dup');
    assertEqual([g.get_n_actors(), g.lookup('b')], [1, null], 'nothing of the document added');
});

test('the example story and its contradictions', () => {
    const g = Stance.Graph.new_from_file(STORY);
    assertEqual([g.get_n_actors(), g.get_n_claims(), g.get_n_statements()], [20, 13, 32], 'what the story holds');
    const found = g.find_contradictions();
    assert(found instanceof Gio.ListModel, 'a Gio.ListModel');
    assertEqual(found.get_item_type().name, 'StanceContradiction', 'of Stance.Contradiction');
    const expected = JSON.parse(readText(EXPECTED)).contradictions;
    const got = items(found).map(record);
    assertEqual(got, expected.map(r => {
        // A record may carry more members; compare those SPEC §4 fixes.
        const {kind, holder, holders, attributed_by, target, statements} = r;
        return Object.fromEntries(Object.entries({kind, holders, holder, attributed_by, target, statements})
            .filter(([, v]) => v !== undefined));
    }), 'the records of cyber-2017-2020.expected.json, in order');

    const reversal = found.get_item(0);
    assertEqual([reversal.kind, reversal.first.kind, reversal.second.kind, reversal.other_holder],
        [Stance.ContradictionKind.REVERSAL, 'proposes', 'retracts', null], 'the reversal');
    const line = reversal.describe();
    assert(line.startsWith('reversal') && line.includes('trump-2017-07-09') && line.includes('trump-2017-07-10'),
        `describe(): ${line}`);
    for (const c of items(found))
        assert(c.describe().length > 0, 'every contradiction describes itself');
});

test('save and load back', () => {
    const {g, t1} = buildStory();
    t1.text = 'Putin & I discussed forming an impenetrable Cyber Security unit …';
    const dir = GLib.dir_make_tmp('stance-js-XXXXXX');
    const path = GLib.build_filenamev([dir, 'story.json']);
    try {
        g.save_to_file(path);
        const [text] = g.save_to_data();
        assertEqual(readText(path), text, 'save_to_file writes what save_to_data gives');
        const doc = JSON.parse(text);
        assertEqual([doc.stance, doc.statements[0].text], [1, t1.text], 'a version 1 document, UTF-8 kept');
        const g2 = Stance.Graph.new_from_file(path);
        assertEqual(g2.save_to_data()[0], text, 'load and save reproduce it');
        assertEqual(items(g2.find_contradictions()).map(record), items(g.find_contradictions()).map(record),
            'the same contradictions');
        assertStanceError(Stance.Error.DUPLICATE_ID, () => g2.load_from_file(path), 'loading twice');
    } finally {
        GLib.unlink(path);
        GLib.rmdir(dir);
    }

    // The whole example story round-trips exactly.
    const story = readText(STORY);
    const [saved] = Stance.Graph.new_from_data(story).save_to_data();
    assertEqual(saved, story, 'cyber-2017-2020.json is reproduced byte for byte');
});

test('get_stance_at', () => {
    const {g, trump, rubio, unit, t1, t2, attack} = buildStory();
    assertEqual(g.get_stance_at(trump, unit, '2017-07-08'), null, 'nothing before the first act');
    const on9 = g.get_stance_at(trump, unit, '2017-07-09');
    assert(on9.statement === t1 && on9.kind === 'proposes', 'proposes on the 9th');
    const on10 = g.get_stance_at(trump, unit, '2017-07-10T12:00Z');
    assert(on10.statement === t2 && on10.polarity === Stance.Polarity.WITHDRAWAL, 'withdrawn on the 10th');
    assert(g.get_stance_at(trump, unit, '2020').statement === t2, 'still withdrawn later');
    assert(g.get_stance_at(rubio, unit, '2017-07').statement === attack, 'Rubio opposes in July');
    assertStanceError(Stance.Error.INVALID_TIME, () => g.get_stance_at(trump, unit, '2017-7'), 'bad time');
});

test('get_timeline', () => {
    const {g, trump, putin, unit} = buildStory();
    const timeline = g.get_timeline(trump, unit);
    assert(timeline instanceof Gio.ListModel, 'a Gio.ListModel');
    assertEqual(items(timeline).map(e => [e.statement.time.to_string(), e.kind, e.statement.id]),
        [['2017-07-09', 'proposes', 'trump-2017-07-09'], ['2017-07-10', 'retracts', 'trump-2017-07-10']],
        "Trump's own stances, in order, not Putin's attribution");
    assertEqual(items(g.get_timeline(putin, unit)).map(e => e.kind), ['confirms'], "Putin's");
    const story = Stance.Graph.new_from_file(STORY);
    assertEqual(items(story.get_timeline(story.lookup('trump'), story.lookup('cyber-unit'))).map(e => e.statement.id),
        ['trump-2017-07-09', 'trump-2017-07-10'], 'in the example story');
});

// Statement.dup_stances and Actor.dup_member_of return a GPtrArray whose
// free function unrefs the elements.  Annotated (transfer full), GJS unrefs
// every element once more and the objects die while JS holds them; they
// want (transfer container).  Run these only once the typelib says so.
function callerOwns(type, method) {
    const info = GIRepository.Repository.get_default().find_by_name('Stance', type);
    return GIRepository.callable_info_get_caller_owns(GIRepository.object_info_find_method(info, method));
}

const PTR_ARRAY_BUG = 'GIR: (transfer full) GPtrArray with a free function is unreffed twice';

if (callerOwns('Statement', 'dup_stances') === GIRepository.Transfer.EVERYTHING) {
    skip('Statement.dup_stances', PTR_ARRAY_BUG);
} else {
    test('Statement.dup_stances', () => {
        const {kremlin} = buildStory();
        const edges = [];
        for (let i = 0; i < 10; i++) {
            const stances = kremlin.dup_stances();
            assertEqual(stances.map(e => e.kind), ['confirms', 'endorses'], 'the stances in order');
            edges.push(...stances);
            System.gc();
        }
        assert(edges.every(e => e.statement === kremlin), 'alive after a collection');
    });
}

if (callerOwns('Actor', 'dup_member_of') === GIRepository.Transfer.EVERYTHING) {
    skip('Actor.dup_member_of', PTR_ARRAY_BUG);
} else {
    test('Actor.dup_member_of', () => {
        const {g, trump} = buildStory();
        const us = g.add_actor('us', 'United States', Stance.ActorKind.STATE);
        trump.add_member_of(us);
        for (let i = 0; i < 10; i++) {
            assert(trump.dup_member_of()[0] === us, 'the same group');
            System.gc();
        }
        assertEqual(us.name, 'United States', 'alive after a collection');
    });
}

// The asynchronous load runs its callback in the main loop; these tests
// return a promise that the runner awaits while the loop runs.
function loadAsync(graph, file, cancellable) {
    return new Promise((resolve, reject) => {
        graph.load_from_file_async(file, cancellable, (source, result) => {
            try {
                assert(source === graph, 'the source object is the graph');
                resolve(graph.load_from_file_finish(result));
            } catch (e) {
                reject(e);
            }
        });
    });
}

test('load_from_file_async', async () => {
    const g = Stance.Graph.new();
    let added = 0;
    g.connect('node-added', () => added++);
    const pending = loadAsync(g, Gio.File.new_for_path(STORY), null);
    assertEqual(g.get_n_statements(), 0, 'nothing added before the main loop runs');
    assertEqual(await pending, true, 'finish returns true');
    assertEqual([g.get_n_actors(), g.get_n_claims(), g.get_n_statements(), added], [20, 13, 32, 65], 'loaded');
    assertEqual(g.find_contradictions().get_n_items(), 9, 'the nine contradictions');

    // A second load of the same story collides with it, and adds nothing.
    let thrown = null;
    try {
        await loadAsync(g, Gio.File.new_for_path(STORY), null);
    } catch (e) {
        thrown = e;
    }
    assert(thrown !== null && thrown.matches(Stance.Error, Stance.Error.DUPLICATE_ID), `DUPLICATE_ID: ${thrown}`);
    assertEqual([g.get_n_statements(), added], [32, 65], 'unchanged');
});

test('load_from_file_async, cancelled', async () => {
    const g = Stance.Graph.new();
    g.add_actor('trump', 'Donald J. Trump', Stance.ActorKind.PERSON);
    let added = 0;
    g.connect('node-added', () => added++);

    // Cancelled before it starts.
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    let thrown = null;
    try {
        await loadAsync(g, Gio.File.new_for_path(STORY), cancellable);
    } catch (e) {
        thrown = e;
    }
    assert(thrown instanceof GLib.Error, `a GLib.Error: ${thrown}`);
    assert(thrown.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `G_IO_ERROR_CANCELLED: ${thrown}`);
    assertEqual([g.get_n_actors(), g.get_n_statements(), added], [1, 0, 0], 'the graph unchanged');

    // Cancelled while it runs.
    const later = new Gio.Cancellable();
    const pending = loadAsync(g, Gio.File.new_for_path(STORY), later);
    later.cancel();
    thrown = null;
    try {
        await pending;
    } catch (e) {
        thrown = e;
    }
    assert(thrown !== null && thrown.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED),
        `G_IO_ERROR_CANCELLED: ${thrown}`);
    assertEqual([g.get_n_actors(), g.get_n_statements(), added], [1, 0, 0], 'still unchanged');
});

test('save_to_file_async', async () => {
    const {g} = buildStory();
    const dir = GLib.dir_make_tmp('stance-js-XXXXXX');
    const file = Gio.File.new_for_path(GLib.build_filenamev([dir, 'story.json']));
    try {
        const ok = await new Promise((resolve, reject) => {
            g.save_to_file_async(file, null, (source, result) => {
                try {
                    resolve(source.save_to_file_finish(result));
                } catch (e) {
                    reject(e);
                }
            });
        });
        assertEqual(ok, true, 'saved');
        assertEqual(readText(file.get_path()), g.save_to_data()[0], 'what save_to_data gives');
    } finally {
        file.delete(null);
        GLib.rmdir(dir);
    }
});

// ---------------------------------------------------------------------------

async function run() {
    let failed = 0;
    for (const [i, {name, func, reason}] of tests.entries()) {
        if (reason) {
            print(`ok ${i + 1} - ${name} # SKIP ${reason}`);
            continue;
        }
        try {
            // eslint-disable-next-line no-await-in-loop
            await func();
            print(`ok ${i + 1} - ${name}`);
        } catch (e) {
            failed++;
            print(`not ok ${i + 1} - ${name}`);
            for (const line of `${e}\n${e.stack ?? ''}`.trimEnd().split('\n'))
                print(`# ${line}`);
        }
    }
    print(`1..${tests.length}`);
    return failed;
}

const loop = new GLib.MainLoop(null, false);
let failures = 0;
run().then(n => {
    failures = n;
}, e => {
    failures = 1;
    print(`Bail out! ${e}`);
}).finally(() => loop.quit());
loop.run();
if (failures > 0)
    System.exit(1);
