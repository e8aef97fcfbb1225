#include "palette.h"

#include "diagram_items.h"
#include "diagram_scene.h"
#include "edits.h"

#include <QMimeData>

namespace nines::ui {

using namespace nines::model;

namespace {
constexpr int KeyRole = Qt::UserRole + 1;

void addHeader(QListWidget* list, const QString& text)
{
    auto* item = new QListWidgetItem(text, list);
    item->setFlags(Qt::NoItemFlags);
    QFont f = item->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    item->setFont(f);
    item->setForeground(QColor(0x71, 0x80, 0x96));
}
}  // namespace

Palette::Palette(QWidget* parent)
    : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setIconSize(QSize(28, 28));
    setSpacing(1);
    setSelectionMode(SingleSelection);
    setToolTip(tr("Drag onto the canvas, or double-click to add in the middle of the view"));
    addHeader(this, tr("Components"));
    for (ComponentKind k : kComponentKinds) {
        auto* item = new QListWidgetItem(kindIcon(k), kindLabel(k), this);
        item->setData(KeyRole, QString::fromUtf8(toString(k).data()));
    }
    addHeader(this, tr("Placement and network"));
    const std::pair<const char*, QString> others[] = {
        {"zone", tr("Zone")}, {"region", tr("Region")}, {"hub", tr("Network hub")}};
    for (const auto& [key, label] : others) {
        auto* item = new QListWidgetItem(namedIcon(QString::fromLatin1(key)), label, this);
        item->setData(KeyRole, QString::fromLatin1(key));
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (!keyOf(item).isEmpty())
            Q_EMIT activatedKey(keyOf(item));
    });
}

QString Palette::keyOf(const QListWidgetItem* item) { return item ? item->data(KeyRole).toString() : QString(); }

QListWidgetItem* Palette::itemForKey(const QString& key) const
{
    for (int i = 0; i < count(); ++i)
        if (keyOf(item(i)) == key)
            return item(i);
    return nullptr;
}

QStringList Palette::mimeTypes() const { return {QString::fromLatin1(kPaletteMime)}; }

QMimeData* Palette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty() || keyOf(items.front()).isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kPaletteMime), keyOf(items.front()).toUtf8());
    return data;
}

}  // namespace nines::ui
