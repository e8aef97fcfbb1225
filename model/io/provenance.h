// Where each parameter of a model comes from: the catalogue template the item was made from
// (with that value's sources or assumption), or the user. Values equal to the template's are
// "kept" and follow the catalogue; values that differ were set by the user.
#pragma once

#include "catalogue.h"
#include "model/model.h"

#include <QJsonValue>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nines::io {

struct FieldOrigin {
    const Template* templ = nullptr;      // the item's template, if it has one (and it is known)
    const ValueOrigin* origin = nullptr;  // where the template's value comes from
    QJsonValue template_value;            // the template's value at the path; undefined if it sets none
    QJsonValue value;                     // the item's value at the path (every field written out)
    std::string relative_path;            // the path inside the template's item

    /// The template sets this field and the item kept its value.
    bool fromCatalogue() const { return templ && !template_value.isUndefined() && value == template_value; }
    /// The template sets this field and the item's value differs: changed by the user.
    bool changed() const { return templ && !template_value.isUndefined() && value != template_value; }
};

/// The origin of the field at a full path such as "components[db].failure_modes[crash].repair"
/// or "zones[a].outage.failure.mean_hours". A failure mode made from its own template answers
/// for the fields under it.
FieldOrigin fieldOrigin(const model::Model& m, std::string_view path);

/// One row of a report's assumptions table.
struct Assumption {
    std::string item;       // "components[db]"
    std::string item_name;  // its display name (or id)
    std::string parameter;  // relative to the item: "failure_modes[crash].repair", "instances"
    std::string value;      // readable: "lognormal, mean 4 h, sigma 0.8"
    bool from_catalogue = false;
    std::string template_name;  // when from the catalogue
    std::string source;         // citations, or "assumption: ..." (catalogue), or "set by the user"
    std::string derivation;     // how the sources give the value (catalogue, sourced)
};

/// Every behavioural parameter of the model (failure, repair, detection, failover, redundancy,
/// capacity, cost, zone/region/link/shared-fate outages) with its provenance, in model order.
std::vector<Assumption> assumptions(const model::Model& m);

/// "exponential, mean 4,380 h" and the like.
std::string describeDistribution(const model::Distribution& d);
/// "exponential, mean 60 s", "fixed 30 s": a failover time in words.
std::string describeFailover(const model::FailoverTime& f);

/// A value of a model or template field, readable, with the unit its name implies:
/// a distribution as above, "90 s", "0.99", "2 (of which 1 required)".
std::string describeValue(std::string_view fieldPath, const QJsonValue& v);

/// Mean time to failure, mean repair (with detection) and availability of one instance (or of a
/// zone, link, ... while nothing else fails) by the fields of a template or item; every failure
/// mode counts, combined as competing risks.
struct OneUnit {
    double mttf_hours = 0;
    double mttr_hours = 0;
    double availability = 1;
};
std::optional<OneUnit> oneUnitFigures(io::TemplateTarget target, const QJsonObject& body);

}  // namespace nines::io
