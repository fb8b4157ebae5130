/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "hr-db-error.h"

G_DEFINE_QUARK (hr-db-error-quark, hr_db_error)
