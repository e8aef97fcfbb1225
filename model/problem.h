// A problem found in a model file or model: the path of the field at fault and what was expected.
#pragma once

#include <string>
#include <vector>

namespace nines::model {

enum class Severity { Error, Warning };

struct Problem {
    std::string path;     // e.g. "components[db].failure_modes[crash].repair.mean_hours"
    std::string message;  // what was expected and what was found
    Severity severity = Severity::Error;

    /// "path: message" (or just the message when the problem concerns the whole file).
    std::string text() const { return path.empty() ? message : path + ": " + message; }
    bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

inline bool hasErrors(const Problems& ps)
{
    for (const auto& p : ps)
        if (p.severity == Severity::Error)
            return true;
    return false;
}

}  // namespace nines::model
