#pragma once

#include "catalogue.h"

#include <QHash>
#include <QVariant>

// What a service card in QML reads of a catalogue item, shared by every model that lists items
// (by audience, by theme, by search), so the same card delegate shows any of them.
namespace CatalogueItemRoles {

enum Role { CodeRole = Qt::UserRole + 1, NameRole, DepartmentRole, KindRole, AudienceRole, InstantRole, OfflineOkRole, FaceRequiredRole };

// The value of `role` for `item`, texts in `language` ("zh" or "en").
[[nodiscard]] QVariant value(const CatalogueItem &item, int role, const QString &language);
[[nodiscard]] QHash<int, QByteArray> names();
// The roles whose value depends on the language.
[[nodiscard]] QList<int> textRoles();

} // namespace CatalogueItemRoles
