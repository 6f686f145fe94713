// SPDX-License-Identifier: LGPL-2.1-or-later
// GJS overrides for libstance (namespace Stance, version 1.0).
//
// GJS loads overrides/Stance.js from its search path (installed:
// $datadir/gjs-1.0/overrides/, which GJS searches by default; uninstalled:
// put bindings/gjs on GJS_PATH) and calls _init() with the introspected
// module as `this`.  They add what a JavaScript user reaches for first and
// hide nothing: every introspected method stays as it is.
//
// - toString() on times ("2017-07-09", as written), nodes
//   ("[Stance.Actor trump]"), stances, contradictions (describe()), camps
//   and graphs, so that print() and template strings say what they are;
// - toJSON() for JSON.stringify(): a time as its string, a node as its id,
//   a stance as {statement, kind, target, holder}, a contradiction as the
//   record of `stance check --json` (SPEC §4), camps as the record of
//   `stance camps --json`;
// - Stance.Time.compare as a sort function: times.sort(Stance.Time.compare)
//   orders by (start, end);
// - Symbol.iterator on every list model the library hands out, and on
//   graphs (every node), so that for...of and [...model] work;
// - get_camps/get_positions/get_stance_at/add_statement/append_statement/
//   set_time take a JavaScript Date as well as a string (a Date is a
//   second, written in UTC).

/* exported _init */

function _init() {
    const Stance = this;

    const typeName = obj => obj.constructor.$gtype.name.replace(/^Stance/, 'Stance.');

    function* iterateModel(model) {
        const n = model.get_n_items();
        for (let i = 0; i < n; i++)
            yield model.get_item(i);
    }

    // A Date as the document format's second, in UTC; anything else as is.
    const timeText = value => {
        if (!(value instanceof Date))
            return value;
        const pad = (n, w = 2) => String(n).padStart(w, '0');
        return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` +
            `T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}Z`;
    };

    // Times
    Stance.Time.prototype.toString = function () {
        return this.to_string();
    };
    Stance.Time.prototype.toJSON = function () {
        return this.to_string();
    };
    Stance.Time.prototype.toDate = function () {
        return new Date(this.get_start() * 1000);
    };
    const compareTimes = Stance.Time.prototype.compare;
    Stance.Time.compare = (a, b) => compareTimes.call(a, b);

    // Nodes, stances, contradictions
    Stance.Node.prototype.toString = function () {
        return `[${typeName(this)} ${this.get_id()}]`;
    };
    Stance.Node.prototype.toJSON = function () {
        return this.get_id();
    };
    Stance.Edge.prototype.toString = function () {
        const statement = this.get_statement();
        const said = `${this.get_holder().get_id()} ${this.get_kind()} ${this.get_target().get_id()}`;
        return this.is_attributed()
            ? `[Stance.Edge ${statement.get_id()}: ${statement.get_speaker().get_id()} says ${said}]`
            : `[Stance.Edge ${statement.get_id()}: ${said}]`;
    };
    Stance.Edge.prototype.toJSON = function () {
        return {
            statement: this.get_statement().get_id(),
            kind: this.get_kind(),
            target: this.get_target().get_id(),
            holder: this.get_holder().get_id(),
        };
    };
    Stance.Contradiction.prototype.toString = function () {
        return this.describe();
    };
    Stance.Contradiction.prototype.toJSON = function () {
        const record = {kind: Stance.ContradictionKind.to_string(this.get_kind())};
        const other = this.get_other_holder();
        if (other)
            record.holders = [this.get_holder().get_id(), other.get_id()];
        else
            record.holder = this.get_holder().get_id();
        const by = this.get_attributed_by();
        if (by)
            record.attributed_by = by.get_id();
        record.target = this.get_target().get_id();
        record.statements = this.get_statements().map(s => s.get_id());
        return record;
    };

    // Camps and the graph
    const entries = model => [...iterateModel(model)].map(e => ({
        holder: e.get_holder().get_id(),
        statement: e.get_statement().get_id(),
        kind: e.get_kind(),
    }));
    Stance.Camps.prototype.toJSON = function () {
        return {
            target: this.get_target().get_id(),
            time: this.get_time(),
            positive: entries(this.get_positive()),
            negative: entries(this.get_negative()),
            withdrawn: entries(this.get_withdrawn()),
        };
    };
    Stance.Camps.prototype.toString = function () {
        const who = model => [...iterateModel(model)].map(e => e.get_holder().get_id()).join(', ');
        return `[Stance.Camps ${this.get_target().get_id()} at ${this.get_time() ?? 'now'}: ` +
            `for ${who(this.get_positive())}; against ${who(this.get_negative())}; ` +
            `withdrawn ${who(this.get_withdrawn())}]`;
    };
    Stance.Graph.prototype.toString = function () {
        return `[Stance.Graph ${this.get_n_actors()} actors, ${this.get_n_claims()} claims, ` +
            `${this.get_n_statements()} statements, ${this.get_n_stances()} stances]`;
    };
    Stance.Graph.prototype[Symbol.iterator] = function* () {
        for (const model of [this.get_actors(), this.get_claims(), this.get_statements()])
            yield* iterateModel(model);
    };

    // Every list model handed out: the library's models are private types
    // that GJS wraps as plain objects, so each gets an iterator as it is
    // handed out (Gio.ListStore has one already).
    const iterable = (proto, name) => {
        const original = proto[name];
        proto[name] = function (...args) {
            const model = original.apply(this, args);
            if (model && !(Symbol.iterator in model))
                model[Symbol.iterator] = () => iterateModel(model);
            return model;
        };
    };
    for (const name of ['get_actors', 'get_claims', 'get_statements', 'find_contradictions',
        'get_contradictions', 'get_timeline', 'get_stances_on', 'get_statements_by', 'get_attributions',
        'get_reporters', 'get_report_chain', 'get_members', 'get_parts', 'get_positions'])
        iterable(Stance.Graph.prototype, name);
    for (const name of ['get_positive', 'get_negative', 'get_withdrawn'])
        iterable(Stance.Camps.prototype, name);

    // Dates wherever a time is taken
    const wrap = (proto, name, index) => {
        const original = proto[name];
        proto[name] = function (...args) {
            if (args.length > index)
                args[index] = timeText(args[index]);
            return original.apply(this, args);
        };
    };
    wrap(Stance.Graph.prototype, 'add_statement', 2);
    wrap(Stance.Graph.prototype, 'append_statement', 2);
    wrap(Stance.Graph.prototype, 'get_stance_at', 2);
    wrap(Stance.Graph.prototype, 'get_positions', 1);
    wrap(Stance.Graph.prototype, 'get_camps', 1);
    wrap(Stance.Statement.prototype, 'set_time', 0);
}
