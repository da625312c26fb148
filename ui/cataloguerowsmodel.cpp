#include "cataloguerowsmodel.h"

#include "catalogueitemroles.h"

CatalogueRowsModel::CatalogueRowsModel(int page, QObject *parent)
    : QAbstractListModel(parent)
    , m_limit(page)
{
}

int CatalogueRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_limit.shown(m_total);
}

QVariant CatalogueRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return CatalogueItemRoles::value(*m_rows.at(index.row()), role, m_language);
}

QHash<int, QByteArray> CatalogueRowsModel::roleNames() const
{
    return CatalogueItemRoles::names();
}

void CatalogueRowsModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), CatalogueItemRoles::textRoles());
}

void CatalogueRowsModel::setRows(QList<const CatalogueItem *> rows)
{
    const qsizetype total = rows.size();
    setRows(total, [rows = std::move(rows)](qsizetype from, qsizetype count) { return rows.mid(from, count); });
}

void CatalogueRowsModel::setRows(qsizetype total, RowSource source)
{
    beginResetModel();
    m_limit.reset();
    m_rows.clear();
    m_total = total;
    m_source = std::move(source);
    fetchUpTo(m_limit);
    endResetModel();
    emit countChanged();
}

void CatalogueRowsModel::fetchUpTo(const RowLimit &limit)
{
    const qsizetype shown = limit.shown(m_total);
    if (m_rows.size() < shown && m_source)
        m_rows.append(m_source(m_rows.size(), shown - m_rows.size()));
    // A source giving fewer rows than it counted would leave rows without data: list what came.
    if (m_rows.size() < shown)
        m_total = m_rows.size();
}

void CatalogueRowsModel::showMore()
{
    const int before = rowCount();
    RowLimit grown = m_limit;
    grown.grow();
    fetchUpTo(grown);
    const int after = grown.shown(m_total);
    if (after <= before)
        return;
    beginInsertRows({}, before, after - 1);
    m_limit = grown;
    endInsertRows();
    emit countChanged();
}
