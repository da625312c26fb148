#include "firstpin.h"

#include "configfileeditor.h"
#include "maintenancepin.h"

QString FirstPin::save(const QString &pin, const QString &repeated, const QString &configPath, QString *hash, QString *error)
{
    const QString weakness = MaintenancePin::weaknessOf(pin);
    if (!weakness.isEmpty())
        return weakness;
    if (pin != repeated)
        return QStringLiteral("mismatch");
    const QString hashed = MaintenancePin::hash(pin);
    QString why = QStringLiteral("no configuration file");
    if (configPath.isEmpty() || !ConfigFileEditor::setValues(configPath, {{QStringLiteral("admin/pin_hash"), hashed}}, &why)) {
        if (error)
            *error = why;
        return QStringLiteral("not_saved");
    }
    if (hash)
        *hash = hashed;
    return {};
}
