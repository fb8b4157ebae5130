/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where each value of a JSON text starts, by JSON path. json-glib 1.6
 * keeps no positions in its tree, so this scans the text again, and only
 * when there is a problem to place. Not installed.
 *
 * Lines and columns count from 1; a column counts characters, not bytes,
 * as editors do. Paths are spelt as hr_json_path_member() and
 * hr_json_path_index() spell them; "" is the document.
 */

typedef struct _HrJsonLocator HrJsonLocator;

/* Deeper than this, a document is refused before json-glib sees it: its
 * parser, and ours of network trees, recurse once per level. */
#define HR_JSON_MAX_DEPTH 64

HrJsonLocator *hr_json_locator_new        (const char     *text,
                                           gsize           length);
void           hr_json_locator_free       (HrJsonLocator  *self);
const char    *hr_json_locator_find       (HrJsonLocator  *self,
                                           const char     *path,
                                           guint          *line,
                                           guint          *column);

void           hr_json_text_position      (const char     *text,
                                           gsize           offset,
                                           guint          *line,
                                           guint          *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrJsonLocator, hr_json_locator_free)

G_END_DECLS
