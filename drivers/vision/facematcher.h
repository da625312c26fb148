#pragma once

#include <QByteArray>
#include <QString>
#include <QtPlugin>

#include <optional>

// The interface a local 1:1 face matcher plugin implements (no Debian package ships a face
// recognition model, so a vendor supplies one as a Qt plugin; without it, verification goes to
// the platform's /identity/verify). Both images are JPEG bytes in memory; the plugin must not keep
// or write them anywhere.
class FaceMatcher
{
public:
    virtual ~FaceMatcher() = default;
    // A similarity in 0–1 between the live face and the reference (the ID card photo), or nothing
    // with a reason in `error`.
    virtual std::optional<double> compare(const QByteArray &liveJpeg, const QByteArray &referenceJpeg, QString *error) = 0;
    // The score at or above which the vendor says two faces are the same person.
    [[nodiscard]] virtual double threshold() const = 0;
    [[nodiscard]] virtual QString name() const = 0;
};

#define FaceMatcher_iid "cn.gov.kiosk.FaceMatcher/1.0"
Q_DECLARE_INTERFACE(FaceMatcher, FaceMatcher_iid)
