// Exact figures of a queue in front of a consumer whose outages are exponential: with a buffer
// that lasts T = B / r hours, an outage of length D fills it when D > T, so per outage
// E[(D - T)+] = m e^{-T/m} hours are full (messages lost) and E[min(D, T)] = m (1 - e^{-T/m})
// are buffered (messages delayed).
#pragma once

namespace nines::sim {

struct QueueFigures {
    double full_hours_per_year = 0.0;
    double buffering_hours_per_year = 0.0;
    double messages_lost_per_year = 0.0;
    double messages_delayed_per_year = 0.0;
    double full_probability = 0.0;  // long-run share of time the buffer is full
};

/// `outagesPerYear` and `meanOutageHours` of the consumer (exponential outage lengths),
/// `bufferMessages`, `messagesPerHour`.
QueueFigures exponentialOutageQueue(double outagesPerYear, double meanOutageHours, double bufferMessages,
                                    double messagesPerHour);

}  // namespace nines::sim
