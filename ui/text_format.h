// Plain-text presentation of figures: column-aligned tables, wrapped text, and numbers with
// thousands separators, for the command line's readable reports and the report files.
#pragma once

#include <string>
#include <vector>

namespace nines::ui {

class TextTable {
public:
    enum Align { Left, Right };
    explicit TextTable(std::vector<std::string> headers, std::vector<Align> align = {});
    void addRow(std::vector<std::string> cells);
    /// Rendered with two spaces between columns and an underline below the header.
    std::string render(const std::string& indent = "  ") const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

/// Display width of UTF-8 text (code points, which is right for the text Nines prints).
std::size_t displayWidth(const std::string& s);

/// Number with thousands separators and at most `decimals` decimals, trailing zeros trimmed.
std::string formatFixed(double v, int decimals = 2);
/// Human-readable duration: "45 s", "30 min", "4 h", "8,760 h".
std::string formatHours(double hours);

/// Wraps text at spaces to lines of at most `width` characters, each prefixed by `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

}  // namespace nines::ui
