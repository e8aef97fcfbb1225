// The problems of a document as a Qt item model (severity, message, field path), for the
// problems dock: selecting a row tells the editor which field is at fault.
#pragma once

#include "model/problem.h"

#include <QAbstractTableModel>

namespace nines::ui {

class ProblemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, PathColumn, ColumnCount };  // the problem before its field: it is what a reader needs
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit ProblemListModel(QObject* parent = nullptr);

    void setProblems(model::Problems problems);
    const model::Problems& problems() const { return problems_; }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    model::Problems problems_;
};

}  // namespace nines::ui
