// What each fuzz target asserts about one input, shared with the regression test that replays
// every finding kept in tests/data/fuzz/TARGET/ (tst_fuzz_regressions): an empty string when the
// input is handled well, else what went wrong.
#pragma once

#include "model/io/json_writer.h"
#include "model/io/model_file.h"
#include "model/io/scenario.h"
#include "model/validate.h"
#include "sim/study/evaluation.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace nines::fuzz {

/// A model file that loads must save and load again to the same model.
inline std::string checkModelFile(const QByteArray& bytes)
{
    const io::LoadResult loaded = io::parseModel(bytes);
    if (!loaded.ok())
        return {};
    const QByteArray written = io::modelToJson(*loaded.model);
    const io::LoadResult again = io::parseModel(written);
    if (again.ok() && *again.model == *loaded.model)
        return {};
    std::string why = "a loaded model did not survive save and load:\n" + written.toStdString();
    for (const auto& p : again.problems)
        why += "\n  " + p.text();
    return why;
}

/// Every scenario that resolves gives a model that passes validation.
inline std::string checkDesigns(const model::Designs& designs)
{
    for (const auto& d : designs.list) {
        const model::Problems problems = model::validate(d.model);
        if (!model::hasErrors(problems))
            continue;
        std::string why = "scenario '" + d.scenario + "' resolved to an invalid model:";
        for (const auto& p : problems)
            why += "\n  " + p.text();
        return why;
    }
    return {};
}

/// The bundled examples, read once per directory.
inline const std::vector<QJsonObject>& examples(const QString& dir)
{
    static std::map<QString, std::vector<QJsonObject>> read;
    auto& list = read[dir];
    if (list.empty()) {
        const QDir d(dir);
        for (const QString& name : d.entryList({QStringLiteral("*.nines.json")}, QDir::Files, QDir::Name)) {
            QFile f(d.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                list.push_back(QJsonDocument::fromJson(f.readAll()).object());
        }
    }
    return list;
}

/// A scenario list on a bundled example: the first byte picks the example (in name order),
/// the rest is the list (or one scenario) as JSON. Every scenario that resolves passes
/// validation, and every operation's path can be named by ids.
inline std::string checkScenarioInput(const QByteArray& input, const QString& examplesDir)
{
    const auto& list = examples(examplesDir);
    if (list.empty())
        return "no examples in " + examplesDir.toStdString();
    if (input.isEmpty())
        return {};
    QJsonObject doc = list[static_cast<unsigned char>(input[0]) % list.size()];
    const QJsonDocument scenarios = QJsonDocument::fromJson(input.mid(1));
    if (scenarios.isArray())
        doc.insert(QStringLiteral("scenarios"), scenarios.array());
    else if (scenarios.isObject())
        doc.insert(QStringLiteral("scenarios"), QJsonArray{scenarios.object()});
    else
        return {};
    const io::LoadResult loaded = io::parseModel(QJsonDocument(doc).toJson(QJsonDocument::Compact));
    if (!loaded.ok())
        return {};
    if (std::string why = checkDesigns(io::designsOf(*loaded.model)); !why.empty())
        return why;
    for (const auto& s : loaded.model->scenarios)
        for (const auto& op : s.operations)
            (void)io::pathByIds(doc, op.path);
    return {};
}

/// A valid model evaluates within a short budget, and its figures are probabilities inside
/// their intervals.
inline std::string checkEngine(const model::Model& m, std::uint32_t seed)
{
    sim::RunSettings settings = study::runSettingsOf(m);
    settings.replications = 8;
    settings.block = 4;
    settings.threads = 1;
    settings.max_wall_seconds = 1.0;
    settings.seed = seed;
    const model::Designs designs{{{"", "Base", m}}, {}};
    const auto e = study::evaluate(m, designs, settings, nullptr, {}, study::EvaluationParts{true, false, false});
    auto inside = [](const sim::Interval& i) { return i.low <= i.mean + 1e-12 && i.mean <= i.high + 1e-12; };
    if (!e.partial()) {
        const auto& a = e.simulation.availability;
        if (!(a.mean >= 0.0 && a.mean <= 1.0))
            return "simulated availability outside [0, 1]: " + model::formatNumber(a.mean);
        if (!inside(a))
            return "simulated availability outside its interval";
        if (!inside(e.simulation.outages_per_year))
            return "outages a year outside their interval";
    }
    if (e.exact.applicable && !(e.exact.availability >= 0.0 && e.exact.availability <= 1.0))
        return "exact availability outside [0, 1]: " + model::formatNumber(e.exact.availability);
    return {};
}

}  // namespace nines::fuzz
