#include "model_form.h"

#include "ui/document/edit_commands.h"
#include "ui/editor/field_widgets.h"
#include "model/validate.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace nines::ui {

using namespace nines::model;

namespace {

// A plain-text editor that commits when it loses focus (QPlainTextEdit has no editingFinished).
class CommitOnFocusOut : public QObject
{
public:
    CommitOnFocusOut(QObject* parent, std::function<void()> commit) : QObject(parent), commit_(std::move(commit)) {}
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::FocusOut)
            commit_();
        return false;
    }

private:
    std::function<void()> commit_;
};

}  // namespace

ModelForm::ModelForm(Document* doc, QWidget* parent)
    : ItemForm(doc, parent)
{
    setModelLevel();
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto section = [&](const QString& title) {
        auto* box = new QGroupBox(title, this);
        auto* form = new QFormLayout(box);
        outer->addWidget(box);
        return std::pair(box, form);
    };

    auto [modelBox, modelForm] = section(tr("Model"));
    name_ = new QLineEdit(this);
    description_ = new QPlainTextEdit(this);
    description_->setMinimumHeight(72);
    description_->setMaximumHeight(110);
    addRow(modelForm, tr("Name"), name_, "name");
    addRow(modelForm, tr("Description"), description_, "description");
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        editHeader("name", tr("model name"), [v = name_->text().toStdString()](ModelHeader& h) { h.name = v; });
    });
    description_->installEventFilter(new CommitOnFocusOut(description_, [this] {
        editHeader("description", tr("description"),
                   [v = description_->toPlainText().toStdString()](ModelHeader& h) { h.description = v; });
    }));

    auto [runBox, runForm] = section(tr("Run settings"));
    mission_ = new NumberField(tr("h"), false, this);
    mission_->setHint(durationHint);
    replications_ = new QSpinBox(this);
    replications_->setRange(1, 100000000);
    replications_->setKeyboardTracking(false);
    precision_ = new NumberField(tr("relative (0: all)"), false, this);
    minOutages_ = new NumberField(tr("outages for the precision"), false, this);
    minOutages_->setToolTip(tr("The target precision counts only once the run has seen this many outages: an "
                               "interval from fewer may be too narrow."));
    wall_ = new NumberField(tr("s (0: none)"), false, this);
    seed_ = new QLineEdit(this);
    sla_ = new NumberField(tr("%"), false, this);
    utilisation_ = new NumberField(tr("% of capacity"), false, this);
    overload_ = new QCheckBox(tr("An overloaded tier counts as down"), this);
    downtimeCost_ = new NumberField(tr("per minute"), false, this);
    horizon_ = new NumberField(tr("years of ownership"), false, this);
    horizon_->setToolTip(tr("Cost of ownership = purchase + (running cost + expected downtime cost + expected SLA "
                            "credits) x these years; the cheapest design meeting the SLA is the cheapest by it."));
    monthlyFee_ = new NumberField(tr("per month"), false, this);
    monthlyFee_->setToolTip(tr("What customers pay a month; the SLA credits are shares of it."));
    credits_ = new QLineEdit(this);
    credits_->setPlaceholderText(tr("none, or e.g. 99.95: 10, 99.9: 25"));
    const QString creditsHelp = tr("SLA credits: below-availability-%: credit-% pairs. A month (730 h) below a "
                                   "threshold earns that share of the monthly fee back (the largest of the thresholds "
                                   "it is below).");
    credits_->setToolTip(creditsHelp);
    currency_ = new QLineEdit(this);
    currency_->setMaximumWidth(80);
    addRow(runForm, tr("Mission time"), mission_, "settings.mission_hours");
    addRow(runForm, tr("Replications"), replications_, "settings.replications");
    addRow(runForm, tr("Target precision"), precision_, "settings.target_relative_precision");
    addRow(runForm, tr("Minimum outages"), minOutages_, "settings.min_outages");
    addRow(runForm, tr("Time budget"), wall_, "settings.max_wall_seconds");
    addRow(runForm, tr("Seed"), seed_, "settings.seed");
    addRow(runForm, tr("SLA target"), sla_, "settings.sla_target_percent");
    addRow(runForm, tr("Target utilisation"), utilisation_, "settings.target_utilisation_percent");
    addRow(runForm, QString(), overload_, "settings.overload_counts_as_down");
    addRow(runForm, tr("Downtime cost"), downtimeCost_, "settings.downtime_cost_per_minute");
    addRow(runForm, tr("Horizon"), horizon_, "settings.horizon_years");
    addRow(runForm, tr("Monthly fee"), monthlyFee_, "settings.monthly_fee");
    addRow(runForm, tr("SLA credits"), credits_, "settings.sla_credits");
    addRow(runForm, tr("Currency"), currency_, "settings.currency");
    auto settingsEdit = [this](const char* field, const QString& what, std::function<void(Settings&)> f) {
        editHeader(std::string("settings.") + field, what, [f](ModelHeader& h) { f(h.settings); });
    };
    connect(mission_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("mission_hours", tr("mission time"), [v](Settings& s) { s.mission_hours = *v; });
    });
    connect(replications_, &QSpinBox::valueChanged, this, [=, this](int v) {
        settingsEdit("replications", tr("replications"), [v](Settings& s) { s.replications = v; });
    });
    connect(precision_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("target_relative_precision", tr("target precision"), [v](Settings& s) { s.target_relative_precision = *v; });
    });
    connect(minOutages_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        // The field takes any number; a fraction or a negative one is the validator's to name.
        settingsEdit("min_outages", tr("minimum outages"), [v](Settings& s) {
            s.min_outages = *v >= 0 && *v <= 1e6 && std::floor(*v) == *v ? static_cast<int>(*v) : -1;
        });
    });
    connect(wall_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("max_wall_seconds", tr("time budget"), [v](Settings& s) { s.max_wall_seconds = *v; });
    });
    connect(seed_, &QLineEdit::editingFinished, this, [=, this] {
        bool ok = false;
        const qulonglong v = seed_->text().trimmed().toULongLong(&ok);
        if (!ok) {
            seed_->setStyleSheet(QStringLiteral("border: 1px solid #e53e3e"));
            seed_->setToolTip(tr("a seed is a whole number from 0 to 18446744073709551615"));
            return;
        }
        seed_->setStyleSheet({});
        settingsEdit("seed", tr("seed"), [v](Settings& s) { s.seed = v; });
    });
    connect(sla_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("sla_target_percent", tr("SLA target"), [v](Settings& s) { s.sla_target_percent = *v; });
    });
    connect(utilisation_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("target_utilisation_percent", tr("target utilisation"), [v](Settings& s) { s.target_utilisation_percent = *v; });
    });
    connect(overload_, &QCheckBox::toggled, this, [=, this](bool on) {
        settingsEdit("overload_counts_as_down", tr("overload rule"), [on](Settings& s) { s.overload_counts_as_down = on; });
    });
    connect(horizon_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("horizon_years", tr("horizon"), [v](Settings& s) { s.horizon_years = *v; });
    });
    connect(monthlyFee_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("monthly_fee", tr("monthly fee"), [v](Settings& s) { s.monthly_fee = *v; });
    });
    connect(credits_, &QLineEdit::editingFinished, this, [=, this] {
        // "99.95: 10, 99.9: 25": threshold and credit, in percent; the validator names bad values.
        std::vector<CreditStep> steps;
        for (const QString& part : credits_->text().split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
            const QStringList pair = part.split(QLatin1Char(':'));
            bool okBelow = false, okCredit = false;
            const double below = pair.size() == 2 ? pair[0].trimmed().remove(QLatin1Char('%')).toDouble(&okBelow) : 0.0;
            const double credit = pair.size() == 2 ? pair[1].trimmed().remove(QLatin1Char('%')).toDouble(&okCredit) : 0.0;
            if (!okBelow || !okCredit) {
                credits_->setStyleSheet(QStringLiteral("border: 1px solid #e53e3e"));
                credits_->setToolTip(tr("\"%1\" is not a pair \"availability %: credit %\"").arg(part.trimmed()));
                return;
            }
            steps.push_back({below, credit});
        }
        credits_->setStyleSheet({});
        credits_->setToolTip(creditsHelp);
        settingsEdit("sla_credits", tr("SLA credits"), [steps](Settings& s) { s.sla_credits = steps; });
    });
    connect(downtimeCost_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        settingsEdit("downtime_cost_per_minute", tr("downtime cost"), [v](Settings& s) { s.downtime_cost_per_minute = *v; });
    });
    connect(currency_, &QLineEdit::editingFinished, this, [=, this] {
        settingsEdit("currency", tr("currency"), [v = currency_->text().trimmed().toStdString()](Settings& s) { s.currency = v; });
    });

    auto [loadBox, loadForm] = section(tr("Load"));
    loadOn_ = new QCheckBox(tr("Model the load (capacity and overload)"), this);
    peak_ = new NumberField(tr("req/s"), false, this);
    growth_ = new NumberField(tr("% per year"), false, this);
    profile_ = new QLineEdit(this);
    profile_->setPlaceholderText(tr("flat: or 24 fractions of the peak, one per hour"));
    addRow(loadForm, QString(), loadOn_, "load");
    addRow(loadForm, tr("Peak"), peak_, "load.peak_rps");
    addRow(loadForm, tr("Growth"), growth_, "load.yearly_growth_percent");
    addRow(loadForm, tr("Daily profile"), profile_, "load.daily_profile");
    connect(loadOn_, &QCheckBox::toggled, this, [=, this](bool on) {
        editHeader("load", tr("load"), [on](ModelHeader& h) {
            if (on && !h.load)
                h.load = Load{1000, {}, 0};
            else if (!on)
                h.load.reset();
        });
    });
    connect(peak_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        editHeader("load.peak_rps", tr("peak load"), [v](ModelHeader& h) {
            if (h.load)
                h.load->peak_rps = *v;
        });
    });
    connect(growth_, &NumberField::edited, this, [=, this](std::optional<double> v) {
        editHeader("load.yearly_growth_percent", tr("growth"), [v](ModelHeader& h) {
            if (h.load)
                h.load->yearly_growth_percent = *v;
        });
    });
    connect(profile_, &QLineEdit::editingFinished, this, [=, this] {
        std::vector<double> xs;
        for (const QString& part : profile_->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
            bool ok = false;
            xs.push_back(part.toDouble(&ok));
            if (!ok) {
                profile_->setStyleSheet(QStringLiteral("border: 1px solid #e53e3e"));
                profile_->setToolTip(tr("\"%1\" is not a number").arg(part));
                return;
            }
        }
        profile_->setStyleSheet({});
        editHeader("load.daily_profile", tr("daily profile"), [xs](ModelHeader& h) {
            if (h.load)
                h.load->daily_profile = xs;
        });
    });

    auto [crewBox, crewForm] = section(tr("Repair crews"));
    crews_ = new QTableWidget(0, 5, this);
    crews_->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Size"), tr("Capex"), tr("Yearly")});
    crews_->setToolTip(tr("Capex and yearly: what the crew costs (counted in the cost of ownership)"));
    crews_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    crews_->verticalHeader()->hide();
    crews_->setMaximumHeight(120);
    crewForm->addRow(crews_);
    auto* buttons = new QWidget(this);
    auto* row = new QHBoxLayout(buttons);
    row->setContentsMargins(0, 0, 0, 0);
    auto* add = new QPushButton(tr("Add crew"), buttons);
    auto* remove = new QPushButton(tr("Remove"), buttons);
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    crewForm->addRow(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        RepairCrew c;
        c.id = uniqueId(doc_->model(), ItemKind::Crew, "crew");
        c.name = tr("On-call engineers").toStdString();
        c.size = 1;
        addItems(doc_, {Item(c)}, tr("Add repair crew"));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = crews_->currentRow();
        if (r >= 0 && r < int(doc_->model().repair_crews.size()))
            deleteItems(doc_, {{ItemKind::Crew, r}});
    });
    connect(crews_, &QTableWidget::cellChanged, this, [this](int r, int col) {
        if (loading_ || r < 0 || r >= int(doc_->model().repair_crews.size()))
            return;
        const QString text = crews_->item(r, col)->text().trimmed();
        if (col == 0) {
            if (auto why = renameItem(doc_, {ItemKind::Crew, r}, text.toStdString())) {
                general_->setText(tr("Crew id not changed: %1").arg(*why));
                general_->show();
                refresh();
            }
            return;
        }
        editItems(doc_, {{ItemKind::Crew, r}}, [&](Item& item) {
            auto& c = std::get<RepairCrew>(item);
            bool ok = false;
            if (col == 1) {
                c.name = text.toStdString();
            } else if (col == 2) {
                const int size = text.toInt(&ok);
                if (ok)
                    c.size = size;
            } else {
                const double v = QString(text).remove(QLatin1Char(',')).toDouble(&ok);
                if (ok)
                    (col == 3 ? c.cost.capex : c.cost.yearly) = v;
            }
        }, tr("Change repair crew"));
        refresh();  // put back a size that was not a number
    });
    outer->addWidget(general_);
    outer->addStretch();
}

