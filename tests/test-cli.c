/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <glib/gstdio.h>

#include "hr-core.h"
#include "test-cli-run.h"

/* headroom-cli as scripts see it: spawned without a shell on the fixtures
 * in tests/data, its output parsed and compared with figures worked out
 * by hand from PHYSICS.md. */

static void
test_help (void)
{
  static const char *const sweep_options[] = {
    "--headphone-file", "--source-file", "--zout", "--vs", "--spl",
    "--points", "--fmin", "--fmax", "--format",
  };

  {
    g_auto(Run) run = { 0 };

    RUN (&run, "--help");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "sweep"));
    g_assert_nonnull (strstr (run.out, "check"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--help");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "headroom-cli sweep"));
    for (guint i = 0; i < G_N_ELEMENTS (sweep_options); i++)
      g_assert_nonnull (strstr (run.out, sweep_options[i]));
    g_assert_nonnull (strstr (run.out, CSV_HEADER));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--help");
    assert_success (&run);
    for (guint i = 0; i < G_N_ELEMENTS (sweep_options); i++)
      g_assert_nonnull (strstr (run.out, sweep_options[i]));
    g_assert_nonnull (strstr (run.out, "--crest-factor"));
    g_assert_nonnull (strstr (run.out, "_state"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "--version");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));
  }
}

/* The grid is the promised formula, f_k = fmin·(fmax/fmin)^(k/(N−1)). */
static void
test_sweep_grid (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  RUN (&run, "sweep", "--headphone-file", "@hp-resistor-32.json",
       "--points", "7", "--fmin", "10", "--fmax", "50000");
  assert_success (&run);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 7);
  for (guint k = 0; k < rows->len; k++)
    assert_close (field (rows, k, COL_FREQ_HZ), 10.0 * pow (5000.0, k / 6.0), PRINTED_REL);
}

static void
test_sweep_defaults (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  /* 200 points over 20 Hz–20 kHz, 1 V from an ideal source. */
  RUN (&run, "sweep", "--headphone-file", "@hp-resistor-32.json");
  assert_success (&run);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 200);
  for (guint k = 0; k < rows->len; k++)
    {
      assert_close (field (rows, k, COL_FREQ_HZ), 20.0 * pow (1000.0, k / 199.0), PRINTED_REL);
      assert_close (field (rows, k, COL_V_LOAD_VRMS), 1.0, PRINTED_REL);
      assert_close (field (rows, k, COL_SPL_DB), 100.0, PRINTED_REL);
      g_assert_cmpstr (field_text (rows, k, COL_LIMIT), ==, "none");
    }
  g_assert_cmpstr (field_text (rows, 0, COL_FREQ_HZ), ==, "20");
  g_assert_cmpstr (field_text (rows, 199, COL_FREQ_HZ), ==, "20000");
}

/* 2 V behind 32 Ω into a 32 Ω resistor: 1 V across it, 31.25 mA,
 * 31.25 mW, 20·log10(1/2) = −6.0206 dB against a 0 Ω source, flat, and
 * no limit at all since --zout has none. The headphone gives 100 dB/V. */
static void
test_sweep_divider (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  RUN (&run, "sweep", "--headphone-file", "@hp-resistor-32.json",
       "--zout", "32", "--vs", "2", "--points", "11");
  assert_success (&run);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 11);
  for (guint k = 0; k < rows->len; k++)
    {
      assert_close (field (rows, k, COL_Z_MAG_OHM), 32.0, PRINTED_REL);
      g_assert_cmpfloat (fabs (field (rows, k, COL_Z_PHASE_DEG)), <, 1e-9);
      assert_close (field (rows, k, COL_V_LOAD_VRMS), 1.0, PRINTED_REL);
      assert_close (field (rows, k, COL_I_MA), 31.25, PRINTED_REL);
      assert_close (field (rows, k, COL_P_MW), 31.25, PRINTED_REL);
      assert_close (field (rows, k, COL_SPL_DB), 100.0, PRINTED_REL);
      g_assert_cmpfloat (fabs (field (rows, k, COL_DEV_DB)), <, 1e-9);
      assert_close (field (rows, k, COL_ATTEN_DB), -6.020599913, PRINTED_REL);
      g_assert_cmpstr (field_text (rows, k, COL_SPL_MAX_DB), ==, "inf");
      g_assert_cmpstr (field_text (rows, k, COL_LIMIT), ==, "none");
      assert_close (field (rows, k, COL_ZTH_OHM), 32.0, PRINTED_REL);
    }
}

