#pragma once

#include <QByteArray>
#include <QString>

// The metrics file node-exporter's textfile collector reads. It is replaced whole: written to a
// temporary file beside it and renamed over it, so a scrape never reads half of it.
class MetricsTextfile
{
public:
    // Writes `text` to `path` (mode 0644: the collector runs as another user); false with the
    // reason in `error` when the folder is missing or not writable.
    [[nodiscard]] static bool write(const QString &path, const QByteArray &text, QString *error);
};
