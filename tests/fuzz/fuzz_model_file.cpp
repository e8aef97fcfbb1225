// libFuzzer target: any bytes through the model-file reader and validation (scenarios included).
// Besides "no crash, no hang, no sanitizer report", a file that loads must save and load again
// to the same model: the writer never produces what the reader refuses.
#include "fuzz_checks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string why = nines::fuzz::checkModelFile(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!why.empty()) {
        std::fprintf(stderr, "%s\n", why.c_str());
        std::abort();
    }
    return 0;
}