void ModelForm::editHeader(const std::string& path, const QString& what, const std::function<void(ModelHeader&)>& f)
{
    if (loading_)
        return;
    ModelHeader h = headerOf(doc_->model());
    f(h);
    if (h == headerOf(doc_->model()))
        return;
    doc_->undoStack()->push(new HeaderCommand(doc_, h, tr("Change %1").arg(what), path));
}

void ModelForm::load()
{
    const Model& m = doc_->model();
    showText(name_, m.name);
    if (description_->toPlainText() != QString::fromStdString(m.description))
        description_->setPlainText(QString::fromStdString(m.description));
    const Settings& s = m.settings;
    mission_->setValue(s.mission_hours);
    {
        const QSignalBlocker b(replications_);
        replications_->setValue(s.replications);
    }
    precision_->setValue(s.target_relative_precision);
    minOutages_->setValue(s.min_outages);
    wall_->setValue(s.max_wall_seconds);
    showText(seed_, QString::number(s.seed));
    sla_->setValue(s.sla_target_percent);
    utilisation_->setValue(s.target_utilisation_percent);
    {
        const QSignalBlocker b(overload_);
        overload_->setChecked(s.overload_counts_as_down);
    }
    downtimeCost_->setValue(s.downtime_cost_per_minute);
    horizon_->setValue(s.horizon_years);
    monthlyFee_->setValue(s.monthly_fee);
    QStringList steps;
    for (const CreditStep& c : s.sla_credits)
        steps << QStringLiteral("%1: %2").arg(QString::fromStdString(formatNumber(c.below_percent)),
                                              QString::fromStdString(formatNumber(c.credit_percent)));
    showText(credits_, steps.join(QStringLiteral(", ")));
    showText(currency_, s.currency);
    {
        const QSignalBlocker b(loadOn_);
        loadOn_->setChecked(m.load.has_value());
    }
    const Load l = m.load.value_or(Load{});
    peak_->setValue(l.peak_rps);
    growth_->setValue(l.yearly_growth_percent);
    QStringList xs;
    for (double v : l.daily_profile)
        xs << QString::fromStdString(formatNumber(v));
    showText(profile_, xs.join(QStringLiteral(", ")));
    for (QWidget* w : {static_cast<QWidget*>(peak_), static_cast<QWidget*>(growth_), static_cast<QWidget*>(profile_)})
        w->setEnabled(m.load.has_value());

    const QSignalBlocker b(crews_);
    crews_->setRowCount(int(m.repair_crews.size()));
    for (size_t i = 0; i < m.repair_crews.size(); ++i) {
        const auto& c = m.repair_crews[i];
        crews_->setItem(int(i), 0, new QTableWidgetItem(QString::fromStdString(c.id)));
        crews_->setItem(int(i), 1, new QTableWidgetItem(QString::fromStdString(c.name)));
        crews_->setItem(int(i), 2, new QTableWidgetItem(QString::number(c.size)));
        crews_->setItem(int(i), 3, new QTableWidgetItem(QString::fromStdString(formatNumber(c.cost.capex))));
        crews_->setItem(int(i), 4, new QTableWidgetItem(QString::fromStdString(formatNumber(c.cost.yearly))));
    }
}

}  // namespace nines::ui
