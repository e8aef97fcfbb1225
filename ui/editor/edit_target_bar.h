// The strip above the canvas that says what the editors work on: the base design or one of its
// scenarios (then in the scenario's colour, with what that means), and switches between them.
#pragma once

#include <QFrame>

class QComboBox;
class QLabel;
class QPushButton;

namespace nines::ui {

class Document;

class EditTargetBar : public QFrame
{
    Q_OBJECT

public:
    explicit EditTargetBar(Document* doc, QWidget* parent = nullptr);
    QComboBox* combo() const { return combo_; }
    QLabel* text() const { return text_; }

private:
    void reload();

    Document* doc_;
    QLabel* text_;
    QComboBox* combo_;
    QPushButton* back_;
    bool loading_ = false;
};

}  // namespace nines::ui
