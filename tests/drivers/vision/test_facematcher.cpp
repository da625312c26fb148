#include "vision/facematcherloader.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

// The local 1:1 matcher is a plugin: loaded from the configured path, refused when the file is
// not a FaceMatcher, and absent (the platform verifies) when no path is configured.
class TestFaceMatcher : public QObject
{
    Q_OBJECT

private:
    static QByteArray jpeg(int grey)
    {
        QImage image(64, 64, QImage::Format_Grayscale8);
        image.fill(grey);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG");
        return bytes;
    }

private slots:
    void comparesThroughLoadedPlugin()
    {
        FaceMatcherLoader loader(QStringLiteral(FAKE_FACE_MATCHER));
        QVERIFY2(loader.matcher(), qPrintable(loader.errorString()));
        QString error;
        const std::optional<double> same = loader.matcher()->compare(jpeg(120), jpeg(120), &error);
        QVERIFY(same.has_value());
        QVERIFY(*same >= loader.matcher()->threshold());
        const std::optional<double> different = loader.matcher()->compare(jpeg(20), jpeg(220), &error);
        QVERIFY(different.has_value());
        QVERIFY(*different < loader.matcher()->threshold());
        QVERIFY(!loader.matcher()->compare("not a jpeg", jpeg(1), &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    void hasNoMatcherWithoutPlugin()
    {
        FaceMatcherLoader loader{QString()};
        QVERIFY(!loader.matcher());
        QVERIFY(loader.errorString().isEmpty());
    }

    void refusesPluginOfAnotherKind()
    {
        FaceMatcherLoader notAPlugin(QStringLiteral(TEST_EXECUTABLE));
        QVERIFY(!notAPlugin.matcher());
        QVERIFY(!notAPlugin.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFaceMatcher)
#include "test_facematcher.moc"
