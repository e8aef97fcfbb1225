// The problems list shown in the problems dock: errors first, path role for navigation.
#include "ui/editor/problem_list_model.h"

#include <QTest>

using namespace nines;

class TestProblemListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsComeFirst()
    {
        ui::ProblemListModel m;
        m.setProblems({{"components[a]", "unused", model::Severity::Warning},
                       {"components[b].required", "k > n", model::Severity::Error},
                       {"", "file problem", model::Severity::Error}});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.columnCount(), 3);
        QCOMPARE(m.errorCount(), 2);
        QCOMPARE(m.warningCount(), 1);
        QCOMPARE(m.data(m.index(0, ui::ProblemListModel::PathColumn)).toString(), QStringLiteral("components[b].required"));
        QCOMPARE(m.data(m.index(1, ui::ProblemListModel::PathColumn)).toString(), QStringLiteral("(file)"));
        QCOMPARE(m.data(m.index(2, ui::ProblemListModel::SeverityColumn)).toString(), QStringLiteral("Warning"));
        QCOMPARE(m.data(m.index(0, 0), ui::ProblemListModel::PathRole).toString(), QStringLiteral("components[b].required"));
        QCOMPARE(m.headerData(ui::ProblemListModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Problem"));
        QCOMPARE(ui::ProblemListModel::MessageColumn, 1);  // the problem before its field
        QCOMPARE(m.data(m.index(0, 0), Qt::ToolTipRole).toString(), QStringLiteral("components[b].required: k > n"));
    }
};

QTEST_MAIN(TestProblemListModel)
#include "tst_problem_list_model.moc"
