#include "cli_util.h"

#include "exit_codes.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace nines::app {

std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& usage)
{
    parser.setApplicationDescription(usage);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        std::cerr << "nines " << args.value(0).toStdString() << ": " << parser.errorText().toStdString()
                  << "\n(see nines " << args.value(0).toStdString() << " --help)\n";
        return ExitInvalid;
    }
    if (parser.isSet(help)) {
        std::cout << parser.helpText().toStdString();
        return ExitOk;
    }
    return std::nullopt;
}

void printProblems(const QString& file, const model::Problems& problems, bool warnings)
{
    const std::string f = file.toStdString();
    for (const auto& p : problems) {
        if (p.severity == model::Severity::Error)
            std::cerr << f << ": " << p.text() << "\n";
        else if (warnings)
            std::cerr << f << ": warning: " << p.text() << "\n";
    }
}

namespace {

std::optional<model::Model> loadForCommand(const QString& file, int& exitCode)
{
    io::LoadResult res = io::loadModelFile(file);
    if (res.read_failed) {
        printProblems(file, res.problems, false);
        exitCode = ExitIoError;
        return std::nullopt;
    }
    if (!res.ok()) {
        printProblems(file, res.problems, true);
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    exitCode = ExitOk;
    return std::move(res.model);
}

}  // namespace

std::optional<model::Model> loadTheFile(const QCommandLineParser& parser, const char* command, const char* usage,
                                        int& exitCode)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        std::cerr << "nines " << command << ": expected exactly one FILE (usage: " << usage << ")\n";
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    return loadForCommand(files.first(), exitCode);
}

std::string formatFixed(double v, int decimals)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    // Thousands separators, built forwards (GCC 12 warns falsely about std::string::insert here).
    const size_t dot = std::min(s.find('.'), s.size());
    std::string out = v < 0 && s != "0" ? "-" : "";
    for (size_t i = 0; i < dot; ++i) {
        if (i > 0 && (dot - i) % 3 == 0)
            out += ',';
        out += s[i];
    }
    return out + s.substr(dot);
}

std::string formatHours(double hours)
{
    if (hours < 1.0 / 60.0)
        return formatFixed(hours * 3600.0, 1) + " s";
    if (hours < 1.0)
        return formatFixed(hours * 60.0, 1) + " min";
    return formatFixed(hours, 2) + " h";
}

}  // namespace nines::app
