#pragma once

#include <QList>
#include <QString>

// The personal data of the resident at the kiosk now (names, address, card and pass numbers),
// known only so that the log scrubber can mask them wherever they turn up in a log line, an audit
// entry or a diagnostics file. The session remembers them when a card or code names the resident
// and forgets them at its wipe. Safe to call from any thread: log lines come from all of them.
namespace ResidentPersonalData {

enum class Kind { Name, Address, Number };

struct Value {
    Kind kind = Kind::Name;
    QString text;
};

// Replaces whatever was remembered with `values`; empty texts are left out.
void remember(const QList<Value> &values);
void forget();
[[nodiscard]] QList<Value> remembered();

} // namespace ResidentPersonalData
