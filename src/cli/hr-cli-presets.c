/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hr-cli.h"
#include "hr-cli-private.h"
#include "hr-preset-builder.h"
#include "hr-curve-import.h"
#include "hr-db-error.h"
#include "hr-json-parse.h"
#include "hr-json-write.h"
#include "hr-preset-db.h"

/* `headroom-cli list`, `show` and `preset`: the preset database for
 * people (text) and scripts (JSON). They keep the contract of the other
 * commands (hr-cli.c): their own --help, one-line errors on stderr, exit 1
 * for bad input and 2 for bad usage. Problems in the preset files are
 * warnings: a broken preset is left out and the rest is listed.
 */

typedef struct
{
  char     *kind;
  char     *search;
  char     *format;
  char     *response_file;
  char     *impedance_file;
  char     *note;
  gboolean  help;
} PresetOptions;

static void
preset_options_clear (PresetOptions *options)
{
  g_clear_pointer (&options->kind, g_free);
  g_clear_pointer (&options->search, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->response_file, g_free);
  g_clear_pointer (&options->impedance_file, g_free);
  g_clear_pointer (&options->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PresetOptions, preset_options_clear)

void
hr_cli_print_problems (HrPresetDb *db)
{
  GPtrArray *problems = hr_preset_db_get_problems (db);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = hr_preset_problem_to_string (g_ptr_array_index (problems, i));

      /* Translators: "headroom-cli: warning: presets.json:3:5: …" */
      g_printerr (_("%s: warning: %s\n"), HR_CLI_PROGRAM_NAME, text);
    }
}

/**
 * hr_cli_open_db:
 *
 * The presets, bundled and the user's, with their problems said as
 * warnings. When the user's own file does not read at all, nothing goes
 * on: an answer without the user's gear could be about other gear than
 * they meant, and a warning scrolled past is easily missed. The file is
 * left as it is.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with
 *   @error set to one line naming the file, the place and what is wrong
 */
HrPresetDb *
hr_cli_open_db (GError **error)
{
  g_autoptr(HrPresetDb) db = hr_preset_db_new (NULL, NULL);
  GPtrArray *problems = hr_preset_db_get_problems (db);
  const HrPresetProblem *broken = NULL;
  g_autofree char *first = NULL;

  if (!hr_preset_db_get_user_file_broken (db))
    {
      hr_cli_print_problems (db);
      return g_steal_pointer (&db);
    }

  for (guint i = 0; i < problems->len && broken == NULL; i++)
    {
      const HrPresetProblem *problem = g_ptr_array_index (problems, i);

      if (problem->domain == HR_DB_ERROR && problem->code == HR_DB_ERROR_BROKEN_USER_FILE)
        broken = problem;
    }
  g_assert (broken != NULL);
  /* What is wrong in it, where: the first of the file's own problems. */
  for (guint i = 0; i < problems->len && first == NULL; i++)
    {
      const HrPresetProblem *problem = g_ptr_array_index (problems, i);

      if (problem != broken && g_strcmp0 (problem->filename, broken->filename) == 0)
        first = hr_preset_problem_to_string (problem);
    }
  if (first == NULL)
    first = hr_preset_problem_to_string (broken);
  /* Translators: "presets.json:1:65: arrays and objects nest … (your presets file…)" */
  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE,
               _("%s (your presets file is kept as it is: fix it or move it away, then try again)"), first);
  return NULL;
}

static int
fail (const char *message,
      int         status,
      const char *help_command)
{
  if (status == HR_CLI_EXIT_USAGE)
    g_printerr (_("%s: %s (see “%s --help”)\n"), HR_CLI_PROGRAM_NAME, message, help_command);
  else
    g_printerr ("%s: %s\n", HR_CLI_PROGRAM_NAME, message);
  return status;
}

/* Parses @argv with --kind, --format and, @with_search, --search; leaves
 * the command's name and its operands in @operands. Returns -1 to go on,
 * or the exit status. */
