#pragma once

#include <QDateTime>
#include <QString>

// The paper left on one printer's roll, estimated from the jobs the printer completed since staff
// last pressed "paper refilled": the printer's own completed-jobs counter (which survives
// restarts) minus its value at the refill, kept in <state_dir>/maintenance/paper-<id>.json.
class PaperRoll
{
public:
    PaperRoll(const QString &stateDir, const QString &printerId, int rollLengthM, int receiptLengthMm);

    [[nodiscard]] qint64 printedSinceRefill(qint64 jobsCompleted) const;
    // Receipts the roll still holds, never below zero.
    [[nodiscard]] qint64 estimatedRemaining(qint64 jobsCompleted) const;
    [[nodiscard]] qint64 capacity() const;
    [[nodiscard]] QDateTime refilledAt() const { return m_refilledAt; }

    // Staff put a new roll in: the count starts again from `jobsCompleted`.
    [[nodiscard]] bool markRefilled(qint64 jobsCompleted, const QDateTime &at, QString *error);

private:
    QString m_file;
    int m_rollLengthM;
    int m_receiptLengthMm;
    qint64 m_jobsAtRefill = 0;
    QDateTime m_refilledAt;
};
