#pragma once

#include <QString>

// The second safety net under every log line, audit entry and diagnostics file: whatever in a
// free text is shaped like a resident's 18-character ID number or an 11-digit mainland mobile
// number is masked with PersonalData's masks, even if the code that wrote it forgot to.
namespace PersonalDataFilter {

[[nodiscard]] QString scrub(const QString &text);

} // namespace PersonalDataFilter
