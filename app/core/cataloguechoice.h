#pragma once

#include "catalogue.h"

#include <QJsonObject>
#include <QString>

class KioskConfig;

// Which catalogue this terminal offers, decided one way for the kiosk at its start and for
// kioskctl: the platform's, as the kiosk last fetched and kept it in its state directory; else
// the configured catalogue_file; else the demo catalogue built in. A configured file that cannot
// be read never stops the kiosk: the next source is used and the problem is kept for staff.
class CatalogueChoice
{
public:
    enum class Source { Platform, ConfiguredFile, BuiltIn };

    [[nodiscard]] static CatalogueChoice choose(const KioskConfig &config);
    // Where the kiosk keeps the platform's last catalogue (its ETag beside it, ".etag").
    [[nodiscard]] static QString platformCachePath(const KioskConfig &config);
    [[nodiscard]] static QString sourceName(Source source);

    [[nodiscard]] const Catalogue &catalogue() const { return m_catalogue; }
    [[nodiscard]] Catalogue takeCatalogue() { return std::move(m_catalogue); }
    [[nodiscard]] Source source() const { return m_source; }
    // The file it was read from; empty for the built-in one.
    [[nodiscard]] QString path() const { return m_path; }
    // Why the configured catalogue_file is not the one offered although it should be; empty when
    // nothing is wrong. A sentence for staff, naming the file and the offending field.
    [[nodiscard]] QString problem() const { return m_problem; }

    // source, path, version, items, health (ok or warning), detail and problem, for status reports.
    [[nodiscard]] QJsonObject toJson() const;
    // The heartbeat's entry beside the devices: class and id "catalogue", health and detail.
    [[nodiscard]] QJsonObject heartbeatDevice() const;

private:
    Catalogue m_catalogue;
    Source m_source = Source::BuiltIn;
    QString m_path;
    QString m_problem;
};
