#include "ui/results/chart_layout.h"

#include "ui/present/number_format.h"

#include <QFontMetricsF>
#include <QPointer>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nines::ui::charts {

namespace {

const char* const kEmptyProperty = "ninesEmptySentence";

// A sentence broken into lines of about `perLine` characters (QCPItemText does not wrap).
QString wrapped(const QString& text, int perLine)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > perLine) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

namespace {

QCPTextElement* titleOf(QCustomPlot* plot)
{
    QCPLayoutGrid* main = plot->plotLayout();
    return main->rowCount() > 1 && main->hasElement(0, 0) ? qobject_cast<QCPTextElement*>(main->element(0, 0)) : nullptr;
}

}  // namespace

void setTitle(QCustomPlot* plot, const QString& title, const QFont& font)
{
    if (QCPTextElement* t = titleOf(plot)) {  // one title, however often the chart is redrawn
        t->setText(title);
        t->setFont(font);
        return;
    }
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, font));
}

void placeLegend(QCustomPlot* plot, bool visible)
{
    QCPLegend* legend = plot->legend;
    QCPLayoutGrid* main = plot->plotLayout();
    const bool onTop = legend->layout() == main;
    legend->setVisible(visible);
    if (visible && !onTop) {
        plot->axisRect()->insetLayout()->take(legend);
        const int row = titleOf(plot) ? 1 : 0;  // under the chart's title, if it has one
        main->insertRow(row);
        main->addElement(row, 0, legend);
        main->setRowStretchFactor(row, 0.001);  // as tall as its entries, the plot takes the rest
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        // Two entries to a row: three long ones ("after the worst single failure (N+1)") made the
        // plot at least 600 pixels wide, wider than the dashboard on a laptop.
        legend->setWrap(2);
        legend->setMargins(QMargins(4, 2, 4, 0));
    }
    if (visible) {
        legend->setBorderPen(Qt::NoPen);
        legend->setBrush(Qt::NoBrush);
    } else if (onTop) {
        main->take(legend);
        main->simplify();
        plot->axisRect()->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    }
}

void declutterLabels(QCustomPlot* plot, const std::vector<QCPItemText*>& labels, const std::vector<QPointF>& anchors)
{
    if (labels.empty() || labels.size() != anchors.size())
        return;
    std::vector<QPointer<QCPItemText>> items(labels.begin(), labels.end());
    for (QCPItemText* l : labels) {
        l->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        l->setPadding(QMargins());
    }
    const auto place = [plot, items, anchors] {
        const QRectF area = plot->axisRect()->rect();
        std::vector<size_t> order(items.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::vector<QPointF> at(items.size());
        for (size_t i = 0; i < items.size(); ++i)
            at[i] = QPointF(plot->xAxis->coordToPixel(anchors[i].x()), plot->yAxis->coordToPixel(anchors[i].y()));
        // Top to bottom: a label moves down past those already placed, never up past the top.
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return at[a].y() < at[b].y(); });
        std::vector<QRectF> placed;
        for (size_t i : order) {
            QCPItemText* label = items[i];
            if (!label)
                return;  // the chart was cleared: nothing left to place
            const QSizeF size = QFontMetricsF(label->font()).size(0, label->text()) + QSizeF(2, 0);
            const double gap = 7;
            double left = at[i].x() + gap;
            if (left + size.width() > area.right())  // no room on the right: on the left of the point
                left = std::max(area.left(), at[i].x() - gap - size.width());
            QRectF r(QPointF(left, std::max(area.top(), at[i].y() - size.height() - 2)), size);
            for (bool moved = true; moved;) {
                moved = false;
                for (const QRectF& other : placed)
                    if (r.intersects(other)) {
                        r.moveTop(other.bottom() + 1);
                        moved = true;
                    }
            }
            if (r.bottom() > area.bottom())  // pushed past the bottom: the last row, overlapping rather than outside
                r.moveBottom(area.bottom());
            placed.push_back(r);
            label->position->setPixelPosition(r.topLeft());
        }
    };
    // Laid out again on every replot (a resized window moves the points); the connection ends
    // with the first label, when the chart is cleared.
    QObject::connect(plot, &QCustomPlot::afterLayout, labels.front(), place);
}

QString MoneyTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision)
{
    Q_UNUSED(locale);
    Q_UNUSED(formatChar);
    Q_UNUSED(precision);
    const double a = std::abs(tick);
    // Up to two decimals, trailing zeros trimmed: ticks step by 2.5 x 10^n, and 12.5 k must not
    // read 12 k.
    if (a >= 1e6)
        return QString::fromStdString(present::formatFixed(tick / 1e6, 2)) + QStringLiteral(" M");
    if (a >= 1e3)
        return QString::fromStdString(present::formatFixed(tick / 1e3, 2)) + QStringLiteral(" k");
    return QString::fromStdString(present::formatFixed(tick, 2));
}

QString wrappedName(const QString& name, int perLine)
{
    if (name.size() <= perLine)
        return name;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString first;
    qsizetype used = 0;
    for (const QString& w : words) {
        if (!first.isEmpty() && first.size() + 1 + w.size() > perLine)
            break;
        first += (first.isEmpty() ? QString() : QStringLiteral(" ")) + w;
        ++used;
    }
    if (used == 0 || first.size() > perLine) {  // one long word: cut it
        first = name.left(perLine);
        const QString rest = name.mid(perLine);
        return first + QLatin1Char('\n') + (rest.size() > perLine ? rest.left(perLine - 1) + QChar(0x2026) : rest);
    }
    QString rest = words.mid(used).join(QLatin1Char(' '));
    if (rest.size() > perLine)
        rest = rest.left(perLine - 1) + QChar(0x2026);
    return first + QLatin1Char('\n') + rest;
}

void showEmpty(QCustomPlot* plot, const QString& sentence)
{
    plot->clearPlottables();
    plot->clearItems();
    placeLegend(plot, false);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
    auto* text = new QCPItemText(plot);
    text->setClipToAxisRect(false);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setPositionAlignment(Qt::AlignCenter);
    text->setTextAlignment(Qt::AlignCenter);
    text->setColor(QColor(0x4a, 0x55, 0x68));
    QFont f = plot->font();
    f.setPointSizeF(10);
    text->setFont(f);
    text->setText(wrapped(sentence, 56));
    // Wrapped to the plot's width at every layout: the Run panel's chart is narrow, a report's wide.
    QObject::connect(plot, &QCustomPlot::afterLayout, text, [plot, text, sentence] {
        const double charWidth = QFontMetricsF(text->font()).averageCharWidth();
        const int perLine = std::max(16, int(plot->axisRect()->rect().width() / std::max(1.0, charWidth)) - 4);
        text->setText(wrapped(sentence, std::min(perLine, 72)));
    });
    plot->setProperty(kEmptyProperty, sentence);
    plot->replot();
}

QString emptySentence(const QCustomPlot* plot)
{
    return plot->property(kEmptyProperty).toString();
}

void clearEmpty(QCustomPlot* plot)
{
    if (emptySentence(plot).isEmpty())
        return;
    plot->setProperty(kEmptyProperty, QString());
    plot->xAxis->setVisible(true);
    plot->yAxis->setVisible(true);
}

}  // namespace nines::ui::charts
