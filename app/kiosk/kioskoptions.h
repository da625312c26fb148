#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

// The kiosk's command line. Everything a resident experiences comes from the configuration
// file; these switches exist for development, documentation and tests.
struct KioskOptions {
    QString configPath;
    bool configGiven = false;
    bool windowed = false;
    QSize windowSize{1080, 1920};
    QString screenshotPath;     // render the screen, save a PNG, exit
    QString screen;             // attract | home | business | guide:CODE | theme:ID | countdown
    QString language;           // zh | en, overriding the configuration
    bool elderMode = false;     // start the screenshot in 长辈模式
    bool exitAfterFirstFrame = false;

    // Parses `arguments` (without the program name); on a bad switch returns nothing and says why.
    [[nodiscard]] static std::optional<KioskOptions> parse(const QStringList &arguments, QString *error);
    [[nodiscard]] static QString usage();
};