/* --spl is met at 1 kHz, which this grid hits: 10·(10^4)^(2/4) = 1000. */
static void
test_sweep_spl_drive (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  RUN (&run, "sweep", "--headphone-file", "@hp-dynamic-32.json",
       "--source-file", "@source-iec.json", "--spl", "95",
       "--points", "5", "--fmin", "10", "--fmax", "100000");
  assert_success (&run);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_close (field (rows, 2, COL_FREQ_HZ), 1000.0, PRINTED_REL);
  assert_close (field (rows, 2, COL_SPL_DB), 95.0, PRINTED_REL);
  g_assert_cmpfloat (fabs (field (rows, 2, COL_DEV_DB)), <, 1e-9);
  /* The voltage limit of the file applies, the current one is unknown. */
  for (guint k = 0; k < rows->len; k++)
    g_assert_cmpstr (field_text (rows, k, COL_LIMIT), ==, "voltage");
}

/* The source of source-limited.json: 10 Ω, 2 Vrms, 50 mA.
 * Into 32 Ω: the swing allows 2·32/42 = 1.5238 V, the current 0.05·32 =
 * 1.6 V, so the voltage binds: 100 + 20·log10(64/42) dB.
 * Into 16 Ω: the swing allows 2·16/26 = 1.2308 V, the current 0.05·16 =
 * 0.8 V, so the current binds: 100 + 20·log10(0.8) dB. */
static void
test_sweep_limits (void)
{
  static const struct {
    const char *headphone;
    const char *limit;
    double      spl_max_db;
  } cases[] = {
    { "@hp-resistor-32.json", "voltage", 103.658614 },
    { "@hp-resistor-16.json", "current", 98.06179974 },
  };

  g_assert_cmpfloat_with_epsilon (100.0 + 20.0 * log10 (64.0 / 42.0), cases[0].spl_max_db, 1e-6);
  g_assert_cmpfloat_with_epsilon (100.0 + 20.0 * log10 (0.8), cases[1].spl_max_db, 1e-6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GPtrArray) rows = NULL;

      RUN (&run, "sweep", "--headphone-file", cases[i].headphone,
           "--source-file", "@source-limited.json", "--points", "4");
      assert_success (&run);
      rows = parse_csv (run.out);
      g_assert_cmpuint (rows->len, ==, 4);
      for (guint k = 0; k < rows->len; k++)
        {
          g_assert_cmpstr (field_text (rows, k, COL_LIMIT), ==, cases[i].limit);
          assert_close (field (rows, k, COL_SPL_MAX_DB), cases[i].spl_max_db, 1e-8);
        }
    }
}

/* The same source on 10 Ω + 1 mH: at 20 Hz the load is about 10 Ω, the
 * current allows 0.05·|Z| ≈ 0.5 V against the swing's 2·|Z|/|Z + 10| ≈
 * 1 V, so the current binds; at 20 kHz |Z| ≈ 126 Ω and the swing binds. */
static void
test_sweep_limits_by_frequency (void)
{
  const double freq_hz[] = { 20.0, 20000.0 };
  const char *const limits[] = { "current", "voltage" };
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  /* 12 mV for 94 dB SPL. */
  const double sensitivity_db_per_v = 94.0 - 20.0 * log10 (0.012);

  RUN (&run, "sweep", "--headphone-file", "@hp-network.json",
       "--source-file", "@source-limited.json", "--points", "2");
  assert_success (&run);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint k = 0; k < rows->len; k++)
    {
      const double complex z = 10.0 + I * 2.0 * G_PI * freq_hz[k] * 0.001;
      const double by_voltage = 2.0 * cabs (z) / cabs (z + 10.0);
      const double by_current = 0.050 * cabs (z);

      g_assert_cmpstr (field_text (rows, k, COL_LIMIT), ==, limits[k]);
      assert_close (field (rows, k, COL_SPL_MAX_DB),
                    sensitivity_db_per_v + 20.0 * log10 (MIN (by_voltage, by_current)), 1e-8);
    }
}

