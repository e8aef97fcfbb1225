// The component catalogue: templates (HDD, cloud VM, availability zone, WAN link, ...) whose
// failure, repair and outage figures come from public data, each value carrying its source or an
// explicit assumption. The data is resources/catalogue/catalogue.json, built into the binary.
#pragma once

#include "model/problem.h"

#include <QByteArray>
#include <QJsonObject>

#include <string>
#include <string_view>
#include <vector>

namespace nines::io {

/// What kind of model item a template makes.
enum class TemplateTarget { Component, FailureMode, Zone, Region, Link, SharedFate };

std::string_view toString(TemplateTarget t);  // "component", "failure_mode", ...
bool parseTemplateTarget(std::string_view s, TemplateTarget& out);

/// One row of the public figures the catalogue rests on.
struct CatalogueSource {
    std::string id;
    int row = 0;  // row of the original table of figures
    std::string component;
    std::string metric;
    std::string value;
    std::string conditions;
    std::string year;
    std::string reference;  // a URL or a citation
    std::string quality;    // "primary", "secondary" (rests on a summary) or "unverified"
};

/// Where the values under one path of a template come from: sources and the arithmetic that
/// turns their figures into the value, or an assumption with its reason.
struct ValueOrigin {
    std::string path;  // relative to the template's body, e.g. "failure_modes[wear].failure"
    std::vector<std::string> sources;
    std::string derivation;
    std::string assumption;
    bool isAssumption() const { return !assumption.empty(); }
};

struct Template {
    std::string id;
    std::string name;
    std::string group;
    std::string description;
    TemplateTarget target = TemplateTarget::Component;
    /// The fields the template sets, in the nines/1 format of its target (without id, name or
    /// placement).
    QJsonObject body;
    std::vector<ValueOrigin> provenance;

    /// The origin covering `relPath` (the entry naming it or one of its parents), or, for a
    /// path above the entries (a whole failure mode), the first entry below it; null if none.
    const ValueOrigin* originOf(std::string_view relPath) const;
    /// Every origin that speaks for a path: the one covering it, or all those below it (the
    /// failure and the repair of an outage).
    std::vector<const ValueOrigin*> originsFor(std::string_view relPath) const;
};

class Catalogue
{
public:
    /// Reads a catalogue file; every problem names its field path. Templates with problems are
    /// still listed so that the problems can be shown, but a caller should refuse such a file.
    static Catalogue fromJson(const QByteArray& bytes, model::Problems& problems);

    const std::vector<Template>& templates() const { return templates_; }
    const std::vector<CatalogueSource>& sources() const { return sources_; }
    const std::string& description() const { return description_; }
    const std::string& caveats() const { return caveats_; }

    const Template* find(TemplateTarget target, std::string_view id) const;
    const CatalogueSource* source(std::string_view id) const;
    /// Ids of the templates for a target, for "expected one of" messages.
    std::vector<std::string> idsFor(TemplateTarget target) const;

private:
    std::vector<Template> templates_;
    std::vector<CatalogueSource> sources_;
    std::string description_;
    std::string caveats_;
};

/// The catalogue built into Nines, read once (thread-safe). A broken built-in catalogue is a
/// programming error caught by the tests; here its problems are only logged.
const Catalogue& builtinCatalogue();

/// "Backblaze, 269,756 data drives (2024)" style citation of a source, with its quality. A row
/// whose conditions say "same cluster" is named after the row it refers to.
std::string citation(const Catalogue& c, const CatalogueSource& s);

}  // namespace nines::io