static int
parse_options (char             **argv,
               const char        *parameters,
               const char        *summary,
               PresetOptions     *options,
               gboolean           with_search,
               GStrv             *operands)
{
  const GOptionEntry attach_entries[] = {
    { "response", 0, 0, G_OPTION_ARG_FILENAME, &options->response_file,
      N_("The headphones' frequency response: an AutoEq CSV, a REW export, a .frd or CrinGraph text"),
      N_("FILE") },
    { "impedance", 0, 0, G_OPTION_ARG_FILENAME, &options->impedance_file,
      N_("Their impedance curve: a .zma, or a REW, ARTA or LIMP text, or a CSV"), N_("FILE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &options->note,
      N_("What the files are, kept with them as their source: who measured them, on what"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind,
      N_("source or headphone"), N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: text or json (default: text)"), N_("FORMAT") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options->help, N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry search_entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search,
      N_("Only presets whose name, manufacturer, id, category or type contain TEXT, in any case"),
      N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("%s %s", HR_CLI_PROGRAM_NAME, argv[0]);

  *operands = g_strdupv (argv);
  g_set_prgname (prgname);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (with_search)
    g_option_context_add_main_entries (context, search_entries, GETTEXT_PACKAGE);
  if (g_str_equal (argv[0], "preset attach"))
    g_option_context_add_main_entries (context, attach_entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);

  if (!g_option_context_parse_strv (context, operands, &error))
    return fail (error->message, HR_CLI_EXIT_USAGE, prgname);

  if (options->help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return HR_CLI_EXIT_SUCCESS;
    }

  if (options->format != NULL && !g_str_equal (options->format, "text") &&
      !g_str_equal (options->format, "json"))
    {
      g_autofree char *message = g_strdup_printf (_("--format must be text or json, got “%s”"),
                                                  options->format);

      return fail (message, HR_CLI_EXIT_USAGE, prgname);
    }

  if (options->kind != NULL && !g_str_equal (options->kind, "source") &&
      !g_str_equal (options->kind, "headphone"))
    {
      g_autofree char *message = g_strdup_printf (_("--kind must be source or headphone, got “%s”"),
                                                  options->kind);

      return fail (message, HR_CLI_EXIT_USAGE, prgname);
    }

  return -1;
}

static gboolean
wants_kind (const PresetOptions *options,
            HrPresetKind         kind)
{
  return options->kind == NULL || g_str_equal (options->kind, hr_preset_kind_to_string (kind));
}

static gboolean
is_json (const PresetOptions *options)
{
  return options->format != NULL && g_str_equal (options->format, "json");
}

static void
add_preset_summary (JsonBuilder *builder,
                    HrPreset    *preset)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, hr_preset_get_id (preset));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, hr_preset_get_name (preset));
  json_builder_set_member_name (builder, "manufacturer");
  json_builder_add_string_value (builder, hr_preset_get_manufacturer (preset));
  json_builder_set_member_name (builder, hr_preset_get_kind (preset) == HR_PRESET_KIND_SOURCE
                                         ? "category" : "type");
  json_builder_add_string_value (builder, hr_preset_get_class_name (preset));
  json_builder_set_member_name (builder, "generic");
  json_builder_add_boolean_value (builder, hr_preset_get_generic (preset));
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, hr_preset_origin_to_string (hr_preset_get_origin (preset)));
  json_builder_set_member_name (builder, "overrides_bundled");
  json_builder_add_boolean_value (builder, hr_preset_get_overrides_bundled (preset));
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, hr_preset_get_filename (preset));
  if (HR_IS_SOURCE_PRESET (preset))
    {
      HrSourcePreset *source = HR_SOURCE_PRESET (preset);

      json_builder_set_member_name (builder, "outputs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < hr_source_preset_get_n_outputs (source); i++)
        json_builder_add_string_value (builder, hr_source_preset_get_output (source, i)->id);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
print_json (JsonNode *root)
{
  g_autofree char *text = hr_json_to_text (root, TRUE, NULL);

  /* Machine output: UTF-8 as it is, not through g_print's charset. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static const char *
origin_label (HrPreset *preset)
{
  if (hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_BUNDLED)
    return "";
  return hr_preset_get_overrides_bundled (preset) ? _("  [yours, in place of the bundled one]")
                                                  : _("  [yours]");
}

static void
print_list_text (GPtrArray    *presets,
                 HrPresetKind  kind)
{
  guint id_width = 0;

  g_print ("%s (%u)\n", kind == HR_PRESET_KIND_SOURCE ? _("Sources") : _("Headphones"), presets->len);
  for (guint i = 0; i < presets->len; i++)
    id_width = MAX (id_width, (guint) strlen (hr_preset_get_id (g_ptr_array_index (presets, i))));

  for (guint i = 0; i < presets->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (presets, i);
      g_autofree char *display_name = hr_preset_dup_display_name (preset);

      g_print ("  %-*s  %s (%s)%s%s\n", (int) id_width, hr_preset_get_id (preset), display_name,
               hr_preset_get_class_name (preset),
               /* A typical design, not a product: said where it is listed. */
               hr_preset_get_generic (preset) ? _("  [typical design, not a product]") : "",
               origin_label (preset));
    }
}

