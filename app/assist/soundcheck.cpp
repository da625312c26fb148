#include "soundcheck.h"

#include <gst/gst.h>

bool SoundCheck::microphoneWorks(const QString &source)
{
    if (source.isEmpty() || !gst_init_check(nullptr, nullptr, nullptr))
        return false;
    GstElement *probe = gst_parse_launch(
        QStringLiteral("pulsesrc device=\"%1\" ! fakesink sync=false").arg(source).toUtf8().constData(), nullptr);
    if (!probe)
        return false;
    bool works = gst_element_set_state(probe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE
                 && gst_element_get_state(probe, nullptr, nullptr, 3 * GST_SECOND) != GST_STATE_CHANGE_FAILURE;
    if (works) {
        // A source that fails only once it streams reports it on the bus.
        GstBus *bus = gst_element_get_bus(probe);
        GstMessage *error = gst_bus_timed_pop_filtered(bus, 300 * GST_MSECOND, GST_MESSAGE_ERROR);
        works = error == nullptr;
        if (error)
            gst_message_unref(error);
        gst_object_unref(bus);
    }
    gst_element_set_state(probe, GST_STATE_NULL);
    gst_object_unref(probe);
    return works;
}

bool SoundCheck::speakerWorks()
{
    if (!gst_init_check(nullptr, nullptr, nullptr))
        return false;
    GstElement *probe = gst_parse_launch("audiotestsrc num-buffers=1 ! pulsesink sync=false", nullptr);
    if (!probe)
        return false;
    const bool works = gst_element_set_state(probe, GST_STATE_PAUSED) != GST_STATE_CHANGE_FAILURE
                       && gst_element_get_state(probe, nullptr, nullptr, 3 * GST_SECOND) == GST_STATE_CHANGE_SUCCESS;
    gst_element_set_state(probe, GST_STATE_NULL);
    gst_object_unref(probe);
    return works;
}
