/* stance-importer-private.h: what the importers of each format share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "stance-importer.h"
#include "stance-error.h"

G_BEGIN_DECLS

/* An importer refuses an input larger than this when it must read it
 * whole (AIF JSON, a DNA database from a stream). */
#define STANCE_IMPORT_MAX_WHOLE (256 * 1024 * 1024)

/* One option of a format: its name, the value it has until set (NULL: none)
 * and one line for `stance import --help` and the documentation. */
typedef struct
{
  const char *name;
  const char *default_value;
  const char *description;
} StanceImporterOption;

/* Each format's class_init names its format and options (a NULL-named
 * entry ends the list). */
void        _stance_importer_class_setup (StanceImporterClass         *klass,
                                          const char                  *format,
                                          const StanceImporterOption  *options);

/* The subclasses, one file each. */
GType _stance_csv_importer_get_type        (void);
GType _stance_dna_importer_get_type        (void);
GType _stance_aif_importer_get_type        (void);
GType _stance_rumoureval_importer_get_type (void);
GType _stance_events_importer_get_type     (void);

/* Ids for the nodes an importer makes from outside values.  The same key
 * gives the same node; an id is the value made readable (lower case ASCII
 * letters and digits, other characters kept, runs of anything else as one
 * `-`), with -2, -3 … after it where it is taken already, so that a run on
 * the same input always gives the same ids. */
typedef struct
{
  StanceGraph *graph;
  GHashTable  *keys;      /* sort letter + key -> id */
  GHashTable  *reserved;  /* ids the input will use itself, or NULL */
} StanceImportIds;

void        _stance_import_ids_init    (StanceImportIds  *ids,
                                        StanceGraph      *graph);
void        _stance_import_ids_clear   (StanceImportIds  *ids);
char       *_stance_import_slug        (const char       *text);
/* A fresh id from @text that no node has yet. */
char       *_stance_import_unique_id   (StanceImportIds  *ids,
                                        const char       *text);
/* @proposed (a statement id the format makes, such as row-7 or dna-12),
 * or, when an actor or claim has it already, a fresh id made from it; NULL
 * with %STANCE_ERROR_DUPLICATE_ID when a statement has it (the input
 * repeats an id).  Takes @proposed. */
char       *_stance_import_statement_id (StanceImportIds *ids,
                                        char             *proposed,
                                        GError          **error);
/* The actor or claim of @key, made (named @name, or with the text @text)
 * the first time; NULL with an error if the graph refuses it. */
const char *_stance_import_actor       (StanceImportIds  *ids,
                                        const char       *key,
                                        const char       *name,
                                        StanceActorKind   kind,
                                        GError          **error);
const char *_stance_import_claim       (StanceImportIds  *ids,
                                        const char       *key,
                                        const char       *text,
                                        GError          **error);
/* Checks @text as a time, also taking `YYYY-MM-DD HH:MM[:SS]` (a space for
 * the T, UTC), as spreadsheets and databases write it; returns the time in
 * the format's syntax. */
char       *_stance_import_time        (const char       *text,
                                        GError          **error);
/* Declares "name=polarity,…" (for the kinds option of csv and events). */
gboolean    _stance_import_declare_kinds (StanceGraph    *graph,
                                        const char       *spec,
                                        GError          **error);
/* Checks what json-glib cannot be given: anything but one object (it
 * leaks on text after a value), nesting deeper than 512 levels (its parser
 * recurses). */
gboolean    _stance_import_check_json_object (const char *data,
                                        gsize             size,
                                        GError          **error);
/* Reads a whole stream, up to STANCE_IMPORT_MAX_WHOLE bytes. */
GBytes     *_stance_import_read_all    (GInputStream     *stream,
                                        GCancellable     *cancellable,
                                        GError          **error);

/* A streaming reader of RFC 4180 CSV (or, without quotes, of TSV): one
 * record at a time, with its row number for errors. */
typedef struct _StanceCsvReader StanceCsvReader;

StanceCsvReader *_stance_csv_reader_new    (GInputStream     *stream,
                                            char              delimiter,
                                            gboolean          quotes);
void             _stance_csv_reader_free   (StanceCsvReader  *reader);
/* The next record in *@fields (owned by the reader, valid until the next
 * call; empty lines are skipped); FALSE at the end, or on an error. */
gboolean         _stance_csv_reader_next   (StanceCsvReader  *reader,
                                            GPtrArray       **fields,
                                            GCancellable     *cancellable,
                                            GError          **error);
/* The 1-based row (line) where the last record began. */
guint64          _stance_csv_reader_row    (StanceCsvReader  *reader);
/* The first record, as a header (an owned copy); NULL with an error when
 * the input is empty or unreadable. */
GPtrArray       *_stance_csv_reader_header (StanceCsvReader  *reader,
                                            GCancellable     *cancellable,
                                            GError          **error);
/* Appends @text as one RFC 4180 field: quoted, with its quotes doubled,
 * when it holds a comma, a quote or a line break.  (The writer's half.) */
void             _stance_csv_append_field  (GString          *out,
                                            const char       *text);
/* The index of the field named @name in a header record, or -1. */
int              _stance_csv_find_column   (GPtrArray        *header,
                                            const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StanceCsvReader, _stance_csv_reader_free)

G_END_DECLS
