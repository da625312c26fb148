#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

// How to run one camera, in plain terms (the app fills it from the configuration). The spec forms:
//   simulated                    a synthetic scene drawn in-process (a desk with a page for the
//                                document camera; codes shown through Camera::showSimulatedCode)
//   v4l2:/dev/videoN | v4l2:N    a UVC camera through V4L2
//   file:PATH[,loop=no][,realtime=no]
//                                a video file or an image sequence (PATH with %03d, e.g.
//                                file:/srv/clips/f%03d.png for f000.png, f001.png, …), looped.
//                                It plays at `fps` like a live camera: frames the worker was too
//                                slow for are skipped. realtime=no reads every frame in turn.
struct CameraOptions {
    enum class Role { Face, Document };
    enum class Source { Simulated, V4l2, File };

    Role role = Role::Face;
    Source source = Source::Simulated;
    QString path;       // v4l2 device path or file
    int index = -1;     // v4l2 index
    bool loop = true;   // file: start again at the end
    bool realtime = true; // file: skip the frames a slow pass had no time for, as a camera does
    QSize size{1280, 720}; // the live picture's resolution
    QSize stillSize;       // a document page's resolution; empty: the live picture's
    int fps = 30;
    int previewFps = 25;   // at most this many frames a second reach the UI
    QString controlSocketPath; // simulated: where `kioskctl sim camera` reaches it; empty: nowhere
    QStringList codeFormats{QStringLiteral("QRCode")};
    int codeMaxWidth = 1280;

    // Fills source/path/index/loop from `spec`; false with a reason in `error`.
    [[nodiscard]] bool setSpec(const QString &spec, QString *error);
    [[nodiscard]] QString spec() const;
    // "1280x720" as the configuration writes it; `fallback` when it is not WIDTHxHEIGHT.
    [[nodiscard]] static QSize parseResolution(const QString &text, QSize fallback);
    // Where the simulated camera `id` of a kiosk keeping its state in `stateDirectory` takes
    // `kioskctl sim camera` commands.
    [[nodiscard]] static QString simulatorSocketPath(const QString &stateDirectory, const QString &id);
};
