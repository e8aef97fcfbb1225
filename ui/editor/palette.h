// The palette of things to draw: component kinds, zones, regions and hubs, and the catalogue's
// templates grouped and searchable, dragged onto the canvas (or double-clicked to add at the
// centre of the view).
#pragma once

#include <QTreeWidget>

class QLineEdit;
class QMimeData;

namespace nines::ui {

/// The tree of entries; drags carry the entry's key.
class PaletteTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit PaletteTree(QWidget* parent = nullptr);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
};

class Palette : public QWidget
{
    Q_OBJECT

public:
    explicit Palette(QWidget* parent = nullptr);
    /// The palette key of an entry ("service", "zone", "template:component:hdd"), as carried by drags.
    static QString keyOf(const QTreeWidgetItem* item);
    QTreeWidgetItem* itemForKey(const QString& key) const;
    /// What a drag of the entry carries (for tests and for the double-click path alike).
    QMimeData* mimeDataFor(const QString& key) const;
    /// Shows only the entries whose name, id, group or description holds every word of `text`.
    void setFilter(const QString& text);
    QLineEdit* searchField() const { return search_; }
    PaletteTree* tree() const { return tree_; }

Q_SIGNALS:
    void activatedKey(const QString& key);

private:
    QLineEdit* search_;
    PaletteTree* tree_;
};

}  // namespace nines::ui
