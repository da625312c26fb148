#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// The man page and the bash completion the package ships describe the kioskctl that is built:
// every command and every option `kioskctl help` prints is in both, so they cannot drift apart.
class TestKioskctlDocs : public QObject
{
    Q_OBJECT

private:
    static QString run(const QStringList &args)
    {
        QProcess process;
        process.start(qEnvironmentVariable("KIOSKCTL"), args);
        if (!process.waitForFinished(60000))
            qFatal("kioskctl did not finish");
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    static QString source(const char *path)
    {
        QFile file(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QLatin1Char('/') + QLatin1String(path));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", path);
        return QString::fromUtf8(file.readAll());
    }

    // The command names `kioskctl help` lists, in its order.
    static QStringList commandNames()
    {
        QStringList names;
        static const QRegularExpression line(QStringLiteral("^  kioskctl ([a-z-]+)"));
        for (const QString &text : run({QStringLiteral("help")}).split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = line.match(text);
            if (match.hasMatch() && !names.contains(match.captured(1)))
                names << match.captured(1);
        }
        return names;
    }

    // The options a command's usage names (--json, --out, ...).
    static QStringList optionsOf(const QString &command)
    {
        QStringList options;
        static const QRegularExpression option(QStringLiteral("--[a-z0-9][a-z0-9-]*"));
        for (const QRegularExpressionMatch &match : option.globalMatch(run({QStringLiteral("help"), command}))) {
            if (!options.contains(match.captured()))
                options << match.captured();
        }
        return options;
    }

    // The man page's section of one command: from its .SS line to the next section.
    static QString manSection(const QString &page, const QString &command)
    {
        const qsizetype at = page.indexOf(QStringLiteral("\n.SS %1\n").arg(command));
        if (at < 0)
            return {};
        const qsizetype next = page.indexOf(QRegularExpression(QStringLiteral("\n\\.S[SH] ")), at + 1);
        return page.mid(at, next - at);
    }

private slots:
    void helpListsTheCommands()
    {
        const QStringList names = commandNames();
        QVERIFY2(names.size() >= 20, qPrintable(names.join(QLatin1Char(' '))));
        QVERIFY(names.contains(QStringLiteral("metrics")));
    }

    void theManPageHasASectionForEveryCommandWithItsOptions()
    {
        const QString page = source("packaging/man/kioskctl.1");
        QStringList missing;
        for (const QString &command : commandNames()) {
            const QString section = manSection(page, command);
            if (section.isEmpty()) {
                missing << command;
                continue;
            }
            for (const QString &option : optionsOf(command)) {
                QString escaped = option;
                escaped.replace(QLatin1Char('-'), QStringLiteral("\\-"));
                if (!section.contains(escaped))
                    missing << command + QLatin1Char(' ') + option;
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("kioskctl.1 lacks: ") + missing.join(QStringLiteral(", "))));
    }

    void theBashCompletionKnowsEveryCommandAndOption()
    {
        const QString completion = source("packaging/bash-completion/kioskctl");
        const QRegularExpression commandList(QStringLiteral("local commands=\"([^\"]*)\""));
        const QStringList listed = commandList.match(completion).captured(1).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        QStringList missing;
        for (const QString &command : commandNames()) {
            if (!listed.contains(command))
                missing << command;
            // Each command has its branch, and the branch offers the command's options.
            // Branches of the command case sit at eight spaces; their own cases sit deeper.
            const qsizetype branch = completion.indexOf(QRegularExpression(QStringLiteral("\\n {8}%1\\)").arg(QRegularExpression::escape(command))));
            const qsizetype end = branch < 0 ? -1 : completion.indexOf(QRegularExpression(QStringLiteral("\\n {8}[a-z-]+\\)|\\n {4}esac")), branch + 1);
            const QString body = branch < 0 ? QString() : completion.mid(branch, end - branch);
            if (branch < 0)
                missing << command + QStringLiteral(" (no branch)");
            for (const QString &option : optionsOf(command)) {
                // The global options are offered before the command, not in its branch.
                if (option == QLatin1String("--config") || option == QLatin1String("--verbose"))
                    continue;
                if (!QRegularExpression(QStringLiteral("[\" ]%1[\" ]").arg(QRegularExpression::escape(option))).match(body).hasMatch())
                    missing << command + QLatin1Char(' ') + option;
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("the bash completion lacks: ") + missing.join(QStringLiteral(", "))));
    }

    // bash-completion's own helpers are given their plain meaning here, so the function itself runs.
    void theCompletionCompletesACommandAndItsOptions_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("offered");
        QTest::newRow("command") << QStringLiteral("kioskctl met") << QStringLiteral("metrics");
        QTest::newRow("option") << QStringLiteral("kioskctl metrics --o") << QStringLiteral("--out");
        QTest::newRow("after --config") << QStringLiteral("kioskctl --config /etc/kiosk/kiosk.ini sta") << QStringLiteral("status");
        QTest::newRow("subcommand") << QStringLiteral("kioskctl outbox re") << QStringLiteral("retry");
        QTest::newRow("value") << QStringLiteral("kioskctl device check receipt_printer --level inter") << QStringLiteral("interactive");
    }

    void theCompletionCompletesACommandAndItsOptions()
    {
        QFETCH(QString, line);
        QFETCH(QString, offered);
        const QString script = QStringLiteral(
            "_init_completion() { words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }\n"
            "_filedir() { :; }\n"
            "source \"$1\"\n"
            "read -r -a COMP_WORDS <<< \"$2\"\n"
            "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
            "_kioskctl\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        QProcess bash;
        bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script, QStringLiteral("bash"),
                                            qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/packaging/bash-completion/kioskctl"), line});
        QVERIFY(bash.waitForFinished(30000));
        const QStringList replies = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(replies.contains(offered), qPrintable(replies.join(QLatin1Char(' ')) + QString::fromUtf8(bash.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlDocs)
#include "test_kioskctldocs.moc"
