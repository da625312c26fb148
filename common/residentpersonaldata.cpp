#include "common/residentpersonaldata.h"

#include <QMutex>

namespace ResidentPersonalData {

namespace {

QMutex g_mutex;
QList<Value> g_values;

void overwrite(QList<Value> &values)
{
    for (Value &value : values)
        value.text.fill(QLatin1Char('\0'));
    values.clear();
}

} // namespace

void remember(const QList<Value> &values)
{
    QMutexLocker lock(&g_mutex);
    overwrite(g_values);
    for (const Value &value : values) {
        if (!value.text.trimmed().isEmpty())
            g_values.append({value.kind, value.text.trimmed()});
    }
}

void forget()
{
    QMutexLocker lock(&g_mutex);
    overwrite(g_values);
}

QList<Value> remembered()
{
    QMutexLocker lock(&g_mutex);
    return g_values;
}

} // namespace ResidentPersonalData
