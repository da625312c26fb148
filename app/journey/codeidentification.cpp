#include "codeidentification.h"

namespace CodeIdentification {

bool accepts(const CatalogueItem *item)
{
    return item && item->auth.contains(QLatin1String("netid_qr"));
}

QString refusal(const Catalogue &catalogue, const QString &errand, const QString &themeId, const QString &itemCode)
{
    if (!errand.isEmpty())
        return {};
    QList<const CatalogueItem *> items;
    if (!themeId.isEmpty()) {
        const CatalogueTheme *theme = catalogue.theme(themeId);
        if (!theme)
            return QStringLiteral("code_not_for_item");
        for (const QString &code : theme->itemCodes)
            items.append(catalogue.item(code));
    } else {
        items.append(catalogue.item(itemCode));
    }
    for (const CatalogueItem *item : std::as_const(items)) {
        if (!accepts(item))
            return QStringLiteral("code_not_for_item");
    }
    return {};
}

} // namespace CodeIdentification
