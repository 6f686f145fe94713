/* stance-viewer-util.c: labels and chips shared by the viewer's widgets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "stance-viewer-util.h"

/* What a person calls a node: an actor's name, a claim's words, or whose
 * statement of when. */
char *
stance_viewer_node_dup_label (StanceNode *node)
{
  if (STANCE_IS_ACTOR (node))
    return g_strdup (stance_actor_get_name (STANCE_ACTOR (node)));

  if (STANCE_IS_CLAIM (node))
    return g_strdup (stance_claim_get_text (STANCE_CLAIM (node)));

  if (STANCE_IS_STATEMENT (node))
    {
      StanceStatement *statement = STANCE_STATEMENT (node);
      g_autofree char *time = stance_statement_dup_time_string (statement);

      return g_strdup_printf ("%s’s statement of %s",
                              stance_actor_get_name (stance_statement_get_speaker (statement)), time);
    }

  return g_strdup (stance_node_get_id (node));
}

/* A time as the document writes it, with a space for the "T" so that a
 * label can break a date-time into date and time of day. */
char *
stance_viewer_statement_dup_time_label (StanceStatement *statement)
{
  char *time = stance_statement_dup_time_string (statement);
  char *t = strchr (time, 'T');

  if (t != NULL)
    *t = ' ';

  return time;
}

/* The statement's own words; failing those, the note its document keeps
 * about what the sources say (meta.note), flagged by *is_note. */
const char *
stance_viewer_statement_get_words (StanceStatement *statement,
                                   gboolean        *is_note)
{
  const char *text = stance_statement_get_text (statement);
  JsonNode *meta;

  *is_note = FALSE;
  if (text != NULL && *text != '\0')
    return text;

  meta = stance_node_get_meta (STANCE_NODE (statement));
  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    {
      JsonObject *object = json_node_get_object (meta);
      JsonNode *note = json_object_get_member (object, "note");

      if (note != NULL && JSON_NODE_HOLDS_VALUE (note) && json_node_get_value_type (note) == G_TYPE_STRING)
        {
          *is_note = TRUE;
          return json_node_get_string (note);
        }
    }

  return NULL;
}

const char *
stance_viewer_polarity_style_class (StancePolarity polarity)
{
  switch (polarity)
    {
    case STANCE_POLARITY_POSITIVE: return "positive";
    case STANCE_POLARITY_NEGATIVE: return "negative";
    case STANCE_POLARITY_WITHDRAWAL: return "withdrawal";
    case STANCE_POLARITY_NEUTRAL:
    default: return "neutral";
    }
}

GtkWidget *
stance_viewer_chip_new (const char *text,
                        const char *style_class)
{
  GtkWidget *chip = gtk_label_new (text);

  gtk_widget_add_css_class (chip, "chip");
  if (style_class != NULL)
    gtk_widget_add_css_class (chip, style_class);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);

  return chip;
}

/* A stance's kind, coloured by its polarity; an attributed stance (the
 * speaker says that someone else holds it) is drawn outlined. */
GtkWidget *
stance_viewer_edge_chip_new (StanceEdge *edge)
{
  GtkWidget *chip = stance_viewer_chip_new (stance_edge_get_kind (edge),
                                            stance_viewer_polarity_style_class (stance_edge_get_polarity (edge)));
  g_autofree char *target = stance_viewer_node_dup_label (stance_edge_get_target (edge));
  g_autofree char *tooltip = NULL;

  if (stance_edge_is_attributed (edge))
    {
      gtk_widget_add_css_class (chip, "attributed");
      tooltip = g_strdup_printf ("%s %s: %s (attributed by the speaker)",
                                 stance_actor_get_name (stance_edge_get_holder (edge)),
                                 stance_edge_get_kind (edge), target);
    }
  else
    tooltip = g_strdup_printf ("%s: %s", stance_edge_get_kind (edge), target);

  gtk_widget_set_tooltip_text (chip, tooltip);

  return chip;
}

void
stance_viewer_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Adds a statement of @speaker at @time that takes one stance: the "Add
 * stance" dialog's and --demo-add's edit.  Its id is made from the speaker
 * and the time, as the example story's ids are.  Everything that could fail
 * is checked before the graph changes, so that a bad argument leaves no
 * statement without its stance behind. */
StanceStatement *
stance_viewer_add_statement (StanceGraph  *graph,
                             StanceActor  *speaker,
                             const char   *time,
                             const char   *text,
                             const char   *kind,
                             StanceNode   *target,
                             StanceActor  *holder,
                             GError      **error)
{
  g_autoptr(StanceTime) parsed = NULL;
  g_autoptr(StanceStatement) statement = NULL;
  g_autoptr(StanceEdge) edge = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (STANCE_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (STANCE_IS_ACTOR (speaker), NULL);
  g_return_val_if_fail (STANCE_IS_NODE (target), NULL);

  parsed = stance_time_new_from_string (time, error);
  if (parsed == NULL)
    return NULL;

  if (!stance_graph_lookup_kind (graph, kind, NULL))
    {
      g_set_error (error, STANCE_ERROR, STANCE_ERROR_UNKNOWN_KIND, "unknown stance kind \"%s\"", kind);
      return NULL;
    }

  base = g_strdup_printf ("%s-%s", stance_node_get_id (STANCE_NODE (speaker)), time);
  id = g_strdup (base);
  for (guint n = 2;; n++)
    {
      g_autoptr(StanceNode) taken = stance_graph_lookup (graph, id);

      if (taken == NULL)
        break;
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  statement = stance_graph_add_statement (graph, id, speaker, time, error);
  if (statement == NULL)
    return NULL;
  if (text != NULL && *text != '\0')
    stance_statement_set_text (statement, text);

  edge = stance_statement_add_stance (statement, kind, target, holder, error);
  if (edge == NULL)
    return NULL;

  return g_steal_pointer (&statement);
}
