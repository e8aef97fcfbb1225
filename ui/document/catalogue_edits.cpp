#include "catalogue_edits.h"

#include "ui/present/number_format.h"
#include "model/io/json_reader.h"
#include "model/io/json_writer.h"
#include "model/io/provenance.h"
#include "model/io/scenario.h"

#include <QCoreApplication>

namespace nines::ui {

using namespace nines::model;
using namespace nines::io;

namespace {

template <typename T>
constexpr bool hasTemplate = std::is_same_v<T, Component> || std::is_same_v<T, Zone> || std::is_same_v<T, Region>
                             || std::is_same_v<T, Link> || std::is_same_v<T, SharedFate>;

/// The template ids of a component's failure modes, by mode id, to restore after a read of
/// explicit JSON (which carries no template ids).
void restoreModeTemplates(const Component& from, Component& to)
{
    for (auto& fm : to.failure_modes)
        for (const auto& old : from.failure_modes)
            if (old.id == fm.id)
                fm.template_id = old.template_id;
}

template <typename T>
std::optional<T> reread(const QJsonObject& o, const T& original)
{
    T out;
    Problems ignored;
    if (!readItem(o, out, ignored))
        return std::nullopt;
    out.template_id = original.template_id;
    if constexpr (std::is_same_v<T, Component>)
        restoreModeTemplates(original, out);
    return out;
}

std::string nameFor(const Model& m, ItemKind kind, const std::string& base)
{
    int same = 0;
    for (int i = 0; i < itemCount(m, kind); ++i) {
        const std::string label = itemLabel(m, {kind, i});
        same += label == base || label.rfind(base + " ", 0) == 0;
    }
    return same == 0 ? base : base + " " + std::to_string(same + 1);
}

}  // namespace

const Template* templateOfKey(const QString& key)
{
    const QStringList parts = key.split(QLatin1Char(':'));
    TemplateTarget target;
    if (parts.size() != 3 || parts[0] != QLatin1String("template")
        || !parseTemplateTarget(parts[1].toStdString(), target))
        return nullptr;
    return builtinCatalogue().find(target, parts[2].toStdString());
}

QString keyOfTemplate(const Template& t)
{
    return QStringLiteral("template:%1:%2")
        .arg(QString::fromUtf8(toString(t.target).data()), QString::fromStdString(t.id));
}

std::optional<TemplateTarget> templateTargetOf(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Component: return TemplateTarget::Component;
    case ItemKind::Zone: return TemplateTarget::Zone;
    case ItemKind::Region: return TemplateTarget::Region;
    case ItemKind::Link: return TemplateTarget::Link;
    case ItemKind::SharedFate: return TemplateTarget::SharedFate;
    default: return std::nullopt;
    }
}

std::string templateIdOf(const Item& item)
{
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (hasTemplate<T>)
                return x.template_id;
            else
                return {};
        },
        item);
}

std::optional<Item> newItemFromTemplate(const Model& m, const Template& t, Point at)
{
    auto make = [&](auto blank, ItemKind kind, const std::string& idBase) -> std::optional<Item> {
        blank.id = uniqueId(m, kind, idBase);
        blank.name = nameFor(m, kind, t.name);
        const Item made = withTemplate(Item(blank), &t);
        return made;
    };
    switch (t.target) {
    case TemplateTarget::Component: {
        Component c;
        c.position = at;
        // The template's kind arrives with its values; the id follows the template.
        return make(c, ItemKind::Component, t.id);
    }
    case TemplateTarget::Zone: {
        Zone z;
        z.position = at;
        return make(z, ItemKind::Zone, "zone-" + std::to_string(m.zones.size() + 1));
    }
    case TemplateTarget::Region: {
        Region r;
        r.position = at;
        return make(r, ItemKind::Region, "region-" + std::to_string(m.regions.size() + 1));
    }
    default:
        return std::nullopt;
    }
}

FailureMode newFailureModeFromTemplate(const Component& c, const Template& t)
{
    std::string id = t.id;
    for (int n = 2; std::any_of(c.failure_modes.begin(), c.failure_modes.end(),
                                [&](const FailureMode& f) { return f.id == id; });
         ++n)
        id = t.id + "-" + std::to_string(n);
    FailureMode blank;
    blank.id = id;
    blank.name = t.name;
    QJsonObject o = writeExplicit(blank);
    for (auto it = t.body.begin(); it != t.body.end(); ++it)
        o.insert(it.key(), it.value());
    FailureMode out = reread(o, blank).value_or(blank);
    out.template_id = t.id;
    return out;
}

Item withTemplate(const Item& item, const Template* t)
{
    return std::visit(
        [&](const auto& x) -> Item {
            using T = std::decay_t<decltype(x)>;
            if constexpr (!hasTemplate<T>) {
                return x;
            } else {
                if (!t) {
                    T detached = x;
                    detached.template_id.clear();
                    return detached;
                }
                // Every field the template sets is taken whole (a component's failure modes
                // become the template's), so that the item is the template's from the start.
                QJsonObject o = writeExplicit(x);
                for (auto it = t->body.begin(); it != t->body.end(); ++it)
                    o.insert(it.key(), it.value());
                T out = reread(o, x).value_or(x);
                out.template_id = t->id;
                if constexpr (std::is_same_v<T, Component>)
                    for (auto& fm : out.failure_modes)
                        if (t->body.contains(QStringLiteral("failure_modes")))
                            fm.template_id.clear();
                return out;
            }
        },
        item);
}

std::optional<Item> withCatalogueValue(const Model& m, ItemRef ref, const std::string& relPath)
{
    const FieldOrigin fo = fieldOrigin(m, itemPath(m, ref) + "." + relPath);
    if (!fo.templ || fo.template_value.isUndefined())
        return std::nullopt;
    const Item item = itemAt(m, ref);
    return std::visit(
        [&](const auto& x) -> std::optional<Item> {
            using T = std::decay_t<decltype(x)>;
            if constexpr (!hasTemplate<T>) {
                return std::nullopt;
            } else {
                QJsonObject o = writeExplicit(x);
                if (!applyOperation(o, OperationType::Set, relPath, fo.template_value).empty())
                    return std::nullopt;
                auto out = reread(o, x);
                if (!out)
                    return std::nullopt;
                return Item(*out);
            }
        },
        item);
}

QString templateSummary(const Template& t)
{
    QString s = QStringLiteral("<b>%1</b><br>%2").arg(QString::fromStdString(t.name).toHtmlEscaped(),
                                                       QString::fromStdString(t.description).toHtmlEscaped());
    if (auto u = oneUnitFigures(t.target, t.body))
        s += QCoreApplication::translate("Catalogue",
                                         "<br><br>Fails every %1 h on average, down for %2 h: one unit is up %3.")
                 .arg(QLocale().toString(u->mttf_hours, 'f', 0))
                 .arg(QLocale().toString(u->mttr_hours, 'g', 3))
                 .arg(present::availabilityText(u->availability, u->mttr_hours / (u->mttf_hours + u->mttr_hours)));
    s += QCoreApplication::translate("Catalogue", "<br><i>Hover a field in the inspector to see its source.</i>");
    return s;
}

}  // namespace nines::ui
