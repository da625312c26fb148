#include "cataloguesearchmodel.h"

#include "hanzireadings.h"
#include "kioskruntime.h"
#include "terminalsupervision.h"

CatalogueSearchModel::CatalogueSearchModel(KioskRuntime *runtime, QObject *parent)
    : CatalogueRowsModel(20, parent)
    , m_runtime(runtime)
{
    // The readings table (a second's work for the pinyin decoder on a busy machine) is built on a
    // thread of its own once the attract screen is up (KioskProcess), or here on the first search.
    runtime->session()->addWipeable(this);
    // The rows and the index point into the catalogue, so a replaced catalogue is indexed and
    // searched again at once.
    connect(runtime->supervision(), &TerminalSupervision::catalogueChanged, this, &CatalogueSearchModel::reindex);
}

CatalogueSearchModel::~CatalogueSearchModel()
{
    m_runtime->session()->removeWipeable(this);
}

void CatalogueSearchModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    research();
    emit queryChanged();
}

void CatalogueSearchModel::wipeSessionData()
{
    setQuery(QString());
}

void CatalogueSearchModel::reindex()
{
    m_hits.reset();
    m_index.reset();
    research();
}

void CatalogueSearchModel::research()
{
    if (!m_query.trimmed().isEmpty() && !m_search)
        m_search.emplace(HanziReadings::shared());
    if (m_search && !m_index)
        m_index.emplace(m_runtime->catalogue(), *m_search);
    // The count, and the first page; the rows source asks for more pages as the resident does.
    m_hits = std::make_shared<CatalogueSearchHits>(m_index ? m_index->search(m_query) : CatalogueSearchHits());
    const qsizetype total = m_hits->count();
    setRows(total, [hits = m_hits](qsizetype from, qsizetype count) { return hits->items(from, count); });
}
