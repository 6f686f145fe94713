// SPDX-License-Identifier: LGPL-2.1-or-later
// Issue 10 from GJS, as an ES module that speaks TAP:  gjs -m questions.js
// with bindings/gjs on GJS_PATH (meson test sets it), so that the overrides
// in bindings/gjs/overrides/Stance.js are loaded.
//
// The questions from every side (camps, positions, what an actor said,
// stances on a node, reporters), editing (removing nodes, changing
// stances) with the live models following, and what the overrides add:
// toString(), toJSON(), iteration, Dates, Stance.Time.compare.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Stance from 'gi://Stance?version=1.0';
import System from 'system';

const HERE = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const DATA = GLib.build_filenamev([HERE, '..', '..', 'examples', 'data']);
const STORY = GLib.build_filenamev([DATA, 'cyber-2017-2020.json']);
const EXPECTED = GLib.build_filenamev([DATA, 'cyber-2017-2020.expected.json']);

const tests = [];
const test = (name, func) => tests.push({name, func});

function assertEqual(actual, expected, what) {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    if (a !== e)
        throw new Error(`${what}: got ${a}, expected ${e}`);
}

function assertThrows(code, func, what) {
    try {
        func();
    } catch (e) {
        if (!(e instanceof GLib.Error) || !e.matches(Stance.Error, code))
            throw new Error(`${what}: wrong error ${e}`);
        return e;
    }
    throw new Error(`${what}: no error`);
}

const story = () => Stance.Graph.new_from_file(STORY);
const ids = model => [...model].map(n => n.get_id());
const holders = model => [...model].map(e => e.get_holder().get_id());

test('the overrides are loaded', () => {
    assertEqual(`${Stance.Time.new_from_string('2017-07-09')}`, '2017-07-09', 'a time prints as written');
});

test('toString of times, nodes, stances, contradictions, graphs', () => {
    const g = story();
    assertEqual(String(g.lookup('trump')), '[Stance.Actor trump]', 'an actor');
    assertEqual(`${g.lookup('cyber-unit')}`, '[Stance.Claim cyber-unit]', 'a claim');
    assertEqual(`${g.lookup('trump-2017-07-09')}`, '[Stance.Statement trump-2017-07-09]', 'a statement');
    const edge = g.lookup('putin-2017-07').dup_stances()[1];
    assertEqual(`${edge}`, '[Stance.Edge putin-2017-07: putin says trump endorses cyber-unit]', 'an attributed stance');
    const c = g.find_contradictions().get_item(0);
    assertEqual(`${c}`, c.describe(), 'a contradiction describes itself');
    assertEqual(`${g}`, '[Stance.Graph 20 actors, 13 claims, 32 statements, 76 stances]', 'a graph');
});

test('toJSON: contradictions are the stance check records', () => {
    const g = story();
    const [, bytes] = Gio.File.new_for_path(EXPECTED).load_contents(null);
    const expected = JSON.parse(new TextDecoder().decode(bytes)).contradictions;
    assertEqual(JSON.parse(JSON.stringify([...g.find_contradictions()])), expected, 'the records');
    assertEqual(JSON.stringify(g.lookup('trump-2017-07-09').dup_time()), '"2017-07-09"', 'a time');
    assertEqual(JSON.stringify(g.lookup('trump')), '"trump"', 'a node');
});

test('who is for and against the unit on 9 July 2017', () => {
    const g = story();
    const camps = g.get_camps(g.lookup('cyber-unit'), '2017-07-09');
    assertEqual(holders(camps.get_positive()), ['mnuchin', 'putin', 'trump'], 'for');
    assertEqual(holders(camps.get_negative()), ['graham', 'rubio'], 'against');
    assertEqual(camps.toJSON().withdrawn, [], 'withdrawn');
    const now = g.get_camps(g.lookup('cyber-unit'), null);
    assertEqual(holders(now.get_withdrawn()), ['trump'], 'withdrawn now');
    assertEqual(now.get_time(), null, 'now has no time');
    const atDate = g.get_camps(g.lookup('cyber-unit'), new Date(Date.UTC(2017, 6, 9, 12)));
    assertEqual(holders(atDate.get_positive()), ['mnuchin', 'putin', 'trump'], 'a Date is a time');
    let changes = 0;
    now.get_withdrawn().connect('items-changed', () => changes++);
    g.lookup('trump-2017-07-09').set_time('2017-07-11');
    assertEqual(holders(now.get_withdrawn()), [], 'live: trump proposes again after his retraction');
    assertEqual(changes, 1, 'one items-changed');
});

