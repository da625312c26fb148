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
        // A fee item: the amount ("¥20.00", or empty when the platform computes it) and what for.
        {QStringLiteral("hasFee"), item.fee.has_value()},
        {QStringLiteral("feeAmount"), item.fee && !item.fee->variable
                                          ? QStringLiteral("¥%1.%2").arg(item.fee->amountFen / 100).arg(item.fee->amountFen % 100, 2, 10, QLatin1Char('0'))
                                          : QString()},
        {QStringLiteral("feeDescription"), item.fee ? item.fee->description.in(language) : QString()},
    };
}

QVariantMap theme(const CatalogueTheme &theme, const QString &language)
{
    return {{QStringLiteral("id"), theme.id}, {QStringLiteral("name"), theme.name.in(language)}};
}

} // namespace SelectionValues
