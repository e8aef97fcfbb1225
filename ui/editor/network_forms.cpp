#include "network_forms.h"

#include "ui/document/catalogue_edits.h"
#include "ui/editor/field_widgets.h"
#include "ui/editor/money_widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace nines::ui {

using namespace nines::model;

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

NamedItemForm::NamedItemForm(Document* doc, const QString& title, QWidget* parent)
    : ItemForm(doc, parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title), this);
    outer->addWidget(heading);
    outer->addWidget(general_);
    form_ = new QFormLayout;
    outer->addLayout(form_);
    outer->addStretch();
    id_ = new QLineEdit(this);
    name_ = new QLineEdit(this);
    addRow(form_, tr("Id"), id_, "id");
    addRow(form_, tr("Name"), name_, "name");
    bindIdField(id_);
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (loading_)
            return;
        const std::string v = name_->text().toStdString();
        editItems(doc_, refs_, [&](Item& item) {
            std::visit([&](auto& x) {
                if constexpr (requires { x.name; })
                    x.name = v;
            }, item);
        }, tr("Change name"), "name");
    });
}

void NamedItemForm::load()
{
    const Item item = itemAt(doc_->model(), refs_.front());
    id_->setEnabled(refs_.size() == 1);
    showText(id_, refs_.size() == 1 ? itemId(item) : std::string());
    std::visit([&](const auto& x) {
        if constexpr (requires { x.name; })
            showText(name_, x.name);
    }, item);
    loadMore();
}

DependencyForm::DependencyForm(Document* doc, QWidget* parent)
    : ItemForm(doc, parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(new QLabel(tr("<b>Dependency</b>"), this));
    ends_ = new QLabel(this);
    ends_->setWordWrap(true);
    outer->addWidget(ends_);
    outer->addWidget(general_);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch();
    calls_ = new NumberField(tr("calls per request"), false, this);
    type_ = new QComboBox(this);
    type_->addItem(tr("Synchronous: the caller waits"), int(DependencyType::Sync));
    type_->addItem(tr("Asynchronous: through a queue"), int(DependencyType::Async));
    buffer_ = new NumberField(tr("messages"), true, this);
    rate_ = new NumberField(tr("messages/s"), true, this);
    rate_->setPlaceholder(tr("from the load"));
    addRow(form, tr("Multiplier"), calls_, "calls_per_request");
    addRow(form, tr("Type"), type_, "type");
    addRow(form, tr("Queue buffer"), buffer_, "buffer_messages");
    addRow(form, tr("Message rate"), rate_, "message_rate_per_second");
    connect(calls_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Dependency>("calls_per_request", tr("calls per request"), [v](Dependency& d) { d.calls_per_request = *v; });
    });
    connect(type_, &QComboBox::activated, this, [this] {
        edit<Dependency>("type", tr("dependency type"), [v = DependencyType(type_->currentData().toInt())](Dependency& d) { d.type = v; });
    });
    connect(buffer_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Dependency>("buffer_messages", tr("queue buffer"), [v](Dependency& d) { d.buffer_messages = v; });
    });
    connect(rate_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Dependency>("message_rate_per_second", tr("message rate"), [v](Dependency& d) { d.message_rate_per_second = v; });
    });
}

void DependencyForm::load()
{
    const Dependency& d = first<Dependency>();
    const Model& m = doc_->model();
    auto label = [&](const std::string& id) {
        const Component* c = m.findComponent(id);
        return c && !c->name.empty() ? qs(c->name) : qs(id);
    };
    ends_->setText(refs_.size() == 1 ? tr("%1 calls %2").arg(label(d.from), label(d.to))
                                     : tr("%n dependencies", nullptr, int(refs_.size())));
    calls_->setValue(d.calls_per_request);
    {
        const QSignalBlocker b(type_);
        type_->setCurrentIndex(type_->findData(int(d.type)));
    }
    const bool async = d.type == DependencyType::Async;
    buffer_->setValue(d.buffer_messages);
    rate_->setValue(d.message_rate_per_second);
    buffer_->setEnabled(async);
    rate_->setEnabled(async);
}

