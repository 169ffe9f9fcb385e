"""Curved envelope segments (private module): a cubic Bezier from (0, 0) to (1, 1).

A curve is Live 12's `EnvelopeEventControlCoefficients` as a tuple (x1, y1, x2, y2):
the two inner control points, as fractions of the segment's time (x) and value
(y) spans, the way Live's set files store a segment's CurveControl1/2 (0..1).
Control points on the diagonal make a straight line.
"""


def _bezier(inner1, inner2, s):
    rest = 1.0 - s
    return 3.0 * rest * rest * s * inner1 + 3.0 * rest * s * s * inner2 + s * s * s


def _slope(inner1, inner2, s):
    rest = 1.0 - s
    return 3.0 * rest * rest * inner1 + 6.0 * rest * s * (inner2 - inner1) + 3.0 * s * s * (1.0 - inner2)


def parameter_at(curve, fraction):
    """The Bezier parameter s where the curve's time is `fraction` (x1, x2 in 0..1 keep x monotonic)."""
    x1, x2 = curve[0], curve[2]
    if fraction <= 0.0:
        return 0.0
    if fraction >= 1.0:
        return 1.0
    s = fraction
    for _ in range(8):  # Newton, then bisection if it wanders
        error = _bezier(x1, x2, s) - fraction
        if abs(error) < 1e-12:
            return s
        slope = _slope(x1, x2, s)
        if abs(slope) < 1e-9:
            break
        s -= error / slope
        if not 0.0 <= s <= 1.0:
            break
    low, high = 0.0, 1.0
    for _ in range(60):
        s = (low + high) / 2.0
        if _bezier(x1, x2, s) < fraction:
            low = s
        else:
            high = s
    return (low + high) / 2.0


def value_along(curve, fraction):
    """The fraction of the value span reached at `fraction` of the time span."""
    return _bezier(curve[1], curve[3], parameter_at(curve, fraction))


def _lerp(a, b, s):
    return (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s)


def split(curve, fraction):
    """The two curves that draw the same line when the segment is cut at `fraction` of its time
    (de Casteljau); None for a part whose value span is empty (it is flat, hence straight)."""
    s = parameter_at(curve, fraction)
    p0, p1, p2, p3 = (0.0, 0.0), (curve[0], curve[1]), (curve[2], curve[3]), (1.0, 1.0)
    p01, p12, p23 = _lerp(p0, p1, s), _lerp(p1, p2, s), _lerp(p2, p3, s)
    p012, p123 = _lerp(p01, p12, s), _lerp(p12, p23, s)
    cut = _lerp(p012, p123, s)
    left = right = None
    if cut[0] > 0.0 and cut[1] != 0.0:
        left = (p01[0] / cut[0], p01[1] / cut[1], p012[0] / cut[0], p012[1] / cut[1])
    if cut[0] < 1.0 and cut[1] != 1.0:
        width, height = 1.0 - cut[0], 1.0 - cut[1]
        right = ((p123[0] - cut[0]) / width, (p123[1] - cut[1]) / height,
                 (p23[0] - cut[0]) / width, (p23[1] - cut[1]) / height)
    return left, right
