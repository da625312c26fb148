#include "vision/faceobservation.h"

#include <QtGlobal>

double FaceObservation::quality() const
{
    if (faces != 1 || frameSize.isEmpty())
        return 0;
    const double size = qMin(1.0, box.width() / (0.35 * frameSize.width()));
    const double dx = (box.center().x() - frameSize.width() / 2.0) / frameSize.width();
    const double dy = (box.center().y() - frameSize.height() / 2.0) / frameSize.height();
    const double centring = qMax(0.0, 1.0 - 2.0 * qMax(qAbs(dx), qAbs(dy)));
    const double light = qMax(0.0, 1.0 - qAbs(brightness - 128.0) / 128.0);
    const double focus = qMin(1.0, sharpness / 300.0);
    return 0.3 * size + 0.2 * centring + 0.2 * light + 0.3 * focus;
}

QString FaceObservation::toString(Guidance guidance)
{
    switch (guidance) {
    case Guidance::NoFace:
        return QStringLiteral("no_face");
    case Guidance::SeveralFaces:
        return QStringLiteral("several_faces");
    case Guidance::MoveCloser:
        return QStringLiteral("move_closer");
    case Guidance::MoveBack:
        return QStringLiteral("move_back");
    case Guidance::Centre:
        return QStringLiteral("centre");
    case Guidance::TooDark:
        return QStringLiteral("too_dark");
    case Guidance::TooBright:
        return QStringLiteral("too_bright");
    case Guidance::HoldStill:
        return QStringLiteral("hold_still");
    case Guidance::Good:
        return QStringLiteral("good");
    }
    return QString();
}
