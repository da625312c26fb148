#include "cataloguesearchhits.h"

#include "cataloguesearchindex.h"

bool CatalogueSearchHits::matches(Candidate &candidate)
{
    if (candidate.verdict < 0) {
        ++m_checked;
        candidate.verdict = m_index->check(candidate.position, candidate.rules, m_query) ? 1 : 0;
    }
    return candidate.verdict > 0;
}

qsizetype CatalogueSearchHits::count()
{
    if (m_count < 0) {
        qsizetype matched = 0;
        for (Candidate &candidate : m_unproven)
            matched += matches(candidate) ? 1 : 0;
        m_count = qsizetype(m_proven.size()) + matched;
    }
    return m_count;
}

bool CatalogueSearchHits::advance()
{
    while (m_nextProven < m_proven.size() || m_nextUnproven < m_unproven.size()) {
        const bool takeProven = m_nextUnproven == m_unproven.size()
            || (m_nextProven < m_proven.size() && m_proven.at(m_nextProven) < m_unproven.at(m_nextUnproven).position);
        if (takeProven) {
            m_found.append(m_index->item(m_proven.at(m_nextProven++)));
            return true;
        }
        Candidate &candidate = m_unproven.at(m_nextUnproven++);
        if (matches(candidate)) {
            m_found.append(m_index->item(candidate.position));
            return true;
        }
    }
    return false;
}

QList<const CatalogueItem *> CatalogueSearchHits::items(qsizetype from, qsizetype count)
{
    if (from < 0 || count <= 0)
        return {};
    while (m_found.size() < from + count && advance()) {
    }
    return m_found.mid(from, count);
}
