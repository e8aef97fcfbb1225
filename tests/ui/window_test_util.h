// The editor window's set-up the GUI tests share: dialogs that never wait for a click (an
// unexpected error fails the test with its text), and autosave into the test's own folder.
#pragma once

#include "ui/window/main_window.h"

#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>

namespace nines::test {

inline void quietDialogs(ui::MainWindow& w)
{
    w.askToSave = [](const QString&) { return QMessageBox::Discard; };
    w.showError = [](const QString& t, const QString& m) { QFAIL(qPrintable(t + QStringLiteral(": ") + m)); };
}

/// Recovery copies under `dir`, autosave once an hour (never during a test).
inline ui::MainWindow::Options windowOptions(const QTemporaryDir& dir)
{
    return {dir.path() + QStringLiteral("/recovery"), 3600 * 1000};
}

}  // namespace nines::test
