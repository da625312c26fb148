#pragma once

#include "catalogue.h"

#include <QString>

// Whether one value fits its form field, as pure functions: the form screen shows the problem
// next to the field, and the submission refuses a draft with any problem left.
namespace FormValidation {

enum class Problem { None, Required, NotAPhone, NotANumber, NotADate, NotAnIdNumber, NotAnOption, TooLong };

[[nodiscard]] Problem check(const FormField &field, const QString &value);
// "required", "not_a_phone", … for the UI to phrase; empty for None.
[[nodiscard]] QString problemName(Problem problem);

} // namespace FormValidation
