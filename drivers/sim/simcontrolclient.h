#pragma once

#include <QString>

// The client side of the simulator's control socket, for `kioskctl sim …` and scripts: sends
// one command line and returns the answer line.
namespace SimControlClient {
[[nodiscard]] bool send(const QString &socketPath, const QString &commandLine, QString *reply, QString *error,
                        int timeoutMs = 3000);
} // namespace SimControlClient