static void
test_sweep_json (void)
{
  static const char *const keys[] = {
    "freq_hz", "z_mag_ohm", "z_phase_deg", "v_load_vrms", "i_ma", "p_mw",
    "spl_db", "dev_db", "atten_db", "spl_max_db", "limit",
  };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *drive;
  JsonArray *points;

  RUN (&run, "sweep", "--headphone-file", "@hp-resistor-32.json",
       "--zout", "32", "--vs", "2", "--points", "9", "--format", "json");
  assert_success (&run);
  object = parse_json_object (run.out, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "headphone"), ==, "Flat 32");
  g_assert_true (json_object_has_member (object, "source"));
  drive = json_object_get_object_member (object, "drive");
  assert_close (json_object_get_double_member (drive, "voc_vrms"), 2.0, PRINTED_REL);
  assert_close (json_object_get_double_member (drive, "spl_1k_db"), 100.0, PRINTED_REL);

  points = json_object_get_array_member (object, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 9);
  for (guint k = 0; k < json_array_get_length (points); k++)
    {
      JsonObject *point = json_array_get_object_element (points, k);

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        g_assert_true (json_object_has_member (point, keys[i]));
      assert_close (json_object_get_double_member (point, "freq_hz"),
                    20.0 * pow (1000.0, k / 8.0), PRINTED_REL);
      assert_close (json_object_get_double_member (point, "v_load_vrms"), 1.0, PRINTED_REL);
      assert_close (json_object_get_double_member (point, "i_ma"), 31.25, PRINTED_REL);
      g_assert_true (json_object_get_null_member (point, "spl_max_db"));
      g_assert_cmpstr (json_object_get_string_member (point, "limit"), ==, "none");
    }
}

/* A 32 Ω dynamic driver (peak 98 Ω at 80 Hz) on the IEC 61938 output,
 * 120 Ω and 5 Vrms: the 1/8 rule fails by far, so the bass rises; the
 * current limit is not in the file. */
static void
test_check_text (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  RUN (&run, "check", "--headphone-file", "@hp-dynamic-32.json",
       "--source-file", "@source-iec.json", "--spl", "100");
  assert_success (&run);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Verdict: Drives it with caveats");
  g_assert_true (g_str_has_prefix (lines[1], "  • "));
  g_assert_nonnull (strstr (run.out, "Damping factor:"));
  g_assert_nonnull (strstr (run.out, "0.267"));
  g_assert_nonnull (strstr (run.out, "1/8 rule:"));
  /* The current limit is unknown, the voltage 5 Vrms. */
  g_assert_nonnull (strstr (run.out, "available unknown"));
  g_assert_nonnull (strstr (run.out, "available 5 Vrms"));
}

static void
test_check_text_unlimited (void)
{
  g_auto(Run) run = { 0 };

  RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--zout", "0.5");
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Verdict: Drives it well\n"));
  g_assert_nonnull (strstr (run.out, "available no limit"));
  g_assert_nonnull (strstr (run.out, "Max clean SPL:"));
}

/* The connection between source and headphones: 10 Ω behind 2 Ω of
 * cable, an adapter of 20 Ω in series and 30 Ω across the 32 Ω load.
 * The load sees Zth = (10 + 2 + 20) ∥ 30 Ω = 15.48 Ω, driven by
 * Voc·30/(30 + 32) = 0.4839 V; across 32 Ω that is
 * 0.4839·32/(32 + 15.48) = 0.3261 V. */
static void
test_sweep_connection (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  const double zth_ohm = 32.0 * 30.0 / 62.0;
  const double v_load = (30.0 / 62.0) * 32.0 / (32.0 + zth_ohm);

  RUN (&run, "sweep", "--headphone-file", "@hp-resistor-32.json", "--zout", "10",
       "--cable", "2", "--adapter-series", "20", "--adapter-shunt", "30", "--points", "5");
  assert_success (&run);
  rows = parse_csv (run.out);
  for (guint k = 0; k < rows->len; k++)
    {
      assert_close (field (rows, k, COL_ZTH_OHM), zth_ohm, PRINTED_REL);
      assert_close (field (rows, k, COL_V_LOAD_VRMS), v_load, PRINTED_REL);
    }
}

/* --zout with a source replaces its output impedance and keeps its
 * limits. */
static void
test_zout_override (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json",
       "--source-file", "@source-iec.json", "--zout", "1", "--format", "json");
  assert_success (&run);
  object = parse_json_object (run.out, &root);
  assert_close (json_object_get_double_member (object, "zout_1k_ohm"), 1.0, 1e-9);
  assert_close (json_object_get_double_member (object, "voc_available_vrms"), 5.0, 1e-9);
  g_assert_true (json_object_get_boolean_member (object, "eighth_rule_holds"));

  /* As spec sheets print it: either Ohm sign (U+2126 from some keyboards
   * and sheets, U+03A9), a word, an SI prefix. */
  {
    const char *const forms[] = { "1 \u2126", "1\u03a9", "1 ohm", "0.001k" };

    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        g_auto(Run) same = { 0 };
        g_autoptr(JsonNode) same_root = NULL;

        RUN (&same, "check", "--headphone-file", "@hp-resistor-32.json",
             "--source-file", "@source-iec.json", "--zout", forms[i], "--format", "json");
        assert_success (&same);
        object = parse_json_object (same.out, &same_root);
        assert_close (json_object_get_double_member (object, "zout_1k_ohm"), 1.0, 1e-9);
      }
  }
}

