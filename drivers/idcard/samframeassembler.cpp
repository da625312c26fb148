#include "idcard/samframeassembler.h"

#include "idcard/samframe.h"

SamFrameAssembler::SamFrameAssembler(qsizetype minimumLength)
    : m_minimumLength(minimumLength)
{
}

void SamFrameAssembler::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes.data(), bytes.size());
}

void SamFrameAssembler::clear()
{
    m_buffer.clear();
    m_noise = 0;
}

std::optional<SamFrameAssembler::Result> SamFrameAssembler::next()
{
    const QByteArrayView preamble(SamFrame::Preamble.data(), SamFrame::PreambleSize);
    for (;;) {
        const qsizetype start = m_buffer.indexOf(preamble);
        if (start < 0) {
            // Keep a tail that could be the start of a preamble split across reads.
            const qsizetype keep = std::min<qsizetype>(m_buffer.size(), SamFrame::PreambleSize - 1);
            m_noise += m_buffer.size() - keep;
            m_buffer.remove(0, m_buffer.size() - keep);
            return std::nullopt;
        }
        if (start > 0) {
            m_noise += start;
            m_buffer.remove(0, start);
        }
        if (m_buffer.size() < SamFrame::HeaderSize)
            return std::nullopt;

        const qsizetype length = (static_cast<quint8>(m_buffer[5]) << 8) | static_cast<quint8>(m_buffer[6]);
        if (length < m_minimumLength || length > SamFrame::MaxLength) {
            // Drop this preamble so the search moves on to the next one.
            m_buffer.remove(0, 1);
            Result result{Error::BadLength, {}, m_noise};
            m_noise = 0;
            return result;
        }
        if (m_buffer.size() < SamFrame::HeaderSize + length)
            return std::nullopt;

        const QByteArrayView covered = QByteArrayView(m_buffer).sliced(SamFrame::PreambleSize, 2 + length - 1);
        const auto expected = static_cast<quint8>(m_buffer[SamFrame::HeaderSize + length - 1]);
        Result result{Error::None, {}, m_noise};
        m_noise = 0;
        if (SamFrame::checksum(covered) != expected) {
            m_buffer.remove(0, 1);
            result.error = Error::BadChecksum;
            return result;
        }
        result.body = m_buffer.mid(SamFrame::HeaderSize, length - 1);
        m_buffer.remove(0, SamFrame::HeaderSize + length);
        return result;
    }
}
