#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

class OutboxStore;

// The outbox's parked entries as staff see them: local reference, kind, the last error code and
// the attempts made; never a payload. retry() re-arms one (and its parked dependencies) in the
// actor's name. Without an outbox the list is empty.
class ParkedEntryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { LocalRefRole = Qt::UserRole + 1, KindRole, ErrorRole, AttemptsRole };
    Q_ENUM(Role)

    explicit ParkedEntryModel(OutboxStore *store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // `detail` gets the references re-armed, or why nothing was.
    bool retry(const QString &localRef, const QString &actor, QString *detail);
    void refresh();

private:
    struct Row {
        QString localRef;
        QString kind;
        QString error;
        int attempts = 0;
    };

    OutboxStore *m_store;
    QList<Row> m_rows;
};
