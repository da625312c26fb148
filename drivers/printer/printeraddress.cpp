#include "printer/printeraddress.h"

#include <QUrl>

std::optional<PrinterAddress> PrinterAddress::parse(const QString &text, QString *error)
{
    const QString head = text.trimmed();
    auto fail = [error](const QString &message) -> std::optional<PrinterAddress> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (head == QLatin1String("none"))
        return PrinterAddress{Kind::None, {}};
    if (head == QLatin1String("simulated"))
        return PrinterAddress{Kind::Simulated, {}};
    if (head.startsWith(QLatin1String("cups:"))) {
        const QString queue = head.mid(5);
        // CUPS queue names are printable characters other than space, '/', '\\', '?', '\'', '"' and '#'.
        static const QString forbidden = QStringLiteral(" /\\?'\"#\t");
        if (queue.isEmpty())
            return fail(QStringLiteral("cups: needs a queue name, e.g. cups:receipt"));
        for (const QChar c : queue) {
            if (forbidden.contains(c) || !c.isPrint())
                return fail(QStringLiteral("\"%1\" is not a CUPS queue name").arg(queue));
        }
        return PrinterAddress{Kind::Queue, queue};
    }
    if (head.startsWith(QLatin1String("ipp://")) || head.startsWith(QLatin1String("ipps://"))) {
        const QUrl url(head, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return fail(QStringLiteral("\"%1\" is not an IPP URI such as ipp://host:631/ipp/print").arg(head));
        return PrinterAddress{Kind::Uri, head};
    }
    return fail(QStringLiteral("\"%1\" is not none, simulated, cups:QUEUE or ipp://HOST:PORT/PATH").arg(head));
}

QString PrinterAddress::toString() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Simulated:
        return QStringLiteral("simulated");
    case Kind::Queue:
        return QStringLiteral("cups:") + target;
    case Kind::Uri:
        return target;
    }
    return {};
}
