#include "outboxfigures.h"

#include "outboxcondition.h"
#include "outboxstore.h"

QVariantMap OutboxFigures::of(const OutboxCondition &condition, OutboxStore *store)
{
    QVariantMap figures{{QStringLiteral("health"), condition.health}, {QStringLiteral("alert"), condition.message}};
    if (!store) {
        figures.insert(QStringLiteral("problem"), condition.detail.isEmpty() ? QStringLiteral("outbox_unavailable") : condition.detail);
        return figures;
    }
    const OutboxResult<OutboxStats> stats = store->stats();
    if (!stats) {
        figures.insert(QStringLiteral("problem"), stats.error().message);
        return figures;
    }
    figures.insert({
        {QStringLiteral("pending"), stats.value().pending},
        {QStringLiteral("parked"), stats.value().parked},
        {QStringLiteral("delivered"), stats.value().delivered},
        {QStringLiteral("oldestS"), stats.value().oldestPendingS},
        {QStringLiteral("bytes"), stats.value().payloadBytes},
        {QStringLiteral("problem"), QString()},
    });
    return figures;
}
