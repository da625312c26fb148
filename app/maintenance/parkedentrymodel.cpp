#include "parkedentrymodel.h"

#include "outboxstore.h"

ParkedEntryModel::ParkedEntryModel(OutboxStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    refresh();
}

int ParkedEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ParkedEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case LocalRefRole:
        return row.localRef;
    case KindRole:
        return row.kind;
    case ErrorRole:
        return row.error;
    case AttemptsRole:
        return row.attempts;
    default:
        return {};
    }
}

QHash<int, QByteArray> ParkedEntryModel::roleNames() const
{
    return {{LocalRefRole, "localRef"}, {KindRole, "kind"}, {ErrorRole, "error"}, {AttemptsRole, "attempts"}};
}

bool ParkedEntryModel::retry(const QString &localRef, const QString &actor, QString *detail)
{
    if (!m_store)
        return false;
    const OutboxResult<QStringList> retried = m_store->retry(localRef, actor);
    if (detail)
        *detail = retried ? retried.value().join(QLatin1Char(' ')) : retried.error().message;
    refresh();
    return retried.ok();
}

void ParkedEntryModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    if (m_store) {
        const OutboxResult<QList<OutboxEntry>> parked = m_store->entries(EntryState::Parked);
        for (const OutboxEntry &entry : parked ? parked.value() : QList<OutboxEntry>())
            m_rows.append({entry.localRef, entryKindName(entry.kind), entry.lastError, entry.attempts});
    }
    endResetModel();
}
