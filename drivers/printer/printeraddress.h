#pragma once

#include <QString>

#include <optional>

// Where a printer is, as the configuration names it: `none`, `simulated` (an ippeveprinter the
// registry starts), `cups:QUEUE` (a queue of the local cupsd) or an IPP URI such as
// `ipp://host:631/ipp/print` (libcups talks to the printer directly, no cupsd needed).
struct PrinterAddress {
    enum class Kind { None, Simulated, Queue, Uri };

    Kind kind = Kind::None;
    QString target; // the queue name or the URI

    // Parses `text`; on failure returns nothing and says why in `error`.
    [[nodiscard]] static std::optional<PrinterAddress> parse(const QString &text, QString *error = nullptr);
    [[nodiscard]] static PrinterAddress uri(const QString &uri) { return {Kind::Uri, uri}; }
    [[nodiscard]] QString toString() const;
};