/* A source as a spec sheet prints it: a maximum level in dBu, a noise
 * level, a rated load, and no output impedance, which is asked for. */
static void
test_sheet_figures (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@source-mixer-phones.json");
    assert_one_line_error (&run, 1, (const char *const[]) { "Mixer phones out", "not known", "--zout", NULL });
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;
    JsonArray *reasons;
    gboolean assumed = FALSE;
    gboolean hiss = FALSE;

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@source-mixer-phones.json",
         "--zout", "50", "--spl", "90", "--format", "json");
    assert_success (&run);
    object = parse_json_object (run.out, &root);
    /* +7.5 dBu = 0.7746 × 10^(7.5/20) = 1.8421 Vrms */
    assert_close (json_object_get_double_member (object, "voc_available_vrms"), 0.774597 * pow (10.0, 7.5 / 20.0), 1e-6);
    assert_close (json_object_get_double_member (object, "noise_vrms"), 0.774597 * pow (10.0, -95.0 / 20.0), 1e-6);
    assert_close (json_object_get_double_member (object, "min_load_ohm"), 32.0, 1e-9);
    g_assert_true (json_object_get_boolean_member (object, "zout_assumed"));
    reasons = json_object_get_array_member (object, "reasons");
    for (guint i = 0; i < json_array_get_length (reasons); i++)
      {
        const char *code = json_object_get_string_member (json_array_get_object_element (reasons, i), "code");

        assumed |= g_str_equal (code, "zout-assumed");
        hiss |= g_str_equal (code, "hiss") || g_str_equal (code, "hiss-inaudible");
      }
    g_assert_true (assumed);
    g_assert_true (hiss);
  }
  /* The same figures as options, on an ideal source. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--zout", "50", "--vmax", "+7.5dBu",
         "--imax", "40mA", "--noise", "100 dB", "--min-load", "600", "--format", "json");
    assert_success (&run);
    object = parse_json_object (run.out, &root);
    assert_close (json_object_get_double_member (object, "voc_available_vrms"), 0.774597 * pow (10.0, 7.5 / 20.0), 1e-6);
    assert_close (json_object_get_double_member (object, "i_available_ma"), 40.0, 1e-9);
    /* 100 dB below +7.5 dBu */
    assert_close (json_object_get_double_member (object, "noise_vrms"),
                  0.774597 * pow (10.0, (7.5 - 100.0) / 20.0), 1e-6);
    /* 32 Ω on a 600 Ω output: the reason of its own, first among caveats. */
    g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "caveats");
    g_assert_nonnull (strstr (run.out, "\"code\": \"below-rated-load\""));
    /* 32/82 of the noise, 10^((sens)/20) … the hand calculation is in test-summary. */
    g_assert_cmpstr (json_object_get_string_member (object, "hiss_spl_db_state"), ==, "known");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--vmax", "loud");
    assert_one_line_error (&run, 2, (const char *const[]) { "--vmax", "loud", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--noise", "110 dB");
    assert_one_line_error (&run, 2, (const char *const[]) { "--noise", "--vmax", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--vmax", "-3 V");
    assert_one_line_error (&run, 1, (const char *const[]) { "--vmax", "-3", NULL });
  }
}

/* A maximum voltage that depends on the load: check says which step it
 * read, at the headphones' |Z| at 1 kHz, in its text and its JSON. */
static void
test_voltage_by_load (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@source-macbook.json");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "available 1.25 Vrms (from its maximum voltage by load, "
                                       "at the load's |Z| at 1 kHz, 32 Ω)"));
    g_assert_nonnull (strstr (run.out, "The source's maximum voltage depends on the load: 1.25 Vrms, "
                                       "its maximum for the 32 Ω these headphones present at 1 kHz."));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@source-macbook.json",
         "--headphone-z", "300", "--format", "json");
    assert_success (&run);
    object = parse_json_object (run.out, &root);
    assert_close (json_object_get_double_member (object, "voc_available_vrms"), 3.0, 1e-12);
    g_assert_cmpstr (json_object_get_string_member (object, "voc_available_from"), ==, "steps");
    assert_close (json_object_get_double_member (object, "voc_step_load_ohm"), 300.0, 1e-9);
  }
  /* A maximum set by hand holds at every load. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@source-macbook.json",
         "--vmax", "2V", "--format", "json");
    assert_success (&run);
    object = parse_json_object (run.out, &root);
    assert_close (json_object_get_double_member (object, "voc_available_vrms"), 2.0, 1e-12);
    g_assert_cmpstr (json_object_get_string_member (object, "voc_available_from"), ==, "figure");
  }
}

static void
test_check_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *reason;
  JsonArray *reasons;

  RUN (&run, "check", "--headphone-file", "@hp-dynamic-32.json",
       "--source-file", "@source-iec.json", "--spl", "100", "--format", "json");
  assert_success (&run);
  object = parse_json_object (run.out, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "caveats");
  g_assert_cmpstr (json_object_get_string_member (object, "headphone"), ==, "Dynamic 32");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "IEC 61938 output");
  reasons = json_object_get_array_member (object, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), >, 0);
  /* Reasons are codes with their figures, and an English text. */
  reason = json_array_get_object_element (reasons, 0);
  g_assert_cmpstr (json_object_get_string_member (reason, "code"), ==, "deviation");
  g_assert_cmpstr (json_object_get_string_member (reason, "severity"), ==, "caveat");
  g_assert_cmpstr (json_object_get_string_member (reason, "cause"), ==, "eighth-rule");
  assert_close (json_object_get_double_member (reason, "zout_ohm"), 120.0, 1e-9);
  assert_close (json_object_get_double_member (reason, "z_nominal_ohm"), 32.0, 1e-9);
  assert_close (json_object_get_double_member (reason, "dev_db"),
                json_object_get_double_member (object, "dev_max_db"), 1e-9);
  assert_close (json_object_get_double_member (reason, "freq_hz"),
                json_object_get_double_member (object, "dev_max_freq_hz"), 1e-9);
  g_assert_true (json_object_get_boolean_member (reason, "at_resonance"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (reason, "text"), "The bass resonance at "));

  assert_close (json_object_get_double_member (object, "level_db_spl"), 100.0, 1e-9);
  assert_close (json_object_get_double_member (object, "z_nominal_ohm"), 32.0, 1e-9);
  assert_close (json_object_get_double_member (object, "zout_1k_ohm"), 120.0, 1e-9);
  assert_close (json_object_get_double_member (object, "damping_factor"), 32.0 / 120.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (object, "damping_factor_state"), ==, "known");
  g_assert_false (json_object_get_boolean_member (object, "eighth_rule_holds"));
  assert_close (json_object_get_double_member (object, "crest_factor_db"), 12.0, 1e-9);
  /* Re + Res = 26 + 26·2.5/0.9 = 98.2 Ω at fs, within the grid's step. */
  assert_close (json_object_get_double_member (object, "z_max_ohm"), 26.0 + 26.0 * 2.5 / 0.9, 1e-3);
  g_assert_cmpfloat (json_object_get_double_member (object, "deviation_span_db"), >, 1.0);

  assert_close (json_object_get_double_member (object, "voc_available_vrms"), 5.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (object, "voc_available_vrms_state"), ==, "known");
  g_assert_true (json_object_get_null_member (object, "i_available_ma"));
  g_assert_cmpstr (json_object_get_string_member (object, "i_available_ma_state"), ==, "unknown");
  g_assert_cmpstr (json_object_get_string_member (object, "limit_1k"), ==, "voltage");
  g_assert_true (json_object_has_member (object, "i_needed_ma"));
  g_assert_true (json_object_has_member (object, "headroom_db"));
}

