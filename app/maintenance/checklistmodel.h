#pragma once

#include "provisioningchecklist.h"

#include <QAbstractListModel>
#include <QList>

// The provisioning checklist as the provisioning screen lists it, one row an item: its id (as
// `kioskctl checklist` prints it), which check it is, whether it is green, and why not.
class ChecklistModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ItemIdRole = Qt::UserRole + 1, CheckRole, OkRole, DetailRole, WarningRole };
    Q_ENUM(Role)

    enum class Check { DevicesOk, Enrolled, PlatformReachable, OutboxKey, TestPage, PinSet, Clock, SecretsSealed, Production, KioskReadsFiles, Other };
    Q_ENUM(Check)

    explicit ChecklistModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // The items as the checklist now finds them; rows change only where an item did.
    void show(const QList<ProvisioningChecklist::Item> &items);

    [[nodiscard]] static Check checkOf(const QString &itemId);

private:
    QList<ProvisioningChecklist::Item> m_items;
};
