#pragma once

#include <QMap>
#include <QString>

// Counters that survive a restart (reads, failures, pages, seconds powered): kept in memory and
// written to one small JSON file per device after every change, atomically, so a power cut loses
// at most the change in flight. A device without a file (no state directory) counts in memory only.
class DeviceStatistics
{
public:
    DeviceStatistics() = default;
    explicit DeviceStatistics(QString filePath);

    // Reads the file if it exists; a missing file starts every counter at zero, a damaged one is
    // reported and replaced on the next save rather than stopping the device.
    [[nodiscard]] bool load(QString *error = nullptr);
    [[nodiscard]] bool save(QString *error = nullptr) const;

    void add(const QString &counter, qint64 amount = 1);
    [[nodiscard]] qint64 value(const QString &counter) const { return m_counters.value(counter); }
    [[nodiscard]] const QMap<QString, qint64> &counters() const { return m_counters; }
    [[nodiscard]] QString filePath() const { return m_filePath; }

private:
    QString m_filePath;
    QMap<QString, qint64> m_counters;
};
