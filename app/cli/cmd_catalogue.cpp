// `nines catalogue [ID...] [--json|--markdown]`: the component templates with their values and
// where each value comes from.
#include "catalogue_report.h"
#include "cli_util.h"
#include "commands.h"
#include "exit_codes.h"

#include <QJsonDocument>

#include <iostream>

namespace nines::app {

int cmdCatalogue(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Templates to show in full."),
                                 QStringLiteral("[ID...]"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the catalogue as JSON."));
    const QCommandLineOption markdown(QStringLiteral("markdown"),
                                      QStringLiteral("Print docs/catalogue.md (the catalogue's documentation)."));
    parser.addOption(json);
    parser.addOption(markdown);
    if (auto stop = parseCommand(parser, args,
                                 QStringLiteral("List the catalogue of component templates with sourced failure, "
                                                "repair and outage figures. With IDs, show each value of those "
                                                "templates with its source or assumption.")))
        return *stop;
    const io::Catalogue& c = io::builtinCatalogue();
    if (c.templates().empty()) {
        std::cerr << "nines catalogue: the built-in catalogue could not be read\n";
        return ExitIoError;
    }
    std::vector<std::string> ids;
    for (const QString& id : parser.positionalArguments()) {
        const std::string s = id.toStdString();
        if (std::none_of(c.templates().begin(), c.templates().end(), [&](const auto& t) { return t.id == s; })) {
            std::cerr << "nines catalogue: there is no template \"" << s << "\" (`nines catalogue` lists them)\n";
            return ExitInvalid;
        }
        ids.push_back(s);
    }
    if (parser.isSet(json) && parser.isSet(markdown)) {
        std::cerr << "nines catalogue: --json and --markdown exclude each other\n";
        return ExitInvalid;
    }
    if (parser.isSet(json))
        std::cout << QJsonDocument(catalogueJson(c)).toJson(QJsonDocument::Indented).toStdString();
    else if (parser.isSet(markdown))
        std::cout << catalogueMarkdown(c);
    else
        std::cout << catalogueText(c, ids);
    return ExitOk;
}

}  // namespace nines::app
