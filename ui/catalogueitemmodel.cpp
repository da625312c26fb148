#include "catalogueitemmodel.h"

CatalogueItemModel::CatalogueItemModel(const Catalogue *catalogue, QObject *parent)
    : CatalogueRowsModel(24, parent)
    , m_catalogue(catalogue)
{
    refilter();
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

void CatalogueItemModel::refilter()
{
    QList<const CatalogueItem *> rows;
    if (!m_themeId.isEmpty()) {
        // A theme lists its items in the order the platform gave, whatever their audience.
        if (const CatalogueTheme *theme = m_catalogue->theme(m_themeId)) {
            for (const QString &code : theme->itemCodes) {
                if (const CatalogueItem *item = m_catalogue->item(code))
                    rows.append(item);
            }
        }
    } else {
        for (const CatalogueItem &item : m_catalogue->items()) {
            if ((m_audience.isEmpty() || Catalogue::audienceName(item.audience) == m_audience)
                && (m_kind.isEmpty() || Catalogue::kindName(item.kind) == m_kind))
                rows.append(&item);
        }
    }
    setRows(std::move(rows));
}
