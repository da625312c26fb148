#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Chinese is the source language and English must stay complete: every string the QML shows
// through qsTr() has a finished English translation in ui/i18n/kiosk_en.ts.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    struct Message {
        QString context;
        QString source;
        QString translation;
        QString type; // empty when finished
    };

    static QList<Message> read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        QXmlStreamReader xml(&file);
        QList<Message> messages;
        QString context;
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                current = Message{context, {}, {}, {}};
            else if (xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText();
                messages.append(current);
            }
        }
        if (xml.hasError())
            qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
        return messages;
    }

    static QString committed()
    {
        return qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/ui/i18n/kiosk_en.ts");
    }

private slots:
    void everyStringTheScreensShowHasAFinishedEnglishTranslation()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QVERIFY(QFile::copy(committed(), fresh));
        QFile::setPermissions(fresh, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(qEnvironmentVariable("LUPDATE"),
                      {qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/ui/qml"), QStringLiteral("-ts"), fresh,
                       QStringLiteral("-source-language"), QStringLiteral("zh_CN"), QStringLiteral("-target-language"),
                       QStringLiteral("en")});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);

        QStringList untranslated;
        const QList<Message> messages = read(fresh);
        QVERIFY(messages.size() >= 30);
        for (const Message &m : messages) {
            if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
                continue;
            if (!m.type.isEmpty() || m.translation.trimmed().isEmpty())
                untranslated.append(m.context + QStringLiteral(": ") + m.source);
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("translate these in ui/i18n/kiosk_en.ts:\n") + untranslated.join(QLatin1Char('\n'))));
    }

    void theCommittedFileCarriesNoDeadEntries()
    {
        for (const Message &m : read(committed()))
            QVERIFY2(m.type.isEmpty(), qPrintable(m.context + QStringLiteral(": ") + m.source + QStringLiteral(" is ") + m.type));
    }

    void placeholdersSurviveTranslation()
    {
        for (const Message &m : read(committed())) {
            for (const char *marker : {"%1", "%2"}) {
                QCOMPARE(m.translation.contains(QLatin1String(marker)), m.source.contains(QLatin1String(marker)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
