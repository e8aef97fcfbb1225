// Large model files for the scaling benchmark and test: many items in one document, or a long
// chain of scenarios each based on the one before.
#pragma once

#include <QByteArray>
#include <QString>

namespace nines::test {

/// A valid model file of about `items` items: half components (each with a failure mode and a
/// zone), half dependencies, each component reached from the entry through an earlier one.
inline QByteArray largeModelJson(int items)
{
    const int components = items / 2;
    QByteArray out = R"({"format": "nines/1", "name": "large", "zones": [{"id": "a"}, {"id": "b"}], "components": [)"
                     R"({"id": "users", "kind": "entry", "traffic_share": 1})";
    out.reserve(items * 160);
    for (int i = 1; i < components; ++i)
        out += QStringLiteral(R"(, {"id": "c%1", "kind": "service", "instances": 2, "zones": ["%2"], )"
                              R"("failure_modes": [{"id": "crash", "failure": {"type": "exponential", "mean_hours": 2000}, )"
                              R"("repair": {"type": "exponential", "mean_hours": 1}}]})")
                   .arg(i)
                   .arg(i % 2 ? QLatin1String("a") : QLatin1String("b"))
                   .toUtf8();
    out += R"(], "dependencies": [)";
    for (int i = 1; i < components; ++i) {
        const int from = i == 1 ? 0 : 1 + (i * 7919) % (i - 1);
        out += QStringLiteral(R"(%1{"from": "%2", "to": "c%3"})")
                   .arg(i == 1 ? QString() : QStringLiteral(", "))
                   .arg(from == 0 ? QStringLiteral("users") : QStringLiteral("c%1").arg(from))
                   .arg(i)
                   .toUtf8();
    }
    return out + "]}";
}

/// A valid model of 20 components with `scenarios` scenarios, each based on the one before.
inline QByteArray chainedScenariosJson(int scenarios)
{
    QByteArray out = largeModelJson(40);
    out.chop(1);
    out += R"(, "scenarios": [)";
    for (int j = 0; j < scenarios; ++j) {
        out += QStringLiteral(R"(%1{"id": "s%2", %3"operations": [{"op": "set", "path": "components[c1].instances", "value": %4}]})")
                   .arg(j ? QStringLiteral(", ") : QString())
                   .arg(j)
                   .arg(j ? QStringLiteral(R"("based_on": "s%1", )").arg(j - 1) : QString())
                   .arg(2 + j % 3)
                   .toUtf8();
    }
    return out + "]}";
}

}  // namespace nines::test
