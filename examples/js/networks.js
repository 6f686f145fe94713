// SPDX-License-Identifier: LGPL-2.1-or-later
// networks.js: who agrees with whom in the cyber-security story, from GJS
//
// Loads the example story (examples/data/cyber-2017-2020.json, or the
// document given as the first argument) and prints, as examples/networks.c
// does in C, the one-mode "subtract" network of the speakers (agreement
// minus disagreement on shared claims), its monthly windows, and the two
// camps that split them most (doc/networks.md).
//
//   GI_TYPELIB_PATH=build/libstance LD_LIBRARY_PATH=build/libstance \
//     gjs -m examples/js/networks.js [FILE]

import GLib from 'gi://GLib';
import Stance from 'gi://Stance?version=1.0';
import System from 'system';

const here = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const path = System.programArgs[0] ??
    GLib.build_filenamev([here, '..', 'data', 'cyber-2017-2020.json']);

function ties(network) {
    const rows = network.get_row_ids();
    const values = network.get_matrix();
    const n = network.get_n_cols();
    const out = [];
    for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < n; j++) {
            if (values[i * n + j] !== 0)
                out.push(`${rows[i]} ${values[i * n + j] > 0 ? '+' : ''}${values[i * n + j]} ${rows[j]}`);
        }
    }
    return out;
}

function main() {
    const graph = Stance.Graph.new_from_file(path);

    const options = Stance.NetworkOptions.new();
    options.set_mode(Stance.NetworkMode.ONEMODE);
    options.set_aggregation(Stance.NetworkAggregation.SUBTRACT);
    const network = Stance.Network.new(graph, options);
    print(`${network.get_n_rows()} speakers, ${network.get_n_stances()} stances:`);
    for (const tie of ties(network))
        print(`  ${tie}`);

    // Two-month windows, a month apart: when did the ties form?
    options.set_window(Stance.TimeUnit.MONTHS, 2, 1, Stance.NetworkKernel.NONE);
    const windows = Stance.Network.new_windows(graph, options);
    let busy = 0;
    for (let k = 0; k < windows.get_n_items(); k++) {
        const window = windows.get_item(k);
        const found = ties(window);
        if (found.length > 0) {
            busy++;
            print(`  around ${window.dup_time().format('%Y-%m')}: ${found.join('; ')}`);
        }
    }
    print(`${windows.get_n_items()} monthly windows, ${busy} with ties`);

    // The camps, over all time.
    const whole = Stance.NetworkOptions.new();
    whole.set_normalization(Stance.NetworkNormalization.AVERAGE);
    const polarization = Stance.Polarization.new(graph, whole);
    print(`polarisation ${polarization.get_score().toFixed(3)}`);
    for (const k of [0, 1])
        print(`  camp ${k + 1}: ${polarization.get_camp(k).join(', ')}`);

    // Mistakes are GLib.Errors, not crashes.
    const wrong = Stance.NetworkOptions.new();
    wrong.set_aggregation(Stance.NetworkAggregation.CONGRUENCE);
    try {
        Stance.Network.new(graph, wrong);
        throw new Error('congruence in a two-mode network was accepted');
    } catch (e) {
        if (!(e instanceof GLib.Error))
            throw e;
        print(`refused: ${e.message}`);
    }
}

main();
