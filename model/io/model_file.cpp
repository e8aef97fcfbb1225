#include "model_file.h"

#include "atomic_file.h"

#include "json_reader.h"
#include "json_syntax.h"
#include "json_writer.h"
#include "model/validate.h"
#include "scenario.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <utility>

namespace nines::io {

using namespace nines::model;

std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset)
{
    int line = 1, column = 1;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

Problems validateDocument(const Model& m, bool typeErrors)
{
    Problems out = validate(m);
    // Scenarios only make sense on a sound base: their problems would otherwise repeat the base's.
    const bool baseErrors = std::any_of(out.begin(), out.end(), [](const Problem& p) {
        return p.severity == Severity::Error && p.path.rfind("scenarios", 0) != 0;
    });
    if (!typeErrors && !baseErrors)
        validateScenarios(m, out);
    return out;
}

LoadResult parseModel(const QByteArray& input)
{
    LoadResult res;
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);  // a UTF-8 byte order mark, as some editors write
    if (bytes.trimmed().isEmpty()) {
        res.problems.push_back({"", "the file is empty; expected a JSON object starting with "
                                    "{\"format\": \"nines/1\", ..."});
        return res;
    }
    if (bytes.size() > kMaxModelFileBytes) {
        res.problems.push_back({"", "the model is " + std::to_string(bytes.size() / (1024 * 1024))
                                        + " MiB, more than the " + std::to_string(kMaxModelFileBytes / (1024 * 1024))
                                        + " MiB Nines reads; is this really a model file?"});
        return res;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    const QByteArray trimmed = bytes.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        // Qt reads only objects and arrays; say what the file holds instead of "illegal value".
        const char c = trimmed.at(0);
        const char* what = c == '"' ? "a JSON string"
                           : (c == '-' || (c >= '0' && c <= '9')) ? "a number"
                           : (trimmed == "true" || trimmed == "false" || trimmed == "null") ? "a bare JSON value"
                                                                                                : "no JSON object";
        res.problems.push_back({"", std::string("the file holds ") + what
                                        + "; expected a JSON object starting with {\"format\": \"nines/1\", ..."});
        return res;
    }
    if (auto p = syntaxProblem(bytes, err)) {
        res.problems.push_back(*p);
        return res;
    }
    if (!doc.isObject()) {
        res.problems.push_back({"", "the file holds a JSON array; expected a JSON object starting with "
                                    "{\"format\": \"nines/1\", ..."});
        return res;
    }
    res.json_ok = true;
    findDuplicateKeys(bytes, doc, res.problems);
    res.draft = readModel(doc.object(), res.problems);
    const bool typeErrors = hasErrors(res.problems);
    const bool wrongFormat = std::any_of(res.problems.begin(), res.problems.end(),
                                         [](const Problem& p) { return p.path == "format"; });
    if (wrongFormat && res.problems.size() == 1 && doc.object().contains(QStringLiteral("format")))
        return res;  // another version of the format: checking it against this one would only add noise
    res.reader_problems = res.problems;
    const Problems semantic = validateDocument(res.draft, typeErrors);
    res.problems.insert(res.problems.end(), semantic.begin(), semantic.end());
    if (!hasErrors(res.problems))
        res.model = std::exchange(res.draft, model::Model{});
    return res;
}

LoadResult loadModelFile(const QString& path)
{
    LoadResult res;
    QFile f(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        res.read_failed = true;
        res.problems.push_back({"", "is a directory, not a model file"});
        return res;
    }
    const bool stdinput = path == QLatin1String("-");
    if (!(stdinput ? f.open(stdin, QIODevice::ReadOnly) : f.open(QIODevice::ReadOnly))) {
        res.read_failed = true;
        res.problems.push_back({"", "cannot read the file: " + f.errorString().toStdString()});
        return res;
    }
    // The limit counts the bytes actually read: a device (/dev/zero), a pipe or standard input
    // has no size to check beforehand and may never end.
    QByteArray bytes;
    while (bytes.size() <= kMaxModelFileBytes) {
        const QByteArray chunk = f.read(std::min<qint64>(1 << 20, kMaxModelFileBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (f.error() != QFileDevice::NoError) {
        res.read_failed = true;
        res.problems.push_back({"", "cannot read the file: " + f.errorString().toStdString()});
        return res;
    }
    if (bytes.size() > kMaxModelFileBytes) {
        res.read_failed = true;
        res.problems.push_back({"", "the file holds more than " + std::to_string(kMaxModelFileBytes / (1024 * 1024))
                                        + " MiB, the most Nines reads; is this really a model file?"});
        return res;
    }
    return parseModel(bytes);
}

QString saveModelFile(const Model& m, const QString& path, const SaveProgress& progress)
{
    return writeFileAtomically(path, modelToJson(m), progress);
}

}  // namespace nines::io
