#pragma once

#include <QString>

// How kioskctl and the status report write a size for a person: "512 bytes", "3.4 KiB",
// "12.0 MiB", "1.5 GiB" (binary units, one decimal), the same wherever a size is printed.
namespace ByteSize {

[[nodiscard]] QString text(qint64 bytes);

} // namespace ByteSize
