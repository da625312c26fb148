#pragma once

#include <QVariantMap>

class OutboxStore;
struct OutboxCondition;

// The outbox's figures for the maintenance screen, as one map: pending, parked, delivered,
// oldestS, bytes, and problem (why there are no figures, empty when there are), plus the
// condition's health and alert. A key that keeps the outbox closed, or a damaged file set aside,
// is said in a sentence that names the file: staff act on it, the resident only ever sees
// "cannot take applications".
class OutboxFigures
{
public:
    [[nodiscard]] static QVariantMap of(const OutboxCondition &condition, OutboxStore *store);
};
