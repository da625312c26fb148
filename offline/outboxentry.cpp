#include "outboxentry.h"

QString entryKindName(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Material:
        return QStringLiteral("material");
    case EntryKind::Case:
        return QStringLiteral("case");
    case EntryKind::Evaluation:
        return QStringLiteral("evaluation");
    case EntryKind::Complaint:
        return QStringLiteral("complaint");
    }
    return QStringLiteral("unknown");
}

QString entryStateName(EntryState state)
{
    switch (state) {
    case EntryState::Pending:
        return QStringLiteral("pending");
    case EntryState::Sending:
        return QStringLiteral("sending");
    case EntryState::Delivered:
        return QStringLiteral("delivered");
    case EntryState::Parked:
        return QStringLiteral("parked");
    }
    return QStringLiteral("unknown");
}

std::optional<EntryState> entryStateFromName(const QString &name)
{
    for (EntryState state : {EntryState::Pending, EntryState::Sending, EntryState::Delivered, EntryState::Parked}) {
        if (entryStateName(state) == name)
            return state;
    }
    return std::nullopt;
}
