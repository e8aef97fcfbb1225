#include "component_form.h"

#include "ui/document/catalogue_edits.h"

#include "ui/editor/canvas_items.h"
#include "ui/editor/field_widgets.h"
#include "ui/editor/money_widgets.h"
#include "model/path.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace nines::ui {

using namespace nines::model;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

template <typename E>
QComboBox* enumCombo(QWidget* parent, std::initializer_list<std::pair<E, QString>> values)
{
    auto* c = new QComboBox(parent);
    for (const auto& [v, label] : values)
        c->addItem(label, int(v));
    return c;
}

QSpinBox* countSpin(QWidget* parent, int lo, int hi)
{
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setKeyboardTracking(false);
    return s;
}

void setCombo(QComboBox* c, const QVariant& data)
{
    const QSignalBlocker b(c);
    c->setCurrentIndex(c->findData(data));
}

std::string modePath(const Component& c, int index)
{
    std::vector<std::string> ids;
    for (const auto& m : c.failure_modes)
        ids.push_back(m.id);
    return elementPath("failure_modes", ids, size_t(index));
}

}  // namespace

ComponentForm::ComponentForm(Document* doc, QWidget* parent)
    : ItemForm(doc, parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(general_);
    auto section = [&](const QString& title) {
        auto* box = new QGroupBox(title, this);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        outer->addWidget(box);
        return std::pair(box, form);
    };

    // Identity.
    auto [idBox, idForm] = section(tr("Component"));
    id_ = new QLineEdit(this);
    name_ = new QLineEdit(this);
    kind_ = new QComboBox(this);
    for (ComponentKind k : kComponentKinds)
        kind_->addItem(kindIcon(k), kindLabel(k), int(k));
    description_ = new QLineEdit(this);
    addRow(idForm, tr("Id"), id_, "id");
    addRow(idForm, tr("Name"), name_, "name");
    addRow(idForm, tr("Kind"), kind_, "kind");
    template_ = addTemplateRow(idForm, io::TemplateTarget::Component);
    addRow(idForm, tr("Description"), description_, "description");
    bindIdField(id_);
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        edit<Component>("name", tr("name"), [v = name_->text().toStdString()](Component& c) { c.name = v; });
    });
    connect(kind_, &QComboBox::activated, this, [this] {
        edit<Component>("kind", tr("kind"), [v = ComponentKind(kind_->currentData().toInt())](Component& c) { c.kind = v; });
    });
    connect(description_, &QLineEdit::editingFinished, this, [this] {
        edit<Component>("description", tr("description"),
                        [v = description_->text().toStdString()](Component& c) { c.description = v; });
    });

    // Redundancy.
    auto [redBox, redForm] = section(tr("Redundancy"));
    instances_ = countSpin(this, 1, 100000);
    required_ = countSpin(this, 1, 100000);
    instances_->setSuffix(tr(" instances"));
    required_->setSuffix(tr(" must be healthy"));
    redundancy_ = enumCombo<RedundancyMode>(this, {{RedundancyMode::Active, tr("Active (all serve)")},
                                                   {RedundancyMode::Standby, tr("Standby (failover)")}});
    standbyKind_ = enumCombo<StandbyKind>(this, {{StandbyKind::Hot, tr("Hot")}, {StandbyKind::Warm, tr("Warm")},
                                                 {StandbyKind::Cold, tr("Cold")}});
    failoverType_ = new QComboBox(this);
    failoverType_->addItem(tr("Fixed"), int(DistributionType::Deterministic));
    failoverType_->addItem(tr("Exponential"), int(DistributionType::Exponential));
    failoverType_->addItem(tr("Lognormal"), int(DistributionType::Lognormal));
    failoverType_->addItem(tr("Uniform"), int(DistributionType::Uniform));
    failoverType_->setToolTip(tr("How long a failover takes: a fixed time, or a distribution (its mean, or for a "
                                 "uniform its shortest and longest)"));
    failover_ = new NumberField(tr("s"), false, this);
    failoverSpread_ = new NumberField(QString(), false, this);
    failoverRetry_ = new NumberField(tr("s"), true, this);
    failoverRetry_->setPlaceholder(tr("never"));
    failoverRetry_->setToolTip(tr("A failed failover is tried again after this long, while the group is short and "
                                  "has a spare; empty: it is not retried"));
    failoverSuccess_ = new NumberField(tr("probability"), false, this);
    zoneFailover_ = new QCheckBox(tr("Fail over when its zone goes out"), this);
    zoneFailover_->setToolTip(tr("An in-service instance whose zone, region or shared-fate group goes out is lost to "
                                 "the group: a spare elsewhere takes over once the loss is noticed. Off: the primary "
                                 "waits for its zone."));
    zoneDetection_ = new NumberField(tr("s"), false, this);
    addRow(redForm, tr("n"), instances_, "instances");
    addRow(redForm, tr("k"), required_, "required");
    addRow(redForm, tr("Mode"), redundancy_, "redundancy");
    addRow(redForm, tr("Standby"), standbyKind_, "standby.kind");
    addRow(redForm, tr("Failover time"), failoverType_, "standby.failover.type");
    redundancyForm_ = redForm;
    addRow(redForm, tr("Taking"), failover_, "standby.failover_seconds");
    addRow(redForm, tr("Spread"), failoverSpread_, "standby.failover.sigma");
    addRow(redForm, tr("Retry a failed failover"), failoverRetry_, "standby.failover_retry_seconds");
    addRow(redForm, tr("Failover success"), failoverSuccess_, "standby.failover_success_probability");
    addRow(redForm, tr("Zone loss"), zoneFailover_, "standby.fail_over_on_zone_loss");
    addRow(redForm, tr("Zone loss noticed after"), zoneDetection_, "standby.detection_seconds");
    connect(instances_, &QSpinBox::valueChanged, this, [this](int v) {
        instances_->setSuffix(v == 1 ? tr(" instance") : tr(" instances"));
        edit<Component>("instances", tr("instances"), [v](Component& c) { c.instances = v; });
    });
    connect(required_, &QSpinBox::valueChanged, this, [this](int v) {
        edit<Component>("required", tr("required instances"), [v](Component& c) { c.required = v; });
    });
    connect(redundancy_, &QComboBox::activated, this, [this] {
        edit<Component>("redundancy", tr("redundancy"),
                        [v = RedundancyMode(redundancy_->currentData().toInt())](Component& c) { c.redundancy = v; });
    });
    connect(standbyKind_, &QComboBox::activated, this, [this] {
        edit<Component>("standby.kind", tr("standby kind"),
                        [v = StandbyKind(standbyKind_->currentData().toInt())](Component& c) { c.standby.kind = v; });
    });
    connect(failoverType_, &QComboBox::activated, this, [this] {
        const auto type = DistributionType(failoverType_->currentData().toInt());
        edit<Component>("standby.failover", tr("failover time distribution"), [type](Component& c) {
            // The new distribution keeps the mean.
            const double mean = c.standby.failoverTime().meanSeconds();
            if (type == DistributionType::Deterministic) {
                c.standby.failover.reset();
                c.standby.failover_seconds = mean;
                return;
            }
            FailoverTime f;
            f.type = type;
            f.mean_seconds = mean > 0 ? mean : 60.0;
            f.sigma = 0.5;
            f.min_seconds = 0.5 * f.mean_seconds;
            f.max_seconds = 1.5 * f.mean_seconds;
            c.standby.failover = f;
            c.standby.failover_seconds = 0.0;
        });
    });
    connect(failover_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("standby.failover_seconds", tr("failover time"), [v](Component& c) {
            if (!c.standby.failover) {
                c.standby.failover_seconds = *v;
                return;
            }
            FailoverTime& f = *c.standby.failover;
            if (f.type == DistributionType::Uniform)
                f.min_seconds = *v;
            else
                f.mean_seconds = *v;
        });
    });
    connect(failoverSpread_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("standby.failover", tr("failover time spread"), [v](Component& c) {
            if (!c.standby.failover)
                return;
            if (c.standby.failover->type == DistributionType::Uniform)
                c.standby.failover->max_seconds = *v;
            else
                c.standby.failover->sigma = *v;
        });
    });
    connect(failoverRetry_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("standby.failover_retry_seconds", tr("failover retry"),
                        [v](Component& c) { c.standby.failover_retry_seconds = v; });
    });
    connect(failoverSuccess_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("standby.failover_success_probability", tr("failover success"),
                        [v](Component& c) { c.standby.failover_success_probability = *v; });
    });
    connect(zoneFailover_, &QCheckBox::toggled, this, [this](bool on) {
        edit<Component>("standby.fail_over_on_zone_loss", tr("failover on zone loss"),
                        [on](Component& c) { c.standby.fail_over_on_zone_loss = on; });
    });
    connect(zoneDetection_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("standby.detection_seconds", tr("zone loss detection"),
                        [v](Component& c) { c.standby.detection_seconds = *v; });
    });

    // Dependencies, capacity and cost.
    auto [capBox, capForm] = section(tr("Dependencies, capacity and cost"));
    dependencyMode_ = enumCombo<DependencyMode>(this, {{DependencyMode::All, tr("Needs all of its dependencies")},
                                                       {DependencyMode::Any, tr("Needs any one")},
                                                       {DependencyMode::AtLeast, tr("Needs at least m")}});
    dependencyMin_ = countSpin(this, 1, 10000);
    capacity_ = new NumberField(tr("req/s per instance"), true, this);
    capacity_->setPlaceholder(tr("unlimited"));
    purchase_ = new NumberField(tr("per instance"), false, this);
    yearly_ = new NumberField(tr("per instance per year"), false, this);
    addRow(capForm, tr("Dependencies"), dependencyMode_, "dependency_mode");
    addRow(capForm, tr("m"), dependencyMin_, "dependency_min");
    addRow(capForm, tr("Capacity"), capacity_, "capacity_rps");
    addRow(capForm, tr("Purchase"), purchase_, "cost.purchase_per_instance");
    addRow(capForm, tr("Running cost"), yearly_, "cost.yearly_per_instance");
    support_ = new SupportEditor(this);
    addRow(capForm, QString(), support_, "support");
    connect(support_, &SupportEditor::edited, this, [this](const SupportChange& change) {
        edit<Component>("support", tr("support contract"), [change](Component& c) { change(c.support); });
    });
    connect(dependencyMode_, &QComboBox::activated, this, [this] {
        edit<Component>("dependency_mode", tr("dependency mode"),
                        [v = DependencyMode(dependencyMode_->currentData().toInt())](Component& c) { c.dependency_mode = v; });
    });
    connect(dependencyMin_, &QSpinBox::valueChanged, this, [this](int v) {
        edit<Component>("dependency_min", tr("dependencies needed"), [v](Component& c) { c.dependency_min = v; });
    });
    connect(capacity_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("capacity_rps", tr("capacity"), [v](Component& c) { c.capacity_rps = v; });
    });
    connect(purchase_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("cost.purchase_per_instance", tr("purchase cost"), [v](Component& c) { c.cost.purchase_per_instance = *v; });
    });
    connect(yearly_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("cost.yearly_per_instance", tr("running cost"), [v](Component& c) { c.cost.yearly_per_instance = *v; });
    });

    // Placement.
    auto [placeBox, placeForm] = section(tr("Placement and repair"));
    zones_ = new QListWidget(this);
    zones_->setMaximumHeight(96);
    zones_->setToolTip(tr("Instances are spread round-robin over the checked zones, in this order"));
    crew_ = new QComboBox(this);
    addRow(placeForm, tr("Zones"), zones_, "zones");
    addRow(placeForm, tr("Repair crew"), crew_, "repair_crew");
    connect(zones_, &QListWidget::itemChanged, this, [this](QListWidgetItem*) {
        if (loading_)
            return;
        std::vector<std::string> checked;
        for (int i = 0; i < zones_->count(); ++i)
            if (zones_->item(i)->checkState() == Qt::Checked)
                checked.push_back(zones_->item(i)->data(Qt::UserRole).toString().toStdString());
        edit<Component>("zones", tr("zones"), [checked](Component& c) {
            // Keep the order of zones that stay (it decides where each instance sits).
            std::vector<std::string> z;
            for (const auto& x : c.zones)
                if (std::find(checked.begin(), checked.end(), x) != checked.end())
                    z.push_back(x);
            for (const auto& x : checked)
                if (std::find(z.begin(), z.end(), x) == z.end())
                    z.push_back(x);
            c.zones = z;
        });
    });
    connect(crew_, &QComboBox::activated, this, [this] {
        edit<Component>("repair_crew", tr("repair crew"), [v = optionalId(crew_)](Component& c) { c.repair_crew = v; });
    });

    // Entry traffic.
    QFormLayout* entryForm;
    std::tie(entryBox_, entryForm) = section(tr("Entry"));
    share_ = new NumberField(tr("of user traffic"), false, this);
    entryNode_ = new QComboBox(this);
    addRow(entryForm, tr("Traffic share"), share_, "traffic_share");
    addRow(entryForm, tr("Enters at"), entryNode_, "entry_node");
    connect(share_, &NumberField::edited, this, [this](std::optional<double> v) {
        edit<Component>("traffic_share", tr("traffic share"), [v](Component& c) { c.traffic_share = *v; });
    });
    connect(entryNode_, &QComboBox::activated, this, [this] {
        edit<Component>("entry_node", tr("entry point"), [v = optionalId(entryNode_)](Component& c) { c.entry_node = v; });
    });

    // Data store.
    QFormLayout* storeForm;
    std::tie(storeBox_, storeForm) = section(tr("Data store (replication and CAP)"));
    storeBox_->setCheckable(true);
    replication_ = enumCombo<Replication>(this, {{Replication::None, tr("None")}, {Replication::Sync, tr("Synchronous")},
                                                 {Replication::Async, tr("Asynchronous")}});
    lag_ = new NumberField(tr("s"), false, this);
    consistency_ = enumCombo<Consistency>(this, {{Consistency::CP, tr("CP: refuse writes when partitioned")},
                                                 {Consistency::AP, tr("AP: accept writes, reconcile later")}});
    writeRate_ = new NumberField(tr("writes/s"), false, this);
    addRow(storeForm, tr("Replication"), replication_, "data_store.replication");
    addRow(storeForm, tr("Replication lag"), lag_, "data_store.replication_lag_seconds");
    addRow(storeForm, tr("Consistency"), consistency_, "data_store.consistency");
    addRow(storeForm, tr("Write rate"), writeRate_, "data_store.write_rate_per_second");
    connect(storeBox_, &QGroupBox::toggled, this, [this](bool on) {
        edit<Component>("data_store", tr("data store"), [on](Component& c) {
            if (on && !c.data_store)
                c.data_store = DataStore{};
            else if (!on)
                c.data_store.reset();
        });
    });
    auto storeEdit = [this](const std::string& path, const QString& what, std::function<void(DataStore&)> f) {
        edit<Component>(path, what, [f](Component& c) {
            if (c.data_store)
                f(*c.data_store);
        });
    };
    connect(replication_, &QComboBox::activated, this, [this, storeEdit] {
        storeEdit("data_store.replication", tr("replication"),
                  [v = Replication(replication_->currentData().toInt())](DataStore& d) { d.replication = v; });
    });
    connect(lag_, &NumberField::edited, this, [storeEdit](std::optional<double> v) {
        storeEdit("data_store.replication_lag_seconds", tr("replication lag"), [v](DataStore& d) { d.replication_lag_seconds = *v; });
    });
    connect(consistency_, &QComboBox::activated, this, [this, storeEdit] {
        storeEdit("data_store.consistency", tr("consistency"),
                  [v = Consistency(consistency_->currentData().toInt())](DataStore& d) { d.consistency = v; });
    });
    connect(writeRate_, &NumberField::edited, this, [storeEdit](std::optional<double> v) {
        storeEdit("data_store.write_rate_per_second", tr("write rate"), [v](DataStore& d) { d.write_rate_per_second = *v; });
    });

    // Failure modes: a list, and the selected mode below it.
    auto [modesBox, modesForm] = section(tr("Failure modes"));
    modes_ = new QListWidget(this);
    modes_->setMaximumHeight(80);
    modes_->setTextElideMode(Qt::ElideRight);  // long names end in "...", with the whole name on hover
    modes_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* buttons = new QWidget(this);
    auto* buttonRow = new QHBoxLayout(buttons);
    buttonRow->setContentsMargins(0, 0, 0, 0);
    auto* addMode = new QPushButton(tr("Add"), buttons);
    auto* fromCatalogue = new QPushButton(tr("From catalogue"), buttons);
    fromCatalogue->setToolTip(tr("Add a failure mode whose figures come from the catalogue"));
    auto* catalogueMenu = new QMenu(fromCatalogue);
    for (const auto& t : io::builtinCatalogue().templates()) {
        if (t.target != io::TemplateTarget::FailureMode)
            continue;
        QAction* a = catalogueMenu->addAction(QString::fromStdString(t.name));
        a->setToolTip(templateSummary(t));
        a->setData(QString::fromStdString(t.id));
    }
    catalogueMenu->setToolTipsVisible(true);
    fromCatalogue->setMenu(catalogueMenu);
    removeMode_ = new QPushButton(tr("Remove"), buttons);
    buttonRow->addWidget(addMode);
    buttonRow->addWidget(fromCatalogue);
    buttonRow->addWidget(removeMode_);
    connect(catalogueMenu, &QMenu::triggered, this, [this](QAction* a) { addFailureModeFromCatalogue(a->data().toString()); });
    buttonRow->addStretch();
    modesForm->addRow(modes_);
    modesForm->addRow(buttons);
    connect(modes_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!loading_ && row >= 0)
            setCurrentMode(row);
    });
    connect(addMode, &QPushButton::clicked, this, [this] {
        edit<Component>("failure_modes+", tr("add failure mode"), [](Component& c) {
            FailureMode f;
            int n = int(c.failure_modes.size()) + 1;
            auto taken = [&](const std::string& id) {
                return std::any_of(c.failure_modes.begin(), c.failure_modes.end(), [&](const FailureMode& m) { return m.id == id; });
            };
            while (taken("mode-" + std::to_string(n)))
                ++n;
            f.id = "mode-" + std::to_string(n);
            f.name = tr("Failure mode %1").arg(n).toStdString();
            f.failure = Distribution::exponential(8760);
            f.repair = Distribution::exponential(1);
            c.failure_modes.push_back(f);
        });
        setCurrentMode(int(first<Component>().failure_modes.size()) - 1);
    });
    connect(removeMode_, &QPushButton::clicked, this, [this] {
        const int m = mode_;
        edit<Component>("failure_modes-", tr("remove failure mode"), [m](Component& c) {
            if (m >= 0 && m < int(c.failure_modes.size()))
                c.failure_modes.erase(c.failure_modes.begin() + m);
        });
        setCurrentMode(std::max(0, m - 1));
    });

    modeBox_ = new QGroupBox(tr("Selected failure mode"), this);
    auto* modeForm = new QFormLayout(modeBox_);
    modeId_ = new QLineEdit(this);
    modeName_ = new QLineEdit(this);
    modeFailure_ = new DistributionEditor(DistributionEditor::Failure, this);
    modeRepair_ = new DistributionEditor(DistributionEditor::Repair, this);
    detection_ = new NumberField(tr("s"), false, this);
    auto* dormantHolder = new QWidget(this);
    auto* dormantLayout = new QVBoxLayout(dormantHolder);
    dormantLayout->setContentsMargins(0, 0, 0, 0);
    dormantOn_ = new QCheckBox(tr("Spare fails while idle (warm standby)"), dormantHolder);
    dormant_ = new DistributionEditor(DistributionEditor::Failure, dormantHolder);
    dormantLayout->addWidget(dormantOn_);
    dormantLayout->addWidget(dormant_);
    addRow(modeForm, tr("Id"), modeId_, "", "failure_modes[].id");
    addRow(modeForm, tr("Name"), modeName_, "", "failure_modes[].name");
    addRow(modeForm, tr("Failure"), modeFailure_, "", "failure_modes[].failure");
    addRow(modeForm, tr("Repair"), modeRepair_, "", "failure_modes[].repair");
    addRow(modeForm, tr("Detection"), detection_, "", "failure_modes[].detection_seconds");
    addRow(modeForm, tr("Dormant"), dormantHolder, "", "failure_modes[].dormant_failure");
    outer->addWidget(modeBox_);
    outer->addStretch();
    connect(modeId_, &QLineEdit::editingFinished, this, [this] {
        editMode("id", tr("failure mode id"), [v = modeId_->text().trimmed().toStdString()](FailureMode& f) { f.id = v; });
    });
    connect(modeName_, &QLineEdit::editingFinished, this, [this] {
        editMode("name", tr("failure mode name"), [v = modeName_->text().toStdString()](FailureMode& f) { f.name = v; });
    });
    connect(modeFailure_, &DistributionEditor::edited, this, [this](const Distribution& d) {
        editMode("failure", tr("time to failure"), [d](FailureMode& f) { f.failure = d; });
    });
    connect(modeRepair_, &DistributionEditor::edited, this, [this](const Distribution& d) {
        editMode("repair", tr("repair time"), [d](FailureMode& f) { f.repair = d; });
    });
    connect(detection_, &NumberField::edited, this, [this](std::optional<double> v) {
        editMode("detection_seconds", tr("detection delay"), [v](FailureMode& f) { f.detection_seconds = *v; });
    });
    connect(dormantOn_, &QCheckBox::toggled, this, [this](bool on) {
        editMode("dormant_failure", tr("dormant failure"), [on](FailureMode& f) {
            if (on && !f.dormant_failure)
                f.dormant_failure = Distribution::exponential(f.failure.mean() * 10);
            else if (!on)
                f.dormant_failure.reset();
        });
    });
    connect(dormant_, &DistributionEditor::edited, this, [this](const Distribution& d) {
        editMode("dormant_failure", tr("dormant failure"), [d](FailureMode& f) { f.dormant_failure = d; });
    });
    setTabOrder(id_, name_);
    setTabOrder(name_, kind_);
    setTabOrder(kind_, description_);
    setTabOrder(description_, instances_);
    setTabOrder(instances_, required_);
    setTabOrder(required_, redundancy_);
}

