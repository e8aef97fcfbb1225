#include "json_syntax.h"

#include "model/path.h"
#include "model_file.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace nines::io {

namespace {

std::string at(const QByteArray& text, qsizetype offset)
{
    const auto [line, col] = lineAndColumn(text, offset);
    return "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": ";
}

/// The offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlong forms,
/// no surrogates, nothing above U+10FFFF), or -1. Written out because QUtf8 says only whether a
/// text is valid, not where it is not.
qsizetype firstInvalidUtf8(const QByteArray& t)
{
    const auto* s = reinterpret_cast<const unsigned char*>(t.constData());
    const qsizetype n = t.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else
            return i;
        if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (int k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += len;
    }
    return -1;
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::optional<model::Problem> syntaxProblem(const QByteArray& text, const QJsonParseError& err)
{
    // Raw line breaks inside strings: Qt accepts them, so a missing closing quote would
    // otherwise surface lines later with a puzzling message.
    bool inString = false, escaped = false;
    qsizetype stringStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            else if (c == '\n' || c == '\r')
                return model::Problem{"", at(text, stringStart)
                                              + "unterminated string (the line ends before its closing quote)"};
            else if (static_cast<unsigned char>(c) < 0x20) {
                // A raw control character (a NUL, a tab): JSON wants it escaped; Qt takes it.
                char code[8];
                std::snprintf(code, sizeof code, "%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                return model::Problem{"", at(text, i) + "a raw control character (byte 0x" + std::string(code)
                                              + ") inside a string; write it escaped (\\u00" + code + ")"};
            }
        } else if (c == '"') {
            inString = true;
            stringStart = i;
        }
    }
    // Invalid UTF-8: Qt would replace it silently with U+FFFD.
    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0)
        return model::Problem{"", at(text, bad) + "the text is not valid UTF-8 (save the file as UTF-8)"};
    if (err.error == QJsonParseError::NoError)
        return std::nullopt;

    // Qt's offset points just past the first character of the token at fault.
    qsizetype pos = std::max<qsizetype>(0, err.offset - 1);
    std::string what;
    const bool atEnd = text.mid(err.offset).trimmed().isEmpty()
                       && (err.error == QJsonParseError::UnterminatedObject
                           || err.error == QJsonParseError::UnterminatedArray);
    if (atEnd) {
        pos = text.size();
        while (pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == ' ' || text[pos - 1] == '\r' || text[pos - 1] == '\t'))
            --pos;
        return model::Problem{"", at(text, pos) + "the document ends here, before its closing '}' or ']'"};
    }
    switch (err.error) {
    case QJsonParseError::UnterminatedObject:
        what = "expected ',' or '}' (is a comma missing before this point?)";
        break;
    case QJsonParseError::UnterminatedArray:
        what = "expected ',' or ']' (is a comma missing before this point?)";
        break;
    case QJsonParseError::MissingNameSeparator:
        what = "expected ':' after the field name";
        break;
    case QJsonParseError::MissingValueSeparator:
        what = "expected ',' between values";
        break;
    case QJsonParseError::MissingObject:
        what = "expected a field after ',' (is there a comma too many?)";
        break;
    case QJsonParseError::IllegalNumber:
        // Qt points at the end of the number; name where it starts.
        pos = std::min<qsizetype>(err.offset, text.size());
        while (pos > 0 && isNumberChar(text[pos - 1]))
            --pos;
        what = "illegal number (not a JSON number, or too large for a double)";
        break;
    case QJsonParseError::UnterminatedString:
        what = "unterminated string";
        break;
    case QJsonParseError::IllegalEscapeSequence:
        what = "illegal escape sequence in a string";
        break;
    case QJsonParseError::IllegalUTF8String:
        what = "the text is not valid UTF-8";
        break;
    case QJsonParseError::DeepNesting:
        what = "the document is nested too deeply";
        break;
    case QJsonParseError::DocumentTooLarge:
        what = "the document is too large";
        break;
    case QJsonParseError::GarbageAtEnd:
        pos = std::min<qsizetype>(err.offset, text.size());
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
            ++pos;
        what = "unexpected text after the end of the document (a '}' or ']' too many?)";
        break;
    default:
        what = err.errorString().toStdString();
        break;
    }
    return model::Problem{"", at(text, pos) + what};
}