/* @only_user: `preset list`, the user's own presets */
static int
list_presets (const PresetOptions *options,
              gboolean             only_user)
{
  static const HrPresetKind kinds[] = { HR_PRESET_KIND_SOURCE, HR_PRESET_KIND_HEADPHONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(HrPresetDb) db = hr_cli_open_db (&error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (db == NULL)
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) presets = NULL;

      if (!wants_kind (options, kinds[k]))
        continue;

      presets = hr_preset_db_list (db, kinds[k], options->search);
      for (guint i = presets->len; only_user && i > 0; i--)
        {
          if (hr_preset_get_origin (g_ptr_array_index (presets, i - 1)) != HR_PRESET_ORIGIN_USER)
            g_ptr_array_remove_index (presets, i - 1);
        }

      json_builder_set_member_name (builder, kinds[k] == HR_PRESET_KIND_SOURCE ? "sources" : "headphones");
      json_builder_begin_array (builder);
      for (guint i = 0; i < presets->len; i++)
        add_preset_summary (builder, g_ptr_array_index (presets, i));
      json_builder_end_array (builder);

      if (!is_json (options))
        print_list_text (presets, kinds[k]);
    }
  json_builder_end_object (builder);

  if (is_json (options))
    {
      root = json_builder_get_root (builder);
      print_json (root);
    }
  return HR_CLI_EXIT_SUCCESS;
}

int
hr_cli_list (char **argv)
{
  g_auto(PresetOptions) options = { 0 };
  g_auto(GStrv) operands = NULL;
  int status = parse_options (argv, NULL, _("Lists the presets of sources and headphones."),
                              &options, TRUE, &operands);

  if (status >= 0)
    return status;
  if (operands[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), operands[1]);

      return fail (message, HR_CLI_EXIT_USAGE, g_get_prgname ());
    }

  return list_presets (&options, FALSE);
}

static void
add_preset_detail (JsonBuilder *builder,
                   HrPreset    *preset)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, hr_preset_kind_to_string (hr_preset_get_kind (preset)));
  json_builder_set_member_name (builder, "generic");
  json_builder_add_boolean_value (builder, hr_preset_get_generic (preset));
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, hr_preset_origin_to_string (hr_preset_get_origin (preset)));
  json_builder_set_member_name (builder, "overrides_bundled");
  json_builder_add_boolean_value (builder, hr_preset_get_overrides_bundled (preset));
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, hr_preset_get_filename (preset));
  json_builder_set_member_name (builder, "preset");
  json_builder_add_value (builder, json_node_copy (hr_preset_get_json (preset)));
  json_builder_end_object (builder);
}

/* Ids are unique within a kind only: without --kind, an id that is both
 * a source and a headphone shows both. */
static int
show_preset (const PresetOptions *options,
             const char          *id)
{
  static const HrPresetKind kinds[] = { HR_PRESET_KIND_SOURCE, HR_PRESET_KIND_HEADPHONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(HrPresetDb) db = hr_cli_open_db (&error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_found = 0;

  if (db == NULL)
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
  json_builder_begin_array (builder);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      HrPreset *preset = wants_kind (options, kinds[k]) ? hr_preset_db_lookup (db, kinds[k], id) : NULL;
      g_autofree char *text = NULL;

      if (preset == NULL)
        continue;

      add_preset_detail (builder, preset);
      if (!is_json (options))
        {
          text = hr_cli_format_preset (preset);
          g_print ("%s%s", n_found > 0 ? "\n" : "", text);
        }
      n_found++;
    }
  json_builder_end_array (builder);

  if (n_found == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("no preset has the id “%s” (“%s list” lists them)"), id, HR_CLI_PROGRAM_NAME);

      return fail (message, HR_CLI_EXIT_BAD_INPUT, NULL);
    }

  if (is_json (options))
    {
      root = json_builder_get_root (builder);
      print_json (root);
    }
  return HR_CLI_EXIT_SUCCESS;
}

