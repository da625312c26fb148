#include "servicerating.h"

#include "applog.h"
#include "outboxsender.h"
#include "outboxstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QList<int> ServiceRating::scores()
{
    return {5, 4, 3, 2, 1};
}

QStringList ServiceRating::problemTags()
{
    return {QStringLiteral("too_many_steps"), QStringLiteral("kiosk_hard_to_use"), QStringLiteral("unclear_instructions"),
            QStringLiteral("long_wait"), QStringLiteral("unclear_materials")};
}

bool ServiceRating::needsTags(int score)
{
    return score > 0 && score <= 2;
}

QList<ServiceRating::RatedCase> ServiceRating::casesRated(const QList<std::pair<QString, CaseSubmission::Outcome>> &themeOutcomes,
                                                          const QString &caseNo, const QString &localRef)
{
    if (themeOutcomes.isEmpty())
        return {{caseNo, localRef}};
    QList<RatedCase> cases;
    for (const auto &[code, outcome] : themeOutcomes) {
        if (!outcome.caseNo.isEmpty() || !outcome.localRef.isEmpty())
            cases.append({outcome.caseNo, outcome.localRef});
    }
    return cases;
}

bool ServiceRating::submit(int score, const QStringList &tags, const QString &comment, const RatedCase &rated)
{
    if (!m_outbox || score < 1 || score > 5 || (needsTags(score) && tags.isEmpty()) || (rated.caseNo.isEmpty() && rated.localRef.isEmpty() && rated.serviceRef.isEmpty()))
        return false;
    QJsonObject body{{QStringLiteral("score"), score},
                     {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                     {QStringLiteral("comment"), comment.left(500)},
                     {QStringLiteral("anonymous"), true}};
    if (!rated.caseNo.isEmpty())
        body.insert(QStringLiteral("case_no"), rated.caseNo);
    const OutboxResult<QString> queued = m_outbox->enqueueEvaluation({QJsonDocument(body).toJson(QJsonDocument::Compact), rated.caseNo, rated.localRef, rated.serviceRef});
    if (!queued) {
        qCWarning(lcSession) << "rating not stored:" << outboxErrorCodeName(queued.error().code);
        return false;
    }
    if (m_sender)
        m_sender->wake();
    return true;
}

bool ServiceRating::submitForEach(int score, const QStringList &tags, const QList<RatedCase> &cases)
{
    bool rated = false;
    for (const RatedCase &one : cases)
        rated = submit(score, tags, QString(), one) || rated;
    return rated;
}
