#include "problem_list_model.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace nines::ui {

ProblemListModel::ProblemListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProblemListModel::setProblems(model::Problems problems)
{
    beginResetModel();
    problems_ = std::move(problems);
    // Errors first, then warnings, each in file order: what blocks a run comes first.
    std::stable_sort(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
        return a.severity == model::Severity::Error && b.severity != model::Severity::Error;
    });
    endResetModel();
}

int ProblemListModel::errorCount() const
{
    return static_cast<int>(std::count_if(problems_.begin(), problems_.end(),
                                          [](const auto& p) { return p.severity == model::Severity::Error; }));
}

int ProblemListModel::warningCount() const
{
    return static_cast<int>(problems_.size()) - errorCount();
}

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(problems_.size());
}

int ProblemListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const model::Problem& p = problems_[static_cast<size_t>(index.row())];
    const bool error = p.severity == model::Severity::Error;
    if (role == PathRole)
        return QString::fromStdString(p.path);
    if (role == Qt::ToolTipRole)  // the whole text, whichever column is cut
        return (p.path.empty() ? QString() : QString::fromStdString(p.path) + QStringLiteral(": ")) + QString::fromStdString(p.message);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            return error ? tr("Error") : tr("Warning");
        case PathColumn:
            return p.path.empty() ? tr("(file)") : QString::fromStdString(p.path);
        case MessageColumn:
            return QString::fromStdString(p.message);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn)
        return QBrush(error ? QColor(0xb0, 0x20, 0x20) : QColor(0x9a, 0x6a, 0x00));
    return {};
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case PathColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Problem");
    default:
        return {};
    }
}

}  // namespace nines::ui