/* Exactly one operand after the command's name, or a usage error. */
static int
one_operand (GStrv        operands,
             const char  *what,
             const char **operand)
{
  g_autofree char *message = NULL;

  if (operands[1] != NULL && operands[2] == NULL)
    {
      *operand = operands[1];
      return -1;
    }

  if (operands[1] == NULL)
    message = g_strdup_printf (_("%s is missing"), what);
  else
    message = g_strdup_printf (_("unexpected argument “%s”"), operands[2]);
  return fail (message, HR_CLI_EXIT_USAGE, g_get_prgname ());
}

int
hr_cli_show (char **argv)
{
  g_auto(PresetOptions) options = { 0 };
  g_auto(GStrv) operands = NULL;
  const char *id = NULL;
  int status = parse_options (argv, _("ID"),
                              _("Shows a preset: every figure, with where it comes from."),
                              &options, FALSE, &operands);

  if (status >= 0 || (status = one_operand (operands, _("the preset’s ID"), &id)) >= 0)
    return status;
  return show_preset (&options, id);
}

/* The preset to add: a file, or standard input for "-" or nothing. */
static JsonNode *
read_preset_input (const char  *filename,
                   GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  JsonNode *root;
  gsize length = 0;

  if (filename == NULL || g_str_equal (filename, "-"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      display_name = g_strdup (_("standard input"));
      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, (gssize) n);
      length = text->len;
      contents = g_string_free (g_steal_pointer (&text), FALSE);
    }
  else
    {
      display_name = g_filename_display_name (filename);
      if (!g_file_get_contents (filename, &contents, &length, error))
        return NULL;
    }

  root = hr_json_parse_data (contents, length, display_name, error);
  if (root == NULL)
    {
      /* An empty file is "not one object" below, like any other value. */
      if (!g_error_matches (*error, HR_DB_ERROR, HR_DB_ERROR_EMPTY_DOCUMENT))
        return NULL;
      g_clear_error (error);
    }
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *value = root != NULL ? json_to_string (root, FALSE) : g_strdup (_("nothing"));

      g_clear_pointer (&root, json_node_unref);
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE,
                   _("%s: the preset must be one object, got %s"), display_name, value);
      return NULL;
    }

  return root;
}

static int
write_preset (const PresetOptions *options,
              GStrv                operands,
              HrPresetWrite        mode)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(JsonNode) preset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_file = NULL;
  HrPresetKind kind;
  HrPreset *written;
  const char *id;

  if (options->kind == NULL)
    return fail (_("--kind is required: source or headphone"), HR_CLI_EXIT_USAGE, g_get_prgname ());
  if (operands[1] != NULL && operands[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), operands[2]);

      return fail (message, HR_CLI_EXIT_USAGE, g_get_prgname ());
    }
  hr_preset_kind_from_string (options->kind, &kind);

  preset = read_preset_input (operands[1], &error);
  if (preset == NULL)
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);

  db = hr_preset_db_new (NULL, NULL);
  /* A user's file that does not read is what the error below is about:
   * it says so, once. */
  if (!hr_preset_db_get_user_file_broken (db))
    hr_cli_print_problems (db);
  if (!hr_preset_db_write_user_preset (db, kind, preset, mode, &error))
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);

  id = json_object_get_string_member (json_node_get_object (preset), "id");
  written = hr_preset_db_lookup (db, kind, id);
  user_file = g_filename_display_name (hr_preset_db_get_user_file (db));
  g_print (mode == HR_PRESET_WRITE_ADD ? _("Added the %s “%s” to %s.\n")
                                       : _("Updated the %s “%s” in %s.\n"),
           options->kind, id, user_file);
  if (written != NULL && hr_preset_get_overrides_bundled (written))
    g_print (_("It takes the place of the bundled preset with that id.\n"));
  return HR_CLI_EXIT_SUCCESS;
}

/* A file's provenance, in English as the data files are. */
static char *
describe_import (const char *basename,
                 const char *note)
{
  if (note != NULL && note[0] != '\0')
    return g_strdup_printf ("imported from %s: %s", basename, note);
  return g_strdup_printf ("imported from %s", basename);
}

