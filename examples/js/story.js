// SPDX-License-Identifier: LGPL-2.1-or-later
// story.js: the 2017 cyber-security unit, from GJS
//
// Loads the example story (examples/data/cyber-2017-2020.json, or the
// document given as the first argument), then prints its contradictions,
// Trump's timeline on the unit and where he stood on 9 July 2017 — what
// examples/story.c prints in C.
//
//   GI_TYPELIB_PATH=build/libstance LD_LIBRARY_PATH=build/libstance \
//     gjs -m examples/js/story.js [FILE]

import GLib from 'gi://GLib';
import Stance from 'gi://Stance?version=1.0';
import System from 'system';

const here = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const path = System.programArgs[0] ??
    GLib.build_filenamev([here, '..', 'data', 'cyber-2017-2020.json']);

function main() {
    // A bad document throws a GLib.Error that says where it is wrong.
    const graph = Stance.Graph.new_from_file(path);

    const found = graph.find_contradictions();
    const n = found.get_n_items();
    print(`${n} contradictions:`);
    for (let i = 0; i < n; i++)
        print(`  ${found.get_item(i).describe()}`);

    const trump = graph.lookup('trump');
    const unit = graph.lookup('cyber-unit');
    if (!(trump instanceof Stance.Actor) || unit === null)
        throw new Error(`${path} has no actor "trump" or no node "cyber-unit"`);

    print("\nTrump's timeline on the unit:");
    const timeline = graph.get_timeline(trump, unit);
    for (let i = 0; i < timeline.get_n_items(); i++) {
        const step = timeline.get_item(i);
        const statement = step.statement;
        print(`  ${statement.time.to_string()}  ${step.kind.padEnd(9)} ${statement.id}`);
    }

    // The question a reader asks most: where did Trump stand on the 9th?
    const edge = graph.get_stance_at(trump, unit, '2017-07-09');
    if (edge === null)
        print('\nOn 2017-07-09 Trump had taken no stance on the unit.');
    else
        print(`\nOn 2017-07-09 Trump ${edge.kind} the unit (${edge.statement.id}).`);
}

try {
    main();
} catch (e) {
    printerr(`story.js: ${e.message}`);
    System.exit(1);
}
