// Model files: read bytes or a file into a validated model (reporting every problem with
// its field path), and save atomically so that a crash mid-save never breaks the old file.
#pragma once

#include "model/model.h"
#include "model/problem.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace nines::io {

/// Files larger than this are refused before parsing (no real topology comes close).
inline constexpr qint64 kMaxModelFileBytes = 64LL * 1024 * 1024;

struct LoadResult {
    /// Set only when there are no errors: nothing invalid or half-loaded reaches the engine.
    std::optional<model::Model> model;
    /// Everything that could be read, for an editor that shows an invalid document with its
    /// problems; meaningful when `json_ok` is true. Empty when the model is valid: it moved into
    /// `model` (a copy of 100,000 items costs a tenth of the check). document() is either.
    model::Model draft;
    bool json_ok = false;      // the bytes were a JSON object
    bool read_failed = false;  // the file could not be read at all (missing, unreadable, too large)
    model::Problems problems;  // errors and warnings, in file order
    /// The part of `problems` found while reading (syntax, types, unknown fields), before the
    /// semantic validation that validateDocument repeats on an edited draft.
    model::Problems reader_problems;

    bool ok() const { return model.has_value(); }
    /// What was read, valid or not: the model when there is one, else the draft.
    model::Model& document() { return model ? *model : draft; }
    const model::Model& document() const { return model ? *model : draft; }
};

/// Semantic validation of a model and, when its base is sound, of its scenarios.
model::Problems validateDocument(const model::Model& m, bool typeErrors = false);

/// Parses, reads and validates (the base and every scenario).
LoadResult parseModel(const QByteArray& bytes);
LoadResult loadModelFile(const QString& path);

/// Called after each chunk written during a save with the bytes written so far; returning
/// false abandons the save and leaves the old file as it was.
using SaveProgress = std::function<bool(qint64 written, qint64 total)>;

/// Writes the model atomically (QSaveFile). Returns an empty string or the reason it failed.
QString saveModelFile(const model::Model& m, const QString& path, const SaveProgress& progress = {});

/// "line L, column C" of a byte offset in UTF-8 text (both counted from 1).
std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset);

}  // namespace nines::io
