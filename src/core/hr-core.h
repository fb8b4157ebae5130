/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-model-error.h"
#include "hr-format.h"
#include "hr-network.h"
#include "hr-impedance.h"
#include "hr-fit.h"
#include "hr-headphone.h"
#include "hr-source.h"
#include "hr-circuit.h"
#include "hr-reason.h"
#include "hr-sweep.h"
#include "hr-summary.h"
#include "hr-reason-region.h"
#include "hr-rank.h"
#include "hr-infer.h"
#include "hr-units.h"
#include "hr-eq.h"
