// A design to evaluate: the base model or one of its scenarios resolved into a whole model.
// model/io resolves scenarios (JSON work); the study layer compares the designs it is given.
#pragma once

#include "model.h"

#include <string>
#include <vector>

namespace nines::model {

struct Design {
    std::string scenario;  // "" for the base
    std::string name;      // "Base", or the scenario's name (its id when it has none)
    Model model;           // with no scenarios of its own
};

/// The base first, then each scenario that resolved, in model order; `problems` says, one line
/// per scenario, why the others did not ("ID: message").
struct Designs {
    std::vector<Design> list;
    std::vector<std::string> problems;
};

}  // namespace nines::model
