/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "hr-curve-import.h"

/* hr_curve_sniff() on every sample: the real files under their own names
 * and again under a name that says nothing, so that the content alone
 * must tell; each of its rules on its own; and what it cannot tell. A
 * file it classifies must then import as that kind. */

static char *
curve_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "curves", name, NULL);
}

static char *
read_curve (const char *name,
            gsize      *length)
{
  g_autofree char *path = curve_file (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static const char *
kind_name (HrCurveKind kind)
{
  switch (kind)
    {
    case HR_CURVE_KIND_UNKNOWN:
      return "unknown";
    case HR_CURVE_KIND_RESPONSE:
      return "response";
    case HR_CURVE_KIND_IMPEDANCE:
      return "impedance";
    default:
      g_assert_not_reached ();
    }
}

static void
assert_sniff (const char  *data,
              gsize        length,
              const char  *display_name,
              HrCurveKind  expected)
{
  HrCurveKind kind = hr_curve_sniff (data, length, display_name);

  if (kind != expected)
    g_error ("%s: sniffed %s, expected %s", display_name ? display_name : "(no name)",
             kind_name (kind), kind_name (expected));
}

static void
assert_sniff_text (const char  *text,
                   const char  *display_name,
                   HrCurveKind  expected)
{
  assert_sniff (text, strlen (text), display_name, expected);
}

typedef struct
{
  const char  *file;
  HrCurveKind  kind;
  /* What it is under the name "curve.txt": the same unless the name or
   * extension was what decided. */
  HrCurveKind  kind_by_content;
} SampleCase;

static const SampleCase samples[] = {
  /* Real files (real/), PROVENANCE.md. */
  { "real/Sennheiser HD 650.csv", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/AKG K240 MKII.csv", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/JBL Tune 720BT (Filk).csv", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/AudioSense DT200 L.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/B27 L.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/Crinacle Target.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/Precogvision Target.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/HpTF Demo Center L.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/tweeter_raw.frd", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/Faital12PR320-OSMC-warm_Vituix_SPL_closedbox-25L-2pi.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "real/Faital12PR320-OSMC-warm_Vituix_Impedance_closedbox-25L.txt", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  /* Synthetic stand-ins for the samples without a licence. */
  { "mataa-spliced.frd", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "mataa-outdoor.FRD", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  /* Only its name says impedance; its values agree. */
  { "mataa_driver_impedance.frd", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "speakerbench.zma", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "vituixcad-diffraction.txt", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  /* The hand-written fixtures of the importers' own tests. */
  { "rew-impedance.txt", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "rew-comma.txt", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "arta-semicolon.txt", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "impedance.csv", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "reordered.csv", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "vituixcad.zma", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  /* "* Impedance without phase": the comment tells. */
  { "no-phase.zma", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "decimal-comma.zma", HR_CURVE_KIND_IMPEDANCE, HR_CURVE_KIND_IMPEDANCE },
  { "response.frd", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "autoeq-raw.csv", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
  { "autoeq-results.csv", HR_CURVE_KIND_RESPONSE, HR_CURVE_KIND_RESPONSE },
};

/* Each sample is classified, and then imports as what it was said to be. */
static void
test_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const SampleCase *sample = &samples[i];
      g_autofree char *path = curve_file (sample->file);
      g_autofree char *basename = g_path_get_basename (sample->file);
      g_autoptr(GError) error = NULL;
      HrCurveKind from_file = HR_CURVE_KIND_UNKNOWN;
      gsize length = 0;
      g_autofree char *data = read_curve (sample->file, &length);

      g_test_message ("%s", sample->file);
      assert_sniff (data, length, basename, sample->kind);
      assert_sniff (data, length, "curve.txt", sample->kind_by_content);

      g_assert_true (hr_curve_sniff_file (path, &from_file, &error));
      g_assert_no_error (error);
      g_assert_cmpint (from_file, ==, sample->kind);

      if (sample->kind == HR_CURVE_KIND_IMPEDANCE)
        {
          g_autoptr(HrImpedanceCurve) curve = hr_curve_load_impedance (path, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (curve->n_points, >, 0);
        }
      else
        {
          g_autoptr(HrResponseCurve) curve = hr_curve_load_response (path, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (curve->n_points, >, 0);
        }
    }
}

/* The evidence in its order: extension .zma, column header, comments,
 * name, extension .frd, values. */
static void
test_rule_order (void)
{
  static const char rew_spl[] = "* Freq(Hz)\tSPL(dB)\tPhase(degrees)\n20\t80\t10\n1000\t85\t-5\n";
  static const char rew_z[] = "* Freq(Hz) Z(ohms) Phase(degrees)\n20 80 10\n1000 85 -5\n";
  static const char bare[] = "20\t80\t10\n1000\t85\t-5\n";
  static const char speakerbench[] = "* Data: Impedance (ohms), Phase (degrees)\n10 7.2 25\n100 31.5 -12\n";
  static const char mataa_spl[] = "* spliced SPL curve\n10 25 20\n100 31.5 -12\n";
  static const char both_columns[] = "Frequency\tSPL\tImpedance\n20 -3 1\n1000 0 2\n";

  /* REW: "If the extension is .zma the data is always treated as
   * impedance", whatever the header says. */
  assert_sniff_text (rew_spl, "x.zma", HR_CURVE_KIND_IMPEDANCE);
  assert_sniff_text (rew_spl, "x.ZMA", HR_CURVE_KIND_IMPEDANCE);

  /* The column header over the name, the .frd extension and the values
   * (80–85 with a phase of ±10° would be UNKNOWN by value). */
  assert_sniff_text (rew_spl, "impedance.txt", HR_CURVE_KIND_RESPONSE);
  assert_sniff_text (rew_z, "response.frd", HR_CURVE_KIND_IMPEDANCE);
  assert_sniff_text (bare, "x.txt", HR_CURVE_KIND_UNKNOWN);

  /* Comment words over the name. */
  assert_sniff_text (speakerbench, "spl.txt", HR_CURVE_KIND_IMPEDANCE);
  assert_sniff_text (mataa_spl, "impedance.txt", HR_CURVE_KIND_RESPONSE);
  /* ...but not "dB", which REW writes in any header. */
  assert_sniff_text ("* Target level: 75.0 dB\n20 7 10\n1000 8 -5\n", "x.txt", HR_CURVE_KIND_IMPEDANCE);

  /* The name, then .frd, then values. */
  assert_sniff_text (bare, "HD600 impedance.txt", HR_CURVE_KIND_IMPEDANCE);
  assert_sniff_text (bare, "HD600 FR.txt", HR_CURVE_KIND_RESPONSE);
  assert_sniff_text (bare, "HD600.frd", HR_CURVE_KIND_RESPONSE);
  /* A name for both kinds says nothing. */
  assert_sniff_text (bare, "impedance and SPL.txt", HR_CURVE_KIND_UNKNOWN);

  /* A header naming both kinds falls through to the values: negative. */
  assert_sniff_text (both_columns, "x.txt", HR_CURVE_KIND_RESPONSE);
}

/* Rule 6, one value band at a time, under a name that says nothing. */
static void
test_values (void)
{
  /* Negative: dB. */
  assert_sniff_text ("20 -3.5\n1000 0\n20000 -12\n", "x.txt", HR_CURVE_KIND_RESPONSE);
  /* A phase beyond ±90°: no passive load. */
  assert_sniff_text ("20 8 10\n1000 9 -120\n", "x.txt", HR_CURVE_KIND_RESPONSE);
  /* Above 150: a 300 Ω headphone, phase or not. */
  assert_sniff_text ("20 312.4\n100 520.1\n1000 305.8\n", "x.txt", HR_CURVE_KIND_IMPEDANCE);
  assert_sniff_text ("20 312.4 12\n100 520.1 -18\n1000 305.8 1\n", "x.txt", HR_CURVE_KIND_IMPEDANCE);
  /* dB SPL without phase, as CrinGraph's files. */
  assert_sniff_text ("20 86.8\n1000 90.2\n20000 85\n", "x.txt", HR_CURVE_KIND_RESPONSE);
  /* ...with a phase of zeros, as squig.link's targets. */
  assert_sniff_text ("20 114.9 0\n1000 106.2 0\n", "x.txt", HR_CURVE_KIND_RESPONSE);
  /* Speaker-like impedance with phase. */
  assert_sniff_text ("20 6.5 25\n100 31.5 -12\n1000 9.1 8\n", "x.txt", HR_CURVE_KIND_IMPEDANCE);
  /* .frd with such values: the extension and the values disagree. */
  assert_sniff_text ("20 6.5 25\n100 31.5 -12\n1000 9.1 8\n", "x.frd", HR_CURVE_KIND_UNKNOWN);
}

/* What the sniffer must leave to the user. */
static void
test_ambiguous (void)
{
  static const char *const cases[] = {
    /* 64–80 with a phase: an 80 Ω headphone or a response in dB SPL. */
    "20 80 10\n1000 85 -5\n20000 64 20\n",
    /* Small and positive without phase: a 16 Ω earphone or relative dB. */
    "20 16.5\n1000 16.1\n20000 17.2\n",
    /* Below 2 with a phase: a diffraction curve more likely than ohms. */
    "5 1.75 0.875\n1000 5.5 -6.75\n",
    /* Nothing to go by. */
    "",
    "\xef\xbb\xbf\r\n\r\n",
    "Frequency\tValue\tPhase\n",
    /* Not curves at all: an Equalizer APO file, AutoEq's GraphicEQ, JSON. */
    "Preamp: -6.2 dB\nFilter 1: ON LSC Fc 105 Hz Gain 7.5 dB Q 0.70\n",
    "GraphicEQ: 20 -6.2; 21 -6.2; 22 -6.1",
    "{ \"output\": { \"equalizer#0\": { \"gain\": 3.5 } } }\n",
    /* Lines of numbers that the importer refuses. */
    "20 80 1\n10 81 2\n",
    "\x01\x02\x03\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_sniff_text (cases[i], "curve.txt", HR_CURVE_KIND_UNKNOWN);
      assert_sniff_text (cases[i], NULL, HR_CURVE_KIND_UNKNOWN);
    }

  /* A .frd with numbers the importer refuses is still a response by its
   * extension: the importer then says what is wrong. */
  assert_sniff_text ("20 80 1\n10 81 2\n", "x.frd", HR_CURVE_KIND_RESPONSE);
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  HrCurveKind kind = HR_CURVE_KIND_RESPONSE;

  g_assert_false (hr_curve_sniff_file ("/nonexistent/curve.frd", &kind, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpint (kind, ==, HR_CURVE_KIND_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curve-sniff/samples", test_samples);
  g_test_add_func ("/curve-sniff/rule-order", test_rule_order);
  g_test_add_func ("/curve-sniff/values", test_values);
  g_test_add_func ("/curve-sniff/ambiguous", test_ambiguous);
  g_test_add_func ("/curve-sniff/unreadable", test_unreadable);

  return g_test_run ();
}
