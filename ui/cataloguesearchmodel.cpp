#include "cataloguesearchmodel.h"

#include "catalogueitemroles.h"

#include "hanzireadings.h"
#include "kioskruntime.h"
#include "terminalsupervision.h"

CatalogueSearchModel::CatalogueSearchModel(KioskRuntime *runtime, QObject *parent)
    : QAbstractListModel(parent)
    , m_runtime(runtime)
{
    HanziReadings::prepare();
    runtime->session()->addWipeable(this);
    // The rows point into the catalogue, so a replaced catalogue is searched again at once.
    connect(runtime->supervision(), &TerminalSupervision::catalogueChanged, this, &CatalogueSearchModel::research);
}

CatalogueSearchModel::~CatalogueSearchModel()
{
    m_runtime->session()->removeWipeable(this);
}

int CatalogueSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CatalogueSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    return CatalogueItemRoles::value(*m_rows.at(index.row()), role, m_language);
}

QHash<int, QByteArray> CatalogueSearchModel::roleNames() const
{
    return CatalogueItemRoles::names();
}

void CatalogueSearchModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    research();
    emit queryChanged();
}

void CatalogueSearchModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), CatalogueItemRoles::textRoles());
}

void CatalogueSearchModel::wipeSessionData()
{
    setQuery(QString());
}

void CatalogueSearchModel::research()
{
    if (!m_query.trimmed().isEmpty() && !m_search)
        m_search.emplace(HanziReadings::shared());
    beginResetModel();
    m_rows = m_search ? m_search->find(m_runtime->catalogue(), m_query) : QList<const CatalogueItem *>();
    endResetModel();
    emit countChanged();
}
