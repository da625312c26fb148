#pragma once

#include <QString>

// The 56 nationality codes of GB/T 3304 as printed on resident cards (01 汉 … 56 基诺), plus 97
// (other) and 98 (naturalised citizen of foreign origin).
namespace Nation {
[[nodiscard]] bool isKnown(int code);
[[nodiscard]] QString nameZh(int code); // "汉"; empty when unknown
[[nodiscard]] QString nameEn(int code); // "Han"
} // namespace Nation