NetworkItemForm::NetworkItemForm(Document* doc, ItemKind kind, QWidget* parent)
    : NamedItemForm(doc,
                    kind == ItemKind::Zone     ? tr("Zone")
                    : kind == ItemKind::Region ? tr("Region")
                    : kind == ItemKind::Link   ? tr("Network link")
                                               : tr("Network hub"),
                    parent)
    , kind_(kind)
{
    if (auto target = templateTargetOf(kind)) {
        template_ = addTemplateRow(form_, *target);
    }
    if (kind == ItemKind::Zone) {
        region_ = new QComboBox(this);
        addRow(form_, tr("Region"), region_, "region");
        connect(region_, &QComboBox::activated, this, [this] {
            edit<Zone>("region", tr("region"), [v = optionalId(region_)](Zone& z) { z.region = v; });
        });
    }
    if (kind == ItemKind::Link) {
        from_ = new QComboBox(this);
        to_ = new QComboBox(this);
        addRow(form_, tr("From"), from_, "from");
        addRow(form_, tr("To"), to_, "to");
        connect(from_, &QComboBox::activated, this, [this] {
            edit<Link>("from", tr("link end"), [v = from_->currentData().toString().toStdString()](Link& l) { l.from = v; });
        });
        connect(to_, &QComboBox::activated, this, [this] {
            edit<Link>("to", tr("link end"), [v = to_->currentData().toString().toStdString()](Link& l) { l.to = v; });
        });
    }
    if (kind != ItemKind::Hub) {
        outage_ = new OutageEditor(kind == ItemKind::Link ? tr("Can fail (partitions what it joins)") : tr("Can fail (outages)"), this);
        addRow(form_, QString(), outage_, "outage");
        connect(outage_, &OutageEditor::edited, this, [this](const std::optional<Outage>& o) {
            if (loading_)
                return;
            editItems(doc_, refs_, [&](Item& item) {
                std::visit([&](auto& x) {
                    if constexpr (requires { x.outage; } && !std::is_same_v<std::decay_t<decltype(x)>, SharedFate>)
                        x.outage = o;
                }, item);
            }, tr("Change outage"), "outage");
        });
        cost_ = new FixedCostFields(this);
        cost_->setToolTip(tr("What it costs to have: once, and every year; counted in the cost of ownership"));
        addRow(form_, tr("Cost"), cost_, "cost");
        connect(cost_, &FixedCostFields::edited, this, [this](bool capex, double v) {
            if (loading_)
                return;
            editItems(doc_, refs_, [&](Item& item) {
                std::visit([&](auto& x) {
                    if constexpr (requires { { x.cost } -> std::convertible_to<const FixedCost&>; })
                        (capex ? x.cost.capex : x.cost.yearly) = v;
                }, item);
            }, capex ? tr("Change capex") : tr("Change yearly cost"), capex ? "cost.capex" : "cost.yearly");
        });
    } else {
        auto* note = new QLabel(tr("A hub never fails: it stands for the internet or a backbone that zones and regions reach through links."), this);
        note->setWordWrap(true);
        form_->addRow(note);
    }
}

void NetworkItemForm::loadMore()
{
    const Model& m = doc_->model();
    const Item item = itemAt(m, refs_.front());
    if (template_)
        showTemplate(template_);
    if (region_) {
        const QSignalBlocker b(region_);
        region_->clear();
        region_->addItem(tr("None"), QString());
        for (const auto& r : m.regions)
            region_->addItem(qs(r.name.empty() ? r.id : r.name), qs(r.id));
        region_->setCurrentIndex(std::max(0, region_->findData(qs(std::get<Zone>(item).region.value_or("")))));
    }
    if (from_) {
        const Link& l = std::get<Link>(item);
        for (QComboBox* c : {from_, to_}) {
            const QSignalBlocker b(c);
            c->clear();
            for (const auto& z : m.zones)
                c->addItem(tr("Zone %1").arg(qs(z.name.empty() ? z.id : z.name)), qs(z.id));
            for (const auto& r : m.regions)
                c->addItem(tr("Region %1").arg(qs(r.name.empty() ? r.id : r.name)), qs(r.id));
            for (const auto& h : m.hubs)
                c->addItem(tr("Hub %1").arg(qs(h.name.empty() ? h.id : h.name)), qs(h.id));
        }
        from_->setCurrentIndex(from_->findData(qs(l.from)));
        to_->setCurrentIndex(to_->findData(qs(l.to)));
    }
    if (cost_)
        std::visit([&](const auto& x) {
            if constexpr (requires { { x.cost } -> std::convertible_to<const FixedCost&>; })
                cost_->setCost(x.cost);
        }, item);
    if (outage_)
        std::visit([&](const auto& x) {
            if constexpr (requires { x.outage; } && !std::is_same_v<std::decay_t<decltype(x)>, SharedFate>)
                outage_->setOutage(x.outage);
        }, item);
}

}  // namespace nines::ui
