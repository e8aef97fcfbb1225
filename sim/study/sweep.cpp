#include "sweep.h"

#include "sim/analytic.h"
#include "sim/compiled_model.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nines::study {

std::optional<SweepAxis> parseSweep(const std::string& spec, std::string& why)
{
    const size_t eq = spec.rfind('=');
    const size_t dots = spec.find("..", eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || dots == std::string::npos) {
        why = "expected PATH=FROM..TO[:STEP], e.g. components[app].instances=2..6, got \"" + spec + "\"";
        return std::nullopt;
    }
    SweepAxis axis;
    axis.path = spec.substr(0, eq);
    if (axis.path.rfind("settings", 0) == 0) {
        why = "\"" + axis.path + "\": a sweep changes the design; run settings (seed, mission, SLA target...) are set "
              "with the command's options or in the model";
        return std::nullopt;
    }
    const std::string from = spec.substr(eq + 1, dots - eq - 1);
    std::string to = spec.substr(dots + 2), step;
    if (const size_t colon = to.find(':'); colon != std::string::npos) {
        step = to.substr(colon + 1);
        to = to.substr(0, colon);
    }
    auto number = [&](const std::string& s, double& out) {
        std::istringstream in(s);
        in >> out;
        return !s.empty() && in && in.eof();
    };
    double lo = 0, hi = 0, dx = 1;
    if (!number(from, lo) || !number(to, hi) || (!step.empty() && !number(step, dx))) {
        why = "\"" + spec + "\": FROM, TO and STEP must be numbers";
        return std::nullopt;
    }
    if (!(dx > 0) || hi < lo) {
        why = "\"" + spec + "\": needs FROM <= TO and a positive STEP";
        return std::nullopt;
    }
    if ((hi - lo) / dx > 1000) {
        why = "\"" + spec + "\": more than 1,000 points";
        return std::nullopt;
    }
    for (int i = 0;; ++i) {
        const double v = lo + i * dx;
        if (v > hi + dx * 1e-9)
            break;
        axis.values.push_back(v);
    }
    return axis;
}

Sweep runSweep(const model::Model& base, const std::vector<SweepAxis>& axes, sim::RunSettings settings,
               const SetValue& setValue, const std::atomic<bool>* cancel)
{
    Sweep s;
    s.axes = axes;
    settings.target_relative_precision = 0;  // the same replications, so points compare like with like
    settings.max_wall_seconds = 0;
    s.settings = settings;
    std::vector<size_t> index(axes.size(), 0);
    const bool any = std::all_of(axes.begin(), axes.end(), [](const SweepAxis& a) { return !a.values.empty(); });
    while (any && !axes.empty()) {
        SweepPoint p;
        model::Model m = base;
        m.scenarios.clear();
        bool ok = true;
        for (size_t k = 0; k < axes.size() && ok; ++k) {
            const double v = axes[k].values[index[k]];
            p.values.push_back(v);
            model::Problems problems;
            auto next = setValue(m, axes[k].path, v, problems);
            if (!next) {
                ok = false;
                p.problem = problems.empty() ? "invalid" : problems.front().text();
            } else {
                m = std::move(*next);
            }
        }
        if (ok) {
            if (cancel && cancel->load()) {
                s.cancelled = true;
                break;
            }
            p.valid = true;
            p.run = sim::runSimulation(sim::compile(m), settings, cancel);
            if (p.run.partial()) {
                s.cancelled = true;
                break;
            }
            p.cost = costOf(m, p.run);
            p.meets_sla = p.run.availability.mean >= settings.sla_availability;
            const sim::AnalyticResult exact = sim::analyze(m);
            if (exact.applicable)
                p.exact_availability = exact.availability;
            if (p.meets_sla && !s.first_meeting_sla)
                s.first_meeting_sla = s.points.size();
            if (p.meets_sla) {
                const SweepPoint* best = s.cheapest_meeting_sla ? &s.points[*s.cheapest_meeting_sla] : nullptr;
                if (!best || betterBuy(p.cost, p.run.availability.mean, best->cost, best->run.availability.mean)) {
                    s.cheapest_meeting_sla = s.points.size();
                    s.cheapest_interval_meets_sla = p.run.availability.low >= settings.sla_availability;
                }
            }
        }
        s.points.push_back(std::move(p));
        // Odometer: the last axis varies fastest.
        size_t k = axes.size();
        while (k > 0) {
            --k;
            if (++index[k] < axes[k].values.size())
                break;
            index[k] = 0;
            if (k == 0) {
                k = axes.size() + 1;
                break;
            }
        }
        if (k == axes.size() + 1)
            break;
    }
    return s;
}

}  // namespace nines::study
