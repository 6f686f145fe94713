/* stance-finder-ahead.c: the search one batch ahead of its reader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Writing every contradiction of a big graph is two jobs of about the same
 * size: finding and sorting the records (stance-finder.c), and turning them
 * into text (stance-contradiction-writer.c).  On a machine with a second
 * core they need not take turns: here the search runs in a thread of its
 * own and hands its records, already in the order of SPEC §4, to the
 * calling thread in batches, while the caller writes the batch before.
 * A batch at once also lets the writer fetch the records it will read a
 * few records ahead (see stance-contradiction-writer.c).
 *
 * Memory stays bounded: N_BATCHES batches of BATCH_SIZE records exist, and
 * the search waits for an empty one when it is that far ahead.  The
 * caller's function runs
 * in the caller's thread, as with _stance_find_each().  Both threads only
 * read the store and the index, which cannot change meanwhile: the call
 * does not return until the search is over.
 */

#include "config.h"

#include "stance-finder-private.h"

/* Records per batch: enough that passing a batch (two queue operations)
 * costs nothing beside writing it, small enough to stay in the cache. */
#define BATCH_SIZE 8192

/* Batches in all (6 MiB).  The search hands records out in bursts, a
 * target at a time, after searching it without output; with three batches
 * the two threads waited for each other a third of the time, with 32 they
 * wait a tenth (skewed 1M: 0.50 -> 0.36 s for search and writing). */
#define N_BATCHES 32

/* Below this many acts and attributions the search is too short to be
 * worth a thread. */
#define AHEAD_MIN_STANCES 32768

typedef struct
{
  StanceStore               *store;
  StanceActIndex            *index;
  const StanceFindingFilter *filter;
  GAsyncQueue               *full;    /* GArray batches in order, then the end */
  GAsyncQueue               *empty;   /* batches handed back */
  GArray                    *batch;   /* the one being filled */
  StanceFindingBatchFunc     func;    /* the caller's */
  gpointer                   user_data;
} Ahead;

/* Marks the end of the batches in @full. */
static int end_of_batches;

/* Adds a record to the batch; a full batch goes to the caller: through the
 * queue from the search's thread, or at once without one. */
static void
put_finding (const StanceFinding *finding,
             gpointer             user_data)
{
  Ahead *ahead = user_data;

  /* Batches are made with room for BATCH_SIZE records and handed on when
   * full, so this needs no call. */
  g_array_index (ahead->batch, StanceFinding, ahead->batch->len++) = *finding;
  if (ahead->batch->len < BATCH_SIZE)
    return;

  if (ahead->full != NULL)
    {
      g_async_queue_push (ahead->full, ahead->batch);
      ahead->batch = g_async_queue_pop (ahead->empty);
    }
  else
    {
      ahead->func ((const StanceFinding *) ahead->batch->data, ahead->batch->len, ahead->user_data);
      g_array_set_size (ahead->batch, 0);
    }
}

static gpointer
search (gpointer data)
{
  Ahead *ahead = data;

  ahead->batch = g_async_queue_pop (ahead->empty);
  _stance_find_each (ahead->store, ahead->index, ahead->filter, TRUE, put_finding, ahead);
  if (ahead->batch->len > 0)
    g_async_queue_push (ahead->full, ahead->batch);
  else
    g_async_queue_push (ahead->empty, ahead->batch);
  g_async_queue_push (ahead->full, &end_of_batches);

  return NULL;
}

void
_stance_find_each_ahead (StanceStore               *store,
                         StanceActIndex            *index,
                         const StanceFindingFilter *filter,
                         StanceFindingBatchFunc     func,
                         gpointer                   user_data)
{
  Ahead ahead = { store, index, filter, NULL, NULL, NULL, func, user_data };
  GThread *thread;
  gpointer item;

  if ((gsize) index->acts->len + index->attributions->len < AHEAD_MIN_STANCES ||
      g_get_num_processors () < 2)
    {
      ahead.batch = g_array_sized_new (FALSE, FALSE, sizeof (StanceFinding), BATCH_SIZE);
      _stance_find_each (store, index, filter, TRUE, put_finding, &ahead);
      if (ahead.batch->len > 0)
        func ((const StanceFinding *) ahead.batch->data, ahead.batch->len, user_data);
      g_array_unref (ahead.batch);
      return;
    }

  ahead.full = g_async_queue_new ();
  ahead.empty = g_async_queue_new_full ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (ahead.empty, g_array_sized_new (FALSE, FALSE, sizeof (StanceFinding), BATCH_SIZE));

  thread = g_thread_new ("stance-finder", search, &ahead);
  while ((item = g_async_queue_pop (ahead.full)) != &end_of_batches)
    {
      GArray *batch = item;

      func ((const StanceFinding *) batch->data, batch->len, user_data);
      g_array_set_size (batch, 0);
      g_async_queue_push (ahead.empty, batch);
    }
  g_thread_join (thread);

  g_async_queue_unref (ahead.full);
  g_async_queue_unref (ahead.empty);
}