namespace {

/// A minimal scanner over text that Qt already accepted: it only needs to find object keys
/// and where values start and end, tracking the path as it goes. Keys are views into the text,
/// and an object's keys are compared by scanning while few (a set per object made this scan a
/// third of reading a large model).
class KeyScanner {
public:
    KeyScanner(const QByteArray& text, const QJsonDocument& doc, model::Problems& out)
        : t_(text), doc_(doc), out_(out)
    {
    }

    void run()
    {
        skipWs();
        value();
    }

private:
    struct Step {
        std::string_view field;  // an object's field, or
        qsizetype index = -1;    // an array's item
    };
    const QByteArray& t_;
    const QJsonDocument& doc_;
    model::Problems& out_;
    qsizetype i_ = 0;
    std::vector<Step> path_;

    void skipWs()
    {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t'))
            ++i_;
    }

    std::string_view string()
    {
        // at the opening quote; keys are compared raw (escapes kept), which is enough to find repeats
        const qsizetype start = ++i_;
        while (i_ < t_.size() && t_[i_] != '"')
            i_ += t_[i_] == '\\' ? 2 : 1;
        const qsizetype end = std::min(i_, t_.size());
        ++i_;
        return std::string_view(t_.constData() + start, static_cast<size_t>(end - start));
    }

    void value()
    {
        skipWs();
        if (i_ >= t_.size())
            return;
        const char c = t_[i_];
        if (c == '{')
            object();
        else if (c == '[')
            array();
        else if (c == '"')
            string();
        else
            while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' '
                   && t_[i_] != '\n' && t_[i_] != '\r' && t_[i_] != '\t')
                ++i_;
    }

    void object()
    {
        ++i_;
        constexpr size_t kScanned = 16;
        std::vector<std::string_view> keys;
        std::unordered_set<std::string_view> many;  // once an object has more keys than kScanned
        skipWs();
        while (i_ < t_.size() && t_[i_] != '}') {
            skipWs();
            const std::string_view key = string();
            bool repeated;
            if (keys.size() < kScanned) {
                repeated = std::find(keys.begin(), keys.end(), key) != keys.end();
                keys.push_back(key);
            } else {
                if (many.empty())
                    many.insert(keys.begin(), keys.end());
                repeated = !many.insert(key).second;
            }
            if (repeated)
                report(key);
            skipWs();
            ++i_;  // ':'
            path_.push_back({key, -1});
            value();
            path_.pop_back();
            skipWs();
            if (i_ < t_.size() && t_[i_] == ',')
                ++i_;
            skipWs();
        }
        ++i_;
    }

    void array()
    {
        ++i_;
        qsizetype index = 0;
        skipWs();
        while (i_ < t_.size() && t_[i_] != ']') {
            path_.push_back({std::string_view(), index++});
            value();
            path_.pop_back();
            skipWs();
            if (i_ < t_.size() && t_[i_] == ',')
                ++i_;
            skipWs();
        }
        ++i_;
    }

    // Builds the field path the rest of Nines uses: array items by id where they have one.
    void report(std::string_view key)
    {
        std::string path;
        QJsonValue node = doc_.isObject() ? QJsonValue(doc_.object()) : QJsonValue(doc_.array());
        for (const Step& s : path_) {
            if (s.index < 0) {
                path = model::joinPath(path, s.field);
                node = node.toObject().value(QString::fromUtf8(s.field.data(), static_cast<qsizetype>(s.field.size())));
            } else {
                const qsizetype idx = s.index;
                const QJsonArray a = node.toArray();
                std::vector<std::string> ids;
                for (const auto& v : a)
                    ids.push_back(v.toObject().value(QLatin1String("id")).toString().toStdString());
                const std::string parentField = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
                const std::string prefix = path.substr(0, path.size() - parentField.size());
                path = prefix + model::elementPath(parentField, ids, static_cast<std::size_t>(idx));
                node = a.at(idx);
            }
        }
        out_.push_back({model::joinPath(path, key), "is given twice in the same object; remove one (only the last "
                                                    "would count)"});
    }
};

}  // namespace

void findDuplicateKeys(const QByteArray& text, const QJsonDocument& doc, model::Problems& out)
{
    KeyScanner(text, doc, out).run();
}

}  // namespace nines::io
