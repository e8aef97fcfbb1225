#include "text_table.h"

#include <algorithm>
#include <sstream>

namespace nines::present {

std::size_t displayWidth(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align))
{
    align_.resize(headers_.size(), Left);
}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string TextTable::render(const std::string& indent) const
{
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        width[c] = displayWidth(headers_[c]);
        for (const auto& r : rows_)
            width[c] = std::max(width[c], displayWidth(r[c]));
    }
    std::ostringstream out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string s = indent;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(width[c] - displayWidth(cells[c]), ' ');
            const bool last = c + 1 == cells.size();
            if (align_[c] == Right)
                s += pad + cells[c];
            else
                s += cells[c] + (last ? "" : pad);
            if (!last)
                s += "  ";
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        out << s << '\n';
    };
    line(headers_);
    std::vector<std::string> rule;
    for (auto w : width)
        rule.emplace_back(w, '-');
    line(rule);
    for (const auto& r : rows_)
        line(r);
    return out.str();
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent)
{
    std::istringstream words(text);
    std::string word, line, out;
    while (words >> word) {
        if (!line.empty() && displayWidth(line) + 1 + displayWidth(word) > width) {
            out += indent + line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        out += indent + line + '\n';
    return out;
}

}  // namespace nines::present
