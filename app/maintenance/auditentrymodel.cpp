#include "auditentrymodel.h"

AuditEntryModel::AuditEntryModel(const AuditLog *log, int count, QObject *parent)
    : QAbstractListModel(parent)
    , m_log(log)
    , m_count(count)
{
    refresh();
}

int AuditEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant AuditEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries.at(index.row());
    switch (role) {
    case AtRole:
        return entry.at.toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss"));
    case ActorRole:
        return entry.actor;
    case ActionRole:
        return entry.action;
    case ResultRole:
        return entry.result;
    case DetailRole:
        return entry.detail;
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditEntryModel::roleNames() const
{
    return {{AtRole, "at"}, {ActorRole, "actor"}, {ActionRole, "action"}, {ResultRole, "result"}, {DetailRole, "detail"}};
}

void AuditEntryModel::refresh()
{
    beginResetModel();
    m_entries = m_log ? m_log->recent(m_count) : QList<AuditEntry>();
    endResetModel();
}