/* preset attach ID --response FILE --impedance FILE: the files people
 * have, put into headphones; a bundled preset's become the user's version
 * of it, as `preset edit` makes one. */
static int
attach_files (const PresetOptions *options,
              const char          *id)
{
  g_autoptr(HrPresetDb) db = hr_preset_db_new (NULL, NULL);
  g_autoptr(HrPresetBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_file = NULL;
  g_autofree char *saved = NULL;
  HrHeadphonePreset *preset;

  if (options->response_file == NULL && options->impedance_file == NULL)
    return fail (_("nothing to attach: give --response FILE, --impedance FILE or both"),
                 HR_CLI_EXIT_USAGE, g_get_prgname ());
  if (!hr_preset_db_get_user_file_broken (db))
    hr_cli_print_problems (db);
  preset = hr_preset_db_lookup_headphone (db, id);
  if (preset == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("no headphone preset has the id “%s” (see “%s list --kind headphone”)"),
                         id, HR_CLI_PROGRAM_NAME);

      return fail (message, HR_CLI_EXIT_BAD_INPUT, NULL);
    }
  builder = hr_preset_builder_new (db, HR_PRESET_KIND_HEADPHONE, HR_PRESET (preset));
  if (options->response_file != NULL)
    {
      g_autoptr(HrResponseCurve) curve = hr_curve_load_response (options->response_file, &error);
      g_autofree char *basename = NULL;
      g_autofree char *source = NULL;
      g_autoptr(GArray) points = NULL;

      if (curve == NULL)
        return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
      points = g_array_sized_new (FALSE, FALSE, sizeof (HrResponsePoint), curve->n_points);
      for (guint i = 0; i < curve->n_points; i++)
        {
          HrResponsePoint point = { curve->points[i].freq_hz, curve->points[i].level_db };

          g_array_append_val (points, point);
        }
      basename = g_path_get_basename (options->response_file);
      /* What the user has: the file's name, and what they say it is. */
      source = describe_import (basename, options->note);
      hr_preset_builder_set_response (builder, &g_array_index (points, HrResponsePoint, 0), points->len, source);
    }
  if (options->impedance_file != NULL)
    {
      g_autoptr(HrImpedanceCurve) curve = hr_curve_load_impedance (options->impedance_file, &error);
      g_autoptr(HrImpedance) impedance = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *source = NULL;

      if (curve == NULL ||
          (impedance = hr_impedance_new_points (curve->points, curve->n_points, &error)) == NULL)
        return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
      basename = g_path_get_basename (options->impedance_file);
      source = describe_import (basename, options->note);
      hr_preset_builder_set_impedance (builder, impedance, source);
    }
  saved = hr_preset_builder_save (builder, &error);
  if (saved == NULL)
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
  user_file = g_filename_display_name (hr_preset_db_get_user_file (db));
  g_print (_("Updated the headphone “%s” in %s.\n"), saved, user_file);
  if (hr_preset_get_origin (HR_PRESET (preset)) == HR_PRESET_ORIGIN_BUNDLED)
    g_print (_("It takes the place of the bundled preset with that id.\n"));
  return HR_CLI_EXIT_SUCCESS;
}

/* Without --kind, the id says which, unless the user has both a source
 * and a headphone with it. */
static int
remove_preset (const PresetOptions *options,
               const char          *id)
{
  static const HrPresetKind kinds[] = { HR_PRESET_KIND_SOURCE, HR_PRESET_KIND_HEADPHONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(HrPresetDb) db = hr_cli_open_db (&error);
  g_autofree char *user_file = NULL;
  HrPresetKind kind = HR_PRESET_KIND_SOURCE;
  guint n_found = 0;

  if (db == NULL)
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);
  if (options->kind != NULL)
    hr_preset_kind_from_string (options->kind, &kind);
  else
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          HrPreset *preset = hr_preset_db_lookup (db, kinds[k], id);

          if (preset != NULL && hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_USER)
            {
              kind = kinds[k];
              n_found++;
            }
        }
      if (n_found > 1)
        {
          g_autofree char *message =
            g_strdup_printf (_("you have a source and a headphone “%s”: say which with --kind"), id);

          return fail (message, HR_CLI_EXIT_USAGE, g_get_prgname ());
        }
      if (n_found == 0 && hr_preset_db_lookup (db, HR_PRESET_KIND_HEADPHONE, id) != NULL)
        kind = HR_PRESET_KIND_HEADPHONE;
    }

  if (!hr_preset_db_remove_user_preset (db, kind, id, &error))
    return fail (error->message, HR_CLI_EXIT_BAD_INPUT, NULL);

  user_file = g_filename_display_name (hr_preset_db_get_user_file (db));
  g_print (_("Removed the %s “%s” from %s.\n"), hr_preset_kind_to_string (kind), id, user_file);
  if (hr_preset_db_lookup (db, kind, id) != NULL)
    g_print (_("The bundled preset with that id is used again.\n"));
  return HR_CLI_EXIT_SUCCESS;
}

