#include "checklistmodel.h"

ChecklistModel::ChecklistModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ChecklistModel::Check ChecklistModel::checkOf(const QString &itemId)
{
    static const QList<std::pair<QString, Check>> checks{
        {QStringLiteral("devices_ok"), Check::DevicesOk},   {QStringLiteral("enrolled"), Check::Enrolled},
        {QStringLiteral("platform_reachable"), Check::PlatformReachable},
        {QStringLiteral("outbox_key"), Check::OutboxKey},   {QStringLiteral("test_page"), Check::TestPage},
        {QStringLiteral("pin_set"), Check::PinSet},         {QStringLiteral("clock"), Check::Clock},
        {QStringLiteral("secrets_sealed"), Check::SecretsSealed}, {QStringLiteral("production"), Check::Production},
        {QStringLiteral("kiosk_reads_files"), Check::KioskReadsFiles},
    };
    for (const auto &[id, check] : checks) {
        if (id == itemId)
            return check;
    }
    return Check::Other;
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProvisioningChecklist::Item &item = m_items.at(index.row());
    switch (role) {
    case ItemIdRole:
        return item.id;
    case CheckRole:
        return int(checkOf(item.id)); // QML compares it with ChecklistModel.Enrolled…
    case OkRole:
        return item.ok;
    case DetailRole:
        return item.detail;
    case WarningRole:
        return item.warning;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChecklistModel::roleNames() const
{
    return {{ItemIdRole, "itemId"}, {CheckRole, "check"}, {OkRole, "ok"}, {DetailRole, "detail"}, {WarningRole, "warning"}};
}

void ChecklistModel::show(const QList<ProvisioningChecklist::Item> &items)
{
    const bool sameItems = items.size() == m_items.size()
        && std::equal(items.cbegin(), items.cend(), m_items.cbegin(), [](const auto &a, const auto &b) { return a.id == b.id; });
    if (!sameItems) {
        beginResetModel();
        m_items = items;
        endResetModel();
        return;
    }
    for (qsizetype row = 0; row < items.size(); ++row) {
        if (items.at(row).ok != m_items.at(row).ok || items.at(row).warning != m_items.at(row).warning
            || items.at(row).detail != m_items.at(row).detail) {
            m_items[row] = items.at(row);
            emit dataChanged(index(int(row)), index(int(row)));
        }
    }
}
