#pragma once

#include "catalogue.h"

#include <QString>

// Whether one value fits its form field, as pure functions: the form screen shows the problem
// next to the field, and the submission refuses a draft with any problem left.
namespace FormValidation {

enum class Problem { None, Required, NotAPhone, NotANumber, NotADate, NotAnIdNumber, NotAnOption, TooLong };

[[nodiscard]] Problem check(const FormField &field, const QString &value);
// The one form a value is kept in: a date typed as eight digits (20261201, as the keypad takes
// it) becomes ISO 2026-12-01, so what is shown, checked and sent is the same text.
[[nodiscard]] QString normalized(const FormField &field, const QString &value);
// True for a field that holds a bank card or account number ("bank_account", "bank_card", …):
// once typed, every screen shows it masked.
[[nodiscard]] bool isAccountNumber(const FormField &field);
// "required", "not_a_phone", … for the UI to phrase; empty for None.
[[nodiscard]] QString problemName(Problem problem);

} // namespace FormValidation
