#include "selectionvalues.h"

#include <QVariantList>

namespace SelectionValues {

namespace {

QVariantList localizedList(const QList<MaterialSpec> &materials, const QString &language)
{
    QVariantList out;
    for (const MaterialSpec &m : materials)
        out.append(QVariantMap{{QStringLiteral("name"), m.name.in(language)}, {QStringLiteral("required"), m.required}});
    return out;
}

} // namespace

QVariantMap item(const CatalogueItem &item, const QString &language)
{
    return {
        {QStringLiteral("code"), item.code},
        {QStringLiteral("name"), item.name.in(language)},
        {QStringLiteral("department"), item.department.in(language)},
        {QStringLiteral("kind"), Catalogue::kindName(item.kind)},
        {QStringLiteral("instant"), item.instant},
        {QStringLiteral("offlineOk"), item.offlineOk},
        {QStringLiteral("faceRequired"), item.faceRequired},
        {QStringLiteral("guide"), item.guide.in(language)},
        {QStringLiteral("materials"), localizedList(item.materials, language)},
    };
}

QVariantMap theme(const CatalogueTheme &theme, const QString &language)
{
    return {{QStringLiteral("id"), theme.id}, {QStringLiteral("name"), theme.name.in(language)}};
}

} // namespace SelectionValues
