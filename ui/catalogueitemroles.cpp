#include "catalogueitemroles.h"

namespace CatalogueItemRoles {

QVariant value(const CatalogueItem &item, int role, const QString &language)
{
    switch (role) {
    case CodeRole: return item.code;
    case Qt::DisplayRole:
    case NameRole: return item.name.in(language);
    case DepartmentRole: return item.department.in(language);
    case KindRole: return Catalogue::kindName(item.kind);
    case AudienceRole: return Catalogue::audienceName(item.audience);
    case InstantRole: return item.instant;
    case OfflineOkRole: return item.offlineOk;
    case FaceRequiredRole: return item.faceRequired;
    }
    return {};
}

QHash<int, QByteArray> names()
{
    return {{CodeRole, "code"},         {NameRole, "name"},           {DepartmentRole, "department"},
            {KindRole, "kind"},         {AudienceRole, "audience"},   {InstantRole, "instant"},
            {OfflineOkRole, "offlineOk"}, {FaceRequiredRole, "faceRequired"}};
}

QList<int> textRoles()
{
    return {Qt::DisplayRole, NameRole, DepartmentRole};
}

} // namespace CatalogueItemRoles