static void
test_check_json_unlimited (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  RUN (&run, "check", "--headphone-file", "@hp-resistor-32.json", "--format", "json",
       "--points", "50");
  assert_success (&run);
  object = parse_json_object (run.out, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "drives-well");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "ideal");
  g_assert_true (json_object_get_null_member (object, "voc_available_vrms"));
  g_assert_cmpstr (json_object_get_string_member (object, "voc_available_vrms_state"), ==, "unlimited");
  g_assert_true (json_object_get_null_member (object, "spl_max_1k_db"));
  g_assert_cmpstr (json_object_get_string_member (object, "spl_max_1k_db_state"), ==, "unlimited");
  g_assert_true (json_object_get_null_member (object, "damping_factor"));
  g_assert_cmpstr (json_object_get_string_member (object, "damping_factor_state"), ==, "unlimited");
  g_assert_true (json_object_get_boolean_member (object, "eighth_rule_holds"));
  g_assert_cmpfloat (json_object_get_double_member (object, "deviation_span_db"), <, 1e-9);
}


static void
test_usage_errors (void)
{
  static const char *const cases[][12] = {
    { NULL },
    { "frobnicate", NULL },
    { "--bogus", NULL },
    { "sweep", "--bogus", "--headphone-file", "@hp-resistor-32.json", NULL },
    { "sweep", NULL },
    { "sweep", "--zout", "5", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--source", "x",
      "--source-file", "@source-iec.json", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--vs", "1", "--spl", "90", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--vs", "abc", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--zout", "12 furlongs", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--cable", "0.5 V", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--points", "1.5", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--fmin", "", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--format", "xml", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "--format", "text", NULL },
    { "check", "--headphone-file", "@hp-resistor-32.json", "--format", "csv", NULL },
    { "check", "--headphone-file", "@hp-resistor-32.json", "--crest-factor", "x", NULL },
    { "sweep", "--headphone-file", "@hp-resistor-32.json", "extra", NULL },
    { "sweep", "--headphone-file", NULL },
    /* A usage error wins over a file that does not exist. */
    { "sweep", "--headphone-file", "@no-such-file.json", "--vs", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i]);
      g_test_message ("case %u: %s", i, run.err);
      assert_one_line_error (&run, 2, NULL);
    }
}