test('everything Putin said, live', () => {
    const g = story();
    const said = g.get_statements_by(g.lookup('putin'));
    assertEqual(ids(said), ['putin-2017-07', 'putin-2020-09-25'], 'in time order');
    let changes = 0;
    said.connect('items-changed', () => changes++);
    g.add_statement('putin-2018', g.lookup('putin'), '2018-07-16');
    assertEqual(ids(said), ['putin-2017-07', 'putin-2018', 'putin-2020-09-25'], 'a new one in its place');
    assertEqual(changes, 1, 'one items-changed');
    g.remove_node(g.lookup('putin-2018'), false);
    assertEqual(ids(said), ['putin-2017-07', 'putin-2020-09-25'], 'removed again');
});

test("who endorsed Putin's 2020 plan, and who reported it", () => {
    const g = story();
    const endorsers = [...g.get_stances_on(g.lookup('plan-2020'))]
        .filter(e => e.get_kind() === 'endorses').map(e => e.get_holder().get_id());
    assertEqual([...new Set(endorsers)], ['kaspersky'], 'endorsers');
    const reporters = [...g.get_reporters(g.lookup('putin-2020-09-25'))];
    assertEqual(reporters.map(s => [s.get_id(), s.get_lang()])[0], ['heise-2020-09', 'de'], 'heise, in German');
    assertEqual(ids(g.get_report_chain(g.lookup('thread-2020-09-intro'))), ['putin-2020-09-25'], 'the chain');
});

test('positions and attributions', () => {
    const g = story();
    const trump = g.lookup('trump');
    assertEqual([...g.get_positions(trump, null)].map(e => e.get_kind()), ['retracts', 'confirms'], 'now');
    assertEqual([...g.get_positions(trump, '2017-07-09')].map(e => e.get_kind()), ['proposes'], 'on the 9th');
    assertEqual([...g.get_attributions(trump)].map(e => e.get_statement().get_id()),
        ['putin-2017-07', 'duran-2017-07'], 'what others say trump holds');
    assertThrows(Stance.Error.INVALID_TIME, () => g.get_positions(trump, '06/06/2019'), 'a malformed time');
});

test('editing: refused, cascaded, changed and undone', () => {
    const g = story();
    const before = g.save_to_data()[0];
    const e = assertThrows(Stance.Error.IN_USE, () => g.remove_node(g.lookup('cyber-unit'), false), 'in use');
    assertEqual(e.message.includes('cyber-unit'), true, 'the message names the node');
    assertEqual(g.save_to_data()[0], before, 'nothing changed');

    const edge = g.lookup('trump-2017-07-10').dup_stances()[0];
    const on = g.get_stances_on(g.lookup('cyber-unit'));
    const n = on.get_n_items();
    edge.set_target(g.lookup('cyber-treaty'));
    assertEqual(on.get_n_items(), n - 1, 'the live model follows the target');
    edge.set_kind('opposes');
    edge.set_holder(g.lookup('rubio'));
    const typo = assertThrows(Stance.Error.UNKNOWN_KIND, () => edge.set_kind('oposes'), 'a typo');
    assertEqual(typo.message.includes('did you mean "opposes"'), true, 'did you mean');
    edge.set_holder(null);
    edge.set_kind('retracts');
    edge.set_target(g.lookup('cyber-unit'));
    assertEqual(g.save_to_data()[0], before, 'every edit undone by its inverse');

    const removed = [];
    g.connect('node-removed', (_g, node) => removed.push(node.get_id()));
    g.remove_node(g.lookup('putin'), true);
    assertEqual(removed.includes('putin') && removed.includes('putin-2017-07'), true, 'putin and his statements');
    assertEqual(g.lookup('putin'), null, 'gone');
});

test('Stance.Time.compare sorts times', () => {
    const times = ['2019-06-06', '1977-06', '1994', '2019', '2017-07-09T21:15Z'].map(t => Stance.Time.new_from_string(t));
    assertEqual(times.sort(Stance.Time.compare).map(String), ['1977-06', '1994', '2017-07-09T21:15Z', '2019', '2019-06-06'],
        'by start, then end');
    assertEqual(Stance.Time.new_from_string('2017-07-09').toDate().toISOString(), '2017-07-09T00:00:00.000Z', 'toDate');
});

test('graphs and models iterate', () => {
    const g = story();
    assertEqual([...g].length, 65, 'every node');
    assertEqual([...g.get_actors()].length, 20, 'a model');
});

let failed = 0;
for (const [i, {name, func}] of tests.entries()) {
    try {
        func();
        print(`ok ${i + 1} - ${name}`);
    } catch (e) {
        failed++;
        print(`not ok ${i + 1} - ${name}`);
        for (const line of `${e}\n${e.stack ?? ''}`.trimEnd().split('\n'))
            print(`# ${line}`);
    }
}
print(`1..${tests.length}`);
if (failed > 0)
    System.exit(1);
