#include "themefiling.h"

void ThemeFiling::start(const QList<std::pair<QString, CaseDraft>> &drafts)
{
    m_outcomes.clear();
    m_queue = drafts;
}

std::optional<CaseDraft> ThemeFiling::take(const Outcome &outcome)
{
    using Kind = Outcome::Kind;
    if (m_queue.isEmpty())
        return std::nullopt;
    m_outcomes.append({m_queue.takeFirst().first, outcome});
    if (outcome.kind != Kind::NotStored && !m_queue.isEmpty())
        return m_queue.first().second;
    // Whatever was not stored stays with the resident, who is told so on the result screen.
    for (const auto &[code, draft] : std::as_const(m_queue))
        m_outcomes.append({code, Outcome{Kind::NotStored, {}, {}, QStringLiteral("not_attempted")}});
    m_queue.clear();
    return std::nullopt;
}

void ThemeFiling::clear()
{
    m_queue.clear();
    m_outcomes.clear();
}
