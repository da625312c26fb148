#include "rssplot.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include <algorithm>

bool RssPlot::write(const QList<SoakSample> &samples, const QString &pngPath, QString *error)
{
    if (samples.isEmpty()) {
        *error = QStringLiteral("no samples to plot");
        return false;
    }
    const QSize size(960, 540);
    const QRectF area(80, 40, size.width() - 120, size.height() - 110);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    const double maxSessions = std::max(1, samples.last().sessions);
    double low = samples.first().rssKiB / 1024.0;
    double high = low;
    for (const SoakSample &sample : samples) {
        low = std::min(low, sample.rssKiB / 1024.0);
        high = std::max(high, sample.rssKiB / 1024.0);
    }
    low = std::floor(low - 2);
    high = std::ceil(high + 2);
    const auto point = [&](const SoakSample &sample) {
        return QPointF(area.left() + area.width() * sample.sessions / maxSessions,
                       area.bottom() - area.height() * (sample.rssKiB / 1024.0 - low) / (high - low));
    };

    painter.setPen(QPen(Qt::lightGray, 1));
    for (int i = 0; i <= 5; ++i) {
        const double y = area.bottom() - area.height() * i / 5;
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y - 10, area.left() - 8, 20), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(low + (high - low) * i / 5, 'f', 1));
        painter.setPen(QPen(Qt::lightGray, 1));
    }
    painter.setPen(Qt::black);
    painter.drawRect(area);
    painter.drawText(QRectF(area.left(), area.bottom() + 8, area.width(), 20), Qt::AlignLeft, QStringLiteral("0"));
    painter.drawText(QRectF(area.left(), area.bottom() + 8, area.width(), 20), Qt::AlignRight,
                     QString::number(samples.last().sessions));
    painter.drawText(QRectF(area.left(), area.bottom() + 30, area.width(), 20), Qt::AlignHCenter, QStringLiteral("sessions"));
    painter.drawText(QRectF(10, 10, size.width() - 20, 24), Qt::AlignLeft,
                     QStringLiteral("kiosk soak: resident memory (MiB) over sessions"));

    QPainterPath line;
    line.moveTo(point(samples.first()));
    for (const SoakSample &sample : samples)
        line.lineTo(point(sample));
    painter.setPen(QPen(QColor(0, 90, 170), 2));
    painter.drawPath(line);
    painter.setBrush(QColor(0, 90, 170));
    for (const SoakSample &sample : samples)
        painter.drawEllipse(point(sample), 3, 3);
    painter.end();
    if (!image.save(pngPath)) {
        *error = QStringLiteral("could not write %1").arg(pngPath);
        return false;
    }
    return true;
}
