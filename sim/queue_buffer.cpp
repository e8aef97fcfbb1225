#include "queue_buffer.h"

#include <cmath>

namespace nines::sim {

QueueFigures exponentialOutageQueue(double outagesPerYear, double meanOutageHours, double bufferMessages,
                                    double messagesPerHour)
{
    QueueFigures f;
    const double fill = messagesPerHour > 0 ? bufferMessages / messagesPerHour : INFINITY;
    const double beyond = std::isfinite(fill) ? std::exp(-fill / meanOutageHours) : 0.0;
    f.full_hours_per_year = outagesPerYear * meanOutageHours * beyond;
    f.buffering_hours_per_year = outagesPerYear * meanOutageHours * (1.0 - beyond);
    f.messages_lost_per_year = messagesPerHour * f.full_hours_per_year;
    f.messages_delayed_per_year = messagesPerHour * f.buffering_hours_per_year;
    f.full_probability = f.full_hours_per_year / 8760.0;
    return f;
}

}  // namespace nines::sim