template <typename F>
void ComponentForm::editMode(const std::string& field, const QString& what, F change)
{
    const int m = mode_;
    const std::string path = "failure_modes[" + std::to_string(m) + "]." + field;
    edit<Component>(path, what, [m, change](Component& c) {
        if (m >= 0 && m < int(c.failure_modes.size()))
            change(c.failure_modes[size_t(m)]);
    });
}

void ComponentForm::setCurrentMode(int index)
{
    mode_ = index;
    loading_ = true;
    loadMode();
    loading_ = false;
}

void ComponentForm::addFailureModeFromCatalogue(const QString& id)
{
    const io::Template* t = io::builtinCatalogue().find(io::TemplateTarget::FailureMode, id.toStdString());
    if (!t)
        return;
    edit<Component>("failure_modes+", tr("add failure mode %1").arg(QString::fromStdString(t->name)),
                    [t](Component& c) { c.failure_modes.push_back(newFailureModeFromTemplate(c, *t)); });
    setCurrentMode(int(first<Component>().failure_modes.size()) - 1);
}

void ComponentForm::load()
{
    const Component& c = first<Component>();
    const auto items = all<Component>();
    const bool single = refs_.size() == 1;
    auto differs = [&](auto get) {
        return std::any_of(items.begin(), items.end(), [&](const Component& x) { return !(get(x) == get(c)); });
    };
    id_->setEnabled(single);
    showText(id_, single ? c.id : std::string());
    id_->setPlaceholderText(single ? QString() : tr("%n components", nullptr, int(refs_.size())));
    id_->setStyleSheet({});
    showText(name_, c.name);
    setMixed(name_, differs([](const Component& x) { return x.name; }));
    setCombo(kind_, int(c.kind));
    setMixed(kind_, differs([](const Component& x) { return x.kind; }));
    showTemplate(template_);
    showText(description_, c.description);

    {
        const QSignalBlocker a(instances_), b(required_), d(dependencyMin_);
        instances_->setValue(c.instances);
        instances_->setSuffix(c.instances == 1 ? tr(" instance") : tr(" instances"));
        required_->setValue(c.required);
        dependencyMin_->setValue(c.dependency_min);
    }
    setMixed(instances_, differs([](const Component& x) { return x.instances; }));
    setMixed(required_, differs([](const Component& x) { return x.required; }));
    setCombo(redundancy_, int(c.redundancy));
    const bool standby = c.redundancy == RedundancyMode::Standby;
    setCombo(standbyKind_, int(c.standby.kind));
    {
        const FailoverTime f = c.standby.failoverTime();
        setCombo(failoverType_, int(f.type));
        const bool uniform = f.type == DistributionType::Uniform, lognormal = f.type == DistributionType::Lognormal;
        failover_->setValue(!c.standby.failover ? c.standby.failover_seconds : uniform ? f.min_seconds : f.mean_seconds);
        failover_->setUnit(uniform ? tr("s shortest") : c.standby.failover ? tr("s on average") : tr("s"));
        setRowPath(failover_, !c.standby.failover ? "standby.failover_seconds"
                              : uniform           ? "standby.failover.min_seconds"
                                                  : "standby.failover.mean_seconds");
        // (The row holds the field in a holder widget with its message.)
        redundancyForm_->setRowVisible(failoverSpread_->parentWidget(), uniform || lognormal);
        failoverSpread_->setValue(uniform ? f.max_seconds : f.sigma);
        failoverSpread_->setUnit(uniform ? tr("s longest") : tr("sigma (of the log)"));
        setRowPath(failoverSpread_, uniform ? "standby.failover.max_seconds" : "standby.failover.sigma");
        failoverRetry_->setValue(c.standby.failover_retry_seconds);
    }
    failoverSuccess_->setValue(c.standby.failover_success_probability);
    {
        const QSignalBlocker z(zoneFailover_);
        zoneFailover_->setChecked(c.standby.fail_over_on_zone_loss);
    }
    zoneDetection_->setValue(c.standby.detection_seconds);
    for (QWidget* w : {static_cast<QWidget*>(standbyKind_), static_cast<QWidget*>(failoverType_),
                       static_cast<QWidget*>(failover_), static_cast<QWidget*>(failoverSpread_),
                       static_cast<QWidget*>(failoverRetry_), static_cast<QWidget*>(failoverSuccess_),
                       static_cast<QWidget*>(zoneFailover_)})
        w->setEnabled(standby);
    zoneDetection_->setEnabled(standby && c.standby.fail_over_on_zone_loss);

    setCombo(dependencyMode_, int(c.dependency_mode));
    dependencyMin_->setEnabled(c.dependency_mode == DependencyMode::AtLeast);
    capacity_->setValue(c.capacity_rps);
    setMixed(capacity_, differs([](const Component& x) { return x.capacity_rps; }));
    purchase_->setValue(c.cost.purchase_per_instance);
    yearly_->setValue(c.cost.yearly_per_instance);
    support_->setSupport(c.support);
    const QString currency = QString::fromStdString(doc_->model().settings.currency);
    purchase_->setUnit(currency.isEmpty() ? tr("per instance") : tr("%1 per instance").arg(currency));
    yearly_->setUnit(currency.isEmpty() ? tr("per instance a year") : tr("%1 per instance a year").arg(currency));

    const Model& m = doc_->model();
    zones_->clear();
    // The component's own zone order first (it decides placement), then the other zones.
    std::vector<std::string> order = c.zones;
    for (const auto& z : m.zones)
        if (std::find(order.begin(), order.end(), z.id) == order.end())
            order.push_back(z.id);
    for (const auto& id : order) {
        const Zone* z = m.findZone(id);
        auto* item = new QListWidgetItem(z ? QString::fromStdString(z->name.empty() ? z->id : z->name + " (" + z->id + ")")
                                           : QString::fromStdString(id) + tr(" (unknown zone)"),
                                         zones_);
        item->setData(Qt::UserRole, QString::fromStdString(id));
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(std::find(c.zones.begin(), c.zones.end(), id) != c.zones.end() ? Qt::Checked : Qt::Unchecked);
    }
    if (m.zones.empty()) {
        auto* item = new QListWidgetItem(tr("No zones yet: add one from the palette"), zones_);
        item->setFlags(Qt::NoItemFlags);
    }
    setMixed(zones_, differs([](const Component& x) { return x.zones; }));

    crew_->clear();
    crew_->addItem(tr("Unlimited (every repair starts at once)"), QString());
    for (const auto& r : m.repair_crews)
        crew_->addItem(QString::fromStdString((r.name.empty() ? r.id : r.name) + " (" + std::to_string(r.size) + ")"),
                       QString::fromStdString(r.id));
    crew_->setCurrentIndex(std::max(0, crew_->findData(QString::fromStdString(c.repair_crew.value_or("")))));

    entryBox_->setVisible(std::all_of(items.begin(), items.end(), [](const Component& x) { return x.kind == ComponentKind::Entry; }));
    share_->setValue(c.traffic_share);
    entryNode_->clear();
    entryNode_->addItem(tr("Anywhere (reachability not modelled)"), QString());
    for (const auto& z : m.zones)
        entryNode_->addItem(tr("Zone %1").arg(qs(z.name.empty() ? z.id : z.name)), qs(z.id));
    for (const auto& r : m.regions)
        entryNode_->addItem(tr("Region %1").arg(qs(r.name.empty() ? r.id : r.name)), qs(r.id));
    for (const auto& h : m.hubs)
        entryNode_->addItem(tr("Hub %1").arg(qs(h.name.empty() ? h.id : h.name)), qs(h.id));
    entryNode_->setCurrentIndex(std::max(0, entryNode_->findData(qs(c.entry_node.value_or("")))));

    {
        const QSignalBlocker b(storeBox_);
        storeBox_->setChecked(c.data_store.has_value());
    }
    const DataStore store = c.data_store.value_or(DataStore{});
    setCombo(replication_, int(store.replication));
    lag_->setValue(store.replication_lag_seconds);
    lag_->setEnabled(store.replication == Replication::Async);
    setCombo(consistency_, int(store.consistency));
    writeRate_->setValue(store.write_rate_per_second);

    modes_->clear();
    for (const auto& f : c.failure_modes) {
        modes_->addItem(QString::fromStdString(f.name.empty() ? f.id : f.name));
        modes_->item(modes_->count() - 1)->setToolTip(QString::fromStdString(f.name));
    }
    if (mode_ >= int(c.failure_modes.size()))
        mode_ = int(c.failure_modes.size()) - 1;
    if (mode_ < 0 && !c.failure_modes.empty())
        mode_ = 0;
    loadMode();
}

