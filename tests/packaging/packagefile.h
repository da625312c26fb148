#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// One .deb in the build tree, read through dpkg-deb as a technician's tools would read it: the
// paths it installs, its control fields, its maintainer scripts and the content of one file.
class PackageFile
{
public:
    // The newest `NAME_VERSION_*.deb` in `directory`; an empty path when there is none.
    [[nodiscard]] static PackageFile find(const QString &directory, const QString &name, const QString &version);

    [[nodiscard]] bool isValid() const { return !m_path.isEmpty(); }
    [[nodiscard]] QString path() const { return m_path; }

    // Installed paths without the leading "./" (usr/bin/kiosk), directories with a trailing '/'.
    [[nodiscard]] QStringList contents() const;
    // A field of the control file (Depends, Package, …), empty when absent.
    [[nodiscard]] QString field(const QString &name) const;
    // A member of the control archive (postinst, conffiles, …) as bytes; empty when absent.
    [[nodiscard]] QByteArray controlMember(const QString &name) const;
    // Whether a control member is executable by everyone (maintainer scripts must be).
    [[nodiscard]] bool controlMemberIsExecutable(const QString &name) const;
    // The content of one installed file (path without "./").
    [[nodiscard]] QByteArray fileContent(const QString &path) const;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs a program to completion (generous timeout for a loaded machine); exit code -1 when it
    // could not start, crashed or timed out.
    [[nodiscard]] static Run run(const QString &program, const QStringList &arguments, int timeoutMs = 300000,
                                 const QByteArray &stdinData = {});

private:
    QString m_path;
};
