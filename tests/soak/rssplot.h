#pragma once

#include "soaksample.h"

#include <QList>
#include <QString>

// The soak's plot of resident memory over sessions, drawn with QPainter (no gnuplot on the
// kiosk's build machines): RSS in MiB against sessions, with the sample after the first 500
// sessions (or the first sample) marked as the baseline the growth is measured from.
class RssPlot
{
public:
    [[nodiscard]] static bool write(const QList<SoakSample> &samples, const QString &pngPath, QString *error);
};
