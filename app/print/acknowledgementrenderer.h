#pragma once

#include "receiptcontent.h"

#include <QByteArray>
#include <QString>

// Renders the local A4 acknowledgement form (受理回执) for a filed case: the case's particulars
// with the applicant masked, the materials received, next steps, a QR code to follow the case
// and a box for the receiving office's seal. Platform documents (e-licences) are not rendered
// here: they are printed as the platform sends them. Needs a QGuiApplication.
class AcknowledgementRenderer
{
public:
    [[nodiscard]] static QByteArray render(const ReceiptContent &content, QString *error = nullptr);
};
