#include "palette.h"

#include "ui/document/catalogue_edits.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/diagram_scene.h"
#include "ui/document/edits.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

#include <tuple>

namespace nines::ui {

using namespace nines::model;

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
constexpr int SearchRole = Qt::UserRole + 2;

QTreeWidgetItem* addHeader(QTreeWidget* tree, QTreeWidgetItem* parent, const QString& text)
{
    auto* item = parent ? new QTreeWidgetItem(parent, {text}) : new QTreeWidgetItem(tree, {text});
    item->setFlags(Qt::ItemIsEnabled);
    QFont f = item->font(0);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    item->setFont(0, f);
    item->setForeground(0, QColor(0x4a, 0x55, 0x68));
    item->setExpanded(true);
    return item;
}

QTreeWidgetItem* addEntry(QTreeWidgetItem* parent, const QIcon& icon, const QString& label, const QString& key,
                          const QString& searchText)
{
    auto* item = new QTreeWidgetItem(parent, {label});
    item->setIcon(0, icon);
    item->setData(0, KeyRole, key);
    item->setData(0, SearchRole, (label + QLatin1Char(' ') + searchText).toLower());
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

QIcon templateIcon(const io::Template& t)
{
    switch (t.target) {
    case io::TemplateTarget::Zone: return namedIcon(QStringLiteral("zone"));
    case io::TemplateTarget::Region: return namedIcon(QStringLiteral("region"));
    default: break;
    }
    ComponentKind kind = ComponentKind::Custom;
    parseEnum(t.body.value(QStringLiteral("kind")).toString().toStdString(), kind);
    return kindIcon(kind);
}
}  // namespace

PaletteTree::PaletteTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setIconSize(QSize(24, 24));
    setSelectionMode(SingleSelection);
    setIndentation(12);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setToolTip(tr("Drag onto the canvas, or double-click to add in the middle of the view"));
}

QStringList PaletteTree::mimeTypes() const { return {QString::fromLatin1(kPaletteMime)}; }

QMimeData* PaletteTree::mimeData(const QList<QTreeWidgetItem*>& items) const
{
    if (items.isEmpty() || Palette::keyOf(items.front()).isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kPaletteMime), Palette::keyOf(items.front()).toUtf8());
    return data;
}

Palette::Palette(QWidget* parent)
    : QWidget(parent)
    , search_(new QLineEdit(this))
    , tree_(new PaletteTree(this))
{
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(4);
    search_->setPlaceholderText(tr("Search the palette and catalogue"));
    search_->setClearButtonEnabled(true);
    box->addWidget(search_);
    box->addWidget(tree_);

    // Every entry says what it is on hover, its whole name included where the dock cuts it.
    const auto kindHelp = [](ComponentKind k) {
        switch (k) {
        case ComponentKind::Entry: return tr("Where users' requests arrive; the availability is measured here.");
        case ComponentKind::LoadBalancer: return tr("Spreads requests over its backends; needs any one of them.");
        case ComponentKind::Service: return tr("An application service: web servers, APIs, workers.");
        case ComponentKind::Database: return tr("A database; replicated, it can be CP or AP during a partition.");
        case ComponentKind::Cache: return tr("A cache in front of a slower store.");
        case ComponentKind::Queue: return tr("A message queue between asynchronous producers and consumers.");
        case ComponentKind::Storage: return tr("Block, file or object storage.");
        case ComponentKind::Dns: return tr("Name resolution in front of the entries.");
        case ComponentKind::Custom: return tr("Anything else that can fail and be repaired.");
        }
        return QString();
    };
    auto* components = addHeader(tree_, nullptr, tr("Components"));
    for (ComponentKind k : kComponentKinds) {
        auto* item = addEntry(components, kindIcon(k), kindLabel(k), QString::fromUtf8(toString(k).data()),
                              QString::fromUtf8(toString(k).data()));
        item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                .arg(kindLabel(k).toHtmlEscaped(), kindHelp(k).toHtmlEscaped(),
                                     tr("Double-click, or drag onto the canvas.")));
    }
    auto* placement = addHeader(tree_, nullptr, tr("Placement and network"));
    const std::tuple<const char*, QString, QString> others[] = {
        {"zone", tr("Zone"), tr("A place whose outage takes every instance in it down together (an availability zone, a rack).")},
        {"region", tr("Region"), tr("A group of zones that can go out together.")},
        {"hub", tr("Network hub"), tr("A point of the network that never fails; links attach to it.")}};
    for (const auto& [key, label, help] : others) {
        auto* item = addEntry(placement, namedIcon(QString::fromLatin1(key)), label, QString::fromLatin1(key),
                              QString::fromLatin1(key));
        item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2").arg(label.toHtmlEscaped(), help.toHtmlEscaped()));
    }

    // The catalogue: templates the canvas can take (components, zones, regions), by group.
    auto* catalogue = addHeader(tree_, nullptr, tr("Catalogue"));
    catalogue->setToolTip(0, tr("Templates with failure and repair figures from public data; hover one for "
                                "its figures, and a field in the inspector for its source"));
    std::map<std::string, QTreeWidgetItem*> groups;
    for (const auto& t : io::builtinCatalogue().templates()) {
        if (t.target != io::TemplateTarget::Component && t.target != io::TemplateTarget::Zone
            && t.target != io::TemplateTarget::Region)
            continue;
        QTreeWidgetItem*& group = groups[t.group];
        if (!group)
            group = addHeader(tree_, catalogue, QString::fromStdString(t.group));
        auto* item = addEntry(group, templateIcon(t), QString::fromStdString(t.name), keyOfTemplate(t),
                              QString::fromStdString(t.id + " " + t.group + " " + t.description));
        item->setToolTip(0, templateSummary(t));
    }
    tree_->expandAll();

    connect(search_, &QLineEdit::textChanged, this, &Palette::setFilter);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (!keyOf(item).isEmpty())
            Q_EMIT activatedKey(keyOf(item));
    });
}

QString Palette::keyOf(const QTreeWidgetItem* item) { return item ? item->data(0, KeyRole).toString() : QString(); }

QTreeWidgetItem* Palette::itemForKey(const QString& key) const
{
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if (keyOf(*it) == key)
            return *it;
    return nullptr;
}

QMimeData* Palette::mimeDataFor(const QString& key) const
{
    QTreeWidgetItem* item = itemForKey(key);
    if (!item)
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kPaletteMime), key.toUtf8());
    return data;
}

void Palette::setFilter(const QString& text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Leaves match on their own text; a header shows while any entry below it does.
    std::function<bool(QTreeWidgetItem*)> apply = [&](QTreeWidgetItem* item) {
        bool visible = false;
        if (item->childCount() == 0) {
            const QString hay = item->data(0, SearchRole).toString();
            visible = std::all_of(words.begin(), words.end(), [&](const QString& w) { return hay.contains(w); });
        } else {
            for (int i = 0; i < item->childCount(); ++i)
                visible |= apply(item->child(i));
        }
        item->setHidden(!visible);
        return visible;
    };
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        apply(tree_->topLevelItem(i));
}

}  // namespace nines::ui
