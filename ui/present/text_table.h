// Plain text for the command line: column-aligned tables and wrapped paragraphs.
#pragma once

#include <string>
#include <vector>

namespace nines::present {

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

/// Wraps text at spaces to lines of at most `width` characters, each prefixed by `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

}  // namespace nines::present
