// The palette of things to draw: component kinds, zones, regions and hubs, dragged onto the
// canvas (or double-clicked to add at the centre of the view).
#pragma once

#include <QListWidget>

namespace nines::ui {

class Palette : public QListWidget
{
    Q_OBJECT

public:
    explicit Palette(QWidget* parent = nullptr);
    /// The palette key of a row ("service", "zone", ...), as carried by drags.
    static QString keyOf(const QListWidgetItem* item);
    QListWidgetItem* itemForKey(const QString& key) const;

Q_SIGNALS:
    void activatedKey(const QString& key);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace nines::ui
