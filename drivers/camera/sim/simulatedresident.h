#pragma once

#include <QImage>

// The resident a `simulated` face camera shows: the public-domain astronaut face of
// assets/camera, and the same head turned about its vertical axis, as a person turns their head
// for the liveness challenge. The head is modelled as an ellipsoid over the hair and the face; the
// neck twists less and the shoulders not at all, so the face's features move sideways over a body
// that stays where it was, as they do when a real head turns (and unlike a photo slid sideways).
// Pure functions over pictures in memory.
namespace SimulatedResident {

// The 320×320 picture, the face centred at (128, 114) and about 97 px wide; null if the
// resource is missing.
[[nodiscard]] QImage face();
// `face` (that picture, at any scale) with the head turned by `yawDegrees`; positive turns the
// face towards the picture's right.
[[nodiscard]] QImage turned(const QImage &face, double yawDegrees);

} // namespace SimulatedResident
