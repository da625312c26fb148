#include "cataloguesearchmodel.h"

#include "catalogueitemroles.h"

#include "hanzireadings.h"
#include "kioskruntime.h"
#include "terminalsupervision.h"

CatalogueSearchModel::CatalogueSearchModel(KioskRuntime *runtime, QObject *parent)
    : QAbstractListModel(parent)
    , m_runtime(runtime)
{
    // The readings table (a second's work for the pinyin decoder on a busy machine) is built on a
    // thread of its own once the attract screen is up (KioskProcess), or here on the first search.
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
    return parent.isValid() ? 0 : m_limit.shown(m_rows.size());
}

QVariant CatalogueSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
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
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), CatalogueItemRoles::textRoles());
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
    m_limit.reset();
    m_rows = m_search ? m_search->find(m_runtime->catalogue(), m_query) : QList<const CatalogueItem *>();
    endResetModel();
    emit countChanged();
}

void CatalogueSearchModel::showMore()
{
    const int before = rowCount();
    RowLimit grown = m_limit;
    grown.grow();
    const int after = grown.shown(m_rows.size());
    if (after == before)
        return;
    beginInsertRows({}, before, after - 1);
    m_limit = grown;
    endInsertRows();
    emit countChanged();
}
