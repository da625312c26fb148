#pragma once

#include "vision/decodedcode.h"

#include <QImage>
#include <QList>
#include <QStringList>

#include <memory>

// The camera's code decoding, also used by `kioskctl scan image`: the frame is turned grey and
// downscaled to at most `maxWidth` pixels (full camera resolution costs an order of magnitude more
// for no gain, save for codes too small to survive the scaling), then ZXing looks for the
// configured formats only. The code's likely regions (the densest patches of edges) get looks of
// their own (as they are, enlarged and sharpened, black and white by neighbourhood): all of them
// before the whole frame for a still picture, one per empty frame after it for a camera.
// Positions come back in the caller's coordinates. Thread-compatible: one reader per thread.
class CodeReader
{
public:
    // `formats` are ZXing names ("QRCode", "DataMatrix", "PDF417", …); unknown ones are refused.
    // After every `fullResolutionEvery`-th downscaled frame that held no code the full frame is
    // read as well: 1 (every time) suits still pictures, a camera's few frames a second more
    // (a small code then shows within that many frames); 0 never.
    explicit CodeReader(const QStringList &formats = {QStringLiteral("QRCode")}, int maxWidth = 1280, int fullResolutionEvery = 1);
    ~CodeReader();
    CodeReader(const CodeReader &) = delete;
    CodeReader &operator=(const CodeReader &) = delete;

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] QList<DecodedCode> read(const QImage &image) const;
    // The same on an 8-bit grey buffer, as the camera's worker holds it.
    [[nodiscard]] QList<DecodedCode> readGrey(const uchar *data, int width, int height, qsizetype bytesPerLine) const;

    [[nodiscard]] static QStringList knownFormats();

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
    int m_maxWidth;
    int m_fullResolutionEvery;
    mutable qint64 m_emptyScaledFrames = 0;
    mutable qint64 m_secondLooks = 0;

    struct Frame;
    [[nodiscard]] QList<DecodedCode> readRegion(Frame &frame, int index) const;
};
