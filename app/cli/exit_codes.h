// Exit codes of `nines` (DESIGN.md, "Contracts").
#pragma once

namespace nines::app {

enum ExitCode : int {
    ExitOk = 0,
    ExitIoError = 1,        // cannot read or write a file, or an internal error
    ExitInvalid = 2,        // invalid model or arguments
    ExitNotApplicable = 3,  // analysis not applicable to this model
    ExitSloMissed = 4,      // --slo missed
    ExitCancelled = 5,
};

}  // namespace nines::app
