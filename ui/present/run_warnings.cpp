#include "run_warnings.h"

#include "number_format.h"
#include "result_tables.h"

#include <QCoreApplication>

namespace nines::present {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("nines::present", s);
}
}  // namespace

QStringList runWarnings(const sim::RunResult& r, const sim::RunSettings& s)
{
    QStringList out;
    if (r.replications == 0)
        return {tr("No replication finished: there are no figures.")};
    const std::string period = periodOf(s).toStdString();
    const QString years = qs(plural(double(r.replications), period, period + "s"));  // "1,000 years"
    if (r.observed_outages == 0) {
        out << tr("No outage was observed in %1: the unavailability, the outages per %2 and the chance of "
                  "missing the SLA are one-sided 95% upper bounds, not estimates.")
                   .arg(years, periodOf(s));
    } else if (r.observed_outages < s.min_outages) {
        out << tr("Few outages observed (%1 in %2, fewer than %3): the intervals may be too narrow; run more "
                  "%4s before deciding on these figures.")
                   .arg(fixedText(r.observed_outages, 0), years, fixedText(s.min_outages, 0), periodOf(s));
    }
    if (s.target_relative_precision > 0 && r.stop != sim::StopReason::Precision && r.stop != sim::StopReason::Cancelled) {
        const QString reached = r.unavailability.mean > 0 ? QStringLiteral("±%1%").arg(fixedText(100 * r.relative_precision, 1))
                                                          : tr("no measurable precision");
        const QString asked = QStringLiteral("±%1%").arg(fixedText(100 * s.target_relative_precision, 1));
        const QString where = r.stop == sim::StopReason::WallClock
                                  ? tr("at its time budget (%1 s)").arg(fixedText(s.max_wall_seconds, 0))
                                  : tr("at its replication cap");
        QString text = tr("The run stopped %1 after %2 at %3 relative precision of the unavailability, short of "
                          "the %4 asked")
                           .arg(where, years, reached, asked);
        if (r.unavailability.mean > 0 && r.relative_precision <= s.target_relative_precision
            && r.observed_outages < s.min_outages)
            text += tr(": the precision was reached, but not the %1 outages it waits for").arg(fixedText(s.min_outages, 0));
        out << text + QLatin1Char('.');
    }
    return out;
}

}  // namespace nines::present
