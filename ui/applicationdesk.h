#pragma once

#include "processsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class KioskRuntime;
class KioskShell;

// What the form, materials and review screens see of the application being filled in, as the
// singleton `Form`: the fields (prefilled from the card or code, masked where they came from it),
// the materials and their pages, and the document camera. It relays the resident's taps to the
// draft and the camera; which screen follows which is decided here only within the form's own
// steps (form → materials → review).
class ApplicationDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Form)
    QML_SINGLETON
    // Each: id, label, type, entry (an Entry), required, readonly, prefilled, value (masked when it
    // came from the card), problem, options.
    Q_PROPERTY(QVariantList fields READ fields NOTIFY changed)
    Q_PROPERTY(bool complete READ complete NOTIFY changed)
    // Where prefilled values came from ("来自身份证", "来自居住证", …) and the form's note on them,
    // following the document the resident identified with.
    Q_PROPERTY(QString sourceLabel READ sourceLabel NOTIFY changed)
    Q_PROPERTY(QString prefilledNote READ prefilledNote NOTIFY changed)
    // Each: id, name, required, pages (how many captured), revision (changes with every page
    // taken, so thumbnails of image://pages/ID/INDEX are fetched anew).
    Q_PROPERTY(QVariantList materials READ materials NOTIFY changed)
    Q_PROPERTY(bool materialsComplete READ materialsComplete NOTIFY changed)
    Q_PROPERTY(QString currentMaterial READ currentMaterial NOTIFY currentMaterialChanged)
    // False when the last page showed no page outline and the whole frame was kept.
    Q_PROPERTY(bool lastPageFound READ lastPageFound NOTIFY pageCaptured)
    Q_PROPERTY(bool documentCameraUsable READ documentCameraUsable NOTIFY documentCameraChanged)

public:
    // How a field is entered: typed on the keyboard (text, address); on the keypad (phone, an ID
    // number with its X, a date shown with its dashes, any other number); chosen (select).
    enum class Entry { Text, Keypad, Phone, IdNumber, Date, Select };
    Q_ENUM(Entry)
    [[nodiscard]] static Entry entryOf(const QString &type);

    ApplicationDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent = nullptr);

    // QML asks for the singleton here; the process creates it before loading QML.
    static ApplicationDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] QVariantList fields() const;
    [[nodiscard]] bool complete() const;
    [[nodiscard]] QString sourceLabel() const;
    [[nodiscard]] QString prefilledNote() const;
    [[nodiscard]] QVariantList materials() const;
    [[nodiscard]] bool materialsComplete() const;
    [[nodiscard]] QString currentMaterial() const { return m_currentMaterial; }
    [[nodiscard]] bool lastPageFound() const { return m_lastPageFound; }
    [[nodiscard]] bool documentCameraUsable() const;

    // The real value of an editable field, for the keyboard of the resident editing it; the list
    // above keeps showing it masked.
    Q_INVOKABLE QString editText(const QString &fieldId) const;
    Q_INVOKABLE bool setFieldValue(const QString &fieldId, const QString &value);
    // The form is complete: on to the document camera when the item asks for materials, else
    // to the review.
    Q_INVOKABLE bool review();
    Q_INVOKABLE bool selectMaterial(const QString &materialId);
    Q_INVOKABLE bool capturePage();
    Q_INVOKABLE bool retakeMaterial(const QString &materialId);
    // The next page taken replaces page `index` (from 0) of the material.
    Q_INVOKABLE bool retakePage(const QString &materialId, int index);
    Q_INVOKABLE bool reviewMaterials();
    Q_INVOKABLE bool backToForm();

signals:
    void changed();
    void currentMaterialChanged();
    void pageCaptured();
    void documentCameraChanged();

private:
    void reset();

    KioskRuntime *m_runtime;
    KioskShell *m_shell;
    QString m_currentMaterial;
    bool m_lastPageFound = true;
    int m_pageRevision = 0;
    ProcessSingleton<ApplicationDesk> m_singleton{this};
};
