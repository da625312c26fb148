#include "paperrollmodel.h"

#include "device/deviceregistry.h"
#include "paperroll.h"
#include "printer/printer.h"

namespace {

const QString JobsCompleted = QStringLiteral("jobs_completed");

} // namespace

PaperRollModel::PaperRollModel(const DeviceRegistry *registry, const QString &stateDir, int rollLengthM, int receiptLengthMm,
                               QObject *parent)
    : QAbstractListModel(parent)
    , m_registry(registry)
    , m_stateDir(stateDir)
    , m_rollLengthM(rollLengthM)
    , m_receiptLengthMm(receiptLengthMm)
    , m_printers(printerIds())
{
}

QStringList PaperRollModel::printerIds() const
{
    QStringList ids;
    for (const QString &id : {QStringLiteral("receipt_printer"), QStringLiteral("document_printer")}) {
        if (m_registry && m_registry->printer(id))
            ids << id;
    }
    return ids;
}

bool PaperRollModel::hasPrinter(const QString &printerId) const
{
    return m_registry && m_registry->printer(printerId);
}

int PaperRollModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_printers.size());
}

QVariant PaperRollModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &id = m_printers.at(index.row());
    const Printer *printer = m_registry->printer(id);
    if (!printer)
        return {};
    // Read at every look: the printer's counter moves with each receipt.
    const PaperRoll roll(m_stateDir, id, m_rollLengthM, m_receiptLengthMm);
    const qint64 jobs = printer->statistics().value(JobsCompleted);
    switch (role) {
    case PrinterIdRole:
        return id;
    case PrintedRole:
        return roll.printedSinceRefill(jobs);
    case RemainingRole:
        return roll.estimatedRemaining(jobs);
    case CapacityRole:
        return roll.capacity();
    case RefilledAtRole:
        return roll.refilledAt().isValid() ? roll.refilledAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> PaperRollModel::roleNames() const
{
    return {{PrinterIdRole, "printerId"}, {PrintedRole, "printed"}, {RemainingRole, "remaining"},
            {CapacityRole, "capacity"},   {RefilledAtRole, "refilledAt"}};
}

bool PaperRollModel::refill(const QString &printerId, QString *error)
{
    const Printer *printer = m_registry ? m_registry->printer(printerId) : nullptr;
    if (!printer) {
        if (error)
            *error = QStringLiteral("no printer %1").arg(printerId);
        return false;
    }
    PaperRoll roll(m_stateDir, printerId, m_rollLengthM, m_receiptLengthMm);
    const bool saved = roll.markRefilled(printer->statistics().value(JobsCompleted), QDateTime::currentDateTime(), error);
    refresh();
    return saved;
}

void PaperRollModel::refresh()
{
    beginResetModel();
    m_printers = printerIds();
    endResetModel();
}
