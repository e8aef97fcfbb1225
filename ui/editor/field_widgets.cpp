#include "field_widgets.h"

#include "model/validate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace nines::ui {

using namespace nines::model;

namespace {

std::optional<double> parseNumber(QString text)
{
    text = text.trimmed();
    bool ok = false;
    double v = text.toDouble(&ok);  // C locale: files and messages use '.' too
    if (!ok)
        v = QLocale().toDouble(text, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

}  // namespace

QString durationHint(double h)
{
    if (!(h > 0) || !std::isfinite(h))
        return {};
    if (h >= 8760 * 1.5)
        return QObject::tr("about %1 years").arg(h / 8760, 0, 'g', 3);
    if (h >= 24 * 45)
        return QObject::tr("about %1 months").arg(h / 730, 0, 'g', 3);
    if (h >= 48)
        return QObject::tr("about %1 days").arg(h / 24, 0, 'g', 3);
    if (h < 1)
        return QObject::tr("%1 minutes").arg(h * 60, 0, 'g', 3);
    return {};
}

NumberField::NumberField(const QString& unit, bool optional, QWidget* parent)
    : QWidget(parent)
    , edit_(new QLineEdit(this))
    , unit_(new QLabel(unit, this))
    , hintLabel_(new QLabel(this))
    , optional_(optional)
{
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    edit_->setAlignment(Qt::AlignRight);
    edit_->setMinimumWidth(70);
    edit_->setMaximumWidth(120);
    row->addWidget(edit_);
    row->addWidget(unit_);
    hintLabel_->setStyleSheet(QStringLiteral("color: #718096"));
    hintLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // a hint may be cut, never widen the form
    row->addWidget(hintLabel_, 1);
    if (unit.isEmpty())
        unit_->hide();
    if (optional)
        edit_->setPlaceholderText(tr("not set"));
    setFocusProxy(edit_);
    connect(edit_, &QLineEdit::editingFinished, this, &NumberField::commit);
}

void NumberField::setPlaceholder(const QString& text) { edit_->setPlaceholderText(text); }

void NumberField::setUnit(const QString& unit)
{
    unit_->setText(unit);
    unit_->setVisible(!unit.isEmpty());
}

void NumberField::setHint(std::function<QString(double)> hint)
{
    hint_ = std::move(hint);
    updateHint();
}

void NumberField::updateHint()
{
    hintLabel_->setText(hint_ && value_ ? hint_(*value_) : QString());
}

void NumberField::setValue(std::optional<double> v)
{
    value_ = v;
    const QString text = v ? QString::fromStdString(formatNumber(*v)) : QString();
    if (edit_->text() != text && !(edit_->hasFocus() && parseNumber(edit_->text()) == v))
        edit_->setText(text);
    edit_->setStyleSheet({});
    edit_->setToolTip({});
    updateHint();
}

void NumberField::commit()
{
    const QString text = edit_->text().trimmed();
    std::optional<double> v;
    if (text.isEmpty()) {
        if (!optional_) {
            setValue(value_);  // a required number cannot be emptied: put it back
            return;
        }
    } else {
        v = parseNumber(text);
        if (!v) {
            edit_->setStyleSheet(QStringLiteral("border: 1px solid #e53e3e"));
            edit_->setToolTip(tr("\"%1\" is not a number").arg(text));
            return;
        }
    }
    if (v == value_)
        return;
    value_ = v;
    edit_->setStyleSheet({});
    updateHint();
    Q_EMIT edited(v);
}

// ---------------------------------------------------------------------------------------------

DistributionEditor::DistributionEditor(Role role, QWidget* parent)
    : QWidget(parent)
    , role_(role)
    , type_(new QComboBox(this))
    , pages_(new QStackedWidget(this))
    , samples_(new QLineEdit(this))
    , summary_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    const QString meanName = role == Failure ? tr("MTBF") : role == Repair ? tr("MTTR") : tr("Mean");
    const std::pair<DistributionType, QString> types[] = {
        {DistributionType::Exponential, role == Duration ? tr("Exponential (mean)") : tr("Exponential (%1)").arg(meanName)},
        {DistributionType::Weibull, tr("Weibull (shape, scale)")},
        {DistributionType::Lognormal, tr("Lognormal (mean, \u03c3)")},
        {DistributionType::Deterministic, tr("Fixed duration")},
        {DistributionType::Uniform, tr("Uniform (min, max)")},
        {DistributionType::Empirical, tr("Empirical (samples)")},
    };
    for (const auto& [t, label] : types)
        type_->addItem(label, int(t));
    layout->addWidget(type_);
    layout->addWidget(pages_);
    summary_->setStyleSheet(QStringLiteral("color: #718096"));
    summary_->setWordWrap(true);
    layout->addWidget(summary_);

    auto addPage = [&](const QString& typeName, std::vector<std::tuple<QString, QString, QString>> params) {
        auto* page = new QWidget(pages_);
        auto* form = new QFormLayout(page);
        form->setContentsMargins(12, 0, 0, 0);
        for (const auto& [key, label, unit] : params) {
            auto* f = new NumberField(unit, false, page);
            if (unit == QLatin1String("h"))
                f->setHint(durationHint);
            form->addRow(label, f);
            fields_[typeName + QLatin1Char('.') + key] = f;
            connect(f, &NumberField::edited, this, [this, key](std::optional<double> v) {
                if (!v)
                    return;
                Distribution d = d_;
                const std::string k = key.toStdString();
                if (k == "mean_hours") d.mean_hours = *v;
                else if (k == "shape") d.shape = *v;
                else if (k == "scale_hours") d.scale_hours = *v;
                else if (k == "sigma") d.sigma = *v;
                else if (k == "hours") d.hours = *v;
                else if (k == "min_hours") d.min_hours = *v;
                else if (k == "max_hours") d.max_hours = *v;
                d_ = d;
                load();
                Q_EMIT edited(d_);
            });
        }
        pages_->addWidget(page);
        return form;
    };
    addPage(QStringLiteral("exponential"), {{QStringLiteral("mean_hours"), meanName, QStringLiteral("h")}});
    addPage(QStringLiteral("weibull"), {{QStringLiteral("shape"), tr("Shape"), QString()},
                                        {QStringLiteral("scale_hours"), tr("Scale"), QStringLiteral("h")}});
    addPage(QStringLiteral("lognormal"), {{QStringLiteral("mean_hours"), tr("Mean"), QStringLiteral("h")},
                                          {QStringLiteral("sigma"), tr("\u03c3 of log"), QString()}});
    addPage(QStringLiteral("deterministic"), {{QStringLiteral("hours"), tr("Duration"), QStringLiteral("h")}});
    addPage(QStringLiteral("uniform"), {{QStringLiteral("min_hours"), tr("Minimum"), QStringLiteral("h")},
                                        {QStringLiteral("max_hours"), tr("Maximum"), QStringLiteral("h")}});
    auto* empirical = addPage(QStringLiteral("empirical"), {});
    samples_->setPlaceholderText(tr("hours, separated by commas"));
    empirical->addRow(tr("Samples"), samples_);
    connect(samples_, &QLineEdit::editingFinished, this, [this] {
        std::vector<double> xs;
        for (const QString& part : samples_->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = part.toDouble(&ok);
            if (!ok) {
                samples_->setStyleSheet(QStringLiteral("border: 1px solid #e53e3e"));
                samples_->setToolTip(tr("\"%1\" is not a number").arg(part));
                return;
            }
            xs.push_back(v);
        }
        samples_->setStyleSheet({});
        if (xs == d_.samples_hours)
            return;
        d_.samples_hours = xs;
        load();
        Q_EMIT edited(d_);
    });
    connect(type_, &QComboBox::activated, this, [this](int) {
        const auto t = DistributionType(type_->currentData().toInt());
        if (t == d_.type)
            return;
        // Keep the mean when switching, so "make the repair time lognormal" starts sensible.
        const double mean = std::isfinite(d_.mean()) && d_.mean() > 0 ? d_.mean() : 1.0;
        Distribution d;
        switch (t) {
        case DistributionType::Exponential: d = Distribution::exponential(mean); break;
        case DistributionType::Weibull: d = Distribution::weibull(1.5, mean / std::tgamma(1 + 1 / 1.5)); break;
        case DistributionType::Lognormal: d = Distribution::lognormal(mean, 0.8); break;
        case DistributionType::Deterministic: d = Distribution::deterministic(mean); break;
        case DistributionType::Uniform: d = Distribution::uniform(mean * 0.5, mean * 1.5); break;
        case DistributionType::Empirical: d = Distribution::empirical({mean}); break;
        }
        d_ = d;
        load();
        Q_EMIT edited(d_);
    });
    load();
}

NumberField* DistributionEditor::parameterField(const QString& name) const
{
    const QString key = QString::fromUtf8(toString(d_.type).data()) + QLatin1Char('.') + name;
    auto it = fields_.find(key);
    return it == fields_.end() ? nullptr : it->second;
}

void DistributionEditor::setDistribution(const Distribution& d)
{
    d_ = d;
    load();
}

void DistributionEditor::load()
{
    type_->setCurrentIndex(type_->findData(int(d_.type)));
    pages_->setCurrentIndex(int(d_.type));
    // A stacked widget is as tall as its tallest page: let only the page on show count.
    for (int i = 0; i < pages_->count(); ++i)
        pages_->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == int(d_.type) ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    auto set = [&](const char* key, double v) {
        if (auto it = fields_.find(QString::fromLatin1(key)); it != fields_.end())
            it->second->setValue(v);
    };
    set("exponential.mean_hours", d_.mean_hours);
    set("weibull.shape", d_.shape);
    set("weibull.scale_hours", d_.scale_hours);
    set("lognormal.mean_hours", d_.mean_hours);
    set("lognormal.sigma", d_.sigma);
    set("deterministic.hours", d_.hours);
    set("uniform.min_hours", d_.min_hours);
    set("uniform.max_hours", d_.max_hours);
    QStringList xs;
    for (double v : d_.samples_hours)
        xs << QString::fromStdString(formatNumber(v));
    if (samples_->text() != xs.join(QStringLiteral(", ")))
        samples_->setText(xs.join(QStringLiteral(", ")));
    const double mean = d_.mean();
    // The mean, where it is not one of the parameters already.
    const bool meanIsParameter = d_.type == DistributionType::Exponential || d_.type == DistributionType::Lognormal
                                 || d_.type == DistributionType::Deterministic;
    if (!meanIsParameter && std::isfinite(mean) && mean > 0)
        summary_->setText(tr("Mean %1 h %2").arg(QString::fromStdString(formatNumber(std::round(mean * 1000) / 1000)),
                                                 durationHint(mean).isEmpty() ? QString() : QStringLiteral("(") + durationHint(mean) + QStringLiteral(")")));
    else
        summary_->clear();
    summary_->setVisible(!summary_->text().isEmpty());
}

// ---------------------------------------------------------------------------------------------

OutageEditor::OutageEditor(const QString& title, QWidget* parent)
    : QGroupBox(title, parent)
    , failure_(new DistributionEditor(DistributionEditor::Failure, this))
    , repair_(new DistributionEditor(DistributionEditor::Repair, this))
{
    setCheckable(true);
    auto* form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);  // labels above: two editors side by side are too wide for the dock
    form->addRow(tr("Time between outages"), failure_);
    form->addRow(tr("Outage length"), repair_);
    last_ = Outage{Distribution::exponential(17520), Distribution::exponential(4)};
    auto emitCurrent = [this] {
        last_ = Outage{failure_->distribution(), repair_->distribution()};
        Q_EMIT edited(isChecked() ? std::optional(last_) : std::nullopt);
    };
    connect(failure_, &DistributionEditor::edited, this, emitCurrent);
    connect(repair_, &DistributionEditor::edited, this, emitCurrent);
    connect(this, &QGroupBox::toggled, this, [this](bool on) {
        Q_EMIT edited(on ? std::optional(last_) : std::nullopt);
    });
}

void OutageEditor::setOutage(const std::optional<Outage>& o)
{
    const QSignalBlocker block(this);
    setChecked(o.has_value());
    if (o)
        last_ = *o;
    failure_->setDistribution(last_.failure);
    repair_->setDistribution(last_.repair);
}

}  // namespace nines::ui
