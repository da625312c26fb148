#pragma once

#include <QAbstractListModel>
#include <QList>

#include "auditlog.h"

// The newest lines of an audit log, newest first, as the maintenance screen lists them: when
// (local "MM-dd HH:mm:ss"), who, what, the result and its detail. refresh() reads the log again.
class AuditEntryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { AtRole = Qt::UserRole + 1, ActorRole, ActionRole, ResultRole, DetailRole };
    Q_ENUM(Role)

    AuditEntryModel(const AuditLog *log, int count, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void refresh();

private:
    const AuditLog *m_log;
    int m_count;
    QList<AuditEntry> m_entries;
};
