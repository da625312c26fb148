#pragma once

#include "kioskruntime.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

// A kiosk runtime for the journey's unit tests, without QML: its own state directory and outbox
// key, simulated devices unless `devices` says otherwise, and a platform on a loopback port nobody
// listens on, so cases are queued.
class JourneyKiosk
{
public:
    enum class Platform {
        None,        // no client at all: its credentials file is damaged
        NotEnrolled, // a client, but no credentials yet: nothing is sent
        Away,        // enrolled, and every call fails
    };

    // `devices` is extra [devices] lines ("face_camera=none\n"); `catalogue` the JSON of a
    // catalogue to offer instead of the demo one.
    explicit JourneyKiosk(Platform platform = Platform::None, const QString &devices = {}, const QByteArray &catalogue = {});

    // The demo catalogue with `change` applied to its JSON (items and themes by their ids).
    [[nodiscard]] static QByteArray demoCatalogueWith(const std::function<void(QJsonObject &)> &change);

    [[nodiscard]] bool isRunning() const { return m_runtime != nullptr; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] KioskRuntime *runtime() const { return m_runtime.get(); }
    [[nodiscard]] QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

    // Walks the session to identification and lays the simulator's `card` on the reader; true once
    // the resident is identified.
    [[nodiscard]] bool identify(const QString &card = QStringLiteral("resident"));

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<KioskRuntime> m_runtime;
};
