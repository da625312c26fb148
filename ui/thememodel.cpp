#include "thememodel.h"

ThemeModel::ThemeModel(const Catalogue *catalogue, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalogue(catalogue)
{
}

int ThemeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_catalogue->themes().size());
}

QVariant ThemeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_catalogue->themes().size())
        return {};
    const CatalogueTheme &theme = m_catalogue->themes().at(index.row());
    switch (role) {
    case IdRole: return theme.id;
    case Qt::DisplayRole:
    case NameRole: return theme.name.in(m_language);
    case ItemCountRole: return static_cast<int>(theme.itemCodes.size());
    case ItemNamesRole: {
        QStringList names;
        for (const QString &code : theme.itemCodes) {
            if (const CatalogueItem *item = m_catalogue->item(code))
                names.append(item->name.in(m_language));
        }
        return names;
    }
    }
    return {};
}

QHash<int, QByteArray> ThemeModel::roleNames() const
{
    return {{IdRole, "themeId"}, {NameRole, "name"}, {ItemCountRole, "itemCount"}, {ItemNamesRole, "itemNames"}};
}

void ThemeModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, NameRole, ItemNamesRole});
}
