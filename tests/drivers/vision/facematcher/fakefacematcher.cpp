#include "vision/facematcher.h"

#include <QImage>
#include <QObject>

// A stand-in for a vendor's 1:1 face matcher: it compares the two pictures' mean grey levels, so
// a test can tell the plugin ran on the bytes it was given. No real matcher ships in Debian.
class FakeFaceMatcher : public QObject, public FaceMatcher
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FaceMatcher_iid)
    Q_INTERFACES(FaceMatcher)

public:
    std::optional<double> compare(const QByteArray &liveJpeg, const QByteArray &referenceJpeg, QString *error) override
    {
        QImage live;
        QImage reference;
        if (!live.loadFromData(liveJpeg, "JPEG") || !reference.loadFromData(referenceJpeg, "JPEG")) {
            *error = QStringLiteral("not a JPEG");
            return std::nullopt;
        }
        return 1.0 - qAbs(meanGrey(live) - meanGrey(reference)) / 255.0;
    }

    // A test may move the bar (FAKE_FACE_MATCHER_THRESHOLD) to make any two faces match, or none.
    double threshold() const override
    {
        bool ok = false;
        const double wanted = qEnvironmentVariable("FAKE_FACE_MATCHER_THRESHOLD").toDouble(&ok);
        return ok ? wanted : 0.9;
    }
    QString name() const override { return QStringLiteral("fake mean-grey matcher"); }

private:
    static double meanGrey(const QImage &image)
    {
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        double sum = 0;
        for (int y = 0; y < grey.height(); ++y) {
            const uchar *row = grey.constScanLine(y);
            for (int x = 0; x < grey.width(); ++x)
                sum += row[x];
        }
        return sum / qMax(1, grey.width() * grey.height());
    }
};

#include "fakefacematcher.moc"
