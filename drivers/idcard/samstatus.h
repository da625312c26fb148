#pragma once

#include "device/devicehealth.h"

#include <QString>

// What a reader's SW3 byte means, for the driver (is it the card's fault or the SAM's?), for
// the resident (a short sentence in Chinese and English) and for staff (a hint and a detail).
struct SamStatus {
    enum class Code {
        Success,           // 90
        NoContent,         // 91
        CardFound,         // 9F
        HostChecksumError, // 10
        HostLengthError,   // 11
        BadCommand,        // 21
        NotPermitted,      // 23
        UnrecognisedError, // 24
        CardRejectedSam,   // 31
        SamRejectedCard,   // 32
        InformationCheckFailed,  // 33
        FingerprintCheckFailed,  // 37
        InformationLengthError,  // 3F
        UnrecognisedCardType,    // 40
        ReadFailed,        // 41
        RandomNumberFailed, // 47
        SamSelfTestFailed, // 60
        SamNotAuthorised,  // 66
        NoCard,            // 80
        SelectFailed,      // 81
        Unknown,           // anything else
    };

    quint8 sw3 = 0;
    Code code = Code::Unknown;
    QString detail;    // snake_case for logs and health: "sam_self_test_failed"
    QString messageZh;
    QString messageEn;
    StaffHint hint = StaffHint::None;

    [[nodiscard]] static SamStatus fromSw3(quint8 sw3);
    [[nodiscard]] bool isSuccess() const { return code == Code::Success || code == Code::CardFound; }
    // A fault of the SAM module itself, cured (if at all) by resetting it.
    [[nodiscard]] bool isSamFault() const;
    // A fault of this card presentation: the resident can take the card away and try again.
    [[nodiscard]] bool isCardFault() const;
};
