#pragma once

#include <QAbstractListModel>
#include <QString>

class DeviceRegistry;

// The paper of each configured printer (receipt, then document) as the maintenance screen lists
// it: receipts printed since the last refill, the estimate of what the roll still holds, the
// roll's capacity and when it was refilled (PaperRoll does the counting). refill() is staff
// saying a new roll is in.
class PaperRollModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { PrinterIdRole = Qt::UserRole + 1, PrintedRole, RemainingRole, CapacityRole, RefilledAtRole };
    Q_ENUM(Role)

    PaperRollModel(const DeviceRegistry *registry, const QString &stateDir, int rollLengthM, int receiptLengthMm,
                   QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool hasPrinter(const QString &printerId) const;
    // False, with `error`, when there is no such printer or the refill could not be saved.
    bool refill(const QString &printerId, QString *error);
    void refresh();

private:
    [[nodiscard]] QStringList printerIds() const;

    const DeviceRegistry *m_registry;
    QString m_stateDir;
    int m_rollLengthM;
    int m_receiptLengthMm;
    QStringList m_printers;
};
