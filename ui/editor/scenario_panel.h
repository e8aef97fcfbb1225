// The scenarios of a model: create one from the base or from another scenario, rename, delete,
// reorder, and see and change what each overrides (field paths and values, as the file stores
// them); removing an override sets that field back to the base's value. Every change is one
// undoable step; a change to the base reaches every scenario that does not override the field.
#pragma once

#include <QWidget>

#include <string>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace nines::ui {

class Document;

class ScenarioPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioPanel(Document* doc, QWidget* parent = nullptr);

    /// A new scenario based on the base (empty basedOn) or on another scenario; returns its index.
    int createScenario(const std::string& basedOn = {});
    bool renameScenario(int index, const std::string& name);
    /// Refuses (with the reason) a scenario that others are based on.
    QString deleteScenario(int index);
    void moveScenario(int index, int delta);
    /// Sets `path` to `valueJson` in the scenario (replacing an override of the same path);
    /// returns why it was refused (the path names nothing, or the scenario would be invalid).
    QString setOverride(int index, const std::string& path, const std::string& valueJson);
    /// Removes override `op` of a scenario: the field takes the base's value again.
    void resetOverride(int index, int op);

    /// Edits scenario `index` on the canvas (the base for -1); returns why it cannot.
    QString editScenario(int index);

    int currentScenario() const;
    void selectScenario(int index);
    QListWidget* list() const { return list_; }
    QTableWidget* overrides() const { return overrides_; }
    QLabel* message() const { return message_; }

private:
    void reload();
    void showOverrides();

    Document* doc_;
    QListWidget* list_;
    QTableWidget* overrides_;
    QLineEdit* path_;
    QLineEdit* value_;
    QLabel* message_;
    QPushButton* edit_;
    bool loading_ = false;
};

}  // namespace nines::ui
