// Help > User Guide: docs/user-guide.md, with its pictures, from the binary (the same text as on
// disk), in a window of its own beside the main one.
#pragma once

class QDialog;
class QWidget;

namespace nines::ui {

/// The guide's window, made hidden; its text browser is named "userGuide".
QDialog* createUserGuide(QWidget* parent);

}  // namespace nines::ui
