/* test-big-documents.c: what save writes, load reads, whatever its size
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A document over 2 GiB (the old limit, when references were 32-bit byte
 * offsets) is saved, loaded and saved again, byte for byte.  It takes
 * half a minute to three minutes (33 s on the 2-core reference machine
 * when quiet, 96 s to 165 s when shared; mostly the disk), 2.4 GB of disk
 * and 2.4 GB of memory (peak RSS 2.36 GB), so it runs only when
 * STANCE_TEST_HUGE is set:
 *
 *   STANCE_TEST_HUGE=1 meson test -C build test-big-documents --timeout-multiplier 20
 *
 * and skips, saying why, otherwise or where the machine cannot hold it.
 * The graph itself stays small: every claim has the same 1 MiB `lang`,
 * which the store keeps once and the document writes each time.
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libstance/stance.h>

#define HUGE_CLAIMS    2300            /* × 1 MiB: past 2 GiB */
#define HUGE_LANG_SIZE (1024 * 1024)
#define HUGE_STATEMENTS 1000
#define GIB            (G_GUINT64_CONSTANT (1) << 30)

static guint64
available_memory (void)
{
  g_autofree char *meminfo = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL) ||
      (line = strstr (meminfo, "MemAvailable:")) == NULL)
    return G_MAXUINT64;  /* unknown: try */

  return g_ascii_strtoull (line + strlen ("MemAvailable:"), NULL, 10) * 1024;
}

static guint64
available_disk (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return G_MAXUINT64;
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
}

static char *
file_checksum (const char *path,
               guint64    *size)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  gssize n;

  g_assert_no_error (error);
  *size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 1 << 20, NULL, &error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += (guint64) n;
    }
  g_assert_no_error (error);

  return g_strdup (g_checksum_get_string (checksum));
}

static StanceGraph *
huge_graph (void)
{
  StanceGraph *graph = stance_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StanceActor) actor = stance_graph_add_actor (graph, "a", "A", STANCE_ACTOR_KIND_PERSON, &error);
  g_autofree char *lang = g_strnfill (HUGE_LANG_SIZE, 'x');
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < HUGE_CLAIMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      StanceClaim *claim = stance_graph_add_claim (graph, id, id, &error);

      g_assert_no_error (error);
      stance_claim_set_lang (claim, lang);
      g_ptr_array_add (claims, claim);
    }
  /* Forward references across the 2 GiB mark: the first claims are part
   * of the last, each statement reports the next. */
  for (guint i = 0; i < 10; i++)
    g_assert_true (stance_claim_set_part_of (claims->pdata[i], claims->pdata[HUGE_CLAIMS - 10 + i], &error));
  for (guint i = 0; i < HUGE_STATEMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      StanceStatement *statement = stance_graph_add_statement (graph, id, actor, "2017-07-09", &error);
      g_autoptr(StanceEdge) edge = NULL;

      g_assert_no_error (error);
      edge = stance_statement_add_stance (statement, i % 2 ? "proposes" : "opposes",
                                          claims->pdata[(i * 7919) % HUGE_CLAIMS], NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (statements, statement);
    }
  for (guint i = 0; i + 1 < HUGE_STATEMENTS; i++)
    g_assert_true (stance_statement_set_reports (statements->pdata[i], statements->pdata[i + 1], &error));
  g_assert_no_error (error);

  return graph;
}

static void
test_over_2_gib (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_sum = NULL;
  g_autofree char *resaved_sum = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(StanceGraph) graph = NULL;
  g_autoptr(StanceGraph) loaded = NULL;
  char *resaved;
  guint64 size = 0;
  gsize length = 0;

  if (g_getenv ("STANCE_TEST_HUGE") == NULL)
    {
      g_test_skip ("a document over 2 GiB takes two or three minutes, 2.4 GB of disk and 2.4 GB of memory: "
                   "set STANCE_TEST_HUGE=1 to run it");
      return;
    }
  if (available_memory () < 3 * GIB)
    {
      g_test_skip ("less than 3 GiB of memory available: the machine cannot hold a document over 2 GiB");
      return;
    }
  dir = g_dir_make_tmp ("test-big-XXXXXX", &error);
  g_assert_no_error (error);
  if (available_disk (dir) < 3 * GIB)
    {
      g_test_skip ("less than 3 GiB free on the disk of the temporary directory: cannot write a document over 2 GiB");
      g_rmdir (dir);
      return;
    }
  path = g_build_filename (dir, "huge.json", NULL);

  /* Saved: over 2 GiB on disk. */
  graph = huge_graph ();
  g_assert_true (stance_graph_save_to_file (graph, path, &error));
  g_assert_no_error (error);
  g_clear_object (&graph);
  saved_sum = file_checksum (path, &size);
  g_test_message ("saved %" G_GUINT64_FORMAT " bytes", size);
  g_assert_cmpuint (size, >, 2 * GIB);

  /* Loaded: every node and reference. */
  loaded = stance_graph_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (stance_graph_get_n_claims (loaded), ==, HUGE_CLAIMS);
  g_assert_cmpuint (stance_graph_get_n_statements (loaded), ==, HUGE_STATEMENTS);
  g_assert_cmpuint (stance_graph_get_n_stances (loaded), ==, HUGE_STATEMENTS);

  /* Saved again: the same bytes. */
  resaved = stance_graph_save_to_data (loaded, &length);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) resaved, length);
  g_free (resaved);
  resaved_sum = g_strdup (g_checksum_get_string (checksum));
  g_assert_cmpuint (length, ==, size);
  g_assert_cmpstr (resaved_sum, ==, saved_sum);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/big-documents/over-2-gib", test_over_2_gib);

  return g_test_run ();
}
