// SPDX-License-Identifier: LGPL-2.1-or-later
// The seed story asked from every side, in GJS:
//   GJS_PATH=bindings/gjs gjs -m examples/js/questions.js [STORY]
// (bindings/gjs holds the overrides: iteration, toString(); an installed
// libstance puts them where GJS finds them without GJS_PATH.)

import GLib from 'gi://GLib';
import Stance from 'gi://Stance?version=1.0';
import System from 'system';

const HERE = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const path = System.programArgs[0] ?? GLib.build_filenamev([HERE, '..', 'data', 'cyber-2017-2020.json']);
const story = Stance.Graph.new_from_file(path);

// Who is for and against the unit on 9 July 2017?
const camps = story.get_camps(story.lookup('cyber-unit'), '2017-07-09');
print('On 9 July 2017, on the cyber-security unit:');
for (const [title, camp] of [['for', camps.get_positive()], ['against', camps.get_negative()],
    ['withdrawn', camps.get_withdrawn()]])
    print(`  ${title}: ${[...camp].map(e => `${e.get_holder().get_id()} (${e.get_kind()})`).join(', ') || 'nobody'}`);

// Everything Putin said, in time order.
print('\nEverything Putin said:');
for (const statement of story.get_statements_by(story.lookup('putin'))) {
    const stances = statement.dup_stances().map(e => `${e.get_kind()} ${e.get_target().get_id()}`);
    print(`  ${statement.dup_time()} ${statement.get_id()}: ${stances.join(', ')}`);
}

// Who endorsed the plan, and who reported it?
print("\nEndorsements of Putin's 2020 plan:");
for (const edge of story.get_stances_on(story.lookup('plan-2020'))) {
    if (edge.get_kind() !== 'endorses')
        continue;
    const statement = edge.get_statement();
    if (edge.is_attributed()) {
        print(`  ${edge.get_holder().get_id()}, as ${statement.get_speaker().get_id()} says in ${statement.get_id()}`);
        continue;
    }
    print(`  ${edge.get_holder().get_id()}, in ${statement.get_id()}`);
    for (const report of story.get_reporters(statement))
        print(`    reported by ${report.get_speaker().get_id()} in ${report.get_id()} (${report.get_lang()})`);
}

print('\nWho reported putin-2020-09-25:');
for (const report of story.get_reporters(story.lookup('putin-2020-09-25')))
    print(`  ${report.dup_time()} ${report.get_id()} (${report.get_speaker().get_id()}, in ${report.get_lang()})`);
