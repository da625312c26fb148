#include "devicehealthmodel.h"

#include "devicestatisticlabel.h"

#include "device/device.h"
#include "device/deviceregistry.h"

namespace {

// "读卡 3 次 · 读卡失败 0 次", in the counters' order; empty before the device counted anything.
QString statisticsText(const DeviceStatistics &statistics, const QString &language)
{
    QStringList parts;
    for (auto it = statistics.counters().cbegin(); it != statistics.counters().cend(); ++it)
        parts << DeviceStatisticLabel::text(it.key(), it.value(), language);
    return parts.join(QStringLiteral(" · "));
}

DeviceHealthModel::Attention attentionFor(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok:
        return DeviceHealthModel::Attention::Fine;
    case HealthLevel::Warning:
    case HealthLevel::Busy:
    case HealthLevel::Unknown:
        return DeviceHealthModel::Attention::Watch;
    case HealthLevel::Error:
    case HealthLevel::Disabled:
        break;
    }
    return DeviceHealthModel::Attention::Act;
}

} // namespace

DeviceHealthModel::DeviceHealthModel(const DeviceRegistry *registry, QObject *parent)
    : QAbstractListModel(parent)
    , m_registry(registry)
{
    if (m_registry)
        m_devices = m_registry->devices();
    listen();
}

void DeviceHealthModel::listen()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    for (qsizetype row = 0; row < m_devices.size(); ++row) {
        m_connections << connect(m_devices.at(row), &Device::healthChanged, this, [this, row] {
            emit dataChanged(index(int(row)), index(int(row)));
            emit healthChanged();
        });
    }
}

int DeviceHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

QVariant DeviceHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Device *device = m_devices.at(index.row());
    const DeviceHealth health = device->health();
    switch (role) {
    case DeviceIdRole:
        return device->id();
    case SpecRole:
        return device->spec();
    case LevelRole:
        return DeviceVocabulary::toString(health.level);
    case DetailRole:
        return health.detail;
    case HintRole:
        return DeviceVocabulary::toString(health.hint);
    case HasHintRole:
        return health.hint != StaffHint::None;
    case UsableRole:
        return health.isUsable();
    case StatisticsRole:
        return statisticsText(device->statistics(), m_language);
    case AttentionRole:
        return int(attentionFor(health.level)); // QML compares it with DeviceHealthModel.Fine…
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceHealthModel::roleNames() const
{
    return {
        {DeviceIdRole, "deviceId"}, {SpecRole, "spec"},         {LevelRole, "level"},           {DetailRole, "detail"},
        {HintRole, "hint"},         {HasHintRole, "hasHint"},   {UsableRole, "usable"},     {StatisticsRole, "statistics"}, {AttentionRole, "attention"},
    };
}

void DeviceHealthModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
    if (!m_devices.isEmpty())
        emit dataChanged(index(0), index(int(m_devices.size()) - 1), {StatisticsRole});
}

void DeviceHealthModel::refresh()
{
    beginResetModel();
    m_devices = m_registry ? m_registry->devices() : QList<Device *>();
    listen();
    endResetModel();
}
