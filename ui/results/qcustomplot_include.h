// QCustomPlot's header uses Qt's keywords (signals, slots, foreach), which ui/ is built without
// (QT_NO_KEYWORDS, so that nothing clashes with Boost): they are lent to it for the include only.
#pragma once

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