int
hr_cli_preset (char **argv)
{
  static const char *const subcommands[] = { "add", "edit", "attach", "remove", "list", "show", NULL };
  g_auto(PresetOptions) options = { 0 };
  g_auto(GStrv) operands = NULL;
  g_auto(GStrv) sub_argv = NULL;
  const char *subcommand = argv[1];
  const char *id = NULL;
  int status;

  if (subcommand == NULL || g_str_equal (subcommand, "--help") || g_str_equal (subcommand, "-h"))
    {
      if (subcommand == NULL)
        return fail (_("no preset command given, use add, edit, attach, remove, list or show"),
                     HR_CLI_EXIT_USAGE, HR_CLI_PROGRAM_NAME " preset");
      g_print (_("Usage:\n"
                 "  %s preset add --kind KIND [FILE|-]\n"
                 "  %s preset edit --kind KIND [FILE|-]\n"
                 "  %s preset attach ID [--response FILE] [--impedance FILE] [--note TEXT]\n"
                 "  %s preset remove [--kind KIND] ID\n"
                 "  %s preset list [--kind KIND] [--search TEXT] [--format text|json]\n"
                 "  %s preset show [--kind KIND] [--format text|json] ID\n"
                 "\n"
                 "Your own presets, kept in %s. FILE (or standard input) holds one source or "
                 "headphone object as in the bundled presets; a preset with the id of a bundled "
                 "one takes its place. attach puts a frequency response or an impedance curve "
                 "from the files people have into headphones, as your version of them.\n"),
               HR_CLI_PROGRAM_NAME, HR_CLI_PROGRAM_NAME, HR_CLI_PROGRAM_NAME, HR_CLI_PROGRAM_NAME,
               HR_CLI_PROGRAM_NAME, HR_CLI_PROGRAM_NAME, "$XDG_DATA_HOME/headroom/presets.json");
      return HR_CLI_EXIT_SUCCESS;
    }

  if (!g_strv_contains (subcommands, subcommand))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown preset command “%s”, use add, edit, attach, remove, list or show"),
                         subcommand);

      return fail (message, HR_CLI_EXIT_USAGE, HR_CLI_PROGRAM_NAME " preset");
    }

  /* "headroom-cli preset add" in usage lines and errors. */
  sub_argv = g_strdupv (argv + 1);
  g_free (sub_argv[0]);
  sub_argv[0] = g_strdup_printf ("preset %s", subcommand);

  status = parse_options (sub_argv, NULL, _("Your own presets."), &options,
                          g_str_equal (subcommand, "list"), &operands);
  if (status >= 0)
    return status;

  if (g_str_equal (subcommand, "add"))
    return write_preset (&options, operands, HR_PRESET_WRITE_ADD);
  if (g_str_equal (subcommand, "edit"))
    return write_preset (&options, operands, HR_PRESET_WRITE_EDIT);
  if (g_str_equal (subcommand, "list"))
    {
      if (operands[1] != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), operands[1]);

          return fail (message, HR_CLI_EXIT_USAGE, g_get_prgname ());
        }
      return list_presets (&options, TRUE);
    }

  if ((status = one_operand (operands, _("the preset’s ID"), &id)) >= 0)
    return status;
  if (g_str_equal (subcommand, "remove"))
    return remove_preset (&options, id);
  if (g_str_equal (subcommand, "attach"))
    return attach_files (&options, id);
  return show_preset (&options, id);
}