static void
test_bad_input (void)
{
  static const struct {
    const char *args[10];
    const char *needles[4];
  } cases[] = {
    { { "sweep", "--headphone-file", "@no-such-file.json", NULL },
      { "no-such-file.json", NULL } },
    { { "sweep", "--headphone-file", "@bad-syntax.json", NULL },
      { "bad-syntax.json:3:", "Parse error", NULL } },
    { { "sweep", "--headphone-file", "@bad-empty.json", NULL },
      { "bad-empty.json", NULL } },
    { { "sweep", "--headphone-file", "@bad-not-object.json", NULL },
      { "bad-not-object.json", "[1,2]", NULL } },
    { { "sweep", "--headphone-file", "@bad-type.json", NULL },
      { "bad-type.json: ", "nominal_impedance_ohm", "\"32\"", NULL } },
    { { "sweep", "--headphone-file", "@bad-re.json", NULL },
      { "bad-re.json: ", "impedance.re_ohm", "-3", NULL } },
    { { "check", "--headphone-file", "@bad-tree.json", NULL },
      { "bad-tree.json: ", "impedance.tree.series[1].C", "-1e-06", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@bad-source.json", NULL },
      { "bad-source.json: ", "output_impedance_ohm", "-1", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@no-source.json", NULL },
      { "no-source.json", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--source-file", "@hp-resistor-32.json", NULL },
      { "hp-resistor-32.json: ", "output_impedance_ohm", "missing", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--zout", "-5", NULL },
      { "--zout", "-5", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--points", "1", NULL },
      { "--points", "1", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--points", "-4", NULL },
      { "--points", "-4", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--fmax", "20", NULL },
      { "--fmax", "20", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--fmin", "-1", NULL },
      { "--fmin", "-1", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--vs", "0", NULL },
      { "--vs", "0", NULL } },
    { { "sweep", "--headphone-file", "@hp-resistor-32.json", "--spl", "nan", NULL },
      { "--spl", "nan", NULL } },
    { { "check", "--headphone-file", "@hp-resistor-32.json", "--crest-factor", "-3", NULL },
      { "--crest-factor", "-3", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i].args);
      g_test_message ("case %u: %s", i, run.err);
      assert_one_line_error (&run, 1, cases[i].needles);
    }
}

/* A gear file nested 100,000 deep, of brackets or of network nodes:
 * json-glib would recurse until the stack ran out. One line instead,
 * naming the file, the place and the depth, and exit status 1. */
static void
test_deep_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("headroom-deep-XXXXXX", &error);
  g_autofree char *brackets_path = g_build_filename (folder, "brackets.json", NULL);
  g_autofree char *network_path = g_build_filename (folder, "network.json", NULL);
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autoptr(GString) network = g_string_new ("{\"name\": \"deep\", \"nominal_impedance_ohm\": 32, "
                                             "\"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"}, "
                                             "\"impedance\": {\"model\": \"network\", \"tree\": ");

  g_assert_no_error (error);
  for (guint i = 0; i < 100000; i++)
    g_string_append (network, "{\"series\": [");
  g_string_append (network, "{\"R\": 32}");
  for (guint i = 0; i < 100000; i++)
    g_string_append (network, "]}");
  g_string_append (network, "}}");
  g_assert_true (g_file_set_contents (brackets_path, brackets, -1, NULL));
  g_assert_true (g_file_set_contents (network_path, network->str, -1, NULL));

  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "check", "--headphone-file", brackets_path, NULL };
    const char *needles[] = { "brackets.json:1:65: ", "nest 100000 levels deep", NULL };

    run_cli (&run, args);
    assert_one_line_error (&run, 1, needles);
  }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "sweep", "--headphone-file", network_path, NULL };
    const char *needles[] = { "network.json:1:", "nest 200003 levels deep", NULL };

    run_cli (&run, args);
    assert_one_line_error (&run, 1, needles);
  }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "check", "--headphone-file", "@hp-resistor-32.json",
                           "--source-file", brackets_path, NULL };
    const char *needles[] = { "brackets.json:1:65: ", NULL };

    run_cli (&run, args);
    assert_one_line_error (&run, 1, needles);
  }

  /* Behind a single-quoted string ending in a backslash, as gear and as
   * a comparison: json-glib reads no escape in it, and a check that read
   * one counted none of the brackets after it. */
  {
    g_autofree char *hidden_path = g_build_filename (folder, "hidden.json", NULL);
    g_autofree char *hidden = g_strconcat ("['\\', ", brackets, "'x']", NULL);
    const char *const options[] = { "--headphone-file", "--comparison" };

    g_assert_true (g_file_set_contents (hidden_path, hidden, -1, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_auto(Run) run = { 0 };
        const char *args[] = { "check", options[i], hidden_path, NULL };
        const char *needles[] = { "hidden.json:1:2: a string in single quotes", NULL };

        run_cli (&run, args);
        assert_one_line_error (&run, 1, needles);
      }
    g_unlink (hidden_path);
  }

  g_unlink (brackets_path);
  g_unlink (network_path);
  g_rmdir (folder);
}

/* --fr: the headphones' response from a file; sweep adds the response as
 * measured and as it will be on the source, after all its columns;
 * --fr-zout says what it was measured on. */
static void
test_sweep_response (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) same = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) same_lines = NULL;
  guint checked = 0;

  RUN (&run, "sweep", "--headphone-file", "@hp-hd600.json", "--zout", "120",
       "--fr", "@curves/real/Sennheiser HD 650.csv", "--points", "50");
  assert_success (&run);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, CSV_HEADER ",fr_db,fr_pred_db");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, N_COLUMNS + 2);
      if (fields[N_COLUMNS][0] == '\0')
        {
          /* Outside the file's 20–19955 Hz: both empty. */
          g_assert_cmpstr (fields[N_COLUMNS + 1], ==, "");
          continue;
        }
      assert_close (g_ascii_strtod (fields[N_COLUMNS + 1], NULL),
                    g_ascii_strtod (fields[N_COLUMNS], NULL) + g_ascii_strtod (fields[COL_DEV_DB], NULL), 1e-8);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 48);

  RUN (&same, "sweep", "--headphone-file", "@hp-hd600.json", "--zout", "120",
       "--fr", "@curves/real/Sennheiser HD 650.csv", "--fr-zout", "120", "--points", "50");
  assert_success (&same);
  same_lines = g_strsplit (same.out, "\n", -1);
  for (guint i = 1; same_lines[i] != NULL && same_lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (same_lines[i], ",", -1);

      if (fields[N_COLUMNS][0] != '\0')
        assert_close (g_ascii_strtod (fields[N_COLUMNS + 1], NULL), g_ascii_strtod (fields[N_COLUMNS], NULL), 1e-8);
    }
  {
    g_auto(Run) bad = { 0 };

    RUN (&bad, "sweep", "--headphone-file", "@hp-hd600.json", "--fr", "@bad-syntax.json");
    assert_one_line_error (&bad, 1, (const char *const[]) { "bad-syntax.json", NULL });
  }
  {
    g_auto(Run) bad = { 0 };

    RUN (&bad, "sweep", "--headphone-file", "@hp-hd600.json", "--fr-zout", "-3");
    assert_one_line_error (&bad, 1, (const char *const[]) { "--fr-zout", "-3", NULL });
  }
}