void ComponentForm::loadMode()
{
    const Component& c = first<Component>();
    const bool has = mode_ >= 0 && mode_ < int(c.failure_modes.size());
    modeBox_->setVisible(has);
    removeMode_->setEnabled(has);
    {
        const QSignalBlocker b(modes_);
        modes_->setCurrentRow(has ? mode_ : -1);
    }
    if (!has)
        return;
    const FailureMode& f = c.failure_modes[size_t(mode_)];
    const std::string base = modePath(c, mode_);
    setRowPath(modeId_, base + ".id");
    setRowPath(modeName_, base + ".name");
    setRowPath(modeFailure_, base + ".failure");
    setRowPath(modeRepair_, base + ".repair");
    setRowPath(detection_, base + ".detection_seconds");
    setRowPath(dormant_->parentWidget(), base + ".dormant_failure");
    showText(modeId_, f.id);
    showText(modeName_, f.name);
    modeFailure_->setDistribution(f.failure);
    modeRepair_->setDistribution(f.repair);
    detection_->setValue(f.detection_seconds);
    {
        const QSignalBlocker b(dormantOn_);
        dormantOn_->setChecked(f.dormant_failure.has_value());
    }
    dormant_->setVisible(f.dormant_failure.has_value());
    if (f.dormant_failure)
        dormant_->setDistribution(*f.dormant_failure);
    showProblems(doc_->problems());
    markCatalogueValues();  // the rows now stand for another failure mode
}

}  // namespace nines::ui
