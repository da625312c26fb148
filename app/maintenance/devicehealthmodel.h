#pragma once

#include <QAbstractListModel>
#include <QList>

class Device;
class DeviceRegistry;

// Every configured device as the maintenance and provisioning screens list it: its id and spec,
// its health (level, detail, the hint for staff if any, whether it is usable), the counters that survive
// restarts, and how urgently staff should look. A row follows its device's health as it changes;
// refresh() also reads the counters again.
class DeviceHealthModel : public QAbstractListModel
{
    Q_OBJECT
    // The staff's language ("zh" or "en") for the statistics' words (DeviceStatisticLabel).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        SpecRole,
        LevelRole,
        DetailRole,
        HintRole,
        HasHintRole,
        UsableRole,
        StatisticsRole,
        AttentionRole,
    };
    Q_ENUM(Role)

    // Fine: working. Watch: works or may soon (a warning, busy, still starting). Act: not working.
    enum class Attention { Fine, Watch, Act };
    Q_ENUM(Attention)

    explicit DeviceHealthModel(const DeviceRegistry *registry, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void refresh();

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);

signals:
    void languageChanged();
    // Some device's health changed (the rows already say so).
    void healthChanged();

private:
    void listen();

    const DeviceRegistry *m_registry;
    QList<Device *> m_devices;
    QList<QMetaObject::Connection> m_connections;
    QString m_language = QStringLiteral("zh");
};