/* fit: a driver from a plot's figures, as the form fits it. */
static void
test_fit (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "fit", "--peak-hz", "95", "--peak-ohm", "510 Ω", "--z-1k", "310");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "Qms:  0.56 (assumed)"));
    g_assert_nonnull (strstr (run.out, "Peak |Z|: 510 Ω given, model 510 Ω (+0.00 %)"));
    g_assert_nonnull (strstr (run.out, "Modelled: fitted to the peak of 510 Ω at 95 Hz"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;
    g_autoptr(HrImpedance) impedance = NULL;
    HrThieleSmall ts;

    RUN (&run, "fit", "--peak-hz", "95", "--peak-ohm", "510", "--z-1k", "310", "--z-20k", "370",
         "--width-lo", "62", "--width-hi", "145", "--format", "json");
    assert_success (&run);
    object = parse_json_object (run.out, &root);
    g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "thiele-small");
    ts = (HrThieleSmall) { json_object_get_double_member (object, "re_ohm"),
                           json_object_get_double_member (object, "le_h"),
                           json_object_get_double_member (object, "fs_hz"),
                           json_object_get_double_member (object, "qms"),
                           json_object_get_double_member (object, "qes") };
    /* The model the JSON describes meets the figures it was fitted to. */
    impedance = hr_impedance_new_thiele_small (&ts, NULL);
    g_assert_nonnull (impedance);
    assert_close (cabs (hr_impedance_eval (impedance, 1000.0)), 310.0, 0.005);
    assert_close (cabs (hr_impedance_eval (impedance, 20000.0)), 370.0, 0.005);
    g_assert_nonnull (strstr (json_object_get_string_member (object, "modelled"), "370 Ω at 20 kHz"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "fit", "--peak-hz", "95", "--peak-ohm", "300", "--z-1k", "310");
    assert_one_line_error (&run, 1, (const char *const[]) { "z_fs_ohm", "300", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "fit", "--peak-hz", "95", "--z-1k", "310");
    assert_one_line_error (&run, 2, (const char *const[]) { "--peak-ohm", NULL });
  }
}

/* check --comparison: the configuration a comparison file was saved
 * with, the same as given by options; the file takes no other gear
 * options; a broken one is one line naming the file and the place. */
static void
test_check_comparison (void)
{
  g_auto(Run) by_file = { 0 };
  g_auto(Run) by_options = { 0 };

  RUN (&by_file, "check", "--comparison", "@comparisons/fireface-hd650.headroom", "--format", "json");
  assert_success (&by_file);
  RUN (&by_options, "check", "--source", "rme-fireface-800", "--output", "line", "--headphone", "sennheiser-hd-650",
       "--spl", "95", "--format", "json");
  assert_success (&by_options);
  g_assert_cmpstr (by_file.out, ==, by_options.out);
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--comparison", "@comparisons/fireface-hd650.headroom");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "RME Fireface 800, Line out"));
    g_assert_nonnull (strstr (run.out, "95.0 dB SPL at 1 kHz"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--comparison", "@comparisons/fireface-hd650.headroom", "--zout", "10");
    assert_one_line_error (&run, 2, (const char *const[]) { "--comparison", "--zout", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--comparison", "@bad-syntax.json");
    assert_one_line_error (&run, 1, (const char *const[]) { "bad-syntax.json:", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--comparison", "@hp-hd600.json");
    assert_one_line_error (&run, 1, (const char *const[]) { "hp-hd600.json: format is missing", NULL });
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/sweep/grid", test_sweep_grid);
  g_test_add_func ("/cli/sweep/defaults", test_sweep_defaults);
  g_test_add_func ("/cli/sweep/divider", test_sweep_divider);
  g_test_add_func ("/cli/sweep/spl-drive", test_sweep_spl_drive);
  g_test_add_func ("/cli/sweep/limits", test_sweep_limits);
  g_test_add_func ("/cli/sweep/limits-by-frequency", test_sweep_limits_by_frequency);
  g_test_add_func ("/cli/sweep/json", test_sweep_json);
  g_test_add_func ("/cli/sweep/connection", test_sweep_connection);
  g_test_add_func ("/cli/check/zout-override", test_zout_override);
  g_test_add_func ("/cli/check/text", test_check_text);
  g_test_add_func ("/cli/check/text-unlimited", test_check_text_unlimited);
  g_test_add_func ("/cli/check/json", test_check_json);
  g_test_add_func ("/cli/check/sheet-figures", test_sheet_figures);
  g_test_add_func ("/cli/check/voltage-by-load", test_voltage_by_load);
  g_test_add_func ("/cli/sweep/response", test_sweep_response);
  g_test_add_func ("/cli/fit", test_fit);
  g_test_add_func ("/cli/check/comparison", test_check_comparison);
  g_test_add_func ("/cli/check/json-unlimited", test_check_json_unlimited);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/deep-files", test_deep_files);

  return g_test_run ();
}
