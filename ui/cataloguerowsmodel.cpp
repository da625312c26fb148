#include "cataloguerowsmodel.h"

#include "catalogueitemroles.h"

CatalogueRowsModel::CatalogueRowsModel(int page, QObject *parent)
    : QAbstractListModel(parent)
    , m_limit(page)
{
}

int CatalogueRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_limit.shown(m_rows.size());
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
    beginResetModel();
    m_limit.reset();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void CatalogueRowsModel::showMore()
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
