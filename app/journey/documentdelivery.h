#pragma once

#include "feepayment.h"
#include "localizedtext.h"
#include "sessionmachine.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class PlatformCall;
class PlatformClient;
class Printer;
class PrintJob;
struct CatalogueItem;
struct IdCardHolder;
struct PlatformResult;

// A document the platform issues at once, printed here and not kept: a `print` item's
// certificate (POST /cases, then the case's document_url) or one of the resident's e-licences
// (its document_url). The PDF lives only in memory between download and print job and is
// overwritten as soon as the printer has it. It needs the platform live and a verified holder.
// A fee item's case waits in Paying for its FeePayment; once paid, the case's document and the
// fiscal receipt (财政电子票据) are printed. A payment given up or left to expire prints nothing.
class DocumentDelivery : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    enum class Stage { Idle, Filing, Paying, Fetching, Printing, Done, Failed };
    Q_ENUM(Stage)

    explicit DocumentDelivery(QObject *parent = nullptr);

    // Files an instant case for `item` on the verified holder's behalf; a document_url in the
    // answer is fetched and printed on `printer`. finished() follows.
    bool fileInstantCase(PlatformClient *platform, Printer *printer, const CatalogueItem &item, const IdCardHolder &holder,
                         const QString &holderToken, const QString &verifiedBy, const QString &localRef);
    // Files a fee application's case as it stands (`caseBody`, its materials already uploaded)
    // and waits in Paying for its payment; once paid, the fiscal receipt is fetched with the
    // holder token and printed on `printer`. finished() follows, as for an instant case.
    bool fileFeeCase(PlatformClient *platform, Printer *printer, const QString &itemCode, const QJsonObject &caseBody,
                     const QString &holderToken);
    // Fetches `documentUrl` with the holder token and prints it as the job `title` (a
    // PrintJobName, never the resident's words); finished() follows. `serviceRef` names what was
    // printed for a rating without a case ("licence:L…", contract 1.1).
    bool printDocument(PlatformClient *platform, Printer *printer, const QString &documentUrl, const QString &holderToken,
                       const QString &title, const QString &serviceRef = {});

    [[nodiscard]] Stage stage() const { return m_stage; }
    // The fee's payment while Paying, and after it (paid amount, receipt).
    [[nodiscard]] FeePayment *payment() { return &m_payment; }
    [[nodiscard]] const FeePayment *payment() const { return &m_payment; }
    // The amount paid for this case in fen; 0 when nothing was paid.
    [[nodiscard]] int paidFen() const { return m_payment.state() == FeePayment::State::Paid ? m_payment.amountFen() : 0; }
    // Expired, or cancelled by the resident: files the case again for a new payment code.
    bool renewPayment();
    // The resident gives up paying: the payment is cancelled, nothing is printed.
    bool cancelPayment();
    [[nodiscard]] bool isBusy() const;
    // From the instant case: its number, status ("approved", "rejected" …) and the platform's words.
    [[nodiscard]] QString caseNumber() const { return m_caseNumber; }
    [[nodiscard]] QString itemCode() const { return m_itemCode; }
    [[nodiscard]] QString caseStatus() const { return m_caseStatus; }
    [[nodiscard]] LocalizedText message() const { return m_message; }
    // Whether a document came out of the printer.
    [[nodiscard]] bool documentPrinted() const { return m_documentPrinted; }
    // The service a rating names once its document came out (a printed licence); empty before,
    // and for a case, which the rating names by its number instead.
    [[nodiscard]] QString serviceRef() const { return m_documentPrinted ? m_serviceRef : QString(); }
    // Failed: "platform_offline", "platform_refused", "platform_error", "no_printer",
    // "payment_cancelled", "payment_unknown" (the platform could not say whether it was paid), or the
    // printer's reason ("media-empty", …) prefixed "printer:".
    [[nodiscard]] QString problem() const { return m_problem; }

    void wipeSessionData() override;

signals:
    void stageChanged(DocumentDelivery::Stage stage);
    void finished(bool ok);

private:
    void setStage(Stage stage);
    void fail(const QString &problem);
    void fetchAndPrint(const QString &documentUrl);
    void print(QByteArray pdf);
    void watch(PlatformCall *call, void (DocumentDelivery::*handler)(const PlatformResult &));
    void takeCaseAnswer(const PlatformResult &result);
    void takeDocument(const PlatformResult &result);
    void takePaymentState(FeePayment::State state);
    void takePaidCase(const PlatformResult &result);
    void printFiscalReceipt();
    [[nodiscard]] static QString problemOf(const PlatformResult &result);

    Stage m_stage = Stage::Idle;
    QPointer<PlatformClient> m_platform;
    QPointer<Printer> m_printer;
    QString m_holderToken;
    QString m_title;
    QString m_serviceRef;
    QString m_itemCode;
    QString m_caseNumber;
    QString m_caseStatus;
    LocalizedText m_message;
    bool m_documentPrinted = false;
    QString m_problem;
    QPointer<PlatformCall> m_call;
    QPointer<PrintJob> m_job;
    FeePayment m_payment;
    // The fee case's request, kept in memory only for a new payment code, wiped with the session.
    QJsonObject m_caseRequest;
    QString m_fiscalReceiptUrl; // still to print after the document
};
