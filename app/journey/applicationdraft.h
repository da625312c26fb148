#pragma once

#include "catalogue.h"
#include "formvalidation.h"
#include "sessionmachine.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QObject>

struct IdCardHolder;

// The application a resident is filling in: the item, the form's values prefilled from the card
// (零填报) and what the resident typed, each value checked against its field as it changes. It
// is personal data for the length of one session: the wipe clears it.
class ApplicationDraft : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    explicit ApplicationDraft(QObject *parent = nullptr);

    // Starts a draft for `item`, filling every field whose `prefill` names a holder attribute.
    void begin(const CatalogueItem &item, const IdCardHolder &holder);
    [[nodiscard]] bool isActive() const { return m_item.has_value(); }
    [[nodiscard]] const CatalogueItem *item() const { return m_item ? &*m_item : nullptr; }

    [[nodiscard]] QString value(const QString &fieldId) const { return m_values.value(fieldId); }
    // Refuses to change a read-only field or one the item does not have, and refuses a masked
    // text: what a screen shows of a value is never taken for the value.
    bool setValue(const QString &fieldId, const QString &value);
    [[nodiscard]] FormValidation::Problem problem(const QString &fieldId) const;
    // True when every field passes; the first field with a problem is named in `firstProblem`.
    [[nodiscard]] bool isComplete(QString *firstProblem = nullptr) const;
    // What the screens show of a field: what came from the card, and account numbers once typed,
    // masked; everything else as it is.
    [[nodiscard]] QString shownValue(const QString &fieldId) const;
    // The value the resident edits: the real one, for an editable field only; empty otherwise.
    [[nodiscard]] QString editableValue(const QString &fieldId) const;
    // True when the value came from the card rather than from the resident.
    [[nodiscard]] bool isPrefilled(const QString &fieldId) const { return m_prefilled.contains(fieldId); }

    // The resident typed a value or captured a page: leaving now would throw their work away.
    // Values prefilled from the card are not theirs to lose; the card gives them again.
    [[nodiscard]] bool holdsResidentInput() const;

    // Pages captured for each of the item's materials (JPEG, in memory only).
    bool addPage(const QString &materialId, const QByteArray &jpeg);
    bool removePages(const QString &materialId);
    // Puts `jpeg` in the place of page `index` of the material; the old page is overwritten.
    bool replacePage(const QString &materialId, int index, const QByteArray &jpeg);
    // The first material after `materialId`, in the item's order and coming round to the start,
    // that has no page yet; empty when every other material has one.
    [[nodiscard]] QString nextMaterialWithoutPages(const QString &materialId) const;
    [[nodiscard]] QList<QByteArray> pages(const QString &materialId) const { return m_pages.value(materialId); }
    // True when every required material has at least one page.
    [[nodiscard]] bool materialsComplete() const;

    // The body of POST /cases without what the outbox adds (local_ref, queued_at, materials).
    [[nodiscard]] QJsonObject caseBody(const QString &verifiedBy) const;

    void wipeSessionData() override;

signals:
    void changed();

private:
    [[nodiscard]] const FormField *field(const QString &fieldId) const;

    std::optional<CatalogueItem> m_item;
    QHash<QString, QString> m_values;
    QSet<QString> m_prefilled;
    QHash<QString, QList<QByteArray>> m_pages;
    QString m_applicantName;
    QString m_applicantIdNumber;
};
