/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <glib.h>

#include "test-run.h"

/* The German translation as a user meets it: headroom-cli run with
 * LANGUAGE=de against the catalog just built (HEADROOM_LOCALEDIR), and the
 * desktop file with its translations merged in. Machine output, CSV and
 * JSON, must come out byte for byte as in English whatever the language.
 *
 * gettext ignores LANGUAGE in the C locale, so every run is in C.UTF-8. */

/* Runs headroom-cli with @args (NULL-terminated, without argv[0]) in
 * @language, or with no LANGUAGE at all for NULL; names starting with "@"
 * are fixtures in tests/data. */
static void
run_cli_in (Run               *run,
            const char        *locale,
            const char        *language,
            const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("HR_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_assert_nonnull (g_getenv ("HEADROOM_LOCALEDIR"));
  g_ptr_array_add (argv, g_strdup (cli));
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (args[i][0] == '@')
        g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", args[i] + 1, NULL));
      else
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  if (g_getenv ("HR_LOCPATH") != NULL)
    envp = g_environ_setenv (envp, "LOCPATH", g_getenv ("HR_LOCPATH"), TRUE);
  envp = g_environ_unsetenv (envp, "LANG");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_cli (Run               *run,
         const char        *language,
         const char *const *args)
{
  run_cli_in (run, "C.UTF-8", language, args);
}

#define RUN(run, language, ...) \
  run_cli ((run), (language), (const char *const[]) { __VA_ARGS__, NULL })

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not found in:\n%s", (needle), (haystack)); \
  } G_STMT_END

#define assert_lacks(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      g_error ("“%s” found in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help (void)
{
  g_auto(Run) english = { 0 };
  g_auto(Run) german = { 0 };
  g_auto(Run) sweep = { 0 };

  RUN (&english, NULL, "--help");
  assert_success (&english);
  assert_contains (english.out, "Commands:");

  RUN (&german, "de", "--help");
  assert_success (&german);
  assert_contains (german.out, "Befehle:");
  assert_contains (german.out, "Diese Hilfe anzeigen und beenden");
  assert_contains (german.out, "Ob eine Audioquelle einen Kopfhörer antreiben kann");
  assert_lacks (german.out, "Commands:");

  /* Option descriptions go through the option context's domain, and the
   * CSV header quoted in the help stays as it is printed. */
  RUN (&sweep, "de", "sweep", "--help");
  assert_success (&sweep);
  assert_contains (sweep.out, "Tiefste Frequenz (Vorgabe: 20)");
  assert_contains (sweep.out, "freq_hz,z_mag_ohm,z_phase_deg,v_load_vrms,i_ma,p_mw,"
                              "spl_db,dev_db,atten_db,spl_max_db,limit");
}

static void
test_check (void)
{
  g_auto(Run) run = { 0 };

  RUN (&run, "de", "check", "--headphone-file", "@hp-dynamic-32.json",
       "--zout", "10", "--spl", "95");
  assert_success (&run);
  assert_contains (run.out, "Urteil: Treibt ihn an, mit Einschränkungen\n");
  assert_contains (run.out, "Die Bassresonanz bei 80 Hz steigt um 2.0 dB, denn die "
                            "Ausgangsimpedanz von 10 Ω beträgt mehr als 1/8 der 32 Ω "
                            "des Kopfhörers.");
  assert_contains (run.out, "Weder eine Spannungs- noch eine Stromgrenze wurde angegeben");
  assert_contains (run.out, "Dämpfungsfaktor:");
  assert_contains (run.out, "1/8-Regel:        nein (10 Ω Ausgangsimpedanz, höchstens 4 Ω erlaubt)");
  assert_lacks (run.out, "Verdict");
  assert_lacks (run.out, "because");
}

/* Errors go to stderr translated, with the same exit status. */
static void
test_errors (void)
{
  g_auto(Run) english = { 0 };
  g_auto(Run) german = { 0 };
  g_auto(Run) usage = { 0 };

  RUN (&english, NULL, "check", "--headphone-file", "@bad-re.json");
  RUN (&german, "de", "check", "--headphone-file", "@bad-re.json");
  g_assert_cmpint (english.status, ==, 1);
  g_assert_cmpint (german.status, ==, 1);
  assert_contains (german.err, "impedance.re_ohm muss eine endliche Zahl größer als 0 sein, erhalten: -3");

  RUN (&usage, "de", "frobnicate");
  g_assert_cmpint (usage.status, ==, 2);
  assert_contains (usage.err, "unbekannter Befehl „frobnicate“");
}

/* A German desktop: LANG=de_DE.UTF-8 with its decimal comma. People get
 * "2,0 dB"; scripts get the same bytes as in any other locale, the
 * reasons' text in English included, without the program switching its
 * locale to get there. The locale is built by the tests (meson.build). */
static void
test_german_locale (void)
{
  static const char *const text_args[] = {
    "check", "--headphone-file", "@hp-dynamic-32.json", "--zout", "10", "--spl", "95", NULL
  };
  static const char *const json_args[] = {
    "check", "--headphone-file", "@hp-dynamic-32.json", "--zout", "10", "--spl", "95",
    "--format", "json", NULL
  };
  g_auto(Run) text = { 0 };
  g_auto(Run) german_json = { 0 };
  g_auto(Run) english_json = { 0 };

  g_assert_nonnull (g_getenv ("HR_LOCPATH"));
  run_cli_in (&text, "de_DE.UTF-8", NULL, text_args);
  assert_success (&text);
  assert_contains (text.out, "Die Bassresonanz bei 80 Hz steigt um 2,0 dB");
  assert_contains (text.out, "1,98 dB zwischen Maximum und Minimum");

  run_cli_in (&german_json, "de_DE.UTF-8", NULL, json_args);
  run_cli_in (&english_json, "C.UTF-8", NULL, json_args);
  assert_success (&german_json);
  assert_success (&english_json);
  assert_contains (german_json.out, "\"text\": \"The bass resonance at 80 Hz rises 2.0 dB because");
  g_assert_cmpstr (german_json.out, ==, english_json.out);
}

/* What scripts read must not depend on the language. */
static void
test_machine_output (void)
{
  static const char *const formats[][2] = {
    { "sweep", "csv" },
    { "sweep", "json" },
    { "check", "json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) english = { 0 };
      g_auto(Run) german = { 0 };

      RUN (&english, NULL, formats[i][0], "--headphone-file", "@hp-dynamic-32.json",
           "--source-file", "@source-limited.json", "--spl", "110",
           "--format", formats[i][1]);
      RUN (&german, "de", formats[i][0], "--headphone-file", "@hp-dynamic-32.json",
           "--source-file", "@source-limited.json", "--spl", "110",
           "--format", formats[i][1]);
      assert_success (&english);
      assert_success (&german);
      g_assert_cmpuint (strlen (english.out), >, 100);
      g_assert_cmpstr (german.out, ==, english.out);
    }
}

static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *keywords = NULL;
  const char *path = g_getenv ("HR_DESKTOP_FILE");

  g_assert_nonnull (path);
  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  name = g_key_file_get_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "GenericName", "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Kopfhörer-Rechner");
  comment = g_key_file_get_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Comment", "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "Prüfen, ob eine Quelle Ihren Kopfhörer antreiben kann");
  keywords = g_key_file_get_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Keywords", "de", &error);
  g_assert_no_error (error);
  assert_contains (keywords, "Ausgangsimpedanz;");

  /* Name[de] is "Headroom" as in English; msgfmt writes it all the same. */
  g_assert_true (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "Name[de]", &error));
  g_assert_no_error (error);
}

static void
test_metainfo (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("HR_METAINFO_FILE");

  g_assert_nonnull (path);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  assert_contains (contents, "<summary xml:lang=\"de\">Prüfen, ob eine Quelle Ihren Kopfhörer antreiben kann</summary>");
  assert_contains (contents, "<p xml:lang=\"de\">Die erste Veröffentlichung.</p>");
}

int
main (int   argc,
      char *argv[])
{
  /* So that a failure prints its German text as it is. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/german-locale", test_german_locale);
  g_test_add_func ("/i18n/help", test_help);
  g_test_add_func ("/i18n/check", test_check);
  g_test_add_func ("/i18n/errors", test_errors);
  g_test_add_func ("/i18n/machine-output", test_machine_output);
  g_test_add_func ("/i18n/desktop-file", test_desktop_file);
  g_test_add_func ("/i18n/metainfo", test_metainfo);

  return g_test_run ();
}
