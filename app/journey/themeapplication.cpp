#include "themeapplication.h"

#include "applicationdraft.h"

namespace ThemeApplication {

std::optional<CatalogueItem> mergedItem(const Catalogue &catalogue, const QString &themeId)
{
    const CatalogueTheme *theme = catalogue.theme(themeId);
    if (!theme || theme->itemCodes.isEmpty())
        return std::nullopt;
    CatalogueItem merged;
    merged.code = QStringLiteral("theme:") + theme->id;
    merged.name = theme->name;
    merged.kind = ItemKind::Apply;
    merged.offlineOk = true;
    merged.instant = false;
    QStringList departments;
    for (const QString &code : theme->itemCodes) {
        const CatalogueItem *item = catalogue.item(code);
        if (!item || item->kind != ItemKind::Apply)
            return std::nullopt;
        merged.audience = item->audience;
        merged.faceRequired = merged.faceRequired || item->faceRequired;
        merged.offlineOk = merged.offlineOk && item->offlineOk;
        if (!departments.contains(item->department.zh)) {
            departments.append(item->department.zh);
            merged.department.zh += (merged.department.zh.isEmpty() ? QString() : QStringLiteral("、")) + item->department.zh;
            merged.department.en += (merged.department.en.isEmpty() ? QString() : QStringLiteral("; ")) + item->department.en;
        }
        for (const FormField &field : item->form) {
            auto same = std::find_if(merged.form.begin(), merged.form.end(), [&](const FormField &f) { return f.id == field.id; });
            if (same == merged.form.end()) {
                merged.form.append(field);
                continue;
            }
            same->required = same->required || field.required;
            same->readonly = same->readonly && field.readonly;
        }
        for (const MaterialSpec &material : item->materials) {
            auto same = std::find_if(merged.materials.begin(), merged.materials.end(),
                                     [&](const MaterialSpec &m) { return m.id == material.id; });
            if (same == merged.materials.end())
                merged.materials.append(material);
            else
                same->required = same->required || material.required;
        }
    }
    return merged;
}

QJsonObject caseBodyFor(const CatalogueItem &item, const ApplicationDraft &draft, const QString &verifiedBy, const QString &themeId)
{
    QJsonObject body = draft.caseBody(verifiedBy);
    QJsonObject form;
    for (const FormField &field : item.form)
        form.insert(field.id, draft.value(field.id).trimmed());
    body.insert(QStringLiteral("item_code"), item.code);
    body.insert(QStringLiteral("form"), form);
    body.insert(QStringLiteral("theme"), themeId);
    return body;
}

} // namespace ThemeApplication
