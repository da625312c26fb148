#pragma once

#include <QString>

// The second safety net under every log line, audit entry and diagnostics file: whatever in a
// free text is shaped like one of the four ID cards' numbers (resident, Hong Kong/Macao/Taiwan
// residence permit, both foreign permanent resident cards), a pass to the mainland, a Taiwan
// compatriot pass or a mainland mobile number, and whatever the session remembered of the current
// resident (ResidentPersonalData: name, address, numbers), is masked with PersonalData's masks,
// even if the code that wrote it forgot to.
namespace PersonalDataFilter {

[[nodiscard]] QString scrub(const QString &text);

} // namespace PersonalDataFilter
