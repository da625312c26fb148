#pragma once

#include "casesubmission.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class OutboxSender;
class OutboxStore;

// 好差评: the resident's anonymous rating of the service, queued in the outbox for the platform.
// Five levels; the two lowest must say what went wrong, with tags of a fixed vocabulary that go to
// the platform as codes whatever language the resident read them in. A theme's rating is about
// each of its cases; a ticket's or a printed licence's names the service instead.
class ServiceRating
{
public:
    // One case a rating is about: its number once filed, else the outbox's local reference.
    struct RatedCase {
        QString caseNo;
        QString localRef;
        // A service that filed no case (contract 1.1): "ticket:A017", "licence:L…".
        QString serviceRef = {};
    };

    ServiceRating(OutboxStore *outbox, OutboxSender *sender)
        : m_outbox(outbox)
        , m_sender(sender)
    {
    }

    // The scores, best first (5 非常满意 … 1 非常不满意).
    [[nodiscard]] static QList<int> scores();
    // The tags a low score chooses from, in the order they are offered.
    [[nodiscard]] static QStringList problemTags();
    // A score of 1 or 2 asks for at least one tag.
    [[nodiscard]] static bool needsTags(int score);
    // The cases one rating is about: each of a theme's cases that has a reference, or, for a
    // single item (no theme outcomes), the case of `caseNo` / `localRef`.
    [[nodiscard]] static QList<RatedCase> casesRated(const QList<std::pair<QString, CaseSubmission::Outcome>> &themeOutcomes,
                                                     const QString &caseNo, const QString &localRef);

    // Queues the rating of one case. False for a score out of range, a low score without tags, no
    // case, or an outbox that did not store it.
    bool submit(int score, const QStringList &tags, const QString &comment, const RatedCase &rated);
    // Queues the rating of each case; true if any was stored.
    bool submitForEach(int score, const QStringList &tags, const QList<RatedCase> &cases);

private:
    OutboxStore *m_outbox;
    OutboxSender *m_sender;
};
