#include "catalogueitemmodel.h"

#include "catalogueitemroles.h"

CatalogueItemModel::CatalogueItemModel(const Catalogue *catalogue, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalogue(catalogue)
{
    refilter();
}

int CatalogueItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_limit.shown(m_rows.size());
}

QVariant CatalogueItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return CatalogueItemRoles::value(*m_rows.at(index.row()), role, m_language);
}

QHash<int, QByteArray> CatalogueItemModel::roleNames() const
{
    return CatalogueItemRoles::names();
}

void CatalogueItemModel::setAudience(const QString &audience)
{
    if (m_audience == audience)
        return;
    m_audience = audience;
    refilter();
    emit audienceChanged();
}

void CatalogueItemModel::setThemeId(const QString &themeId)
{
    if (m_themeId == themeId)
        return;
    m_themeId = themeId;
    refilter();
    emit themeIdChanged();
}

void CatalogueItemModel::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    refilter();
    emit kindChanged();
}

void CatalogueItemModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), CatalogueItemRoles::textRoles());
}

void CatalogueItemModel::refilter()
{
    beginResetModel();
    m_limit.reset();
    m_rows.clear();
    if (!m_themeId.isEmpty()) {
        // A theme lists its items in the order the platform gave, whatever their audience.
        if (const CatalogueTheme *theme = m_catalogue->theme(m_themeId)) {
            for (const QString &code : theme->itemCodes) {
                if (const CatalogueItem *item = m_catalogue->item(code))
                    m_rows.append(item);
            }
        }
    } else {
        for (const CatalogueItem &item : m_catalogue->items()) {
            if ((m_audience.isEmpty() || Catalogue::audienceName(item.audience) == m_audience)
                && (m_kind.isEmpty() || Catalogue::kindName(item.kind) == m_kind))
                m_rows.append(&item);
        }
    }
    endResetModel();
    emit countChanged();
}

void CatalogueItemModel::showMore()
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
