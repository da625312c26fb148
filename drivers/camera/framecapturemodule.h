#pragma once

#include <QString>

#include <memory>

class FrameCapture;

// Loads kiosk-videoio.so once, on the first call from any thread, and makes captures from it. The
// module stays loaded for the life of the process: captures' code lives in it. It is looked for
// beside the program (../lib/kiosk, as installed under /usr) or, for programs in the build tree,
// in the build tree's lib/kiosk.
class FrameCaptureModule
{
public:
    // A new capture, or null with *error saying why the module could not be loaded.
    static std::unique_ptr<FrameCapture> create(QString *error);

    // Whether this process has loaded the module (the start-up test asks).
    static bool isLoaded();

    // The kiosk holds the module back until its first frame is on the screen, so that loading it
    // neither takes the processor nor the dynamic loader's lock from the attract screen; cameras
    // wait meanwhile (CameraWorker). Other programs never hold it.
    static void holdUntilFirstFrame();
    static void release();
    static bool isHeld();
};
