#pragma once

#include "casesubmission.h"
#include "outboxdraft.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// 一件事一次办: a theme's cases are filed one after another, each once the one before is stored
// (filed or queued). The first that is not stored stops the rest, which stay with the resident
// as "not attempted"; every item then has an outcome, in the theme's order.
class ThemeFiling
{
public:
    using Outcome = CaseSubmission::Outcome;

    // The drafts to file, by item code, in order; the first is the one to submit now.
    void start(const QList<std::pair<QString, CaseDraft>> &drafts);
    [[nodiscard]] bool isFiling() const { return !m_queue.isEmpty(); }
    // What became of the case submitted last. Returns the next draft to submit, or nothing once
    // the theme is done.
    [[nodiscard]] std::optional<CaseDraft> take(const Outcome &outcome);
    // Each item's code with what became of its case, in order.
    [[nodiscard]] const QList<std::pair<QString, Outcome>> &outcomes() const { return m_outcomes; }
    void clear();

private:
    QList<std::pair<QString, CaseDraft>> m_queue;
    QList<std::pair<QString, Outcome>> m_outcomes;
};
