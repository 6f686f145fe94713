/* fuzz-snapshot.c: the snapshot loader (stance-snapshot.c) on arbitrary bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input gets its checksum made to match (_stance_snapshot_seal), so
 * that mutations reach the structural checks instead of stopping at the
 * checksum, and is loaded.  A refusal must be a STANCE_ERROR with a valid
 * UTF-8 message.  A graph that loads must be usable: it is saved as a
 * document (which must then load, or be refused with a STANCE_ERROR: a
 * snapshot may lie about one thing that is not checked: that ids are
 * distinct), its contradictions are found, nodes are looked up by id and added
 * (growing the borrowed id index and record arrays), a stance is removed,
 * and the live model must keep up.
 *
 * The seeds are snapshots of the document seeds; the harness makes them:
 *
 *   fuzz-snapshot --make-seeds OUTDIR DOCUMENT-DIR
 */

#include "fuzz-common.h"
#include "fuzz-checks.h"

#include "stance-graph-private.h"
#include "stance-snapshot-private.h"

static void
make_seeds (const char *outdir,
            const char *documents)
{
  g_autoptr(GDir) dir = g_dir_open (documents, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL || g_mkdir_with_parents (outdir, 0777) != 0)
    {
      g_printerr ("fuzz-snapshot: cannot read %s or make %s\n", documents, outdir);
      exit (2);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (documents, name, NULL);
      g_autofree char *out_name = g_strconcat (name, ".stance", NULL);
      g_autofree char *out = g_build_filename (outdir, out_name, NULL);
      g_autoptr(StanceGraph) graph = stance_graph_new_from_file (path, NULL);
      g_autoptr(GError) error = NULL;

      if (graph == NULL)
        continue;
      if (!stance_graph_save_snapshot (graph, out, &error))
        {
          g_printerr ("fuzz-snapshot: %s\n", error->message);
          exit (2);
        }
      n++;
    }

  g_print ("fuzz-snapshot: %u snapshot seeds in %s\n", n, outdir);
  exit (0);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  if (*argc == 4 && strcmp ((*argv)[1], "--make-seeds") == 0)
    make_seeds ((*argv)[2], (*argv)[3]);

  fuzz_init_glib (argc, argv);
  return 0;
}

/* Edits that reach the records used in place and make the borrowed arrays
 * and the id index grow. */
static void
edit (StanceGraph *graph,
      gboolean     distinct_ids)
{
  StanceStore *store = _stance_graph_get_store (graph);
  g_autoptr(GListModel) live = stance_graph_get_contradictions (graph);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < MIN (_stance_store_n_statements (store), 8); i++)
    {
      const char *id = _stance_store_statement_id (store, i);
      g_autoptr(StanceNode) node = stance_graph_lookup (graph, id);

      /* A lie about the index may hide a node, never show another one. */
      if (node != NULL && strcmp (stance_node_get_id (node), id) != 0)
        fuzz_fail ("lookup of \"%s\" found \"%s\"", id, stance_node_get_id (node));
    }

  if (_stance_store_n_actors (store) > 0 && _stance_store_n_claims (store) > 0)
    {
      g_autofree char *speaker = g_strdup (_stance_store_actor_id (store, 0));
      g_autofree char *target = g_strdup (_stance_store_claim_id (store, 0));

      for (guint i = 0; i < 80; i++)
        {
          g_autofree char *id = g_strdup_printf ("fuzz-added-%u", i);

          if (stance_graph_append_statement (graph, id, speaker, "2017-07-09", NULL, NULL, NULL, &error))
            stance_graph_append_stance (graph, id, i % 2 ? "supports" : "denies", target, NULL, &error);
          if (error != NULL)
            fuzz_check_error (error, "an append", 0);
          g_clear_error (&error);
        }
    }

  if (_stance_store_n_statements (store) > 0)
    {
      g_autoptr(GListModel) statements = stance_graph_get_statements (graph);
      g_autoptr(StanceStatement) first = g_list_model_get_item (statements, 0);
      g_autoptr(GPtrArray) stances = stance_statement_dup_stances (first);

      stance_statement_set_text (first, "edited");
      if (stances->len > 0 && !stance_statement_remove_stance (first, g_ptr_array_index (stances, 0), &error))
        fuzz_fail ("removing a stance: %s", error->message);
    }

  if (distinct_ids)
    fuzz_live_is_current (graph, live, "after edits");
  else
    g_object_unref (stance_graph_find_contradictions (graph));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  StanceStore *store;

  _stance_snapshot_seal (copy, size);
  store = _stance_snapshot_read_data (copy, size, &error);
  if (store == NULL)
    {
      fuzz_check_error (error, "a refused snapshot", 0);
      return 0;
    }

  {
    StanceGraph *graph = stance_graph_new ();
    g_autofree char *saved = NULL;
    g_autoptr(StanceGraph) again = NULL;
    gsize length;

    _stance_store_swap (_stance_graph_get_store (graph), store);
    _stance_store_free (store);

    saved = stance_graph_save_to_data (graph, &length);
    if (!g_utf8_validate (saved, length, NULL))
      fuzz_fail ("the save of a snapshot is not valid UTF-8");
    /* The loader checks everything but whether ids are distinct (and
     * whether the id index agrees with them): so the save loads, or is
     * refused for a duplicate id, and nothing else. */
    again = stance_graph_new_from_data (saved, length, &error);
    if (again != NULL)
      fuzz_same_contradictions (graph, again, "a snapshot and its save");
    else if (!g_error_matches (error, STANCE_ERROR, STANCE_ERROR_DUPLICATE_ID))
      fuzz_fail ("the save of a snapshot does not load: %s", error->message);
    g_clear_error (&error);

    /* With two nodes of one id, the order of contradictions that differ
     * only in them is not defined, so the live model is not compared. */
    edit (graph, again != NULL);
    g_assert_finalize_object (graph);
  }

  return 0;
}
