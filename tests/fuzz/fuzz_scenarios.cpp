// libFuzzer target: scenario operations applied to the bundled examples. The first byte picks
// the example, the rest is the "scenarios" list (JSON). Every scenario that resolves must give a
// model that passes validation (the applier never hands the engine an invalid design), and the
// paths of its operations must name items by id without failing.
#include "fuzz_checks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string why = nines::fuzz::checkScenarioInput(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), QStringLiteral(NINES_EXAMPLES_DIR));
    if (!why.empty()) {
        std::fprintf(stderr, "%s\n", why.c_str());
        std::abort();
    }
    return 0;
}
