/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-gear-labels.h"

/* The kinds of gear in words, for people: the app's lists and titles and
 * the names the scenario gives its configurations. The schema's own
 * spellings (hr_output_kind_to_string() and friends) are for files. */

const char *
hr_output_kind_label (HrOutputKind kind)
{
  switch (kind)
    {
    case HR_OUTPUT_KIND_LINE:
      return _("Line out");
    case HR_OUTPUT_KIND_HEADPHONE:
      return _("Headphone out");
    case HR_OUTPUT_KIND_BALANCED:
      return _("Balanced out");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Under the output-impedance slider when the output's own is not known:
 * what the value it starts from is, and where it comes from
 * (hr_output_kind_assumed_zout_ohm()). */
const char *
hr_output_kind_assumed_zout_label (HrOutputKind kind)
{
  if (kind == HR_OUTPUT_KIND_HEADPHONE)
    /* Translators: under the output impedance slider, when the output's own is not known */
    return _("Not known: starts from an assumption, 120 Ω, the IEC 61938 headphone output");
  /* Translators: under the output impedance slider, when the output's own is not known */
  return _("Not known: starts from an assumption, 100 Ω, a typical line output (Wikipedia, “Line level”)");
}

const char *
hr_source_category_label (HrSourceCategory category)
{
  switch (category)
    {
    case HR_SOURCE_CATEGORY_MIC_PREAMP:
      return _("Mic preamp");
    case HR_SOURCE_CATEGORY_LINE_PREAMP:
      return _("Line preamp");
    case HR_SOURCE_CATEGORY_LINE_PROCESSOR:
      /* Translators: a compressor, an equaliser: gear with a line output in a studio rack */
      return _("Line processor");
    case HR_SOURCE_CATEGORY_TUBE_PREAMP:
      return _("Tube preamp");
    case HR_SOURCE_CATEGORY_AUDIO_INTERFACE:
      return _("Audio interface");
    case HR_SOURCE_CATEGORY_MIXER:
      return _("Mixer");
    case HR_SOURCE_CATEGORY_HEADPHONE_AMP:
      return _("Headphone amp");
    case HR_SOURCE_CATEGORY_DAC_AMP:
      return _("DAC/amp");
    case HR_SOURCE_CATEGORY_USB_DONGLE:
      return _("USB dongle");
    case HR_SOURCE_CATEGORY_PHONE:
      return _("Phone");
    case HR_SOURCE_CATEGORY_PLAYER:
      return _("Player");
    case HR_SOURCE_CATEGORY_COMPUTER:
      /* Translators: a laptop's or desktop's own headphone jack */
      return _("Computer");
    case HR_SOURCE_CATEGORY_REFERENCE:
      return _("Reference");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What a list calls a typical design, not a product, of a category
 * ("generic": true): "Typical mic preamp". Whole phrases, so that a
 * translation can inflect them. */
const char *
hr_source_category_typical_label (HrSourceCategory category)
{
  switch (category)
    {
    case HR_SOURCE_CATEGORY_MIC_PREAMP:
      return _("Typical mic preamp");
    case HR_SOURCE_CATEGORY_LINE_PREAMP:
      return _("Typical line preamp");
    case HR_SOURCE_CATEGORY_LINE_PROCESSOR:
      return _("Typical line processor");
    case HR_SOURCE_CATEGORY_TUBE_PREAMP:
      return _("Typical tube preamp");
    case HR_SOURCE_CATEGORY_AUDIO_INTERFACE:
      return _("Typical audio interface");
    case HR_SOURCE_CATEGORY_MIXER:
      return _("Typical mixer");
    case HR_SOURCE_CATEGORY_HEADPHONE_AMP:
      return _("Typical headphone amp");
    case HR_SOURCE_CATEGORY_DAC_AMP:
      return _("Typical DAC/amp");
    case HR_SOURCE_CATEGORY_USB_DONGLE:
      return _("Typical USB dongle");
    case HR_SOURCE_CATEGORY_PHONE:
      return _("Typical phone");
    case HR_SOURCE_CATEGORY_PLAYER:
      return _("Typical player");
    case HR_SOURCE_CATEGORY_COMPUTER:
      return _("Typical computer");
    case HR_SOURCE_CATEGORY_REFERENCE:
      return _("Typical reference");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hr_source_preset_dup_list_label:
 *
 * A source as the dropdown lists it: "RME Fireface 800 · Audio
 * interface", and a typical design first as what it is: "Typical mic
 * preamp · Op-amp line output, 100 Ω build-out".
 */
char *
hr_source_preset_dup_list_label (HrSourcePreset *preset)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (HR_IS_SOURCE_PRESET (preset), NULL);

  name = hr_preset_dup_display_name (HR_PRESET (preset));
  if (hr_source_preset_get_generic (preset))
    return g_strdup_printf ("%s · %s", hr_source_category_typical_label (hr_source_preset_get_category (preset)),
                            name);
  return g_strdup_printf ("%s · %s", name, hr_source_category_label (hr_source_preset_get_category (preset)));
}

const char *
hr_headphone_type_label (HrHeadphoneType type)
{
  switch (type)
    {
    case HR_HEADPHONE_TYPE_OPEN_DYNAMIC:
      return _("Open-back dynamic");
    case HR_HEADPHONE_TYPE_CLOSED_DYNAMIC:
      return _("Closed-back dynamic");
    case HR_HEADPHONE_TYPE_PLANAR:
      return _("Planar magnetic");
    case HR_HEADPHONE_TYPE_DYNAMIC_IEM:
      return _("Dynamic IEM");
    case HR_HEADPHONE_TYPE_BA_IEM:
      return _("Balanced-armature IEM");
    case HR_HEADPHONE_TYPE_HYBRID_IEM:
      return _("Hybrid IEM");
    default:
      g_return_val_if_reached (NULL);
    }
}
