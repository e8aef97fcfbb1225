// What a run's figures cannot be trusted for, in sentences: nothing or few outages observed, a
// precision target not reached. The same list goes to the window, the reports and the JSON.
#pragma once

#include "sim/run.h"

#include <QStringList>

namespace nines::present {

/// The warnings of a finished (or stopped) run, most serious first; empty when none applies.
QStringList runWarnings(const sim::RunResult& r, const sim::RunSettings& s);

}  // namespace nines::present
