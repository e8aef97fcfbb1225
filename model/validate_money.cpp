// Validation of what a model costs and earns back: prices, the horizon of ownership, the SLA
// credit schedule and support contracts. Apart from validate.cpp because money is its own
// subject and that file is long enough.
#include "path.h"
#include "validate.h"

#include <cmath>
#include <set>

namespace nines::model {

namespace {

class MoneyCheck {
public:
    MoneyCheck(const Model& m, Problems& out) : m_(m), out_(out) {}

    void run()
    {
        const Settings& s = m_.settings;
        if (!std::isfinite(s.horizon_years) || s.horizon_years <= 0 || s.horizon_years > 100)
            error("settings.horizon_years", "must be a number of years in (0, 100], got " + formatNumber(s.horizon_years));
        money([] { return std::string("settings"); }, "downtime_cost_per_minute", s.downtime_cost_per_minute);
        money([] { return std::string("settings"); }, "monthly_fee", s.monthly_fee);
        std::set<double> thresholds;
        for (size_t i = 0; i < s.sla_credits.size(); ++i) {
            const CreditStep& c = s.sla_credits[i];
            const std::string path = "settings.sla_credits[" + std::to_string(i) + "]";
            if (!std::isfinite(c.below_percent) || c.below_percent <= 0 || c.below_percent > 100)
                error(path + ".below_percent",
                      "must be a percentage of availability in (0, 100], got " + formatNumber(c.below_percent));
            else if (!thresholds.insert(c.below_percent).second)
                error(path + ".below_percent", "the threshold " + formatNumber(c.below_percent)
                                                   + "% appears twice in the schedule");
            if (!std::isfinite(c.credit_percent) || c.credit_percent < 0 || c.credit_percent > 100)
                error(path + ".credit_percent",
                      "must be a percentage of the monthly fee in [0, 100], got " + formatNumber(c.credit_percent));
        }
        if (!s.sla_credits.empty() && s.monthly_fee == 0)
            warning("settings.monthly_fee", "is 0, so the SLA credit schedule pays nothing back: give the fee the "
                                            "credits are a share of");

        fixed("regions", m_.regions);
        fixed("zones", m_.zones);
        fixed("links", m_.links);
        fixed("repair_crews", m_.repair_crews);

        const IdIndex ids(idsOf(m_.components));
        for (size_t i = 0; i < m_.components.size(); ++i) {
            const Component& c = m_.components[i];
            auto path = [&] { return ids.path("components", i); };
            money(path, "cost.purchase_per_instance", c.cost.purchase_per_instance);
            money(path, "cost.yearly_per_instance", c.cost.yearly_per_instance);
            if (c.support) {
                auto sp = [&] { return joinPath(path(), "support"); };
                const double f = c.support->repair_factor;
                if (!std::isfinite(f) || f <= 0 || f > 1)
                    error(joinPath(sp(), "repair_factor"),
                          "must be a factor in (0, 1] on every repair time (0.25: repairs take a quarter as long), got "
                              + formatNumber(f));
                money(sp, "yearly_per_instance", c.support->yearly_per_instance);
            }
        }
    }

private:
    const Model& m_;
    Problems& out_;

    void error(const std::string& path, const std::string& msg) { out_.push_back({path, msg, Severity::Error}); }
    void warning(const std::string& path, const std::string& msg) { out_.push_back({path, msg, Severity::Warning}); }

    // The parent's path is built only for a finding: a large model has hundreds of thousands of
    // amounts, and building each one's path cost more than checking it.
    template <typename ParentPath>
    void money(const ParentPath& parent, std::string_view field, double v)
    {
        if (!std::isfinite(v) || v < 0)
            error(joinPath(parent(), field), "must be a non-negative amount of money, got " + formatNumber(v));
    }

    template <typename T>
    static std::vector<std::string> idsOf(const std::vector<T>& items)
    {
        std::vector<std::string> ids;
        ids.reserve(items.size());
        for (const T& x : items)
            ids.push_back(x.id);
        return ids;
    }

    template <typename T>
    void fixed(const char* collection, const std::vector<T>& items)
    {
        const IdIndex ids(idsOf(items));
        for (size_t i = 0; i < items.size(); ++i) {
            auto path = [&] { return joinPath(ids.path(collection, i), "cost"); };
            money(path, "capex", items[i].cost.capex);
            money(path, "yearly", items[i].cost.yearly);
        }
    }
};

}  // namespace

void validateMoney(const Model& model, Problems& out)
{
    MoneyCheck(model, out).run();
}

}  // namespace nines::model
